"""GET /v1alpha1/claims:search: Google's Fact Check Tools API, answered from this desk."""

from flask import current_app
from marshmallow import EXCLUDE

from factcheck import factcheck_tools, matching
from factcheck.api import claimreview
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.schemas.factcheck_tools import GoogleSearchQuerySchema, GoogleSearchSchema

blp = Blueprint(
    "factcheck_tools",
    __name__,
    url_prefix="/v1alpha1",
    description="Google Fact Check Tools API compatible search (base URL: this service's root).",
)


def _publisher():
    """This desk as a publisher, as its ClaimReviews name it."""
    publisher = claimreview.publisher()
    return {"name": publisher.name, "url": publisher.url}


@blp.route("/claims:search", methods=["GET"])
# Unknown parameters ignored, here only: Google's client always sends `key` (and alt...).
@blp.arguments(GoogleSearchQuerySchema, location="query", unknown=EXCLUDE)
@blp.response(200, GoogleSearchSchema)
@blp.problem(422, "Neither query nor reviewPublisherSiteFilter, or an invalid parameter.")
def search_claims(params):
    """Published fact-checks matching a query, in the Fact Check Tools API's shape."""
    thresholds = matching.thresholds_from(current_app.config)
    return factcheck_tools.search(
        get_db(),
        params,
        publisher=_publisher(),
        page_url=claimreview.page_url,
        thresholds=thresholds,
    )
