"""A claim's history from the audit trail."""

from factcheck import audit
from factcheck.api.auth import is_staff
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.schemas.workflow import EventListSchema

blp = Blueprint(
    "history",
    __name__,
    url_prefix="/api/v1/claims/<id:claim_id>/history",
    description="Audit trail.",
)


@blp.route("", methods=["GET"])
@blp.no_query()
@blp.response(200, EventListSchema)
@blp.problem(404, "No such claim (or not published, for readers).")
def claim_history(claim_id):
    """Every event of a claim for staff; publications, corrections and retraction for readers."""
    return {"items": audit.for_claim(get_db(), claim_id, staff=is_staff()), "next": None}
