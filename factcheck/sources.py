"""Sources: the evidence attached to a claim, which verdicts cite."""

from factcheck import claims
from factcheck.db import write_transaction
from factcheck.errors import Conflict, NotFound
from factcheck.timeutil import now

SOURCE_COLUMNS = (
    "id, claim_id, url, title, publisher, published_at, accessed_at, archived_url, kind, note, "
    "created_at"
)


def add(db, claim_id, data):
    """Attach a source to the claim and return it."""
    stamp = now()
    with write_transaction(db):
        claims.require(db, claim_id)
        source_id = (
            db["sources"]
            .insert(
                {
                    **data,
                    "claim_id": claim_id,
                    "accessed_at": data["accessed_at"] or stamp,
                    "created_at": stamp,
                }
            )
            .last_pk
        )
        claims.touch(db, claim_id)
    return next(db.query(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id = ?", [source_id]))


def for_claim(db, claim_id):
    """The claim's sources, oldest first."""
    claims.require(db, claim_id)
    return list(
        db.query(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE claim_id = ? ORDER BY id", [claim_id])
    )


def delete(db, claim_id, source_id):
    """Remove a source no verdict cites (revisions are history and keep their evidence)."""
    with write_transaction(db):
        claims.require(db, claim_id)
        found = db.execute(
            "SELECT 1 FROM sources WHERE id = ? AND claim_id = ?", [source_id, claim_id]
        ).fetchone()
        if not found:
            raise NotFound(f"Claim {claim_id} has no source {source_id}.")
        citing = [
            row[0]
            for row in db.execute(
                "SELECT verdict_id FROM verdict_sources WHERE source_id = ? ORDER BY verdict_id",
                [source_id],
            )
        ]
        if citing:
            raise Conflict(
                f"Source {source_id} is cited by verdict {', '.join(map(str, citing))}; "
                "verdict revisions keep their evidence."
            )
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        claims.touch(db, claim_id)
