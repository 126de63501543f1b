"""The problem types (RFC 9457) the domain raises: one class each, carrying its status, title,
slug and description. factcheck/api/problems.py renders them as problem+json."""

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(Exception):
    """An error the API reports to its caller, as problem+json.

    Each class is one problem type, served at /problems/<slug>: its status, title, slug and
    what it means. This base is the plain bad request; raise it for a body that cannot be read.
    """

    status = 400
    title = "Bad request"
    slug = "bad-request"
    description = "The request could not be read: malformed or empty JSON."

    def __init__(self, detail, errors=None, headers=None, extra=None):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        # Extension members of the problem body (RFC 9457 section 3.2).
        self.extra = extra or {}


class Unauthorized(Problem):
    status, title, slug = 401, "Unauthorized", "unauthorized"
    description = "No API key where one is needed, or a wrong, revoked or expired one."

    def __init__(self, detail):
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="factcheck"'})


class Forbidden(Problem):
    status, title, slug = 403, "Forbidden", "forbidden"
    description = "The API key's role may not do this."


class NotFound(Problem):
    status, title, slug = 404, "Not found", "not-found"
    description = "No such resource, or not one this caller may see."


class MethodNotAllowed(Problem):
    status, title, slug = 405, "Method not allowed", "method-not-allowed"
    description = "The path exists but not with this method; the Allow header lists the methods."


class BadCursor(Problem):
    status, title, slug = 400, "Bad cursor", "bad-cursor"
    description = (
        "The cursor was not issued by this server for this query (altered, cut short or made "
        "up): start again from the first page."
    )

    def __init__(self, detail):
        super().__init__(detail, {"cursor": [detail]})


class Conflict(Problem):
    status, title, slug = 409, "Conflict", "conflict"
    description = "The request breaks a rule of the current state, e.g. an impossible move."


class LengthRequired(Problem):
    status, title, slug = 411, "Length required", "length-required"
    description = "Send the body with a Content-Length header, not chunked."


class PreconditionFailed(Problem):
    status, title, slug = 412, "Precondition failed", "stale"
    description = "If-Match names an older version: fetch the resource again and retry."


class TooLarge(Problem):
    """werkzeug refuses an oversized body itself (MAX_CONTENT_LENGTH); this class gives that
    answer its problem type, and its detail names the limit."""

    status, title, slug = 413, "Request Entity Too Large", "too-large"
    description = "The body is larger than the configured limit (1 MiB by default)."

    @staticmethod
    def detail_for(limit):
        return f"The body is larger than this service's limit of {limit} bytes."


class UnsupportedMediaType(Problem):
    status, title, slug = 415, "Unsupported media type", "unsupported-media-type"
    description = "Send the body as JSON with Content-Type: application/json."


class Invalid(Problem):
    """The request was well-formed but its content breaks a rule (field errors in `errors`)."""

    status, title, slug = 422, "Invalid request", "invalid"
    description = "Fields or preconditions are invalid; `errors` names each field."


class InternalError(Problem):
    status, title, slug = 500, "Internal server error", "internal-error"
    description = "A fault in the service, not in the request; it is logged. Retry later."


class TooManyRequests(Problem):
    status, title, slug = 429, "Too many requests", "too-many-requests"
    description = "A rate limit or write quota is used up for now: wait the seconds in Retry-After."

    def __init__(self, detail, retry_after):
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


class Unavailable(Problem):
    status, title, slug = 503, "Service unavailable", "unavailable"
    description = "The database is busy or not ready; retry shortly."


class ArticleExists(Conflict):
    title, slug = "Article already stored", "article-exists"
    description = (
        "An article is stored at this address already (compared normalised): `article_id` "
        "names it and `article` links to it."
    )

    def __init__(self, article_id):
        super().__init__(
            f"Article {article_id} is stored at this address already; see `article`.",
            extra={"article_id": article_id, "article": f"/api/v1/articles/{article_id}"},
        )


class OtherHttpError(Problem):
    """Any other HTTP error werkzeug may raise (none is expected): still a problem type,
    with the status and title of the answer itself."""

    status, title, slug = None, "HTTP error", "http-error"
    description = "An HTTP error with no type of its own here; its status and title say which."


def problem_types():
    """Problem and every class under it, however deep: each problem type once."""
    kinds, pending = [], [Problem]
    while pending:
        kind = pending.pop(0)
        kinds.append(kind)
        pending.extend(kind.__subclasses__())
    return kinds


# Both are read when an error is answered, not at import, so a problem class declared
# anywhere in this module (appended at its end, say) is served too.


def by_slug():
    """Each problem `type` (/problems/<slug>) and its class; GET /problems serves them."""
    return {kind.slug: kind for kind in problem_types()}


def for_status(status):
    """The problem class of an error werkzeug raises itself (unknown route, wrong method,
    oversized body, ...): the first with that status (Problem before its subclasses), or
    OtherHttpError for a status with none."""
    kinds = [kind for kind in problem_types() if kind.status == status]
    return kinds[0] if kinds else OtherHttpError


class UrlRefused(Problem):
    status, title, slug = 422, "Address refused", "url-refused"
    description = (
        "The article's address may not be fetched: not http(s), or its host resolves to a "
        "private, loopback, link-local or otherwise internal address. Nothing was stored."
    )

    def __init__(self, detail, url):
        super().__init__(detail, {"url": [detail]}, extra={"cause": "refused", "url": url})


class FetchFailed(Problem):
    # 422, not 502: the address the client sent is what cannot be used, the service is fine.
    status, title, slug = 422, "Article could not be fetched", "fetch-failed"
    description = (
        "The page at the article's address could not be used; `cause` says why: timeout, "
        "unreachable, http-error (`upstream_status` has the status), not-html, too-large or "
        "no-main-text. Nothing was stored."
    )

    def __init__(self, detail, url, cause, **more):
        super().__init__(detail, extra={"cause": cause, "url": url, **more})
