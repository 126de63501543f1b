"""The service as `make run` starts it: real gunicorn, migrated and seeded, on loopback."""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from factcheck.config import PROJECT_ROOT

BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    env = {**os.environ, "FACTCHECK_DATABASE": str(tmp_path / "served.db")}
    for command in (["migrate"], ["seed"]):
        subprocess.run([BIN / "factcheck", *command], env=env, check=True, capture_output=True)
    created = subprocess.run(
        [BIN / "factcheck", "create-user", "ada", "--role", "admin"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    env["TEST_ADMIN_KEY"] = created.stdout.splitlines()[-1]
    port = free_port()
    env["FACTCHECK_BIND"] = f"127.0.0.1:{port}"
    base = f"http://127.0.0.1:{port}"
    with (
        open(tmp_path / "gunicorn.log", "wb") as log,
        subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        ) as process,
    ):
        try:
            wait_until_up(base)
            yield base, env["TEST_ADMIN_KEY"]
        finally:
            process.terminate()
            process.wait(timeout=30)


def wait_until_up(base, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(f"{base}/healthz", timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer at {base} within {seconds}s")


def test_seeded_service_answers_a_search(server):
    server, _ = server
    response = requests.get(f"{server}/api/v1/claims", params={"q": "Krebs"}, timeout=5)
    assert response.status_code == 200
    assert any("Krebs" in item["text"] for item in response.json()["items"])
    health = requests.get(f"{server}/healthz", timeout=5)
    assert health.json() == {"status": "ok", "database": "ok"}


def test_server_refuses_a_body_over_one_mebibyte(server):
    server, key = server
    response = requests.post(
        f"{server}/api/v1/articles",
        data=b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}',
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
        timeout=10,
    )
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"


def test_two_editors_approving_and_publishing_at_once_through_gunicorn(server):
    base, admin_key = server
    admin = {"Authorization": f"Bearer {admin_key}"}
    editors = []
    for name in ("eve", "ed"):
        created = requests.post(
            f"{base}/api/v1/users", json={"name": name, "role": "editor"}, headers=admin, timeout=5
        )
        editors.append({"Authorization": f"Bearer {created.json()['key']}"})
    waiting = requests.get(f"{base}/api/v1/claims?status=in_review", headers=admin, timeout=5)
    claim_id = waiting.json()["items"][0]["id"]
    for target in ("approved", "published"):
        assert sorted(race(base, claim_id, target, editors)) == [200, 409]
    history = requests.get(f"{base}/api/v1/claims/{claim_id}/history", headers=admin, timeout=5)
    actions = [event["action"] for event in history.json()["items"]]
    assert actions.count("claim.approved") == 1 and actions.count("claim.published") == 1


def race(base, claim_id, target, callers):
    """Send the same move from every caller at the same moment; return the statuses."""
    barrier, statuses = threading.Barrier(len(callers)), []

    def send(headers):
        barrier.wait()
        response = requests.post(
            f"{base}/api/v1/claims/{claim_id}/transitions",
            json={"to": target},
            headers=headers,
            timeout=10,
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=send, args=(headers,)) for headers in callers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.parametrize(
    "chunks",
    [
        b"zz\r\n{}\r\n0\r\n\r\n",
        b"%x\r\n%s\r\n0\r\n\r\n"
        % (2 * 1024 * 1024 + 20, b'{"title": "T", "body": "B"}' + b" " * (2 * 1024 * 1024 - 7)),
    ],
)
def test_server_refuses_chunked_bodies_cleanly(server, chunks):
    base, key = server
    host, port = base.removeprefix("http://").split(":")
    head = (
        "POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        f"Authorization: Bearer {key}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(head.encode() + chunks)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 411"), answer[:200]
    assert b"application/problem+json" in answer
