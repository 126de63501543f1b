"""Delivering webhook events from the outbox: `factcheck worker` runs `run`.

Each delivery is claimed by one worker at a time: an UPDATE of the one row, inside a write
transaction, marks it `delivering` with this worker's name and a lease, so two workers (or
processes) never send the same delivery at once. A worker that dies mid-delivery loses the
lease when it expires and another takes the delivery up again: delivery is at least once,
and the event id is the receiver's idempotency key. The lease outlasts the longest attempt
(the timeout, plus one read timeout the deadline may overrun, plus a margin).

Any 2xx is success. Otherwise (another status, a redirect, a timeout, a refused address:
the URL is checked again on every attempt) the delivery is retried after an exponential
backoff with jitter, until its attempts run out (`failed`). Every attempt is logged. A
subscription whose attempts fail `disable_after` times in a row is disabled, with the
reason; its pending deliveries wait until an admin enables it again.
"""

import hashlib
import hmac
import json
import logging
import os
import random
import socket
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass

from factcheck import outbound, webhook_log
from factcheck.db import write_transaction
from factcheck.timeutil import now

log = logging.getLogger(__name__)
USER_AGENT = "factcheck-webhooks/0.1 (claim fact-checking service; webhook delivery)"
PURGE_EVERY = 3600.0  # seconds between two removals of the log's old rows


@dataclass(frozen=True)
class WorkerConfig:
    outbound: outbound.OutboundConfig
    base_delay: float = 5.0  # seconds before the first retry; doubles with each attempt
    max_delay: float = 3600.0
    max_attempts: int = 8
    disable_after: int = 20  # consecutive failed attempts of one subscription
    timeout: float = 10.0  # seconds one attempt may take in all
    poll_interval: float = 1.0
    log_days: float = 30.0  # finished deliveries older than this are removed; 0 keeps them

    @classmethod
    def from_app(cls, config):
        timeout = config["WEBHOOK_TIMEOUT"]
        return cls(
            outbound=outbound.OutboundConfig.for_job(config, timeout, USER_AGENT),
            base_delay=config["WEBHOOK_BASE_DELAY"],
            max_delay=config["WEBHOOK_MAX_DELAY"],
            max_attempts=config["WEBHOOK_MAX_ATTEMPTS"],
            disable_after=config["WEBHOOK_DISABLE_AFTER"],
            timeout=timeout,
            poll_interval=config["WORKER_POLL_INTERVAL"],
            log_days=config["WEBHOOK_LOG_DAYS"],
        )

    @property
    def lease(self):
        return self.outbound.deadline + self.outbound.read_timeout + 30.0


