"""Crash safety: gunicorn killed with SIGKILL (master and workers) in the middle of writes.

Several clients write articles and claims (each claim also feeds the full-text index and
the audit chain) through real gunicorn; master and workers get SIGKILL mid-stream and
the service restarted on the same file. Then the database must be intact, the index
consistent, the audit chain unbroken, and every write that was answered 2xx still there.
"""

import os
import signal
import sqlite3
import time

import requests

from tests.served import Writers, factcheck, prepare, start, stop, wait_for

CLIENTS = 4
# Kill once this many writes were acknowledged (and while more are in flight).
ACKNOWLEDGED_BEFORE_KILL = 60


def children_of(pid):
    """Process ids whose parent is pid (gunicorn's workers), read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def gone(pid):
    """True once pid no longer runs (exited, or a zombie waiting to be reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def kill_mid_stream(base, admin_key, process):
    """Run the writers, SIGKILL master and workers while they write; return what was acked."""
    writers = Writers(base, admin_key, CLIENTS)
    try:
        wait_for(lambda: len(writers.acknowledged) >= ACKNOWLEDGED_BEFORE_KILL, 120, "writes")
        workers = children_of(process.pid)
        assert workers, "gunicorn has no workers to kill"
        for pid in [process.pid, *workers]:
            os.kill(pid, signal.SIGKILL)
        process.wait(timeout=30)
        wait_for(lambda: all(gone(pid) for pid in workers), 30, "the workers to die")
        time.sleep(0.5)  # requests in flight when the server died fail now
    finally:
        writers.stop()
    assert writers.failed, "no write was cut off: the kill did not land mid-stream"
    return writers.acknowledged


def test_sigkill_mid_write_loses_no_acknowledged_write(tmp_path):
    env, admin_key = prepare(tmp_path)
    process, base = start(env, tmp_path)
    try:
        acknowledged = kill_mid_stream(base, admin_key, process)
    finally:
        if process.poll() is None:
            stop(process)
    assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL

    process, base = start(env, tmp_path)  # same file, as after a crash
    try:
        headers = {"Authorization": f"Bearer {admin_key}"}
        for kind, item_id, word in acknowledged:
            answer = requests.get(f"{base}/api/v1/{kind}/{item_id}", headers=headers, timeout=10)
            assert answer.status_code == 200, (kind, item_id)
            assert word in (answer.json().get("title") or answer.json().get("claimant"))
        # The full-text index answers for an acknowledged claim, and the service still writes.
        claims = [(item_id, word) for kind, item_id, word in acknowledged if kind == "claims"]
        found = requests.get(
            f"{base}/api/v1/claims", params={"q": claims[-1][1]}, headers=headers, timeout=10
        )
        assert [item["id"] for item in found.json()["items"]] == [claims[-1][0]]
        article = {"title": "after", "body": "After the crash."}
        created = requests.post(
            f"{base}/api/v1/articles", json=article, headers=headers, timeout=10
        )
        assert created.status_code == 201
    finally:
        stop(process)

    with sqlite3.connect(env["FACTCHECK_DATABASE"]) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # FTS5's own check: raises if the index and the claims table disagree.
        db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    db.close()
    assert "audit chain intact" in factcheck(env, "verify-audit")
