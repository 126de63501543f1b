"""Verdict revisions: appended, never overwritten; each cites sources of its own claim."""

import json

from factcheck import audit, claims, ratings, visibility
from factcheck.db import read, read_one, write_transaction
from factcheck.errors import Invalid
from factcheck.timeutil import now

VERDICT_SELECT = """
    SELECT v.id, v.claim_id, v.revision, v.rating, l.name AS rating_name, s.slug AS scale,
           v.explanation, v.author, ifnull(u.display_name, v.author) AS author_display_name,
           v.created_at, v.published_at,
           (SELECT json_group_array(source_id) FROM (
               SELECT source_id FROM verdict_sources WHERE verdict_id = v.id ORDER BY source_id
           )) AS source_ids
    FROM verdicts v
    JOIN rating_scales s ON s.id = v.scale_id
    JOIN rating_labels l ON l.scale_id = v.scale_id AND l.slug = v.rating
    LEFT JOIN users u ON u.name = v.author
"""


# A claim's draft verdict: its latest revision written since the last publication. An SQL
# expression on the claim row `c`, giving the draft's id or null.
DRAFT_ID = (
    "(SELECT max(d.id) FROM verdicts d WHERE d.claim_id = c.id AND d.published_at IS NULL "
    "AND d.id > ifnull(c.published_verdict_id, 0))"
)


def _decoded(row, staff=True):
    row["source_ids"] = json.loads(row["source_ids"])
    return visibility.strip_verdict(row, staff=staff)


def by_ids(db, verdict_ids):
    """{id: verdict} for the given ids, in one query."""
    if not verdict_ids:
        return {}
    rows = read(
        db,
        VERDICT_SELECT + " WHERE v.id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(set(verdict_ids)))],
    )
    return {row["id"]: _decoded(row) for row in rows}


def for_claim(db, claim_id, *, staff):
    """All revisions of a claim, newest first; readers see only the published ones."""
    visibility.require_claim(db, claim_id, staff=staff)
    where = visibility.restrict(["v.claim_id = ?"], visibility.VERDICT, staff=staff)
    rows = db.query(f"{VERDICT_SELECT} WHERE {where} ORDER BY v.revision DESC", [claim_id])
    return [_decoded(row, staff) for row in rows]


def record_of_claim(db, claim_id, draft_id, *, staff):
    """Every revision that was ever published, newest first (the public record), and the
    draft (or None): one query."""
    rows = read(
        db,
        f"{VERDICT_SELECT} WHERE v.claim_id = ? AND ({visibility.VERDICT} OR v.id = ?) "
        "ORDER BY v.revision DESC",
        [claim_id, draft_id],
    )
    published = [_decoded(row, staff) for row in rows if row["id"] != draft_id]
    draft = next((_decoded(row, staff) for row in rows if row["id"] == draft_id), None)
    return published, draft


def draft_of(db, claim_id):
    """The claim's draft verdict (id, author, rating, how many sources it cites), or None."""
    return read_one(
        db,
        "SELECT v.id, v.author, v.rating, "
        "(SELECT count(*) FROM verdict_sources WHERE verdict_id = v.id) AS cited "
        f"FROM claims c JOIN verdicts v ON v.id = {DRAFT_ID} WHERE c.id = ?",
        [claim_id],
    )


def _check_sources_belong(db, claim_id, source_ids):
    known = {
        row["id"]
        for row in db.query(
            "SELECT id FROM sources WHERE claim_id = ? AND id IN (SELECT value FROM json_each(?))",
            [claim_id, json.dumps(source_ids)],
        )
    }
    unknown = [source_id for source_id in source_ids if source_id not in known]
    if unknown:
        raise Invalid(
            "A verdict can only cite sources added to its claim.",
            {"source_ids": [f"Not a source of claim {claim_id}: {', '.join(map(str, unknown))}."]},
        )


def add(db, claim_id, data, actor, default_scale, if_match=None):
    """Append a new revision to the claim's verdicts and return it."""
    source_ids = list(dict.fromkeys(data["source_ids"]))
    with write_transaction(db):
        claim = claims.require(db, claim_id, if_match)
        claims.require_research(claim, actor, "a verdict can be drafted", "draft")
        scale_id = ratings.resolve_label(db, data["scale"] or default_scale, data["rating"])
        _check_sources_belong(db, claim_id, source_ids)
        revision = db.execute(
            "SELECT ifnull(max(revision), 0) + 1 FROM verdicts WHERE claim_id = ?", [claim_id]
        ).fetchone()[0]
        verdict_id = (
            db["verdicts"]
            .insert(
                {
                    "claim_id": claim_id,
                    "revision": revision,
                    "scale_id": scale_id,
                    "rating": data["rating"],
                    "explanation": data["explanation"],
                    "author": actor.name,
                    "created_at": now(),
                    "published_at": None,
                }
            )
            .last_pk
        )
        db["verdict_sources"].insert_all(
            {"verdict_id": verdict_id, "source_id": source_id} for source_id in source_ids
        )
        claims.touch(db, claim_id)
        verdict = by_ids(db, [verdict_id])[verdict_id]
        audit.record(
            db, actor, "verdict.added", "verdict", verdict_id, claim_id=claim_id, after=verdict
        )
    return verdict
