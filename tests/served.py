"""The service as `make run` starts it: migrated, seeded, real gunicorn with gunicorn.conf.py.

Shared by the tests that need a live server (test_server, test_slow_clients, test_crash,
test_backup). Waits poll with deadlines: the machine may be loaded.
"""

import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests

from factcheck.config import PROJECT_ROOT
from tests.concurrency import free_port
from tests.conftest import NO_LIMITS

BIN = Path(sys.executable).parent


def factcheck(env, *arguments):
    """Run the `factcheck` command; return its standard output."""
    done = subprocess.run(
        [BIN / "factcheck", *arguments], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def prepare(folder):
    """Migrate and seed a database in folder and create an admin; return (env, admin key)."""
    env = {
        **os.environ,
        "FACTCHECK_DATABASE": str(folder / "served.db"),
        "FACTCHECK_CONTROL_SOCKET": str(folder / "gunicorn.ctl"),
        # These tests drive hundreds of requests from one address and key on purpose; the
        # limits have their own live tests (tests/test_ratelimit.py).
        **{f"FACTCHECK_{name}": value for name, value in NO_LIMITS.items()},
    }
    factcheck(env, "migrate")
    factcheck(env, "seed")
    admin_key = factcheck(env, "create-user", "ada", "--role", "admin").splitlines()[-1]
    return env, admin_key


def start(env, folder, port=None):
    """Start gunicorn as `make run` does on a free port; return (process, base URL)."""
    port = port or free_port()
    env = {**env, "FACTCHECK_BIND": f"127.0.0.1:{port}"}
    with open(folder / "gunicorn.log", "ab") as log:
        process = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
    except BaseException:
        stop(process)
        raise
    return process, base


def wait_until_up(base, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before answering")
        try:
            if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer at {base} within {seconds}s")


def stop(process):
    """Stop gunicorn gracefully (SIGTERM), killing it if it does not stop in time."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


@contextmanager
def serving(folder):
    """A prepared database served by gunicorn: yields (base URL, admin key, env)."""
    env, admin_key = prepare(folder)
    process, base = start(env, folder)
    try:
        yield base, admin_key, env
    finally:
        stop(process)


def wait_for(condition, seconds, what):
    """Poll condition until true; fail naming what after seconds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {seconds}s waiting for {what}"
        time.sleep(0.05)


class Writers:
    """Client threads that each store an article, then a claim quoting it, until stopped.

    `acknowledged` lists (collection, id, word) for every write answered 2xx, in order;
    `failed` the words of writes cut off by a connection error (the server went away).
    """

    def __init__(self, base, key, count):
        self.base, self.key = base, key
        self.acknowledged, self.failed = [], []
        self.stopped = threading.Event()
        self.threads = [threading.Thread(target=self.write, args=(n,)) for n in range(count)]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopped.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def write(self, number):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {self.key}"
        n = 0
        while not self.stopped.is_set():
            n += 1
            word = f"written{number}x{n}"
            try:
                self.article_and_claim(session, word)
            except requests.RequestException:
                self.failed.append(word)
                time.sleep(0.05)  # the server is down: this write was never acknowledged

    def article_and_claim(self, session, word):
        body = f"The {word} figure was quoted in full."
        article = session.post(
            f"{self.base}/api/v1/articles", json={"title": word, "body": body}, timeout=10
        )
        if article.status_code != 201:
            return
        self.acknowledged.append(("articles", article.json()["id"], word))
        claim = session.post(
            f"{self.base}/api/v1/claims",
            json={"article_id": article.json()["id"], "text": body, "claimant": word},
            timeout=10,
        )
        if claim.status_code == 201:
            self.acknowledged.append(("claims", claim.json()["id"], word))
