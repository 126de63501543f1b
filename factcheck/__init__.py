"""factcheck: a claim fact-checking service for newsrooms."""

import logging
import os

import flask_smorest
from flask import Flask

from factcheck import api, cli, config, errors
from factcheck.api import auth, database
from factcheck.schemas.base import ProblemSchema


class Api(flask_smorest.Api):
    # Error responses in the OpenAPI document are described by our problem+json body.
    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self):
        # flask-smorest documents its shared error responses with the default content type;
        # ours are application/problem+json, while successes stay application/json.
        self.DEFAULT_RESPONSE_CONTENT_TYPE = errors.PROBLEM_MEDIA_TYPE
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE


def create_app(overrides=None):
    """Build the application: config, database, error handlers, blueprints."""
    app = Flask(__name__)
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
    logging.basicConfig(level=logging.INFO)

    rest_api = Api(app)
    database.init_app(app)
    auth.init_app(app)
    errors.init_app(app, rest_api)
    api.init_app(app, rest_api)
    cli.register_commands(app)
    return app
