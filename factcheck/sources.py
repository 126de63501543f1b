"""Sources: the evidence attached to a claim, which verdicts cite."""

from factcheck import audit, claims, visibility
from factcheck.db import write_transaction
from factcheck.errors import Conflict, NotFound
from factcheck.timeutil import now

SOURCE_COLUMNS = (
    "s.id, s.claim_id, s.url, s.title, s.publisher, s.published_at, s.accessed_at, "
    "s.archived_url, s.kind, s.note, s.created_at"
)


def _row(db, source_id):
    """The source's row, or None."""
    return next(
        db.query(f"SELECT {SOURCE_COLUMNS} FROM sources s WHERE s.id = ?", [source_id]), None
    )


def add(db, claim_id, data, actor, if_match=None):
    """Attach a source to the claim and return it."""
    stamp = now()
    with write_transaction(db):
        claim = claims.require(db, claim_id, if_match)
        claims.require_research(claim, actor, "sources can be changed", "change its sources")
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
        source = _row(db, source_id)
        audit.record(
            db, actor, "source.added", "source", source_id, claim_id=claim_id, after=source
        )
    return source


def _visible(db, claim_id, conditions, params, *, staff):
    visibility.require_claim(db, claim_id, staff=staff)
    where = visibility.restrict(
        ["s.claim_id = :claim", *conditions], visibility.SOURCE, staff=staff
    )
    return list(
        db.query(
            f"SELECT {SOURCE_COLUMNS} FROM sources s WHERE {where} ORDER BY s.id",
            {"claim": claim_id, **params},
        )
    )


def get(db, claim_id, source_id, *, staff):
    """One source of the claim, if this audience may see it, or 404."""
    found = _visible(db, claim_id, ["s.id = :source"], {"source": source_id}, staff=staff)
    if not found:
        raise NotFound(f"Claim {claim_id} has no source {source_id}.")
    return found[0]


def for_claim(db, claim_id, *, staff):
    """The claim's sources, oldest first; readers see only those a published verdict cites."""
    return _visible(db, claim_id, [], {}, staff=staff)


def delete(db, claim_id, source_id, actor, if_match=None):
    """Remove a source no verdict cites (revisions are history and keep their evidence)."""
    with write_transaction(db):
        claim = claims.require(db, claim_id, if_match)
        claims.require_research(claim, actor, "sources can be changed", "change its sources")
        source = _row(db, source_id)
        if source is None or source["claim_id"] != claim_id:
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
        audit.record(
            db, actor, "source.deleted", "source", source_id, claim_id=claim_id, before=source
        )
