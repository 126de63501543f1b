"""The audit trail: every change appends an event; each event hashes the one before it."""

import hashlib
import json

from factcheck import outbox, visibility
from factcheck.db import insert_row
from factcheck.timeutil import now

GENESIS = "0" * 64
HASHED_FIELDS = (
    "created_at",
    "actor",
    "key_id",
    "action",
    "entity",
    "entity_id",
    "claim_id",
    "public",
    "before",
    "after",
    "prev_hash",
)


def _digest(event):
    canonical = json.dumps([event[name] for name in HASHED_FIELDS], separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _encode(value):
    return None if value is None else json.dumps(value, sort_keys=True, separators=(",", ":"))


def record(
    db, actor, action, entity, entity_id, *, claim_id=None, before=None, after=None, public=False
):
    """Append one event. Call inside the write transaction of the change it records."""
    last = db.execute("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    event = {
        "created_at": now(),
        "actor": actor.name,
        "key_id": actor.key_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "claim_id": claim_id,
        "public": int(public),
        "before": _encode(before),
        "after": _encode(after),
        "prev_hash": last[0] if last else GENESIS,
    }
    event_id = insert_row(db, "audit_events", {**event, "hash": _digest(event)})
    # The one hook for webhooks: their events land in this same transaction.
    outbox.record(db, event_id, action, claim_id, before, after, event["created_at"])


def verify(db):
    """(events checked, id of the first broken event or None)."""
    expected_prev = GENESIS
    count = 0
    for event in db.query("SELECT * FROM audit_events ORDER BY id"):
        count += 1
        if event["prev_hash"] != expected_prev or event["hash"] != _digest(event):
            return count, event["id"]
        expected_prev = event["hash"]
    return count, None


def for_claim(db, claim_id, *, staff):
    """A claim's events, oldest first; readers get only the public ones, without internals,
    and only of a claim they may see (else 404). Staff also get a deleted claim's events:
    its id is never given to another claim, so they stay its own."""
    if not (staff and _has_events(db, claim_id)):
        visibility.require_claim(db, claim_id, staff=staff)
    where = visibility.restrict(["e.claim_id = ?"], visibility.EVENT, staff=staff)
    rows = db.query(
        "SELECT e.id, e.created_at, e.actor, e.key_id, e.action, e.entity, e.entity_id, "
        f"e.public, e.before, e.after FROM audit_events e WHERE {where} ORDER BY e.id",
        [claim_id],
    )
    events = []
    for row in rows:
        before = json.loads(row.pop("before") or "null")
        after = json.loads(row.pop("after") or "null")
        if staff:
            events.append({**row, "public": bool(row["public"]), "before": before, "after": after})
        else:
            events.append(visibility.reader_event(row, after))
    return events


def _has_events(db, claim_id):
    return db.execute("SELECT 1 FROM audit_events WHERE claim_id = ?", [claim_id]).fetchone()
