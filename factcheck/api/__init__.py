"""The JSON API: its blueprints registered on one Api, and the checks every request
passes before a view runs."""

from flask import request

from factcheck.api import (
    accounts,
    articles,
    caching,
    claimreview,
    claims,
    cors,
    desk,
    docs,
    exports,
    extraction,
    factcheck_tools,
    health,
    history,
    imports,
    lookup,
    ratings,
    sources,
    transitions,
    verdicts,
    webhooks,
)
from factcheck.api.blueprint import IdConverter
from factcheck.errors import LengthRequired, Problem, UnsupportedMediaType


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
    if request.endpoint in imports.OWN_BODY_TYPES:
        return  # it takes HTML too, and says itself what it does not take
    if not request.is_json:
        raise UnsupportedMediaType("Send the body as JSON with Content-Type: application/json.")


def vary_by_caller(response):
    """Staff and readers get different answers from the same URL: caches must keep them apart."""
    if "Vary" in response.headers:
        response.vary.add("Authorization")
    else:
        response.headers["Vary"] = "Authorization"  # without parsing an empty header first
    return response


def no_type_without_a_body(response):
    """204 and 304 answers have no body, so no body type (flask-smorest labels them JSON)."""
    if response.status_code in (204, 304):
        del response.headers["Content-Type"]
    return response


def init_app(app, api):
    app.url_map.converters["id"] = IdConverter
    api.register_converter(IdConverter, lambda _converter: {"type": "integer", "minimum": 1})
    app.before_request(require_json_body)
    app.after_request(vary_by_caller)
    app.after_request(no_type_without_a_body)
    cors.init_app(app)
    caching.init_app(app)
    for module in (
        articles,
        claims,
        exports,
        sources,
        verdicts,
        transitions,
        history,
        ratings,
        desk,
        accounts,
        webhooks,
        health,
        claimreview,
        lookup,
        factcheck_tools,
        imports,
        extraction,
    ):
        api.register_blueprint(module.blp)
    docs.init_app(app, api)
