"""The service as `make run` starts it: real gunicorn, migrated and seeded, on loopback.

One server per module (starting it, with migrate, seed and create-user, takes ~1.5 s), so
each test here leaves the others' data alone: the race works on a claim and users of its own.
"""

import fcntl
import json
import os
import socket
import subprocess
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import NamedTuple

import pytest
import requests

from factcheck.config import PROJECT_ROOT
from tests.concurrency import free_port, race
from tests.served import BIN, prepare, serving, start, stop


class Served(NamedTuple):
    url: str
    admin_key: str
    database: str


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("served")) as (base, admin_key, env):
        yield Served(base, admin_key, env["FACTCHECK_DATABASE"])


def call(server, key, method, path, status, **kwargs):
    """One request to the served API with this key; asserts its status and returns its body."""
    response = requests.request(
        method,
        f"{server.url}{path}",
        headers={"Authorization": f"Bearer {key}"},
        timeout=10,
        **kwargs,
    )
    assert response.status_code == status, response.text
    return response.json()


def test_seeded_service_answers_a_search(server):
    response = requests.get(f"{server.url}/api/v1/claims", params={"q": "Krebs"}, timeout=5)
    assert response.status_code == 200
    assert any("Krebs" in item["text"] for item in response.json()["items"])
    health = requests.get(f"{server.url}/healthz", timeout=5)
    assert health.json() == {"status": "ok", "database": "ok"}


def test_server_refuses_a_body_over_one_mebibyte(server):
    response = requests.post(
        f"{server.url}/api/v1/articles",
        data=b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}',
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {server.admin_key}",
        },
        timeout=10,
    )
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"


def claim_in_review(server):
    """A claim of its own, drafted and submitted by the admin, so neither editor wrote it."""
    admin = partial(call, server, server.admin_key)
    body = "The race was close."
    article = admin("post", "/api/v1/articles", 201, json={"title": "Race", "body": body})
    claim = admin(
        "post",
        "/api/v1/claims",
        201,
        json={"article_id": article["id"], "text": body, "claimant": "x"},
    )
    url = f"/api/v1/claims/{claim['id']}"
    source = admin("post", f"{url}/sources", 201, json={"url": "https://e.org", "kind": "primary"})
    admin("post", f"{url}/transitions", 200, json={"to": "in_research"})
    verdict = {"rating": "true", "explanation": "x", "source_ids": [source["id"]]}
    admin("post", f"{url}/verdicts", 201, json=verdict)
    admin("post", f"{url}/transitions", 200, json={"to": "in_review"})
    return claim["id"]


def test_two_editors_approving_and_publishing_at_once_through_gunicorn(server):
    admin = partial(call, server, server.admin_key)
    claim_id = claim_in_review(server)
    editors = []
    for _ in range(2):
        name = f"editor-{uuid.uuid4().hex[:8]}"
        created = admin("post", "/api/v1/users", 201, json={"name": name, "role": "editor"})
        editors.append({"Authorization": f"Bearer {created['key']}"})
    url = f"{server.url}/api/v1/claims/{claim_id}/transitions"
    for target in ("approved", "published"):
        sends = [
            partial(requests.post, url, json={"to": target}, headers=headers, timeout=10)
            for headers in editors
        ]
        assert sorted(response.status_code for response in race(*sends)) == [200, 409]
    history = admin("get", f"/api/v1/claims/{claim_id}/history", 200)
    actions = [event["action"] for event in history["items"]]
    assert actions.count("claim.approved") == 1 and actions.count("claim.published") == 1


