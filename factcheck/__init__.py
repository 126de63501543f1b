"""factcheck: a claim fact-checking service for newsrooms."""

import os

import flask_smorest
from flask import Flask

from factcheck import api, cli, config, web
from factcheck.api import auth, database, docs, problems

# Named apart: bound as `ratelimit` here it would hide the domain's factcheck.ratelimit.
from factcheck.api import ratelimit as web_ratelimit
from factcheck.api.answer_cache import AnswerCache
from factcheck.schemas.base import ProblemSchema


class Api(flask_smorest.Api):
    # Error responses in the OpenAPI document are described by our problem+json body
    # (problems.init_app gives them its media type).
    ERROR_SCHEMA = ProblemSchema

    def _register_pagination_header(self):
        """Lists page with a cursor in the body, not flask-smorest's pagination header: leave
        its header and PaginationMetadata schema out of the document."""


class App(Flask):
    """Flask, asking whether a view or hook is async once per function rather than on every
    call: Flask's ensure_sync inspects each of a request's dozen hooks every time, a fifth
    of a claim read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._synchronous = {}  # the views and hooks, registered once: a bounded set

    def ensure_sync(self, func):
        if func not in self._synchronous:
            self._synchronous[func] = super().ensure_sync(func)
        return self._synchronous[func]


def create_app(overrides=None):
    """Build the application: config, database, error handlers, blueprints."""
    app = App(__name__)
    app.json.sort_keys = False  # keep the order the schemas declare
    app.config.from_mapping(config.from_environment())
    app.config.update(
        API_TITLE="factcheck",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
    )
    app.config.update(overrides or {})
    if not app.config["DATABASE"]:
        app.config["DATABASE"] = os.path.join(app.instance_path, "factcheck.db")

    plugins = [docs.Conventions(app), web_ratelimit.DocumentTooManyRequests()]
    rest_api = Api(app, spec_kwargs={"extra_plugins": plugins})
    database.init_app(app)
    auth.init_app(app)
    web_ratelimit.init_app(app)
    problems.init_app(app, rest_api)
    api.init_app(app, rest_api)
    web.init_app(app)
    cli.register_commands(app)
    app.wsgi_app = AnswerCache(app.wsgi_app, app.config)
    return app
