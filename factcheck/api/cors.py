"""Cross-origin reads (CORS) of what anyone may read, so a newsroom's widget on another site
can show published fact-checks. Nothing else is opened: no credentials (a browser never
sends a key cross-origin, since Authorization is not an allowed header), no writes, and
nothing from blueprints whose reads need a key (Blueprint(public_reads=False)).

Written by hand rather than with flask-cors: the rule is "public reads only", which is the
same flag the OpenAPI document and the key check read, and takes a dozen lines here; with
flask-cors it would be a second list of paths to keep in step with that flag.
"""

from flask import current_app, request

READ_METHODS = {"GET", "HEAD"}
# Headers a cross-origin script may send (conditional reads) and read (versions, retries).
REQUEST_HEADERS = "If-None-Match"
EXPOSED_HEADERS = "ETag, Retry-After"
PREFLIGHT_MAX_AGE = "86400"


def _public_read(method):
    if method not in READ_METHODS:
        return False
    blueprint = current_app.blueprints.get(request.blueprint or "")
    return getattr(blueprint, "public_reads", True)


def allow_public_reads(response):
    """Any origin may GET (and HEAD) a public endpoint, and ask first with OPTIONS."""
    if "Origin" not in request.headers:
        return response
    preflight = request.method == "OPTIONS"
    method = request.headers.get("Access-Control-Request-Method") if preflight else request.method
    if not _public_read(method):
        return response
    response.headers["Access-Control-Allow-Origin"] = "*"
    if preflight:
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD"
        response.headers["Access-Control-Allow-Headers"] = REQUEST_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    else:
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def init_app(app):
    app.after_request(allow_public_reads)
