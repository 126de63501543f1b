"""The JSON API: blueprints with a strict argument parser, registered on one Api."""

import json

import flask_smorest
import marshmallow as ma
from flask import request
from webargs.flaskparser import FlaskParser
from werkzeug.routing import IntegerConverter

from factcheck.errors import PROBLEM_MEDIA_TYPE, LengthRequired, Problem, UnsupportedMediaType
from factcheck.schemas.base import ProblemSchema
from factcheck.schemas.fields import MAX_SQLITE_INTEGER


class IdConverter(IntegerConverter):
    """A row id in a path. ASCII digits only, at most as many as SQLite's largest integer has,
    so a sign, letters or a 5000-digit number never match (404)."""

    regex = r"[0-9]{1,19}"

    def to_python(self, value):
        # Too big for SQLite, so no row has it: map to id 0, which is never assigned, and
        # let the lookup answer 404. (Rejecting here would make werkzeug answer 405.)
        row_id = int(value)
        return row_id if row_id <= MAX_SQLITE_INTEGER else 0


class StrictParser(FlaskParser):
    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise
        except (RecursionError, ValueError) as error:
            # json.loads recurses once per nesting level, and refuses integers of more than
            # 4300 digits with a plain ValueError: both would otherwise escape as a 500.
            # They are malformed input like any other (400).
            raise json.JSONDecodeError(str(error), "(request body)", 0) from error


class Blueprint(flask_smorest.Blueprint):
    # Unknown fields are refused everywhere, query strings included, so typos surface.
    ARGUMENTS_PARSER = StrictParser(unknown=ma.RAISE)

    def problem(self, status, description):
        """Document an error answer: a problem+json body with this status."""
        return self.alt_response(
            status, schema=ProblemSchema, content_type=PROBLEM_MEDIA_TYPE, description=description
        )


def require_json_body():
    """Every write here takes a JSON object: refuse anything else before parsing."""
    if request.method not in {"POST", "PUT", "PATCH"} or request.routing_exception:
        return
    if request.headers.get("Transfer-Encoding"):
        # Without a length the 1 MiB limit cannot be enforced up front (werkzeug cuts a
        # long chunked body short instead), so ask for Content-Length.
        raise LengthRequired("Send the body with a Content-Length header, not chunked.")
    if not request.get_data(cache=True):
        raise Problem("The request body is empty; send a JSON object.")
    if not request.is_json:
        raise UnsupportedMediaType("Send the body as JSON with Content-Type: application/json.")


def init_app(app, api):
    from factcheck.api import (
        accounts,
        articles,
        claims,
        desk,
        docs,
        health,
        history,
        ratings,
        sources,
        transitions,
        verdicts,
    )

    app.url_map.converters["id"] = IdConverter
    api.register_converter(IdConverter, lambda _converter: {"type": "integer", "minimum": 1})
    app.before_request(require_json_body)
    for module in (
        articles,
        claims,
        sources,
        verdicts,
        transitions,
        history,
        ratings,
        desk,
        accounts,
    ):
        api.register_blueprint(module.blp)
    app.register_blueprint(health.bp)
    docs.init_app(app, api)
