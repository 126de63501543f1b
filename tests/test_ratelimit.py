"""Rate limits on keyless requests and failed authentication, and write quotas per key:
429 problem+json with Retry-After, one count shared by every gunicorn worker."""

import os
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from factcheck import create_app, ratelimit
from factcheck.config import PROJECT_ROOT
from tests.concurrency import free_port, race
from tests.conftest import assert_problem, client_as

BIN = os.path.dirname(sys.executable)


@pytest.fixture
def limited(app):
    """The app with the limits a test sets (the suite runs with them off). Windows are fixed,
    so tests use day-long ones: a test does not straddle the end of one."""

    def configure(**settings):
        app.config.update(settings)
        return app

    return configure


def assert_429(response, window=86400):
    body = assert_problem(response, 429)
    assert body["type"] == "/problems/too-many-requests"
    assert 1 <= int(response.headers["Retry-After"]) <= window
    return body


def test_keyless_requests_are_limited_per_address(limited, anon, client):
    limited(RATE_LIMIT_ANON="3/day")
    for _ in range(3):
        assert anon.get("/api/v1/claims").status_code == 200
    assert_429(anon.get("/api/v1/claims"))
    assert_429(anon.get("/api/v1/articles/1"))  # one count for every path
    assert anon.get("/api/v1/claims", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200
    assert anon.get("/healthz").status_code == 200  # monitors are never refused
    for _ in range(10):  # staff keys are not limited by it
        assert client.get("/api/v1/claims").status_code == 200


def test_a_refused_caller_may_come_back_when_the_window_ends(limited, anon):
    limited(RATE_LIMIT_ANON="1/second")
    for _ in range(3):  # a second may end between two requests; three never span two
        refused = anon.get("/api/v1/claims")
        if refused.status_code == 429:
            break
    assert_429(refused, window=1)
    time.sleep(int(refused.headers["Retry-After"]))
    assert anon.get("/api/v1/claims").status_code == 200


@pytest.mark.parametrize("setting", ["", "  "])
def test_an_empty_limit_is_off(limited, anon, client, setting):
    limited(RATE_LIMIT_ANON=setting, RATE_LIMIT_AUTH_FAIL=setting, WRITE_QUOTA=setting)
    for number in range(30):
        assert anon.get("/api/v1/claims").status_code == 200
        assert client_as(anon.application, "fck_wrong").get("/api/v1/queue").status_code == 401
        article = {"title": f"A{number}", "body": "Text."}
        assert client.post("/api/v1/articles", json=article).status_code == 201


def test_failed_authentication_is_limited_per_address(limited, app, keys):
    limited(RATE_LIMIT_AUTH_FAIL="2/day")
    guesser, elsewhere = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}
    wrong, right = client_as(app, "fck_wrong"), client_as(app, keys["ada"])
    assert_problem(wrong.get("/api/v1/queue", environ_base=guesser), 401)
    assert right.get("/api/v1/queue", environ_base=guesser).status_code == 200  # success is free
    assert_problem(wrong.get("/api/v1/queue", environ_base=guesser), 401)
    assert_429(wrong.get("/api/v1/queue", environ_base=guesser))
    # From now on this address may not try a key at all, not even the right one...
    assert_429(right.get("/api/v1/queue", environ_base=guesser))
    # ...while another address, and keyless reading, go on.
    assert right.get("/api/v1/queue", environ_base=elsewhere).status_code == 200
    assert client_as(app, None).get("/api/v1/claims", environ_base=guesser).status_code == 200


# (trusted proxies, (peer, X-Forwarded-For) of a first and a second request, same caller?)
ADDRESS_CASES = [
    ("", ("127.0.0.1", "1.1.1.1"), ("127.0.0.1", "2.2.2.2"), True),
    ("", ("10.0.0.1", None), ("10.0.0.2", None), False),
    ("127.0.0.1", ("127.0.0.1", "1.1.1.1"), ("127.0.0.1", "2.2.2.2"), False),
    ("127.0.0.1", ("127.0.0.1", "1.1.1.1"), ("127.0.0.1", "9.9.9.9, 1.1.1.1"), True),
    ("127.0.0.1", ("10.0.0.5", "1.1.1.1"), ("10.0.0.5", "2.2.2.2"), True),
    ("127.0.0.0/8, 10.0.0.0/8", ("127.0.0.1", "1.1.1.1, 10.1.1.1"), ("10.0.0.3", "1.1.1.1"), True),
    (
        "127.0.0.0/8, 10.0.0.0/8",
        ("127.0.0.1", "1.1.1.1, 10.1.1.1"),
        ("127.0.0.1", "10.1.1.1"),
        False,
    ),
    ("127.0.0.1", ("127.0.0.1", "garbage"), ("127.0.0.1", "garbage"), True),
]


