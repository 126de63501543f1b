"""Source endpoints, under their claim."""

from flask import url_for

from factcheck import sources
from factcheck.api.auth import current_identity, is_staff
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.api.etags import if_match
from factcheck.schemas.sources import (
    SourceCheckRequestSchema,
    SourceCreateSchema,
    SourceListSchema,
    SourceSchema,
)

blp = Blueprint(
    "sources",
    __name__,
    url_prefix="/api/v1/claims/<id:claim_id>/sources",
    description="Evidence for a claim.",
)


@blp.route("", methods=["POST"])
@blp.arguments(SourceCreateSchema)
@blp.response(201, SourceSchema)
@blp.problem(404, "No such claim.")
@blp.problem(412, "If-Match names an older version of the claim.")
def add_source(data, claim_id):
    """Attach a source to a claim."""
    source = sources.add(get_db(), claim_id, data, current_identity(), if_match())
    location = url_for("sources.get_source", claim_id=claim_id, source_id=source["id"])
    return source, {"Location": location}


@blp.route("", methods=["GET"])
@blp.no_query()
@blp.response(200, SourceListSchema)
@blp.problem(404, "No such claim.")
def list_sources(claim_id):
    """A claim's sources, oldest first (readers: those its published verdicts cite)."""
    items = sources.for_claim(get_db(), claim_id, staff=is_staff())
    return {"items": items, "next": None}


@blp.route("/<id:source_id>", methods=["GET"])
@blp.no_query()
@blp.response(200, SourceSchema)
@blp.problem(404, "No such claim or source (readers: or not cited by a published verdict).")
def get_source(claim_id, source_id):
    """One source of a claim."""
    return sources.get(get_db(), claim_id, source_id, staff=is_staff())


@blp.route("/<id:source_id>", methods=["DELETE"])
@blp.response(204)
@blp.problem(404, "No such claim or source.")
@blp.problem(409, "A verdict cites the source.")
@blp.problem(412, "If-Match names an older version of the claim.")
def delete_source(claim_id, source_id):
    """Remove a source that no verdict cites."""
    sources.delete(get_db(), claim_id, source_id, current_identity(), if_match())


@blp.route("/<id:source_id>/check", methods=["POST"])
@blp.arguments(SourceCheckRequestSchema)
@blp.response(202, SourceSchema)
@blp.problem(404, "No such claim or source.")
@blp.problem(412, "If-Match names an older version of the claim.")
def check_source(_request, claim_id, source_id):
    """Queue a check of the source's link now; the worker records what it finds."""
    return sources.request_check(get_db(), claim_id, source_id, if_match())
