"""Webhooks against a real receiver on 127.0.0.1: subscriptions (validated by the outbound
guard), events written with their change, signed deliveries, retries with backoff through
failures and hangs, disabling, redelivery, and several workers never sending one twice."""

import itertools
import json
import threading
import time
from datetime import datetime, timedelta

import pytest
import requests

from factcheck import claims, worker
from factcheck.config import PROJECT_ROOT
from factcheck.db import connect, write_transaction
from factcheck.identity import COMMAND_LINE
from tests.concurrency import race
from tests.conftest import assert_field_error, assert_problem, cases, quote
from tests.flow import bring_to, draft, moved
from tests.receiver import Receiver, Reply

SECRET = "a-test-secret-of-some-length"
SETTINGS = {
    "ALLOW_PRIVATE_URLS": True,
    "WEBHOOK_BASE_DELAY": 0.05,
    "WEBHOOK_MAX_ATTEMPTS": 5,
    "WEBHOOK_TIMEOUT": 1.0,
    "WEBHOOK_DISABLE_AFTER": 50,
    "WORKER_POLL_INTERVAL": 0.05,
}


@pytest.fixture
def hooks(app):
    app.config.update(SETTINGS)
    return app


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


def readme_verify():
    """The receiver's check exactly as the README shows it (its ```python block)."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    namespace = {}
    exec(code, namespace)
    return namespace["verify"]


verify = readme_verify()


def subscribe(client, url, events=("*",), secret=SECRET):
    body = {"url": url, "events": list(events), **({"secret": secret} if secret else {})}
    response = client.post("/api/v1/webhooks", json=body)
    assert response.status_code == 201, response.json
    return response.json


def work(app, **kwargs):
    """One `factcheck worker --once`, in-process: the attempts it made."""
    with connect(app.config["DATABASE"]) as db, requests.Session() as session:
        config = worker.WorkerConfig.from_app(app.config)
        return worker.run(db, session, config, once=True, **kwargs)


def work_until(app, done, timeout=60):
    """Run the worker until done() holds (retries fall due after their backoff)."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "the deliveries did not finish in time"
        work(app)
        time.sleep(0.05)


def deliveries(client, webhook_id):
    response = client.get(f"/api/v1/webhooks/{webhook_id}/deliveries?limit=100")
    assert response.status_code == 200, response.json
    return response.json["items"]


def count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def new_claim(client, article, text="the bridge cost $4 million"):
    response = client.post("/api/v1/claims", json={**quote(text), "article_id": article["id"]})
    assert response.status_code == 201, response.json
    return response.json


INVALID = [
    ({"url": "http://127.0.0.1:9/hook", "events": ["*"]}, "url", "loopback"),
    ({"url": "http://localhost/hook", "events": ["*"]}, "url", "loopback"),
    ({"url": "http://10.1.2.3/hook", "events": ["*"]}, "url", "private"),
    ({"url": "http://169.254.169.254/latest", "events": ["*"]}, "url", "cloud metadata"),
    ({"url": "http://[fd00:ec2::254]/", "events": ["*"]}, "url", "cloud metadata"),
    ({"url": "http://[::1]:8000/", "events": ["*"]}, "url", "loopback"),
    ({"url": "ftp://203.0.113.5/hook", "events": ["*"]}, "url", "Not a valid URL"),
    ({"url": "https://hooks.invalid/", "events": ["*"]}, "url", "could not be resolved"),
    ({"events": ["*"]}, "url", "required"),
    ({"url": "https://8.8.8.8/", "events": []}, "events", "Length"),
    ({"url": "https://8.8.8.8/", "events": ["claim.nope"]}, "events.0", "Must be one of"),
    ({"url": "https://8.8.8.8/"}, "events", "required"),
    ({"url": "https://8.8.8.8/", "events": ["*"], "secret": "short"}, "secret", "Length"),
    ({"url": "https://8.8.8.8/", "events": ["*"], "owner": "x"}, "owner", "Unknown field"),
]


@pytest.mark.parametrize(("body", "field", "message"), cases(INVALID, "body"))
def test_invalid_subscriptions_are_422_and_store_nothing(client, db, body, field, message):
    # The switch is off, as in production: the guard refuses internal addresses.
    assert_field_error(
        assert_problem(client.post("/api/v1/webhooks", json=body), 422), field, message
    )
    assert count(db, "webhooks") == 0


