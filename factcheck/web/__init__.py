"""The reader pages: server-rendered HTML for people (no JavaScript needed), beside the JSON
API. They show only what readers may see, whoever asks, so every page may be cached
publicly; an unpublished claim is an HTML 404 page, since a browser is asking."""

from flask import Blueprint, current_app, render_template, request, url_for
from marshmallow import EXCLUDE, ValidationError
from werkzeug.exceptions import NotFound as NoRoute

from factcheck import claimreview, matching, reader
from factcheck.api.caching import tag_by_content
from factcheck.api.database import get_db
from factcheck.api.problems import handle_http_exception
from factcheck.errors import Invalid, Problem
from factcheck.schemas.pages import FrontPageQuerySchema

bp = Blueprint(
    "pages",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/static/pages",
)

# Where each page may be framed: the card anywhere (a newsroom's CMS), the rest nowhere.
FRAMING = {"pages.embed": "*"}
POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors {ancestors}"
)


def page_url(claim_id):
    return url_for("pages.claim", claim_id=claim_id, _external=True)


def _claim_page(claim_id):
    publisher = claimreview.Publisher.from_config(current_app.config, request.host_url)
    return reader.claim_page(get_db(), claim_id, publisher, page_url)


def _front_page_query():
    try:
        # An empty box submitted is no search, not an error.
        given = {name: value for name, value in request.args.items() if value.strip()}
        return FrontPageQuerySchema(unknown=EXCLUDE).load(given)
    except ValidationError as error:
        raise Invalid("The search or the page asked for is not valid.", error.messages) from error


@bp.get("/")
def index():
    """The most recent fact-checks, a page at a time, or those matching a search."""
    query, thresholds = _front_page_query(), matching.thresholds_from(current_app.config)
    claims, next_cursor = reader.front_page(get_db(), query, thresholds)
    return render_template("index.html", claims=claims, next_cursor=next_cursor, q=query.get("q"))


@bp.get("/claims/<id:claim_id>")
def claim(claim_id):
    """One fact-check, with its ClaimReview embedded for search engines."""
    return render_template("claim.html", **_claim_page(claim_id))


@bp.get("/claims/<id:claim_id>/embed")
def embed(claim_id):
    """A compact card of one fact-check, for an iframe."""
    return render_template("embed.html", **_claim_page(claim_id))


@bp.errorhandler(Problem)
def problem_page(error):
    """A browser asked: an HTML page saying what went wrong, with the problem's status."""
    page = render_template(
        "error.html", status=error.status, title=error.title, detail=error.detail
    )
    return page, error.status


def _browser_asks():
    """A person reading pages: HTML preferred over JSON, outside the API (curl's */* and
    API clients prefer problem+json; a browser sends text/html first)."""
    wanted = request.accept_mimetypes.best_match(["application/problem+json", "text/html"])
    return wanted == "text/html" and not request.path.startswith("/api/")


@bp.app_errorhandler(NoRoute)
def no_such_page(error):
    """An address that matches nothing (/claims/12x): a browser gets a page to read, every
    other caller the usual problem+json."""
    if not _browser_asks():
        return handle_http_exception(error)
    detail = "There is no page at this address."
    return render_template("error.html", status=404, title="Not found", detail=detail), 404


@bp.after_request
def page_headers(response):
    ancestors = FRAMING.get(request.endpoint, "'none'")
    response.headers["Content-Security-Policy"] = POLICY.format(ancestors=ancestors)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return tag_by_content(response)


@bp.app_template_filter("day")
def day(timestamp):
    """The date part of a timestamp (or a date as it is)."""
    return (timestamp or "")[:10]


def init_app(app):
    app.register_blueprint(bp)
