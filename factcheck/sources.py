"""Sources: the evidence attached to a claim, which verdicts cite."""

from factcheck import audit, claims
from factcheck.db import write_transaction
from factcheck.errors import Conflict, NotFound
from factcheck.timeutil import now

SOURCE_COLUMNS = (
    "id, claim_id, url, title, publisher, published_at, accessed_at, archived_url, kind, note, "
    "created_at"
)


def add(db, claim_id, data, actor, if_match=None):
    """Attach a source to the claim and return it."""
    stamp = now()
    with write_transaction(db):
        claims.require(db, claim_id, if_match)
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
        source = next(db.query(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id = ?", [source_id]))
        audit.record(
            db, actor, "source.added", "source", source_id, claim_id=claim_id, after=source
        )
    return source


def get(db, claim_id, source_id, staff):
    """One source of the claim, if this reader may see it, or 404."""
    found = [source for source in for_claim(db, claim_id, staff) if source["id"] == source_id]
    if not found:
        raise NotFound(f"Claim {claim_id} has no source {source_id}.")
    return found[0]


def for_claim(db, claim_id, staff):
    """The claim's sources, oldest first; readers see only those a published verdict cites."""
    claims.require_visible(db, claim_id, staff)
    public_only = (
        ""
        if staff
        else (
            " AND id IN (SELECT vs.source_id FROM verdict_sources vs JOIN verdicts v "
            "ON v.id = vs.verdict_id WHERE v.claim_id = :claim AND v.published_at IS NOT NULL)"
        )
    )
    return list(
        db.query(
            f"SELECT {SOURCE_COLUMNS} FROM sources "
            f"WHERE claim_id = :claim{public_only} ORDER BY id",
            {"claim": claim_id},
        )
    )


def delete(db, claim_id, source_id, actor, if_match=None):
    """Remove a source no verdict cites (revisions are history and keep their evidence)."""
    with write_transaction(db):
        claims.require(db, claim_id, if_match)
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
        source = next(db.query(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id = ?", [source_id]))
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        claims.touch(db, claim_id)
        audit.record(
            db, actor, "source.deleted", "source", source_id, claim_id=claim_id, before=source
        )
