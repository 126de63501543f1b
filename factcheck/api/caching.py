"""How long caches may keep an answer. A public read (no key) may be kept by browsers and
CDNs for PUBLIC_MAX_AGE seconds, so a viral fact-check is served from the edge; anything a
key asked for is staff business and is never stored. Answers that carry no ETag of their
own get one from their content on the blueprints that ask (tag_by_content), so a cache can
revalidate with If-None-Match and get a 304."""

from flask import current_app, request

READ_METHODS = {"GET", "HEAD"}
CACHEABLE = {200, 304}


def cache_control(response):
    """Public reads: `public, max-age`; answers to a key: `private, no-store`."""
    if request.method not in READ_METHODS or "Cache-Control" in response.headers:
        return response
    if "Authorization" in request.headers:
        response.headers["Cache-Control"] = "private, no-store"
    elif response.status_code in CACHEABLE:
        # Written out rather than through response.cache_control, which parses and
        # re-serialises the header: a tenth of a claim read.
        response.headers["Cache-Control"] = (
            f"public, max-age={current_app.config['PUBLIC_MAX_AGE']}"
        )
    return response


def tag_by_content(response):
    """An ETag from the body of a successful read, and 304 when If-None-Match names it."""
    if request.method in READ_METHODS and response.status_code == 200 and not response.is_streamed:
        if "ETag" not in response.headers:
            response.add_etag()
        response.make_conditional(request)
    return response


def init_app(app):
    app.after_request(cache_control)