@pytest.mark.parametrize(
    ("chunks", "answer_starts", "content_type"),
    [
        # Broken chunk framing: gunicorn's parser refuses it before the app runs.
        (b"zz\r\n{}\r\n0\r\n\r\n", b"HTTP/1.1 400", b"text/plain"),
        (b"5\r\n{}\r\n0\r\n\r\n", b"HTTP/1.1 400", b"text/plain"),
        # Well framed: the app asks for a Content-Length, whatever the size.
        (b"2\r\n{}\r\n0\r\n\r\n", b"HTTP/1.1 411", b"application/problem+json"),
        (
            b"%x\r\n%s\r\n0\r\n\r\n"
            % (2 * 1024 * 1024 + 20, b'{"title": "T", "body": "B"}' + b" " * (2 * 1024 * 1024 - 7)),
            b"HTTP/1.1 411",
            b"application/problem+json",
        ),
    ],
)
def test_server_refuses_chunked_bodies_cleanly(server, chunks, answer_starts, content_type):
    host, port = server.url.removeprefix("http://").split(":")
    head = (
        "POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        f"Authorization: Bearer {server.admin_key}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(head.encode() + chunks)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert answer.startswith(answer_starts), answer[:200]
    assert b"\r\ncontent-type: " + content_type in answer.lower()


def test_two_instances_on_different_ports_each_keep_their_control_socket(tmp_path):
    env, _ = prepare(tmp_path)
    del env["FACTCHECK_CONTROL_SOCKET"]  # the default of gunicorn.conf.py
    ports = [free_port(), free_port()]
    started = []
    try:
        for port in ports:
            started.append(start(env, tmp_path, port)[0])
        for port in ports:
            control = PROJECT_ROOT / "instance" / f"gunicorn-127.0.0.1-{port}.ctl"
            shown = subprocess.run(
                [BIN / "gunicornc", "-s", control, "-c", "show listeners", "-j"],
                capture_output=True,
                text=True,
                timeout=30,
                check=True,
            )
            listeners = json.loads(shown.stdout)["listeners"]
            assert [listener["address"] for listener in listeners] == [f"http://127.0.0.1:{port}"]
            assert requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200
    finally:
        for process in started:
            stop(process)


@pytest.mark.parametrize(
    ("setting", "logged_to"),
    [
        ("-", "gunicorn.log"),  # stdout, which served.start sends to gunicorn.log
        ("{folder}/access.log", "access.log"),
        ("", None),  # off, as make bench runs it
    ],
)
def test_access_log_goes_where_the_setting_says(tmp_path, setting, logged_to):
    env, _ = prepare(tmp_path)
    env["FACTCHECK_ACCESS_LOG"] = setting.format(folder=tmp_path)
    process, base = start(env, tmp_path)
    try:
        marker = f"/api/v1/claims/1?probe={uuid.uuid4().hex}"
        requests.get(f"{base}{marker}", timeout=10)
    finally:
        stop(process)
    logged = {
        name: marker in (tmp_path / name).read_text()
        for name in ("gunicorn.log", "access.log")
        if (tmp_path / name).exists()
    }
    assert logged == {name: name == logged_to for name in logged}
    assert (logged_to is None) or logged[logged_to]


def connections_held(port):
    """How many established TCP connections to port each process holds (by pid)."""
    accepted = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # ESTABLISHED
            accepted.add(f"socket:[{fields[9]}]")
    held = Counter()
    for descriptors in Path("/proc").glob("[0-9]*/fd"):
        try:
            held[descriptors.parent.name] += sum(
                os.readlink(fd) in accepted for fd in descriptors.iterdir()
            )
        except OSError:
            continue  # a process that ended meanwhile, or not ours to read
    return +held


def test_a_burst_of_connections_is_shared_between_the_workers(server):
    port = int(server.url.rsplit(":", 1)[1])
    clients = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(24)]
    try:
        for client in clients:
            client.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        for client in clients:
            assert client.recv(64).startswith(b"HTTP/1.1 200")  # answered, so accepted
        held = connections_held(port)
    finally:
        for client in clients:
            client.close()
    # One worker used to take every one of them (24 of 24, each time) and serve them all on
    # one core while the rest idled; how evenly they spread depends on who gets a core.
    assert sum(held.values()) == 24 and len(held) >= 2, held


def test_a_write_waiting_for_its_turn_holds_up_no_other_request(server):
    # Each worker's loop waits for a thread's answer, but only briefly (WAIT_FOR_ANSWER in
    # factcheck/serving.py): a write waiting for the turn another process holds must leave
    # the rest of its worker answering. With the app run on the loop itself, calls on the
    # connections that worker had accepted waited for the turn, and were cut off.
    add_user = partial(
        requests.post,
        f"{server.url}/api/v1/users",
        json={"name": f"waiter-{uuid.uuid4().hex[:8]}", "role": "reviewer"},
        headers={"Authorization": f"Bearer {server.admin_key}"},
        timeout=30,
    )
    # Six kept-alive connections: a worker takes at most four before leaving the rest to
    # the others, so every worker holds some, the waiting write's included.
    sessions = [requests.Session() for _ in range(6)]
    for session in sessions:
        assert session.get(f"{server.url}/healthz", timeout=10).status_code == 200
    with open(f"{server.database}.writers", "a") as turn, ThreadPoolExecutor(1) as client:
        fcntl.flock(turn, fcntl.LOCK_EX)  # as a writer in another process would
        try:
            waiting = client.submit(add_user)
            time.sleep(0.5)
            assert not waiting.done()
            took = []
            for session in sessions:
                started = time.monotonic()
                assert session.get(f"{server.url}/healthz", timeout=10).status_code == 200
                took.append(time.monotonic() - started)
            assert not waiting.done()
        finally:
            fcntl.flock(turn, fcntl.LOCK_UN)
        assert waiting.result().status_code == 201, waiting.result().text
    assert max(took) < 1.0, took
