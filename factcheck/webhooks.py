"""Webhook subscriptions (admins): which URL hears which events, with which secret, and the
log of their deliveries. The events themselves are written by factcheck/outbox.py and sent
by factcheck/worker.py."""

import json
import secrets
from datetime import UTC, datetime

from factcheck import audit, outbound, outbox
from factcheck.db import write_transaction
from factcheck.errors import Conflict, Invalid, NotFound
from factcheck.pagination import id_page
from factcheck.timeutil import now, to_timestamp

SECRET_PREFIX = "whsec_"
COLUMNS = (
    "id, url, events, created_by, created_at, disabled_at IS NULL AS active, "
    "consecutive_failures, disabled_at, disabled_reason"
)
DELIVERY_COLUMNS = (
    "d.id, d.event_id, e.type AS event_type, d.state, d.next_attempt_at, d.redelivery_of, "
    "d.created_at, d.completed_at"
)


def _shaped(row):
    row["events"] = json.loads(row["events"])
    row["active"] = bool(row["active"])
    return row


def check_url(url, outbound_config):
    """422 unless the guard would let a delivery reach this URL now."""
    try:
        outbound.check_url(url, config=outbound_config)
    except outbound.FetchError as error:
        raise Invalid(f"The URL cannot receive webhooks: {error}", {"url": [str(error)]}) from error


def create(db, data, actor, outbound_config):
    """Subscribe a URL to events; the answer holds the secret only if it was generated."""
    check_url(data["url"], outbound_config)
    events = [outbox.ALL] if outbox.ALL in data["events"] else sorted(set(data["events"]))
    secret = data.get("secret") or SECRET_PREFIX + secrets.token_urlsafe(32)
    row = {
        "url": data["url"],
        "events": json.dumps(events),
        "secret": secret,
        "created_by": actor.name,
        "created_at": now(),
    }
    with write_transaction(db):
        webhook_id = db["webhooks"].insert(row).last_pk
        # The secret is not audited: the trail is readable by every staff member.
        audit.record(
            db,
            actor,
            "webhook.created",
            "webhook",
            webhook_id,
            after={"url": row["url"], "events": events},
        )
        webhook = require(db, webhook_id)
    return webhook if data.get("secret") else {**webhook, "secret": secret}


def require(db, webhook_id):
    """The subscription (without its secret), or 404."""
    row = next(db.query(f"SELECT {COLUMNS} FROM webhooks WHERE id = ?", [webhook_id]), None)
    if row is None:
        raise NotFound(f"There is no webhook {webhook_id}.")
    return _shaped(row)


def list_webhooks(db, query):
    """Subscriptions, oldest first, a page at a time."""
    rows, next_cursor = id_page(db, f"SELECT {COLUMNS} FROM webhooks", "id", query)
    return [_shaped(row) for row in rows], next_cursor


def set_active(db, webhook_id, active, actor):
    """Pause a subscription, or enable it again (its failure count starts over)."""
    with write_transaction(db):
        before = require(db, webhook_id)
        changes = {"disabled_at": None, "disabled_reason": None, "consecutive_failures": 0}
        if not active:
            changes = {"disabled_at": now(), "disabled_reason": f"Disabled by {actor.name}."}
        if before["active"] != active:
            db["webhooks"].update(webhook_id, changes)
            after = {"active": active}
            audit.record(db, actor, "webhook.updated", "webhook", webhook_id, after=after)
        return require(db, webhook_id)


def delete(db, webhook_id, actor):
    """Unsubscribe: the subscription and its delivery log go."""
    with write_transaction(db):
        webhook = require(db, webhook_id)
        db.execute("DELETE FROM webhooks WHERE id = ?", [webhook_id])
        before = {"url": webhook["url"], "events": webhook["events"]}
        audit.record(db, actor, "webhook.deleted", "webhook", webhook_id, before=before)


def _with_attempts(db, deliveries):
    """Each delivery's attempts, oldest first, fetched in one query for the page."""
    ids = json.dumps([delivery["id"] for delivery in deliveries])
    attempts = {}
    for row in db.query(
        "SELECT delivery_id, attempted_at, status_code, error, duration_ms FROM webhook_attempts "
        "WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [ids],
    ):
        attempts.setdefault(row.pop("delivery_id"), []).append(row)
    for delivery in deliveries:
        delivery["attempts"] = attempts.get(delivery["id"], [])
        due = delivery.pop("next_attempt_at")
        finished = delivery["state"] in ("succeeded", "failed")
        delivery["next_attempt_at"] = (
            None if finished else to_timestamp(datetime.fromtimestamp(due, UTC))
        )
    return deliveries


def deliveries(db, webhook_id, query):
    """A subscription's deliveries, newest first, each with its attempts."""
    require(db, webhook_id)
    select = (
        f"SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries d "
        "JOIN webhook_events e ON e.id = d.event_id"
    )
    rows, next_cursor = id_page(
        db,
        select,
        "d.id",
        query,
        where=["d.webhook_id = :webhook_id"],
        params={"webhook_id": webhook_id},
        newest_first=True,
    )
    return _with_attempts(db, rows), next_cursor


def get_delivery(db, webhook_id, delivery_id):
    row = next(
        db.query(
            f"SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries d "
            "JOIN webhook_events e ON e.id = d.event_id WHERE d.id = ? AND d.webhook_id = ?",
            [delivery_id, webhook_id],
        ),
        None,
    )
    if row is None:
        raise NotFound(f"Webhook {webhook_id} has no delivery {delivery_id}.")
    return _with_attempts(db, [row])[0]


def redeliver(db, webhook_id, delivery_id, actor):
    """Send a delivery's event again, as a new delivery due now (409 if paused/disabled)."""
    with write_transaction(db):
        webhook = require(db, webhook_id)
        original = get_delivery(db, webhook_id, delivery_id)
        if not webhook["active"]:
            raise Conflict(f"Webhook {webhook_id} is disabled; enable it first.")
        (new_id,) = outbox.enqueue(
            db, [webhook_id], original["event_id"], now(), redelivery_of=delivery_id
        )
        after = {"delivery_id": new_id, "redelivery_of": delivery_id}
        audit.record(db, actor, "webhook.redelivered", "webhook", webhook_id, after=after)
    return get_delivery(db, webhook_id, new_id)
