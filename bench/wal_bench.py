"""WAL benchmark: the write-ahead log's size under a long mixed load, through real gunicorn.

Builds a database (seed + N synthetic claims, as read_bench does), starts gunicorn with the
project's gunicorn.conf.py, then runs writer threads (an article and a claim quoting it,
each also written to the full-text index and the audit chain) and reader threads (list
pages and searches, whose open snapshots are what can keep a checkpoint from finishing)
for a fixed time, sampling the size of the -wal file. Prints its peak next to the goal.

    .venv/bin/python bench/wal_bench.py [--seconds 60] [--writers 4] [--readers 4] [--long-read 25]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from factcheck import accounts, create_app
from factcheck.db import JOURNAL_SIZE_LIMIT, connect
from factcheck.identity import COMMAND_LINE

sys.path.insert(0, str(Path(__file__).parent))
from load_bench import free_port
from read_bench import build

MIB = 1024 * 1024
# The goal: outside a long read the log stays within journal_size_limit (factcheck/db.py);
# without the limit it kept the size a long read had grown it to for good.
GOAL_MIB = JOURNAL_SIZE_LIMIT // MIB


def writer(base, key, stop, counts):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {key}"
    n = 0
    while not stop.is_set():
        n += 1
        body = f"Write {threading.get_ident()} {n} says the budget rose. " * 20
        article = session.post(
            f"{base}/api/v1/articles", json={"title": "W", "body": body}, timeout=30
        ).json()
        text = body[: body.index(".") + 1]
        session.post(
            f"{base}/api/v1/claims",
            json={"article_id": article["id"], "text": text, "claimant": "W", "span_start": 0},
            timeout=30,
        )
        counts.append(2)


def reader(base, stop, counts):
    session = requests.Session()
    urls = ["/api/v1/claims?limit=50", "/api/v1/claims?q=budget&limit=50", "/api/v1/articles"]
    n = 0
    while not stop.is_set():
        session.get(f"{base}{urls[n % len(urls)]}", timeout=30)
        n += 1
        counts.append(1)


def long_reader(path, start, seconds, spans):
    """One read transaction held open (a slow export): no checkpoint can pass its snapshot."""
    time.sleep(start)
    with connect(path) as db:
        db.execute("BEGIN")
        db.execute("SELECT count(*) FROM claims").fetchone()
        spans.append(time.monotonic())
        time.sleep(seconds)
        db.execute("COMMIT")
        spans.append(time.monotonic())


def serve(path, port, folder):
    env = {
        **os.environ,
        "FACTCHECK_DATABASE": str(path),
        "FACTCHECK_BIND": f"127.0.0.1:{port}",
        "FACTCHECK_CONTROL_SOCKET": str(Path(folder) / "gunicorn.ctl"),
    }
    log = open(Path(folder) / "gunicorn.log", "wb")  # noqa: SIM115 (the server keeps it)
    return subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5_000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument(
        "--long-read",
        type=float,
        default=25,
        help="seconds one read transaction stays open, a third of the way in (0: none)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wal.db"
        build(path, args.claims, create_app({"DATABASE": str(path)}).config)
        with connect(path) as db:
            key = accounts.create_user_with_key(db, "bench", "admin", COMMAND_LINE)[2]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = serve(path, port, folder)
        try:
            for _ in range(300):
                try:
                    requests.get(f"{base}/healthz", timeout=1)
                    break
                except requests.RequestException:
                    time.sleep(0.1)
            stop, writes, reads, spans = threading.Event(), [], [], []
            threads = (
                [
                    threading.Thread(
                        target=long_reader, args=(path, args.seconds / 3, args.long_read, spans)
                    )
                ]
                * bool(args.long_read)
                + [
                    threading.Thread(target=writer, args=(base, key, stop, writes))
                    for _ in range(args.writers)
                ]
                + [
                    threading.Thread(target=reader, args=(base, stop, reads))
                    for _ in range(args.readers)
                ]
            )
            for thread in threads:
                thread.start()
            wal, sizes = Path(f"{path}-wal"), []
            deadline = time.monotonic() + args.seconds
            while time.monotonic() < deadline:
                sizes.append((time.monotonic(), wal.stat().st_size if wal.exists() else 0))
                time.sleep(0.2)
            stop.set()
            for thread in threads:
                thread.join()
            final = wal.stat().st_size if wal.exists() else 0
        finally:
            server.terminate()
            server.wait(timeout=30)
        database_size = path.stat().st_size
    print(
        f"{args.seconds:.0f} s: {sum(writes)} writes, {len(reads)} reads ({args.writers} writer, "
        f"{args.readers} reader threads); database {database_size / MIB:.1f} MiB"
    )
    during = [size for at, size in sizes if spans and spans[0] <= at <= spans[-1]]
    after = [size for at, size in sizes if not spans or at > spans[-1] + 2]
    if during:
        print(
            f"WAL peak while a read stayed open {args.long_read:.0f} s: {max(during) / MIB:.1f} MiB"
        )
    peak = max(after or [0])
    print(
        f"WAL peak otherwise {peak / MIB:.1f} MiB  at the end {final / MIB:.1f} MiB  "
        f"goal <= {GOAL_MIB} MiB: {'met' if max(peak, final) <= GOAL_MIB * MIB else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
