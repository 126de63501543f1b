"""problem+json (RFC 9457) on the web side: the one place an error body is built, the
handlers that turn every error into one, and their description in the OpenAPI document."""

import sqlite3
from http import HTTPStatus

from flask import current_app, json
from werkzeug.exceptions import HTTPException

from factcheck.errors import HTTP_SLUGS, PROBLEM_MEDIA_TYPE, Invalid, Problem, Unavailable


def problem_response(status, title, detail, slug=None, errors=None, headers=None, extra=None):
    """The single place an error body is built."""
    body = {
        "type": f"/problems/{slug}" if slug else "about:blank",
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


def handle_http_exception(error: HTTPException):
    data = getattr(error, "data", None) or {}
    errors = _webargs_field_errors(data["messages"]) if "messages" in data else None
    detail = error.description
    if errors:
        detail = "The request has invalid fields; see errors."
    if error.code == 400 and errors and list(errors) == ["_schema"]:
        detail, errors = "The request body is not valid JSON.", None
    headers = dict(data.get("headers") or {})
    if error.code == 405 and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    # Invalid fields read the same whether the schema or the domain caught them.
    title = Invalid.title if error.code == Invalid.status else error.name
    return problem_response(error.code, title, detail, HTTP_SLUGS.get(error.code), errors, headers)


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


def handle_database_locked(error: sqlite3.OperationalError):
    """A write that waited out the busy timeout: tell the caller to retry, don't crash."""
    if "locked" not in str(error) and "busy" not in str(error):
        raise error
    return handle_problem(
        Unavailable("The database is busy; retry shortly.", headers={"Retry-After": "1"})
    )


def document_problem_responses(api):
    """Describe flask-smorest's shared error answers in the OpenAPI document as problem+json.

    flask-smorest registers, lazily, one response per HTTP status and a default error for the
    paths to refer to (DEFAULT_ERROR, UNPROCESSABLE_ENTITY, ...), with its default content type:
    application/json, which successes keep. Registering them again through apispec's public
    components, lazily too and before any blueprint refers to them, replaces its versions.
    """
    shared = [(status.name, status.phrase) for status in HTTPStatus if status >= 400]
    shared.append((api.DEFAULT_ERROR_RESPONSE_NAME, "Default error response"))
    for name, description in shared:
        content = {PROBLEM_MEDIA_TYPE: {"schema": api.ERROR_SCHEMA}}
        api.spec.components.response(
            name, {"description": description, "content": content}, lazy=True
        )


def init_app(app, api):
    document_problem_responses(api)
    # flask-smorest registers its own HTTPException handler; ours replaces it.
    api.handle_http_exception = handle_http_exception
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Problem, handle_problem)
    app.register_error_handler(sqlite3.OperationalError, handle_database_locked)