@pytest.mark.parametrize(
    ("who", "method", "path", "status"),
    [
        (None, "GET", "/api/v1/webhooks", 401),
        (None, "POST", "/api/v1/webhooks", 401),
        ("eve", "POST", "/api/v1/webhooks", 403),
        ("eve", "GET", "/api/v1/webhooks", 403),
        ("rita", "DELETE", "/api/v1/webhooks/1", 403),
        ("eve", "GET", "/api/v1/webhooks/1/deliveries", 403),
    ],
)
def test_only_admins_manage_webhooks(hooks, anon, as_user, db, receiver, who, method, path, status):
    caller = anon if who is None else as_user(who)
    body = {"url": receiver.url("/hook"), "events": ["*"]} if method == "POST" else None
    assert_problem(caller.open(path, method=method, json=body), status)
    assert count(db, "webhooks") == 0


def test_a_generated_secret_is_shown_once(hooks, client, receiver):
    created = subscribe(client, receiver.url("/hook"), ["claim.created"], secret=None)
    assert created["secret"].startswith("whsec_") and len(created["secret"]) > 40
    shown = client.get(f"/api/v1/webhooks/{created['id']}").json
    assert "secret" not in shown and shown["active"] is True
    assert "secret" not in client.get("/api/v1/webhooks").json["items"][0]
    given = subscribe(client, receiver.url("/hook"), ["claim.created"])
    assert "secret" not in given


def test_events_are_signed_complete_in_order_and_show_only_what_readers_may(
    hooks, client, as_user, article, receiver, runner
):
    hook = subscribe(client, receiver.url("/hook"))
    claim = new_claim(client, article)
    source = client.post(
        f"/api/v1/claims/{claim['id']}/sources",
        json={"url": "https://example.org/budget.pdf", "kind": "primary"},
    ).json
    moved(as_user("rita"), claim["id"], "in_research")
    draft(as_user("rita"), claim["id"], [source["id"]], explanation="EARLY DRAFT never published")
    draft(as_user("rita"), claim["id"], [source["id"]], explanation="The minutes say $9.2m.")
    moved(as_user("rita"), claim["id"], "in_review", note="INTERNAL NOTE for the desk")
    moved(as_user("eve"), claim["id"], "approved")
    moved(as_user("eve"), claim["id"], "published")
    moved(as_user("eve"), claim["id"], "in_research")
    draft(as_user("rita"), claim["id"], [source["id"]], "mostly-false", "Corrected: $9.1m.")
    moved(as_user("rita"), claim["id"], "in_review")
    moved(as_user("eve"), claim["id"], "approved")
    moved(as_user("eve"), claim["id"], "published", public_note="We corrected the figure.")
    moved(as_user("eve"), claim["id"], "retracted", public_note="Withdrawn.")

    result = runner.invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "13 delivery attempts made" in result.output

    seen = receiver.seen("/hook")
    bodies = [json.loads(request.body) for request in seen]
    status, published, corrected, retracted = (
        "claim.status_changed",
        "verdict.published",
        "verdict.corrected",
        "claim.retracted",
    )
    assert [body["type"] for body in bodies] == [
        "claim.created",
        *[status] * 4,
        published,
        *[status] * 4,
        corrected,
        status,
        retracted,
    ]
    for request, body in zip(seen, bodies, strict=True):
        assert verify(SECRET, request.headers, request.body)
        assert request.headers["X-Factcheck-Event"] == body["type"]
        assert request.headers["Content-Type"] == "application/json"
        assert set(body) == {"id", "type", "created_at", "data"}
        assert b"EARLY DRAFT" not in request.body and b"INTERNAL NOTE" not in request.body
        assert not {"assignee", "draft_verdict", "note"} & set(body["data"]["claim"])
    assert (
        len({b["id"] for b in bodies})
        == len({r.headers["X-Factcheck-Delivery"] for r in seen})
        == 13
    )

    first_publication = bodies[5]["data"]
    assert first_publication["claim"]["verdict"]["explanation"] == "The minutes say $9.2m."
    assert first_publication["claim"]["status"] == "published"
    assert "author" not in first_publication["claim"]["verdict"]
    assert bodies[10]["data"]["claim"]["verdict"]["rating"] == "mostly-false"
    assert bodies[10]["data"]["notice"] == {
        "kind": "correction",
        "public_note": "We corrected the figure.",
    }
    assert bodies[12]["data"]["claim"]["verdict"] is None
    assert bodies[12]["data"]["claim"]["status"] == "retracted"
    assert (bodies[4]["data"]["from"], bodies[4]["data"]["to"]) == ("approved", "published")

    log = deliveries(client, hook["id"])
    assert {d["state"] for d in log} == {"succeeded"}
    assert all([a["status_code"] for a in d["attempts"]] == [200] for d in log)
    assert work(hooks) == 0 and len(receiver.seen()) == 13  # nothing is sent twice


