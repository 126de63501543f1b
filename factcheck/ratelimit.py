"""Rate limits and write quotas: fixed windows, counted in a small SQLite file beside the
database, so every worker of the server counts against the same limit.

Limits are written as flask-limiter writes them ("300/minute", "10 per second;1000/day"),
parsed by the `limits` package; an empty value turns one off. A caller over any of its
limits is refused for the rest of that window (TooManyRequests: 429, Retry-After).
"""

import functools
import itertools
import math
import sqlite3
import threading
import time
from pathlib import Path

import limits

from factcheck.errors import TooManyRequests

# Expired windows are swept out of the counter file once in this many hits per process.
SWEEP_EVERY = 1000

_per_thread = threading.local()
_hits = itertools.count()


@functools.lru_cache(maxsize=32)
def parse(spec):
    """The limits a setting names ("" for none); ValueError if it is not limit syntax."""
    if not spec.strip():
        return ()
    return tuple(limits.parse_many(spec))


def counters_path(database):
    """The counter file of a database: beside it, and apart, so that counting a read never
    waits for the database's write lock."""
    return f"{database}.limits"


def _counters(path):
    """This thread's connection to the counter file, opened (and created) on first use."""
    if getattr(_per_thread, "path", None) != path:
        if getattr(_per_thread, "conn", None) is not None:
            _per_thread.conn.close()
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        _per_thread.conn, _per_thread.path = _open(path), path
    return _per_thread.conn


def _open(path, patience=5.0):
    """A connection to the counter file, set up. Threads opening a new file together race
    to switch it to WAL, which SQLite answers "locked" at once instead of waiting (a
    request answered 503 in CI): the loser tries again."""
    deadline = time.monotonic() + patience
    while True:
        conn = sqlite3.connect(
            path, timeout=patience, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            # Counts of windows in progress are worth no fsync: a crash loses them harmlessly.
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS windows "
                "(key TEXT PRIMARY KEY, ends_at REAL NOT NULL, hits INTEGER NOT NULL) STRICT"
            )
            return conn
        except sqlite3.OperationalError:
            conn.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


# One statement, so atomic across processes: a new window starts the count again at 1.
_HIT = """
INSERT INTO windows (key, ends_at, hits) VALUES (:key, :ends_at, 1)
ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN ends_at = excluded.ends_at THEN hits + 1 ELSE 1 END,
    ends_at = excluded.ends_at
RETURNING hits
"""


def _window_end(item, moment):
    length = item.get_expiry()
    return (math.floor(moment / length) + 1) * length


def _key(name, item, caller):
    return f"{name}:{item.amount}/{item.get_expiry()}:{caller}"


def _refuse(name, item, ends_at, moment):
    raise TooManyRequests(
        f"Too many {name} requests from this caller: at most {item}. Retry later.",
        retry_after=max(1, math.ceil(ends_at - moment)),
    )


def _count(path, spec, name, caller):
    """Count one request of caller against each limit of spec; the first it goes over, with
    the end of that window and now, or None."""
    items = parse(spec)
    if not items:
        return None
    conn, moment, over = _counters(path), time.time(), None
    for item in items:
        ends_at = _window_end(item, moment)
        params = {"key": _key(name, item, caller), "ends_at": ends_at}
        if conn.execute(_HIT, params).fetchone()[0] > item.amount and over is None:
            over = (item, ends_at, moment)
    if next(_hits) % SWEEP_EVERY == 0:
        conn.execute("DELETE FROM windows WHERE ends_at < ?", [moment])
    return over


def hit(path, spec, name, caller):
    """Count one request of caller against the limits of spec; 429 once over any of them."""
    over = _count(path, spec, name, caller)
    if over:
        _refuse(name, *over)


def count(path, spec, name, caller):
    """Count an event (a failed authentication) whose answer is already decided."""
    _count(path, spec, name, caller)


def check(path, spec, name, caller):
    """429 if caller has used up a limit of spec in its current window; counts nothing."""
    items = parse(spec)
    if not items:
        return
    conn, moment = _counters(path), time.time()
    for item in items:
        ends_at = _window_end(item, moment)
        row = conn.execute(
            "SELECT hits FROM windows WHERE key = ? AND ends_at = ?",
            [_key(name, item, caller), ends_at],
        ).fetchone()
        if row and row[0] >= item.amount:
            _refuse(name, item, ends_at, moment)
