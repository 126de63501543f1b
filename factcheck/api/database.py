"""The request's database connection on flask.g: one per server thread, reused by every
request that thread serves."""

import threading

from flask import current_app, g
from sqlite_utils import Database

from factcheck.db import connect

# Opening a connection per request (pragmas, and no cache of prepared statements) made a
# claim read 3x slower, so each server thread keeps one.
_per_thread = threading.local()


def thread_db(config) -> Database:
    """This thread's connection to the configured database, opened on first use."""
    key = (config["DATABASE"], config["BUSY_TIMEOUT"])
    if getattr(_per_thread, "key", None) != key:
        if getattr(_per_thread, "db", None) is not None:
            _per_thread.db.close()
        _per_thread.db, _per_thread.key = connect(*key), key
    return _per_thread.db


def get_db() -> Database:
    """The request's connection: its thread's."""
    if "db" not in g:
        g.db = thread_db(current_app.config)
    return g.db


def close_db(_exception=None):
    """End of request: nothing may stay open on the reused connection."""
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:
        db.conn.rollback()


def init_app(app):
    app.teardown_appcontext(close_db)
