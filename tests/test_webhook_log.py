"""The webhook log stays bounded: the worker removes finished deliveries, their attempts and
the events nobody refers to once they are older than FACTCHECK_WEBHOOK_LOG_DAYS, and keeps
everything still to be sent. Deliveries are made by the app and sent to a real receiver on
127.0.0.1; their age is set by moving their times back."""

from datetime import UTC, datetime, timedelta

import pytest

from factcheck import webhook_log
from factcheck.timeutil import to_timestamp
from tests.receiver import Receiver
from tests.test_webhooks import SETTINGS, count, deliveries, new_claim, subscribe, work

DAYS = 30


@pytest.fixture
def hooks(app):
    app.config.update(SETTINGS, WEBHOOK_LOG_DAYS=DAYS)
    return app


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


def days_ago(days):
    return to_timestamp(datetime.now(UTC) - timedelta(days=days))


def age(db, delivery_id, state, days):
    """Make a delivery `days` old in `state`: finished then, or waiting since then."""
    finished = state in ("succeeded", "failed")
    db.execute(
        "UPDATE webhook_deliveries SET state = ?, completed_at = ?, created_at = ? WHERE id = ?",
        [state, days_ago(days) if finished else None, days_ago(days), delivery_id],
    )
    db.execute(
        "UPDATE webhook_events SET created_at = ? WHERE id = "
        "(SELECT event_id FROM webhook_deliveries WHERE id = ?)",
        [days_ago(days), delivery_id],
    )
    db.conn.commit()


def one_delivery(hooks, client, article, receiver, db):
    """A subscription, one claim made, its delivery sent once: (webhook, delivery id)."""
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    work(hooks)
    (delivery,) = deliveries(client, hook["id"])
    assert len(delivery["attempts"]) == 1
    return hook, delivery["id"]


def present(db, table, row_id):
    return db.execute(f"SELECT count(*) FROM {table} WHERE id = ?", [row_id]).fetchone()[0] == 1


@pytest.mark.parametrize(
    ("state", "days", "kept"),
    [
        ("succeeded", DAYS + 1, False),
        ("failed", DAYS + 1, False),
        ("succeeded", DAYS - 1, True),
        ("failed", DAYS - 1, True),
        ("pending", DAYS * 10, True),  # still to be sent, however old
        ("delivering", DAYS * 10, True),
    ],
)
def test_finished_deliveries_go_with_their_attempts_and_event_once_old(
    hooks, client, article, receiver, db, state, days, kept
):
    hook, delivery_id = one_delivery(hooks, client, article, receiver, db)
    event_id = db.execute(
        "SELECT event_id FROM webhook_deliveries WHERE id = ?", [delivery_id]
    ).fetchone()[0]
    age(db, delivery_id, state, days)

    removed = webhook_log.purge(db, DAYS)

    assert removed == ((0, 0) if kept else (1, 1))
    assert present(db, "webhook_deliveries", delivery_id) is kept
    assert present(db, "webhook_events", event_id) is kept
    attempts = db.execute(
        "SELECT count(*) FROM webhook_attempts WHERE delivery_id = ?", [delivery_id]
    ).fetchone()[0]
    assert attempts == (1 if kept else 0)
    assert len(deliveries(client, hook["id"])) == (1 if kept else 0)


def test_an_event_stays_while_another_subscription_still_has_its_delivery(
    hooks, client, article, receiver, db
):
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    other = subscribe(client, receiver.url("/other"), ["claim.created"])
    new_claim(client, article)
    (old,) = deliveries(client, hook["id"])
    (waiting,) = deliveries(client, other["id"])
    age(db, old["id"], "succeeded", DAYS + 5)

    assert webhook_log.purge(db, DAYS) == (1, 0)
    assert present(db, "webhook_events", old["event_id"])
    assert [d["id"] for d in deliveries(client, other["id"])] == [waiting["id"]]


