"""ETags on claim answers: conditional reads (If-None-Match) and writes (If-Match)."""

from flask import Response, request

from factcheck import visibility
from factcheck.api.auth import is_staff


def entity_tags(header):
    """The tags a conditional header names (weak or strong alike), or None if it is absent."""
    value = request.headers.get(header)
    if value is None:
        return None
    return {tag.strip().removeprefix("W/") for tag in value.split(",")}


def if_match():
    return entity_tags("If-Match")


def claim_response(claim, status=200):
    """A claim with its ETag; 304 when the caller's If-None-Match already names it."""
    tag = visibility.etag(claim, staff=is_staff())
    # What the tag is made of is not part of the answer.
    claim = {name: value for name, value in claim.items() if name not in visibility.ETAG_FIELDS}
    headers = {"ETag": tag}  # Vary: Authorization is on every API answer (api.vary_by_caller)
    cached = entity_tags("If-None-Match") or set()
    if request.method in ("GET", "HEAD") and (tag in cached or "*" in cached):
        return Response(status=304, headers=headers)
    return claim, status, headers
