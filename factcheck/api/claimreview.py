"""ClaimReview out: a published fact-check as schema.org JSON-LD, one at a time and as a
paged DataFeed for aggregators."""

from flask import current_app, request, url_for

from factcheck import claimreview
from factcheck.api.blueprint import Blueprint
from factcheck.api.caching import tag_by_content
from factcheck.api.database import get_db
from factcheck.schemas.claimreview import (
    ClaimReviewFeedQuerySchema,
    ClaimReviewFeedSchema,
    ClaimReviewSchema,
)

JSON_LD = "application/ld+json"

blp = Blueprint(
    "claimreview",
    __name__,
    url_prefix="/api/v1",
    description="Published fact-checks as schema.org ClaimReview (JSON-LD).",
)


def publisher():
    return claimreview.Publisher.from_config(current_app.config, request.host_url)


def page_url(claim_id):
    """The reader page of a claim: the ClaimReview's url."""
    return url_for("pages.claim", claim_id=claim_id, _external=True)


@blp.after_request
def as_json_ld(response):
    """JSON-LD is JSON with its own media type; errors stay problem+json."""
    if response.status_code == 200:
        response.mimetype = JSON_LD
    return tag_by_content(response)


@blp.route("/claims/<id:claim_id>/claimreview", methods=["GET"])
@blp.no_query()
@blp.response(200, ClaimReviewSchema, content_type=JSON_LD)
@blp.alt_response(304, description="Not modified since the ETag in If-None-Match.")
@blp.problem(404, "No such claim, or not published.")
def get_claim_review(claim_id):
    """The claim's fact-check as a schema.org ClaimReview (readers' view, for anyone)."""
    return claimreview.review(get_db(), claim_id, publisher(), page_url)


@blp.route("/claimreview-feed", methods=["GET"])
@blp.arguments(ClaimReviewFeedQuerySchema, location="query")
@blp.response(200, ClaimReviewFeedSchema, content_type=JSON_LD)
@blp.alt_response(304, description="Not modified since the ETag in If-None-Match.")
def claim_review_feed(query):
    """Every published ClaimReview as a schema.org DataFeed, a page at a time."""
    data_feed, next_cursor = claimreview.feed(get_db(), query, publisher(), page_url)
    return {**data_feed, "next": next_cursor}