def test_subscriptions_receive_only_their_events(hooks, client, as_user, article, receiver):
    subscribe(client, receiver.url("/created"), ["claim.created"])
    subscribe(client, receiver.url("/public"), ["verdict.published", "claim.retracted"])
    claim = new_claim(client, article)
    source = client.post(
        f"/api/v1/claims/{claim['id']}/sources",
        json={"url": "https://example.org/a", "kind": "primary"},
    ).json
    bring_to(as_user, claim["id"], "published", source["id"])
    work(hooks)
    assert [json.loads(r.body)["type"] for r in receiver.seen("/created")] == ["claim.created"]
    assert [json.loads(r.body)["type"] for r in receiver.seen("/public")] == ["verdict.published"]


def test_failures_and_a_hang_are_retried_until_success_and_logged(hooks, client, article, receiver):
    receiver.on("/hook", Reply(500), Reply(200, delay=4), Reply(503), Reply(204))
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    work_until(hooks, lambda: deliveries(client, hook["id"])[0]["state"] == "succeeded")

    (delivery,) = deliveries(client, hook["id"])
    attempts = delivery["attempts"]
    assert [a["status_code"] for a in attempts] == [500, None, 503, 204]
    assert attempts[0]["error"] == "HTTP 500" and attempts[2]["error"] == "HTTP 503"
    assert "Timed out" in attempts[1]["error"] and attempts[1]["duration_ms"] >= 900
    # Each attempt is logged at its start: the hang's successor began after it ended.
    hang_ended = datetime.fromisoformat(attempts[1]["attempted_at"]) + timedelta(
        milliseconds=attempts[1]["duration_ms"]
    )
    assert datetime.fromisoformat(attempts[2]["attempted_at"]) >= hang_ended
    assert attempts[1]["attempted_at"] < attempts[2]["attempted_at"]
    assert attempts[3]["error"] is None and delivery["completed_at"]
    assert delivery["next_attempt_at"] is None
    seen = receiver.seen("/hook")
    assert len(seen) == 4 and len({r.body for r in seen}) == 1
    assert {r.headers["X-Factcheck-Delivery"] for r in seen} == {str(delivery["id"])}
    assert all(verify(SECRET, r.headers, r.body) for r in seen)
    # Each retry waited its backoff: at least half the base delay, doubling.
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(seen)]
    assert gaps[0] >= 0.025 and gaps[2] >= 0.1
    assert client.get(f"/api/v1/webhooks/{hook['id']}").json["consecutive_failures"] == 0
    time.sleep(0.3)
    assert work(hooks) == 0 and len(receiver.seen()) == 4  # none twice after success


def test_attempts_run_out_then_failed_and_the_subscription_is_disabled(
    hooks, client, article, receiver
):
    hooks.config.update(WEBHOOK_MAX_ATTEMPTS=3, WEBHOOK_DISABLE_AFTER=5)
    receiver.on("/hook", Reply(500))
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    new_claim(client, article, "the bridge cost $9 million")

    def disabled():
        return not client.get(f"/api/v1/webhooks/{hook['id']}").json["active"]

    work_until(hooks, disabled)
    shown = client.get(f"/api/v1/webhooks/{hook['id']}").json
    assert shown["consecutive_failures"] == 5 and shown["disabled_at"]
    assert "5 consecutive failed attempts" in shown["disabled_reason"]
    assert "HTTP 500" in shown["disabled_reason"]
    log = deliveries(client, hook["id"])
    assert sorted(len(d["attempts"]) for d in log) == [2, 3]
    assert sorted(d["state"] for d in log) == ["failed", "pending"]
    assert len(receiver.seen()) == 5
    work(hooks)
    assert len(receiver.seen()) == 5  # a disabled subscription is sent nothing

    # Enabled again (and the receiver fixed), the waiting delivery goes out.
    receiver.on("/hook", Reply(200))
    enabled = client.patch(f"/api/v1/webhooks/{hook['id']}", json={"active": True}).json
    assert enabled["active"] and enabled["consecutive_failures"] == 0
    assert enabled["disabled_reason"] is None
    work_until(hooks, lambda: "pending" not in {d["state"] for d in deliveries(client, hook["id"])})
    assert sorted(d["state"] for d in deliveries(client, hook["id"])) == ["failed", "succeeded"]


