"""Keeping the webhook log bounded: `factcheck worker` removes finished deliveries (and
their attempts) once they are older than the retention, then the events no delivery refers
to any more. Pending and delivering ones stay whatever their age: they are work, not log.

Rows go in small batches, each its own write transaction, so that editors' writes queued
behind a purge wait for one batch, not for the whole backlog of a service that ran for a
year before it had a retention.
"""

from datetime import UTC, datetime, timedelta

from factcheck.db import write_transaction
from factcheck.timeutil import to_timestamp

BATCH = 500


def _delete_batches(db, sql, params, stop):
    removed = 0
    while not (stop and stop.is_set()):
        with write_transaction(db):
            count = db.conn.execute(sql, {**params, "batch": BATCH}).rowcount
        removed += count
        if count < BATCH:
            break
    return removed


def purge(db, days, *, moment=None, stop=None):
    """Remove what finished more than `days` days before moment (default now); 0 or less
    keeps everything. (deliveries removed, events removed)."""
    if days <= 0:
        return 0, 0
    cutoff = to_timestamp((moment or datetime.now(UTC)) - timedelta(days=days))
    deliveries = _delete_batches(
        db,
        "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries "
        "WHERE completed_at IS NOT NULL AND completed_at < :cutoff LIMIT :batch)",
        {"cutoff": cutoff},
        stop,
    )
    # An event is kept while a delivery of it waits or is still in the log, and for the
    # retention after it was written, when its subscription was deleted before any attempt.
    events = _delete_batches(
        db,
        "DELETE FROM webhook_events WHERE id IN (SELECT e.id FROM webhook_events e "
        "WHERE e.created_at < :cutoff AND NOT EXISTS "
        "(SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id) ORDER BY e.id "
        "LIMIT :batch)",
        {"cutoff": cutoff},
        stop,
    )
    return deliveries, events
