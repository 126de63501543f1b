"""Extraction endpoints: propose an article's check-worthy claims; score any text."""

from flask import current_app

from factcheck import extraction
from factcheck.api.auth import current_identity
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.api.etags import if_match
from factcheck.schemas.extraction import (
    CheckWorthinessRequestSchema,
    CheckWorthinessSchema,
    ExtractionSchema,
    ExtractRequestSchema,
)

blp = Blueprint(
    "extraction",
    __name__,
    url_prefix="/api/v1",
    description="Check-worthy sentences: proposed as an article's claims, or scored alone.",
)


def threshold():
    return current_app.config["CHECKWORTHY_THRESHOLD"]


@blp.route("/articles/<id:article_id>/extract", methods=["POST"])
@blp.arguments(ExtractRequestSchema)
@blp.response(200, ExtractionSchema)
@blp.problem(404, "No such article.")
@blp.problem(412, "If-Match names an older version of the article.")
def extract_claims(data, article_id):
    """Store the article's check-worthy sentences as new claims (origin extracted); list
    those created, those stored already, and the rest with their scores. Run again, it
    creates nothing. Send `{}` for the configured threshold."""
    chosen = threshold() if data["threshold"] is None else data["threshold"]
    return extraction.extract(get_db(), article_id, current_identity(), chosen, if_match())


@blp.route("/check-worthiness", methods=["POST"])
@blp.arguments(CheckWorthinessRequestSchema)
@blp.response(200, CheckWorthinessSchema)
def check_worthiness(data):
    """Score every sentence of a text (span, score, reasons, claimant); stores nothing."""
    return {"threshold": threshold(), "sentences": extraction.analyse(data["text"])}
