"""Verdict endpoints: revisions of a claim's rating, newest first."""

from flask import current_app

from factcheck import verdicts
from factcheck.api.auth import current_identity, is_staff
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.api.etags import if_match
from factcheck.schemas.verdicts import VerdictCreateSchema, VerdictListSchema, VerdictSchema

blp = Blueprint(
    "verdicts",
    __name__,
    url_prefix="/api/v1/claims/<id:claim_id>/verdicts",
    description="Verdict revisions.",
)


@blp.route("", methods=["POST"])
@blp.arguments(VerdictCreateSchema)
@blp.response(201, VerdictSchema)
@blp.problem(404, "No such claim.")
@blp.problem(409, "The claim is past drafting (in review or later).")
@blp.problem(412, "If-Match names an older version of the claim.")
@blp.problem(422, "Unknown scale or rating, or a source of another claim.")
def add_verdict(data, claim_id):
    """Add a verdict revision; earlier revisions are kept."""
    default_scale = current_app.config["DEFAULT_SCALE"]
    actor = current_identity()
    return verdicts.add(get_db(), claim_id, data, actor, default_scale, if_match())


@blp.route("", methods=["GET"])
@blp.no_query()
@blp.response(200, VerdictListSchema)
@blp.problem(404, "No such claim.")
def list_verdicts(claim_id):
    """Every revision of the claim's verdict, newest first (readers: published ones)."""
    items = verdicts.for_claim(get_db(), claim_id, staff=is_staff())
    return {"items": items, "next": None}
