"""The one way to the database: a per-request sqlite_utils.Database on flask.g."""

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from flask import current_app, g
from sqlite_utils import Database


def connect(path, busy_timeout=5.0) -> Database:
    """Open the SQLite file with the pragmas every connection needs."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=busy_timeout, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    # sqlite-utils leaves foreign keys off; every connection must turn them on.
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


# One connection per server thread, reused by the requests that thread serves: opening one
# per request (pragmas, and no cache of prepared statements) made a claim read 3x slower.
_per_thread = threading.local()


def get_db() -> Database:
    """The request's connection: its thread's, opened on first use."""
    if "db" not in g:
        key = (current_app.config["DATABASE"], current_app.config["BUSY_TIMEOUT"])
        if getattr(_per_thread, "key", None) != key:
            if getattr(_per_thread, "db", None) is not None:
                _per_thread.db.close()
            _per_thread.db, _per_thread.key = connect(*key), key
        g.db = _per_thread.db
    return g.db


def close_db(_exception=None):
    """End of request: nothing may stay open on the reused connection."""
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:
        db.conn.rollback()


@contextmanager
def write_transaction(db: Database):
    """One atomic write: all of it lands or none of it does.

    BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy
    timeout instead of one failing when it upgrades a read lock. Inside an open
    transaction it nests as a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def init_app(app):
    app.teardown_appcontext(close_db)
