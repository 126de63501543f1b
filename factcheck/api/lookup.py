"""Has this been checked? A sentence in any wording, the published fact-checks it matches."""

from flask import current_app

from factcheck import matching
from factcheck.api.blueprint import Blueprint, readers_may_keep
from factcheck.api.database import get_db
from factcheck.schemas.lookup import LookupQuerySchema, LookupSchema

blp = Blueprint(
    "lookup",
    __name__,
    url_prefix="/api/v1/lookup",
    description="Find published fact-checks of a claim worded differently.",
)


@blp.route("", methods=["GET"])
@blp.arguments(LookupQuerySchema, location="query")
@blp.response(200, LookupSchema)
@blp.problem(422, "No text, or text with no words.")
@readers_may_keep
def lookup(query):
    """Published fact-checks matching text, best first, each with its score and match."""
    thresholds = matching.thresholds_from(current_app.config)
    # Readers' view whoever asks: this answer never shows an unpublished claim.
    return {"items": matching.lookup(get_db(), **query, staff=False, thresholds=thresholds)}