@pytest.mark.parametrize(("trusted", "first", "second", "same"), ADDRESS_CASES)
def test_forwarded_addresses_count_only_from_trusted_proxies(
    limited, anon, trusted, first, second, same
):
    limited(RATE_LIMIT_ANON="1/day", TRUSTED_PROXIES=trusted)

    def get(peer, forwarded):
        headers = {"X-Forwarded-For": forwarded} if forwarded else {}
        return anon.get("/api/v1/claims", headers=headers, environ_base={"REMOTE_ADDR": peer})

    assert get(*first).status_code == 200
    assert get(*second).status_code == (429 if same else 200)


def article_count(db):
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_key_creates_at_most_its_quota_per_window(limited, as_user, db):
    limited(WRITE_QUOTA="3/day")
    eve = as_user("eve")
    for number in range(3):
        assert (
            eve.post("/api/v1/articles", json={"title": f"{number}", "body": "x"}).status_code
            == 201
        )
    before = article_count(db)
    assert_429(eve.post("/api/v1/articles", json={"title": "over", "body": "x"}))
    assert_429(eve.post("/api/v1/users", json={"name": "zed", "role": "reviewer"}))
    assert article_count(db) == before
    assert db.execute("SELECT count(*) FROM users WHERE name = 'zed'").fetchone()[0] == 0
    assert eve.get("/api/v1/articles").status_code == 200  # reads are not creations
    assert eve.patch("/api/v1/claims/999", json={"claimant": "x"}).status_code == 404
    rita = as_user("rita")  # another key has its own quota
    assert rita.post("/api/v1/articles", json={"title": "r", "body": "x"}).status_code == 201


@pytest.mark.parametrize("setting", ["RATE_LIMIT_ANON", "RATE_LIMIT_AUTH_FAIL", "WRITE_QUOTA"])
def test_a_limit_that_does_not_parse_stops_start_up(setting):
    with pytest.raises(ValueError, match="couldn't parse"):
        create_app({"DATABASE": "/nonexistent/x.db", setting: "three a minute"})


def test_429_is_documented_on_every_operation(anon):
    paths = anon.get("/openapi.json").json["paths"]
    operations = [op for item in paths.values() for op in item.values() if "responses" in op]
    assert operations and all("429" in op["responses"] for op in operations)


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory):
    """gunicorn with three worker processes and a keyless limit of 30 a day."""
    folder = tmp_path_factory.mktemp("limited")
    port = free_port()
    env = {
        **os.environ,
        "FACTCHECK_DATABASE": str(folder / "served.db"),
        "FACTCHECK_BIND": f"127.0.0.1:{port}",
        "FACTCHECK_WORKERS": "3",
        "FACTCHECK_RATE_LIMIT_ANON": "30/day",
    }
    subprocess.run([f"{BIN}/factcheck", "migrate"], env=env, check=True, capture_output=True)
    base = f"http://127.0.0.1:{port}"
    with (
        open(folder / "gunicorn.log", "wb") as log,
        subprocess.Popen(
            [f"{BIN}/gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        ) as process,
    ):
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    requests.get(f"{base}/healthz", timeout=1)
                    break
                except requests.RequestException:
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_workers_share_one_count(limited_server):
    """90 keyless requests, each on a new connection from 6 threads, so all three workers
    serve some: 30 pass in all, not 30 per worker."""

    def fetch(_):
        response = requests.get(f"{limited_server}/api/v1/claims", timeout=10)
        return response.status_code, response.headers.get("Content-Type")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(fetch, range(90)))
    statuses = [status for status, _ in answers]
    assert statuses.count(200) == 30 and statuses.count(429) == 60, statuses
    assert all(kind == "application/problem+json" for status, kind in answers if status == 429)


def test_failures_arriving_together_are_401_or_429_never_an_error(limited, app):
    """Several may pass the check before any is counted; counting them past the limit must
    not fail the answer."""
    limited(RATE_LIMIT_AUTH_FAIL="1/day")
    wrong = client_as(app, "fck_wrong")
    statuses = race(*[lambda: wrong.get("/api/v1/queue").status_code] * 8)
    assert set(statuses) <= {401, 429} and 401 in statuses, statuses
    assert_429(wrong.get("/api/v1/queue"))


def test_threads_opening_a_new_counter_file_together_all_count(tmp_path):
    """Switching a new counter file to WAL is answered "locked" at once to all but one of
    the threads racing to open it (5 of 1,800 counts failed before, a 503 in CI)."""
    failures = []

    def count(path):
        try:
            ratelimit.hit(path, "1000/day", "test", "caller")
        except sqlite3.OperationalError as error:
            failures.append(error)

    for run in range(150):
        path = str(tmp_path / f"{run}.limits")
        threads = [threading.Thread(target=count, args=(path,)) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
