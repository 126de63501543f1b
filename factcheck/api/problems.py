"""problem+json (RFC 9457) on the web side: the one place an error body is built, the
handlers that turn every error into one, their description in the OpenAPI document, and
GET /problems, which lists the problem types."""

import sqlite3
from http import HTTPStatus

from flask import current_app, json, request
from werkzeug.exceptions import HTTPException

from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.errors import (
    PROBLEM_MEDIA_TYPE,
    MethodNotAllowed,
    NotFound,
    OtherHttpError,
    Problem,
    TooLarge,
    Unavailable,
    by_slug,
    for_status,
)
from factcheck.schemas.base import ProblemTypeListSchema, ProblemTypeSchema
from migrations.migrations import migrations

blp = Blueprint(
    "problems", __name__, url_prefix="/problems", description="What each error `type` means."
)


def problem_response(status, title, detail, slug, errors=None, headers=None, extra=None):
    """The single place an error body is built."""
    body = {
        "type": f"/problems/{slug}",
        "title": title,
        "status": status,
        "detail": detail,
        **(extra or {}),
    }
    if errors:
        body["errors"] = errors
    response = current_app.response_class(
        json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE
    )
    response.headers.update(headers or {})
    return response


def flatten_errors(messages, prefix=""):
    """Turn marshmallow's nested messages into {"field.sub": ["message", ...]}."""
    if isinstance(messages, list | tuple):
        return {prefix or "_schema": [str(m) for m in messages]}
    flat = {}
    for key, value in messages.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if key == "_schema" and prefix:
            path = prefix
        flat.update(flatten_errors(value, path))
    return flat


def _webargs_field_errors(messages):
    """webargs keys errors by location ({"json": {...}}); readers want just the fields."""
    flat = {}
    for location_errors in messages.values():
        flat.update(flatten_errors(location_errors))
    return flat


def _detail_and_errors(error, errors):
    """What to tell the caller about an error werkzeug or webargs raised."""
    if error.code == 400 and errors and list(errors) == ["_schema"]:
        return "The request body is not valid JSON.", None
    if errors:
        return "The request has invalid fields; see errors.", errors
    if error.code == TooLarge.status:
        return TooLarge.detail_for(request.max_content_length), None
    return DETAILS.get(error.code, lambda _error: error.description)(error), None


# Plainer words than werkzeug's for the routing errors.
DETAILS = {
    NotFound.status: lambda _error: f"Nothing answers at {request.path}; see /docs.",
    MethodNotAllowed.status: lambda error: (
        f"{request.path} does not take {request.method}; it takes "
        f"{', '.join(error.valid_methods or [])}."
    ),
}


def handle_http_exception(error: HTTPException):
    """Routing (404, 405), werkzeug (413, 500) and webargs (400, 422) errors: each gets the
    problem type of its status, so they read the same as the domain's own."""
    data = getattr(error, "data", None) or {}
    messages = _webargs_field_errors(data["messages"]) if "messages" in data else None
    detail, errors = _detail_and_errors(error, messages)
    headers = dict(data.get("headers") or {})
    if error.code == 405 and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    kind = for_status(error.code)
    title = error.name if kind is OtherHttpError else kind.title
    return problem_response(error.code, title, detail, kind.slug, errors, headers)


def handle_problem(error: Problem):
    return problem_response(
        error.status,
        error.title,
        error.detail,
        error.slug,
        error.errors,
        error.headers,
        error.extra,
    )


def handle_database_not_ready(error: sqlite3.OperationalError):
    """A write that waited out the busy timeout, or a database the operator has not
    migrated yet (a server started without `factcheck migrate`): 503 saying which, not a
    crash. Any other error of SQLite's is a fault of ours, and stays a 500."""
    message = str(error)
    if "locked" in message or "busy" in message:
        busy = Unavailable("The database is busy; retry shortly.", headers={"Retry-After": "1"})
        return handle_problem(busy)
    if message.startswith("no such table") and migrations.pending(get_db()):
        return handle_problem(Unavailable("The database needs migrating: run `factcheck migrate`."))
    raise error


# The header each shared answer carries (api/docs.py gives operations these answers).
SHARED_HEADERS = {
    HTTPStatus.UNAUTHORIZED.name: "WWW-Authenticate",
    HTTPStatus.SERVICE_UNAVAILABLE.name: "Retry-After",
}


def _shared_description(status):
    """A status with a problem type of its own is described as that type."""
    kind = for_status(status)
    return status.phrase if kind is OtherHttpError else kind.description


def document_problem_responses(api):
    """Describe flask-smorest's shared error answers in the OpenAPI document as problem+json.

    flask-smorest registers, lazily, one response per HTTP status and a default error for the
    paths to refer to (DEFAULT_ERROR, UNPROCESSABLE_ENTITY, ...), with its default content type:
    application/json, which successes keep. Registering them again through apispec's public
    components, lazily too and before any blueprint refers to them, replaces its versions.
    """
    shared = [(status.name, _shared_description(status)) for status in HTTPStatus if status >= 400]
    shared.append((api.DEFAULT_ERROR_RESPONSE_NAME, "Default error response"))
    for name, description in shared:
        response = {
            "description": description,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": api.ERROR_SCHEMA}},
        }
        if name in SHARED_HEADERS:
            response["headers"] = {SHARED_HEADERS[name]: SHARED_HEADERS[name]}
        api.spec.components.response(name, response, lazy=True)


def _describe(kind):
    return {
        "type": f"/problems/{kind.slug}",
        "title": kind.title,
        "status": kind.status,
        "description": kind.description,
    }


@blp.route("", methods=["GET"])
@blp.no_query()
@blp.response(200, ProblemTypeListSchema)
def list_problem_types():
    """Every problem type an error answer's `type` can name."""
    return {"items": [_describe(kind) for kind in by_slug().values()], "next": None}


@blp.route("/<slug>", methods=["GET"])
@blp.no_query()
@blp.response(200, ProblemTypeSchema)
@blp.problem(404, "No such problem type.")
def get_problem_type(slug):
    """What one problem type means."""
    kinds = by_slug()
    if slug not in kinds:
        raise NotFound(f"There is no problem type {slug!r}.")
    return _describe(kinds[slug])


def init_app(app, api):
    document_problem_responses(api)
    api.register_blueprint(blp)
    # flask-smorest registers its own HTTPException handler; ours replaces it.
    api.handle_http_exception = handle_http_exception
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Problem, handle_problem)
    app.register_error_handler(sqlite3.OperationalError, handle_database_not_ready)
