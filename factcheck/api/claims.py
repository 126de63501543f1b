"""Claim endpoints: create, list and search, read, edit, delete."""

from flask import current_app, url_for

from factcheck import claim_reads, claims, matching
from factcheck.api.auth import current_identity, is_staff
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.api.etags import claim_response, if_match
from factcheck.schemas.claims import (
    ClaimCreatedSchema,
    ClaimCreateSchema,
    ClaimListSchema,
    ClaimQuerySchema,
    ClaimSchema,
    ClaimUpdateSchema,
)

blp = Blueprint(
    "claims",
    __name__,
    url_prefix="/api/v1/claims",
    description="Check-worthy claims quoted from articles.",
)


@blp.route("", methods=["POST"])
@blp.arguments(ClaimCreateSchema)
@blp.response(201, ClaimCreatedSchema)
@blp.problem(422, "Invalid fields, unknown article, or a span that does not match.")
def create_claim(data):
    """Store a claim (its span located in the article when omitted); `duplicates` names the
    claims it probably repeats, and it is stored all the same."""
    claim_id = claims.create(get_db(), data, current_identity())
    found = matching.duplicates(get_db(), claim_id, thresholds=_thresholds())
    claim = {**claim_reads.get(get_db(), claim_id, staff=True), "duplicates": found}
    claim, status, headers = claim_response(claim, 201)
    return claim, status, {**headers, "Location": url_for("claims.get_claim", claim_id=claim_id)}


def _thresholds():
    return matching.thresholds_from(current_app.config)


@blp.route("", methods=["GET"])
@blp.arguments(ClaimQuerySchema, location="query")
@blp.shaped_response(200, ClaimListSchema)
@blp.problem(400, "The cursor was altered, cut short or is for another query.")
def list_claims(query):
    """List claims with filters, full-text search (q) and cursor pagination."""
    items, next_cursor = claim_reads.search(get_db(), query, staff=is_staff())
    return {"items": items, "next": next_cursor}


@blp.route("/<id:claim_id>", methods=["GET"])
@blp.no_query()
@blp.shaped_response(200, ClaimSchema)
@blp.alt_response(304, description="Not modified since the ETag in If-None-Match.")
@blp.problem(404, "No such claim (or not published, for readers).")
def get_claim(claim_id):
    """One claim with its current verdict and public record; honours If-None-Match."""
    return claim_response(claim_reads.get(get_db(), claim_id, staff=is_staff()))


@blp.route("/<id:claim_id>", methods=["PATCH"])
@blp.arguments(ClaimUpdateSchema)
@blp.shaped_response(200, ClaimSchema)
@blp.problem(404, "No such claim.")
@blp.problem(412, "If-Match names an older version.")
def update_claim(changes, claim_id):
    """Edit a claim's fields; the quote and its span must still match the article."""
    claims.update(get_db(), claim_id, changes, current_identity(), if_match())
    return claim_response(claim_reads.get(get_db(), claim_id, staff=True))


@blp.route("/<id:claim_id>", methods=["DELETE"])
@blp.response(204)
@blp.problem(404, "No such claim.")
@blp.problem(409, "The claim has been published.")
def delete_claim(claim_id):
    """Delete a claim that was never published."""
    claims.delete(get_db(), claim_id, current_identity(), if_match())
