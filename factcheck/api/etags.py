"""ETags on claim answers: conditional reads (If-None-Match) for readers' caches."""

from flask import Response, request

from factcheck import claims
from factcheck.identity import current_identity


def claim_response(claim, status=200):
    """A claim with its ETag; 304 when the caller's If-None-Match already names it."""
    tag = claims.etag(claim, current_identity().is_staff)
    headers = {"ETag": tag, "Vary": "Authorization"}
    cached = {
        t.strip().removeprefix("W/") for t in request.headers.get("If-None-Match", "").split(",")
    }
    if request.method == "GET" and (tag in cached or "*" in cached):
        return Response(status=304, headers=headers)
    return claim, status, headers