def test_several_workers_never_send_one_delivery_twice(hooks, client, article, receiver):
    receiver.default = Reply(200, delay=0.01)
    subscribe(client, receiver.url("/hook"), ["claim.created"])
    for index in range(30):
        response = client.post(
            "/api/v1/claims",
            json={
                **quote("the bridge cost $4 million"),
                "article_id": article["id"],
                "tags": [str(index)],
            },
        )
        assert response.status_code == 201
    made = race(*[lambda: work(hooks) for _ in range(4)])
    assert sum(made) == 30
    ids = [r.headers["X-Factcheck-Delivery"] for r in receiver.seen()]
    assert len(ids) == 30 and len(set(ids)) == 30


def test_redeliver_sends_the_same_event_as_a_new_delivery(hooks, client, article, receiver):
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    work(hooks)
    (first,) = deliveries(client, hook["id"])
    path = f"/api/v1/webhooks/{hook['id']}/deliveries/{first['id']}/redeliver"
    again = client.post(path, json={})
    assert again.status_code == 202, again.json
    assert again.json["redelivery_of"] == first["id"] and again.json["state"] == "pending"
    assert again.json["event_id"] == first["event_id"] and again.json["id"] != first["id"]
    work(hooks)
    one, two = receiver.seen("/hook")
    assert json.loads(one.body)["id"] == json.loads(two.body)["id"]
    assert two.headers["X-Factcheck-Delivery"] == str(again.json["id"])
    assert_problem(
        client.post(f"/api/v1/webhooks/{hook['id']}/deliveries/999/redeliver", json={}), 404
    )
    client.patch(f"/api/v1/webhooks/{hook['id']}", json={"active": False})
    assert_problem(client.post(path, json={}), 409)
    assert len(deliveries(client, hook["id"])) == 2


def test_each_delivery_checks_the_url_again(hooks, client, article, receiver, db):
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    hooks.config["ALLOW_PRIVATE_URLS"] = False  # e.g. the name now points inside
    new_claim(client, article)
    work(hooks)
    assert receiver.seen() == []
    (delivery,) = deliveries(client, hook["id"])
    assert "loopback" in delivery["attempts"][0]["error"]
    assert delivery["attempts"][0]["status_code"] is None and delivery["state"] == "pending"


def test_a_redirect_is_a_failure_not_followed(hooks, client, article, receiver):
    receiver.on("/hook", Reply(302, headers={"Location": receiver.url("/elsewhere")}))
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    work(hooks)
    assert receiver.seen("/elsewhere") == []
    assert "HTTP 302" in deliveries(client, hook["id"])[0]["attempts"][0]["error"]


def test_events_are_written_in_the_transaction_of_their_change(
    hooks, client, article, receiver, db
):
    subscribe(client, receiver.url("/hook"), ["claim.created"])
    data = {**quote("the bridge cost $4 million"), "article_id": article["id"], "tags": []}
    with pytest.raises(RuntimeError), write_transaction(db):
        claims.create(db, data, COMMAND_LINE)
        raise RuntimeError("the process fails before the commit")
    assert count(db, "webhook_events") == count(db, "webhook_deliveries") == 0
    claim_id = claims.create(db, data, COMMAND_LINE)
    event = db.execute("SELECT type, claim_id, audit_event_id FROM webhook_events").fetchone()
    audit_id = db.execute("SELECT id FROM audit_events WHERE action = 'claim.created'").fetchone()
    assert event == ("claim.created", claim_id, audit_id[0])
    assert count(db, "webhook_deliveries") == 1


def test_a_refused_write_queues_nothing(hooks, client, article, receiver, db):
    subscribe(client, receiver.url("/hook"))
    bad = {**quote("words not in the article"), "article_id": article["id"]}
    assert_problem(client.post("/api/v1/claims", json=bad), 422)
    assert count(db, "webhook_events") == 0


def test_without_subscribers_nothing_is_queued(hooks, client, article, db):
    new_claim(client, article)
    assert count(db, "webhook_events") == count(db, "webhook_deliveries") == 0


def test_unsubscribing_removes_the_subscription_and_its_log(hooks, client, article, receiver, db):
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    assert client.delete(f"/api/v1/webhooks/{hook['id']}").status_code == 204
    assert_problem(client.get(f"/api/v1/webhooks/{hook['id']}"), 404)
    assert_problem(client.delete(f"/api/v1/webhooks/{hook['id']}"), 404)
    assert count(db, "webhook_deliveries") == 0
    work(hooks)
    assert receiver.seen() == []
    actions = [
        row[0] for row in db.execute("SELECT action FROM audit_events WHERE entity = 'webhook'")
    ]
    assert actions == ["webhook.created", "webhook.deleted"]


