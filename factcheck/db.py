"""The one way to the database: connections with the pragmas every one needs, and atomic
writes. Plain SQLite through sqlite-utils; the web side keeps one connection per server
thread (factcheck/api/database.py)."""

import os
import sqlite3
import threading
import time
import weakref
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from factcheck import file_turns

# The WAL is copied into the database file every WAL_AUTOCHECKPOINT pages, inside the COMMIT
# that fills it: every writer waits for the copy and its fsync. A move writes about 20 pages,
# so SQLite's default (1,000 pages, ~4 MiB) stalled the writers every 50 moves, for 5-200 ms
# at 32 writers; 4,000 pages stall them a quarter as often, each stall less than 4 times as
# long, since much of one is the fsync's fixed cost (two A/B runs of 3 rounds, 32 writers at
# 10k claims: 649-821 against 528-776 moves/s). A checkpoint cannot pass a snapshot a reader
# still holds (a long read, a backup), so the WAL can grow meanwhile; SQLite then reuses the
# file at its high-water mark for good (36 MiB after one 25 s read in bench/wal_bench.py).
# journal_size_limit truncates it back to this once a checkpoint catches up.
WAL_AUTOCHECKPOINT = 4000
JOURNAL_SIZE_LIMIT = 32 * 1024 * 1024
# Under reads that never stop, no automatic checkpoint ever finds the WAL unused: each one
# copies what it can, but some reader always holds a recent snapshot, so the log is never
# started over and grows for good (827 MB after 60 s of mixed load, issue 12). Once a commit
# leaves it past WAL_TRUNCATE_AT, the writer runs a TRUNCATE checkpoint: it holds off new
# writers, waits for the readers of older snapshots to finish (reads take milliseconds), and
# empties the file. It waits at most TRUNCATE_PATIENCE_MS, so a long read (a backup, an
# export) stalls no write for longer: the log is emptied once the read is over. Under heavy
# reads an attempt often times out, so each process tries again every TRUNCATE_EVERY seconds
# (with 100 ms and once a second the log reached 73 MiB in 60 s of make bench's mixed load).
WAL_TRUNCATE_AT = 32 * 1024 * 1024
TRUNCATE_PATIENCE_MS = 250
TRUNCATE_EVERY = 0.25


def connect(path, busy_timeout=5.0) -> Database:
    """Open the SQLite file with the pragmas every connection needs."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=busy_timeout, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    # sqlite-utils leaves foreign keys off; every connection must turn them on.
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
    db.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
    return db


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
    with writers_turn(db):
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            # SQLite may have ended the transaction already (a trigger's RAISE(ROLLBACK), a
            # full disk): rolling back again would raise and hide the real error.
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
    _bound_the_wal(db)


# Writers wait for their turn before BEGIN IMMEDIATE. SQLite's own wait for its write lock
# is a busy handler that sleeps 1, 2, 5, 10, ... 100 ms between tries: with a dozen writers
# at once the lock sat free while they slept (32 writers through gunicorn at 10k claims: p99
# 770-920 ms). The threads of a process queue on a lock, the processes on flock(2) of a file
# beside the database (<database>.writers, factcheck/file_turns.py): a waiting thread is
# woken as soon as the turn is free (the same run: p99 115-280 ms, the same moves/s). A
# writer waits at most its busy timeout for its turn, as it did for SQLite's lock (then
# "database is locked", answered 503).
_in_process = {}  # database file -> the lock its writing threads in this process queue on
_holding = threading.local()  # database files whose turn this thread has
_making = threading.Lock()


@contextmanager
def writers_turn(db: Database):
    """The database's write turn for this thread, for the length of the block."""
    path = file_of(db)
    held = getattr(_holding, "paths", None)
    if held is None:
        held = _holding.paths = set()
    if not path or path in held:
        yield  # in memory, or this thread has the turn already (on another connection)
        return
    with _making:
        in_process = _in_process.setdefault(path, threading.Lock())
    patience = db.conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
    if not in_process.acquire(timeout=patience):
        raise sqlite3.OperationalError("database is locked")
    held.add(path)
    try:
        with file_turns.turn(f"{path}.writers", time.monotonic() + patience):
            yield
    finally:
        held.discard(path)
        in_process.release()


_files = weakref.WeakKeyDictionary()
_last_truncation = {"at": 0.0}
_truncating = threading.Lock()


def file_of(db):
    """The path of the connection's database file ("" in memory), asked once."""
    if db not in _files:
        _files[db] = db.conn.execute("PRAGMA database_list").fetchone()[2]
    return _files[db]


def _bound_the_wal(db):
    """After a commit: empty the WAL if it has grown past WAL_TRUNCATE_AT."""
    if not file_of(db):
        return  # in memory: no log
    try:
        if os.stat(f"{file_of(db)}-wal").st_size < WAL_TRUNCATE_AT:
            return
    except FileNotFoundError:
        return
    if time.monotonic() - _last_truncation["at"] < TRUNCATE_EVERY:
        return
    if not _truncating.acquire(blocking=False):
        return  # another thread of this process is at it
    try:
        _last_truncation["at"] = time.monotonic()
        timeout = db.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        db.conn.execute(f"PRAGMA busy_timeout = {TRUNCATE_PATIENCE_MS}")
        try:
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            db.conn.execute(f"PRAGMA busy_timeout = {timeout}")
    finally:
        _truncating.release()


def read(db: Database, sql, params=()):
    """The rows of a read, as dicts, straight from the connection.

    sqlite-utils' db.query wraps each statement in a SAVEPOINT and its RELEASE: three
    statements for one. The hot reads come here instead, and sqlite3's statement cache keeps
    each of them prepared on the connection (one per server thread).
    """
    cursor = db.conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def read_one(db: Database, sql, params=()):
    """The first row of a read (see read) as a dict, or None."""
    return next(iter(read(db, sql, params)), None)


# Writes on the workflow's path. sqlite-utils' table.insert and table.update look the table
# up (sqlite_master, table_info) on every call: a third of a workflow move's statements.
# Table and column names here are the code's own, never a caller's.


def insert_row(db: Database, table, row):
    """Insert row (column -> value) into table; the new row's id."""
    columns = ", ".join(row)
    values = ", ".join(f":{name}" for name in row)
    return db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", row).lastrowid


def update_row(db: Database, table, row_id, changes):
    """Set the columns of changes on the row of table with this id."""
    columns = ", ".join(f"{name} = :{name}" for name in changes)
    db.conn.execute(
        f"UPDATE {table} SET {columns} WHERE id = :_row_id", {**changes, "_row_id": row_id}
    )