def sign(secret, timestamp, body):
    """The X-Factcheck-Signature value: HMAC-SHA256 over "<timestamp>.<raw body>"."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


def backoff(attempts, config):
    """Seconds before the next attempt after `attempts` failed ones: exponential, capped,
    with jitter (half fixed, half random) so failed deliveries do not retry in lockstep."""
    delay = min(config.max_delay, config.base_delay * 2 ** (attempts - 1))
    return delay / 2 + random.uniform(0, delay / 2)


def worker_name():
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim_next(db, worker, config):
    """Take the next due delivery for this worker (atomically); its id, or None."""
    moment = time.time()
    with write_transaction(db):
        row = db.execute(
            "UPDATE webhook_deliveries SET state = 'delivering', worker = :worker, "
            "lease_until = :lease WHERE id = ("
            "  SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
            "  WHERE w.disabled_at IS NULL AND ("
            "    (d.state = 'pending' AND d.next_attempt_at <= :now)"
            "    OR (d.state = 'delivering' AND d.lease_until < :now))"
            "  ORDER BY d.next_attempt_at, d.id LIMIT 1"
            ") RETURNING id",
            {"worker": worker, "lease": moment + config.lease, "now": moment},
        ).fetchone()
    return row[0] if row else None


def _load(db, delivery_id):
    return next(
        db.query(
            "SELECT d.id, d.webhook_id, w.url, w.secret, e.id AS event_id, e.type, "
            "e.created_at, e.data FROM webhook_deliveries d "
            "JOIN webhooks w ON w.id = d.webhook_id JOIN webhook_events e ON e.id = d.event_id "
            "WHERE d.id = ?",
            [delivery_id],
        ),
        None,
    )


def body_of(delivery):
    event = {
        "id": delivery["event_id"],
        "type": delivery["type"],
        "created_at": delivery["created_at"],
        "data": json.loads(delivery["data"]),
    }
    return json.dumps(event, separators=(",", ":")).encode()


def send(session, delivery, config):
    """One attempt: (status code or None, error or None)."""
    body, timestamp = body_of(delivery), str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Factcheck-Event": delivery["type"],
        "X-Factcheck-Delivery": str(delivery["id"]),
        "X-Factcheck-Timestamp": timestamp,
        "X-Factcheck-Signature": sign(delivery["secret"], timestamp, body),
    }
    try:
        answer = outbound.fetch(
            session,
            delivery["url"],
            config=config.outbound,
            method="POST",
            headers=headers,
            data=body,
            max_redirects=0,
            max_bytes=64 * 1024,
            truncate=True,
        )
    except outbound.FetchError as error:
        return None, str(error)
    if answer.ok:
        return answer.status, None
    hint = " (redirects are not followed)" if 300 <= answer.status < 400 else ""
    return answer.status, f"HTTP {answer.status}{hint}"


def _count_failure(db, webhook_id, error, config):
    (failures, disabled_at) = db.execute(
        "UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE id = ? "
        "RETURNING consecutive_failures, disabled_at",
        [webhook_id],
    ).fetchone()
    if failures >= config.disable_after and disabled_at is None:
        reason = f"Disabled after {failures} consecutive failed attempts; the last: {error}"
        db["webhooks"].update(webhook_id, {"disabled_at": now(), "disabled_reason": reason})


def _next_state(attempts, error, config):
    if error is None:
        return {"state": "succeeded", "completed_at": now()}
    if attempts >= config.max_attempts:
        return {"state": "failed", "completed_at": now()}
    return {"state": "pending", "next_attempt_at": time.time() + backoff(attempts, config)}


def finish(db, delivery, worker, outcome, config):
    """Log the attempt and move the delivery on; nothing if this worker lost its lease."""
    (status_code, error), attempted_at, duration_ms = outcome
    with write_transaction(db):
        held = db.execute(
            "SELECT attempts FROM webhook_deliveries WHERE id = ? AND state = 'delivering' "
            "AND worker = ?",
            [delivery["id"], worker],
        ).fetchone()
        if held is None:
            return
        attempt = {"delivery_id": delivery["id"], "attempted_at": attempted_at}
        attempt.update(status_code=status_code, error=error, duration_ms=duration_ms)
        db["webhook_attempts"].insert(attempt)
        attempts = held[0] + 1
        changes = {
            "attempts": attempts,
            "lease_until": None,
            **_next_state(attempts, error, config),
        }
        db["webhook_deliveries"].update(delivery["id"], changes)
        if error is None:
            db["webhooks"].update(delivery["webhook_id"], {"consecutive_failures": 0})
        else:
            _count_failure(db, delivery["webhook_id"], error, config)


def deliver(db, session, delivery_id, worker, config):
    """Make one attempt at a delivery this worker claimed, and record it."""
    delivery = _load(db, delivery_id)
    if delivery is None:
        return  # unsubscribed since it was claimed: the delivery went with it
    attempted_at, started = now(), time.monotonic()
    result = send(session, delivery, config)
    duration_ms = round((time.monotonic() - started) * 1000)
    finish(db, delivery, worker, (result, attempted_at, duration_ms), config)


def run_due(db, session, config, worker, stop=None):
    """Deliver until nothing is due (or stop is set); the number of attempts made."""
    made = 0
    while not (stop and stop.is_set()):
        delivery_id = claim_next(db, worker, config)
        if delivery_id is None:
            break
        deliver(db, session, delivery_id, worker, config)
        made += 1
    return made


def run(db, session, config, *, once=False, stop=None, worker=None, purged=None):
    """Deliver what is due; with once, return then (the attempts made), else keep polling
    until stop is set. First, and every PURGE_EVERY seconds, remove the log's old rows and
    tell purged(deliveries, events) when there were any."""
    worker = worker or worker_name()
    stop = stop or threading.Event()
    made, purge_at = 0, 0.0
    while True:
        try:
            if time.monotonic() >= purge_at:
                purge_at = time.monotonic() + PURGE_EVERY
                removed = webhook_log.purge(db, config.log_days, stop=stop)
                if purged and any(removed):
                    purged(*removed)
            made += run_due(db, session, config, worker, stop)
        except sqlite3.OperationalError as error:
            if once:
                raise
            # The database stayed locked past the busy timeout (a long write elsewhere):
            # a long-running worker waits and tries again rather than dying. A delivery
            # claimed but not recorded goes out again when its lease expires.
            log.warning("worker: database busy (%s); trying again", error)
        if once or stop.wait(config.poll_interval):
            return made
