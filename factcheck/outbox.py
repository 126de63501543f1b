"""The outbox: webhook events written in the transaction of the change they report, so an
event is stored exactly when its change is (none lost if the process dies after the
commit, none sent for a change that rolled back). factcheck/audit.py calls `record` for
every audit event; the worker (factcheck/worker.py) delivers what it writes.

Event types, from audit events:
- claim.created: a claim was stored (desk event).
- claim.status_changed: any editorial move (desk event), with `from` and `to`.
- verdict.published, verdict.corrected, claim.retracted: the public notices; the same move
  is also a claim.status_changed.

`data` never holds a draft verdict, an internal note or an assignee. The public events
carry only what a reader may see of the claim (its reader status and current published
verdict, factcheck/visibility.py) and the public note; desk events carry the claim's own
fields and staff status, for newsroom tools.

This module sits under the audit trail, which the domain modules import, so it reads the
claim with SQL of its own rather than through claim_reads (that would be an import ring).
"""

import json
import time

from factcheck import visibility, workflow
from factcheck.db import insert_row

CLAIM_CREATED, STATUS_CHANGED = "claim.created", "claim.status_changed"
PUBLIC_EVENTS = {
    workflow.NOTICE_ACTIONS[workflow.PUBLICATION]: "verdict.published",
    workflow.NOTICE_ACTIONS[workflow.CORRECTION]: "verdict.corrected",
    workflow.NOTICE_ACTIONS[workflow.RETRACTION]: "claim.retracted",
}
EVENT_TYPES = (CLAIM_CREATED, STATUS_CHANGED, *PUBLIC_EVENTS.values())
ALL = "*"

# A verdict's public fields (never `author`, a login name; never a draft: only a published
# revision is ever looked up here).
_VERDICT = """
    SELECT v.id, v.revision, v.rating, l.name AS rating_name, s.slug AS scale, v.explanation,
           ifnull(u.display_name, v.author) AS author_display_name, v.published_at
    FROM verdicts v
    JOIN rating_scales s ON s.id = v.scale_id
    JOIN rating_labels l ON l.scale_id = v.scale_id AND l.slug = v.rating
    LEFT JOIN users u ON u.name = v.author
    WHERE v.id = ? AND v.published_at IS NOT NULL
"""


def event_types(action, after):
    """The webhook events an audit event stands for (none for most)."""
    if action == CLAIM_CREATED:
        return [CLAIM_CREATED]
    if not isinstance(after, dict) or "transition_id" not in after:
        return []
    return [STATUS_CHANGED, *([PUBLIC_EVENTS[action]] if action in PUBLIC_EVENTS else [])]


def _claim(db, claim_id, *, staff):
    row = db.execute(
        "SELECT c.id, c.article_id, c.text, c.claimant, c.claim_date, c.language, "
        f"{visibility.claim_status(staff=staff)} AS status, "
        f"{visibility.CURRENT_VERDICT_ID} AS verdict_id FROM claims c WHERE c.id = ?",
        [claim_id],
    ).fetchone()
    names = ("id", "article_id", "text", "claimant", "claim_date", "language", "status")
    claim = dict(zip(names, row[:-1], strict=True))
    verdict = db.execute(_VERDICT, [row[-1]]).fetchone() if row[-1] is not None else None
    names = ("id", "revision", "rating", "rating_name", "scale", "explanation")
    names += ("author_display_name", "published_at")
    claim["verdict"] = dict(zip(names, verdict, strict=True)) if verdict else None
    claim["href"] = f"/api/v1/claims/{claim_id}"
    return claim


def event_data(db, event_type, claim_id, before, after):
    """What the event tells its receivers (see the module's docstring)."""
    if event_type == CLAIM_CREATED:
        return {"claim": _claim(db, claim_id, staff=True)}
    if event_type == STATUS_CHANGED:
        moved = {"from": (before or {}).get("status"), "to": after["status"]}
        return {"claim": _claim(db, claim_id, staff=True), **moved}
    notice = {"kind": after.get("kind"), "public_note": after.get("public_note")}
    return {"claim": _claim(db, claim_id, staff=False), "notice": notice}


def subscriptions(db):
    """The active subscriptions: (id, the set of event types it takes)."""
    rows = db.execute("SELECT id, events FROM webhooks WHERE disabled_at IS NULL").fetchall()
    return [(row_id, set(json.loads(events))) for row_id, events in rows]


def subscribers(active, event_type):
    """Ids of the active subscriptions (see subscriptions) to this event type."""
    return [row_id for row_id, events in active if {event_type, ALL} & events]


def record(db, audit_event_id, action, claim_id, before, after, created_at):
    """Write the events this audit event stands for, and a delivery of each to every active
    subscription to it. Call inside the change's write transaction (audit.record does)."""
    types = event_types(action, after)
    # Read once for all of a move's events: a statement fewer inside the writers' turn.
    active = subscriptions(db) if types else []
    for event_type in types:
        webhook_ids = subscribers(active, event_type)
        if not webhook_ids:
            continue  # nobody listens: nothing to keep
        data = event_data(db, event_type, claim_id, before, after)
        event_id = insert_row(
            db,
            "webhook_events",
            {
                "type": event_type,
                "created_at": created_at,
                "claim_id": claim_id,
                "audit_event_id": audit_event_id,
                "data": json.dumps(data, separators=(",", ":")),
            },
        )
        enqueue(db, webhook_ids, event_id, created_at)


def enqueue(db, webhook_ids, event_id, created_at, redelivery_of=None):
    """A pending delivery of the event to each subscription, due now; their ids."""
    due = time.time()
    return [
        insert_row(
            db,
            "webhook_deliveries",
            {
                "webhook_id": webhook_id,
                "event_id": event_id,
                "next_attempt_at": due,
                "created_at": created_at,
                "redelivery_of": redelivery_of,
            },
        )
        for webhook_id in webhook_ids
    ]
