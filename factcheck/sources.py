"""Sources: the evidence attached to a claim, which verdicts cite, and what the last check
of each one's link found (factcheck/linkcheck.py)."""

import json

from factcheck import audit, claims, visibility
from factcheck.db import write_transaction
from factcheck.errors import Conflict, NotFound
from factcheck.timeutil import now

SOURCE_COLUMNS = (
    "s.id, s.claim_id, s.url, s.title, s.publisher, s.published_at, s.accessed_at, "
    "s.archived_url, s.kind, s.note, s.created_at, s.check_state, s.check_http_status, "
    "s.check_final_url, s.check_redirects, s.check_title, s.check_content_type, "
    "s.check_error, s.checked_at, s.check_due_at"
)
# Columns of the link check -> its field in the source's `check`.
CHECK_FIELDS = {
    "check_state": "state",
    "check_http_status": "http_status",
    "check_final_url": "final_url",
    "check_redirects": "redirects",
    "check_title": "title",
    "check_content_type": "content_type",
    "check_error": "error",
    "checked_at": "checked_at",
    "check_due_at": "next_check_at",
}


def _shaped(row):
    """A source row with its link check as one nested `check` object."""
    check = {field: row.pop(column) for column, field in CHECK_FIELDS.items()}
    check["redirects"] = json.loads(check["redirects"] or "[]")
    return {**row, "check": check}


def _row(db, source_id):
    """The source, or None."""
    row = next(
        db.query(f"SELECT {SOURCE_COLUMNS} FROM sources s WHERE s.id = ?", [source_id]), None
    )
    return row and _shaped(row)


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
                    "check_due_at": stamp,  # the worker checks its link at once
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
    rows = db.query(
        f"SELECT {SOURCE_COLUMNS} FROM sources s WHERE {where} ORDER BY s.id",
        {"claim": claim_id, **params},
    )
    return [_shaped(row) for row in rows]


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


def request_check(db, claim_id, source_id, if_match=None):
    """Make the source's link check due now (the worker takes it next); the source.

    Not audited and no change to the claim: a check records what the web says of the
    source, not an editorial change."""
    with write_transaction(db):
        claims.require(db, claim_id, if_match)
        queued = db.execute(
            "UPDATE sources SET check_due_at = ? WHERE id = ? AND claim_id = ?",
            [now(), source_id, claim_id],
        ).rowcount
        if not queued:
            raise NotFound(f"Claim {claim_id} has no source {source_id}.")
        return _row(db, source_id)
