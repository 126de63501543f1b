"""The blueprint every API module builds on: a strict argument parser (unknown fields and
query parameters refused), problem+json error documentation, row ids in paths, and whether
anonymous readers may read it."""

import functools
import json

import flask_smorest
import marshmallow as ma
from flask import Response, current_app, request
from flask_smorest.utils import unpack_tuple_response
from webargs.flaskparser import FlaskParser
from werkzeug.routing import IntegerConverter

from factcheck.api import answer_cache
from factcheck.api.auth import current_identity
from factcheck.errors import PROBLEM_MEDIA_TYPE, Unauthorized
from factcheck.schemas.base import NoQuerySchema, ProblemSchema
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


def _needs_a_key():
    if not current_identity().is_staff:
        raise Unauthorized("This needs an API key: send `Authorization: Bearer <key>`.")


class Blueprint(flask_smorest.Blueprint):
    # Unknown fields are refused everywhere, query strings included, so typos surface.
    ARGUMENTS_PARSER = StrictParser(unknown=ma.RAISE)

    def __init__(self, *args, public_reads=True, **kwargs):
        """public_reads=False: even its GETs need a key (401 without one). The same flag
        tells the OpenAPI document (api/docs.py) and CORS (api/cors.py) who may call it."""
        super().__init__(*args, **kwargs)
        self.public_reads = public_reads
        if not public_reads:
            self.before_request(_needs_a_key)

    def arguments(self, schema, *args, **kwargs):
        # webargs builds a new instance of a schema class for every request it parses, which
        # deep-copies every field (0.3 ms of a list page); one instance serves them all.
        schema = schema() if isinstance(schema, type) else schema
        return super().arguments(schema, *args, **kwargs)

    def problem(self, status, description):
        """Document an error answer: a problem+json body with this status."""
        return self.alt_response(
            status, schema=ProblemSchema, content_type=PROBLEM_MEDIA_TYPE, description=description
        )

    def no_query(self):
        """Refuse query parameters on an operation that takes none (422, like every unknown
        field), and hand the view nothing for them. A request without any skips the parser,
        which cost a tenth of a claim read."""

        def decorator(view):
            @functools.wraps(view)  # and with it, the documentation view already has
            def dropping_query(_no_query, *args, **kwargs):
                return view(*args, **kwargs)

            parsed = self.arguments(NoQuerySchema, location="query")(dropping_query)

            @functools.wraps(view)
            def without_query(*args, **kwargs):
                if request.args:
                    return parsed(*args, **kwargs)  # refuses them, as everywhere
                return view(*args, **kwargs)

            without_query._apidoc = parsed._apidoc
            return without_query

        return decorator

    def shaped_response(self, status, schema):
        """Like response(status, schema), for a view whose data SQL has already put in the
        schema's shape: sent as JSON without the schema's dump, which cost as much as the
        read itself on the hot reads. The schema still documents the answer, and under test
        (app.testing) every answer must equal its dump, so the two cannot drift apart.
        Readers may be given the answer again until the database changes (readers_may_keep)."""
        schema = schema() if isinstance(schema, type) else schema

        def decorator(view):
            @functools.wraps(view)
            def shaped(*args, **kwargs):
                data, status_code, headers = unpack_tuple_response(view(*args, **kwargs))
                if isinstance(data, Response):
                    return data, status_code, headers
                if current_app.testing:
                    _require_shape(schema, data)
                body = json.dumps(data, separators=(",", ":"))
                return Response(body, status_code or status, headers, mimetype="application/json")

            return self.response(status, schema)(readers_may_keep(shaped))

        return decorator


def readers_may_keep(view):
    """Mark a read whose answer depends on nothing but the database and the URL: readers
    (requests without a key) may be given it again until anything is committed
    (api/answer_cache.py)."""

    @functools.wraps(view)
    def marking(*args, **kwargs):
        request.environ[answer_cache.KEEP] = True
        return view(*args, **kwargs)

    return marking


def _require_shape(schema, data):
    dumped = schema.dump(data)
    if dumped != data:
        raise AssertionError(f"Not in the shape of {type(schema).__name__}: {data} != {dumped}")
