"""Liveness and readiness: GET /healthz answers only when the database does."""

import sqlite3

from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.errors import Unavailable
from factcheck.schemas.base import HealthSchema
from migrations.migrations import migrations

blp = Blueprint("health", __name__, description="Whether the service can answer.")


@blp.route("/healthz", methods=["GET"])
@blp.no_query()
@blp.response(200, HealthSchema)
@blp.problem(503, "The database does not answer or needs migrating.")
def healthz():
    """200 when the database answers and is fully migrated, else 503."""
    try:
        db = get_db()
        db.execute("SELECT 1").fetchone()
        pending = [migration.name for migration in migrations.pending(db)]
    except sqlite3.Error as error:
        raise Unavailable(f"The database does not answer: {error}") from error
    if pending:
        raise Unavailable(f"The database needs migrating: {', '.join(pending)} pending.")
    return {"status": "ok", "database": "ok"}