def test_a_redelivery_outlives_the_delivery_it_repeated(hooks, client, article, receiver, db):
    hook, first = one_delivery(hooks, client, article, receiver, db)
    path = f"/api/v1/webhooks/{hook['id']}/deliveries/{first}/redeliver"
    again = client.post(path, json={}).json
    age(db, first, "succeeded", DAYS + 1)
    db.execute(  # the event's age is the first delivery's; the redelivery is recent
        "UPDATE webhook_deliveries SET created_at = ? WHERE id = ?", [days_ago(0), again["id"]]
    )
    db.conn.commit()

    assert webhook_log.purge(db, DAYS) == (1, 0)
    (left,) = deliveries(client, hook["id"])
    assert left["id"] == again["id"] and left["redelivery_of"] is None
    assert left["event_id"] == again["event_id"] and left["state"] == "pending"
    work(hooks)
    assert len(receiver.seen("/hook")) == 2  # the event still goes out


@pytest.mark.parametrize(("days", "kept"), [(DAYS + 1, False), (DAYS - 1, True)])
def test_events_left_by_a_deleted_subscription_go_once_old(
    hooks, client, article, receiver, db, days, kept
):
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    assert client.delete(f"/api/v1/webhooks/{hook['id']}").status_code == 204
    assert count(db, "webhook_events") == 1 and count(db, "webhook_deliveries") == 0
    db.execute("UPDATE webhook_events SET created_at = ?", [days_ago(days)])
    db.conn.commit()

    assert webhook_log.purge(db, DAYS) == (0, 0 if kept else 1)
    assert count(db, "webhook_events") == (1 if kept else 0)


def test_zero_days_keeps_everything(hooks, client, article, receiver, db):
    _, delivery_id = one_delivery(hooks, client, article, receiver, db)
    age(db, delivery_id, "succeeded", 3650)
    assert webhook_log.purge(db, 0) == (0, 0)
    assert present(db, "webhook_deliveries", delivery_id)


def test_a_long_backlog_goes_in_batches_of_short_transactions(
    hooks, client, article, receiver, db, monkeypatch
):
    monkeypatch.setattr(webhook_log, "BATCH", 2)
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    texts = ["the bridge cost $4 million", "the bridge cost $9 million", "Turnout was 61 percent"]
    for text in texts * 2:
        new_claim(client, article, text)
    work(hooks)
    for delivery in deliveries(client, hook["id"]):
        age(db, delivery["id"], "succeeded", DAYS + 2)
    commits = []
    db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)

    assert webhook_log.purge(db, DAYS) == (6, 6)
    assert len(commits) >= 6  # 2 rows a transaction, then one finding none left
    assert count(db, "webhook_deliveries") == count(db, "webhook_attempts") == 0


def test_the_worker_command_removes_the_old_log_and_says_so(
    hooks, client, article, receiver, db, runner
):
    hook, old = one_delivery(hooks, client, article, receiver, db)
    age(db, old, "failed", DAYS + 3)
    new_claim(client, article, "the bridge cost $9 million")

    result = runner.invoke(args=["worker", "--once"])

    assert result.exit_code == 0, result.output
    assert (
        f"worker: removed 1 finished deliveries and 1 events older than {DAYS} days"
        in result.output
    )
    assert "1 delivery attempts made" in result.output
    (recent,) = deliveries(client, hook["id"])
    assert recent["state"] == "succeeded" and recent["id"] != old
    again = runner.invoke(args=["worker", "--once"])
    assert "removed" not in again.output  # nothing more to remove: nothing said


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id FROM webhook_deliveries WHERE completed_at IS NOT NULL AND completed_at < ?",
        "SELECT id FROM webhook_deliveries WHERE event_id = ?",
        "SELECT id FROM webhook_deliveries WHERE redelivery_of = ?",
    ],
)
def test_the_purge_finds_its_rows_by_index(db, sql):
    plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", ["x"]))
    assert "USING" in plan, plan