def test_a_worker_that_lost_its_lease_records_nothing(hooks, client, article, receiver, db):
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    config = worker.WorkerConfig.from_app(hooks.config)
    delivery_id = worker.claim_next(db, "worker-a", config)
    # worker-a stalls past its lease; worker-b takes the delivery over and sends it.
    db.execute("UPDATE webhook_deliveries SET lease_until = 0 WHERE id = ?", [delivery_id])
    assert worker.claim_next(db, "worker-b", config) == delivery_id
    with requests.Session() as session:
        worker.deliver(db, session, delivery_id, "worker-b", config)
        worker.deliver(db, session, delivery_id, "worker-a", config)
    (delivery,) = deliveries(client, hook["id"])
    assert delivery["state"] == "succeeded" and len(delivery["attempts"]) == 1


def test_backoff_grows_exponentially_with_jitter():
    config = worker.WorkerConfig(outbound=None, base_delay=0.5, max_delay=10)
    for attempts, low, high in [(1, 0.25, 0.5), (2, 0.5, 1.0), (3, 1.0, 2.0), (9, 5.0, 10.0)]:
        delays = {worker.backoff(attempts, config) for _ in range(50)}
        assert all(low <= delay <= high for delay in delays) and len(delays) > 1


def test_the_readme_check_refuses_a_tampered_body_an_old_timestamp_and_a_wrong_secret(
    hooks, client, article, receiver
):
    subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    work(hooks)
    (seen,) = receiver.seen()
    assert verify(SECRET, seen.headers, seen.body)
    assert not verify(SECRET, seen.headers, seen.body.replace(b"bridge", b"Bridge"))
    assert not verify("another-secret-entirely", seen.headers, seen.body)
    old = str(int(time.time()) - 3600)
    resigned = {**seen.headers, "X-Factcheck-Timestamp": old}
    resigned["X-Factcheck-Signature"] = worker.sign(SECRET, old, seen.body)
    assert not verify(SECRET, resigned, seen.body)
    assert verify(SECRET, resigned, seen.body, tolerance=7200)  # only its age refused it


def test_a_delivery_unsubscribed_after_it_was_claimed_is_dropped(
    hooks, client, article, receiver, db
):
    hook = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    config = worker.WorkerConfig.from_app(hooks.config)
    delivery_id = worker.claim_next(db, "worker-a", config)
    client.delete(f"/api/v1/webhooks/{hook['id']}")
    with requests.Session() as session:
        worker.deliver(db, session, delivery_id, "worker-a", config)
    assert receiver.seen() == [] and count(db, "webhook_attempts") == 0


def test_the_long_running_worker_outlasts_a_locked_database(hooks, client, article, receiver):
    subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    config = worker.WorkerConfig.from_app(hooks.config)
    stop, made = threading.Event(), []
    with connect(hooks.config["DATABASE"]) as holder:
        holder.execute("BEGIN IMMEDIATE")  # another writer keeps the lock for a while

        def serve():
            with (
                connect(hooks.config["DATABASE"], busy_timeout=0.05) as db,
                requests.Session() as s,
            ):
                made.append(worker.run(db, s, config, stop=stop))

        thread = threading.Thread(target=serve)
        thread.start()
        time.sleep(0.5)
        assert receiver.seen() == [] and thread.is_alive()
        holder.execute("ROLLBACK")
    receiver.wait_for(1)
    stop.set()
    thread.join(10)
    assert made == [1] and len(receiver.seen()) == 1


def test_delivery_ids_are_never_given_out_twice(hooks, client, article, receiver, db):
    first = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article)
    (gone,) = deliveries(client, first["id"])
    client.delete(f"/api/v1/webhooks/{first['id']}")
    second = subscribe(client, receiver.url("/hook"), ["claim.created"])
    new_claim(client, article, "the bridge cost $9 million")
    (fresh,) = deliveries(client, second["id"])
    assert second["id"] > first["id"] and fresh["id"] > gone["id"]


def test_the_api_document_lists_the_webhook_operations_for_keys_only(client):
    paths = client.get("/openapi.json").json["paths"]
    expected = {
        "/api/v1/webhooks": {"get", "post"},
        "/api/v1/webhooks/{webhook_id}": {"get", "patch", "delete"},
        "/api/v1/webhooks/{webhook_id}/deliveries": {"get"},
        "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver": {"post"},
    }
    for path, methods in expected.items():
        assert set(paths[path]) - {"parameters"} == methods, path
        for method in methods:
            assert paths[path][method]["security"] == [{"bearerAuth": []}], (path, method)
