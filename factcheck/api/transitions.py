"""Status moves, and the workflow they follow."""

from factcheck import claim_reads, transitions, workflow
from factcheck.api.auth import require_role
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.api.etags import claim_response, if_match
from factcheck.schemas.claims import ClaimSchema
from factcheck.schemas.workflow import TransitionCreateSchema, WorkflowSchema

blp = Blueprint(
    "transitions", __name__, url_prefix="/api/v1", description="The editorial workflow."
)


@blp.route("/claims/<id:claim_id>/transitions", methods=["POST"])
@blp.arguments(TransitionCreateSchema)
@blp.shaped_response(200, ClaimSchema)
@blp.problem(403, "The caller's role or identity may not take this move.")
@blp.problem(409, "Not a move from the current status; lists allowed_moves.")
@blp.problem(412, "If-Match names an older version of the claim.")
@blp.problem(422, "A precondition is missing; errors say which.")
def move_claim(move, claim_id):
    """Move a claim to another editorial status."""
    actor = require_role("reviewer")
    transitions.apply(get_db(), claim_id, move, actor, if_match())
    return claim_response(claim_reads.get(get_db(), claim_id, staff=True))


@blp.route("/workflow", methods=["GET"])
@blp.no_query()
@blp.response(200, WorkflowSchema)
def get_workflow():
    """The states, the moves between them, their roles and preconditions."""
    return workflow.as_document()
