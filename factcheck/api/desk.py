"""The desk: a caller's work queue and the newsroom's workflow statistics (staff only)."""

from flask import current_app

from factcheck import desk
from factcheck.api.auth import require_role
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.schemas.workflow import QueueSchema, StatsQuerySchema, StatsSchema

blp = Blueprint(
    "desk",
    __name__,
    url_prefix="/api/v1",
    description="Queues and metrics (staff).",
    public_reads=False,
)


@blp.route("/queue", methods=["GET"])
@blp.no_query()
@blp.response(200, QueueSchema)
def my_queue():
    """Claims assigned to me, awaiting my review, and stale ones."""
    actor = require_role("viewer")
    return desk.queue(get_db(), actor, current_app.config["STALE_DAYS"])


@blp.route("/stats", methods=["GET"])
@blp.arguments(StatsQuerySchema, location="query")
@blp.response(200, StatsSchema)
def stats(query):
    """Claims per status, and the median time spent in each status over a period."""
    require_role("viewer")
    return desk.stats(get_db(), query.get("since"), query.get("until"))
