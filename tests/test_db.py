"""Connections from factcheck.db: the write-ahead log does not keep a spike's size for good."""

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from factcheck import db
from factcheck.db import JOURNAL_SIZE_LIMIT, connect, write_transaction

MIB = 1024 * 1024


def test_wal_shrinks_back_to_the_limit_once_a_long_read_ends(db_path):
    writer, reader = connect(db_path), connect(db_path)
    wal = Path(f"{db_path}-wal")
    writer.execute("CREATE TABLE scratch (data BLOB)")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM claims").fetchone()  # a snapshot no checkpoint may pass
    for _ in range(JOURNAL_SIZE_LIMIT // MIB + 8):
        with write_transaction(writer):
            writer.execute("INSERT INTO scratch VALUES (zeroblob(?))", [MIB])
    grown = wal.stat().st_size
    reader.execute("COMMIT")
    for _ in range(3):  # a checkpoint on one commit; the log restarts (and is cut) on the next
        with write_transaction(writer):
            writer.execute("DELETE FROM scratch WHERE rowid = (SELECT min(rowid) FROM scratch)")
    assert grown > JOURNAL_SIZE_LIMIT
    assert wal.stat().st_size <= JOURNAL_SIZE_LIMIT
    writer.close()
    reader.close()


def _largest_wal_under_constant_reads(db_path, commits):
    """Write `commits` MiB, one per commit, while four threads keep reading (some read is
    always open, as under a viral claim); the WAL's largest size meanwhile."""
    wal, stop = Path(f"{db_path}-wal"), threading.Event()
    writer = connect(db_path)
    writer.execute("CREATE TABLE scratch (data BLOB)")

    def read_on():
        reader = connect(db_path)
        while not stop.is_set():
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM claims").fetchone()
            time.sleep(0.002)
            reader.execute("COMMIT")
        reader.close()

    readers = [threading.Thread(target=read_on) for _ in range(4)]
    for thread in readers:
        thread.start()
    largest = 0
    try:
        for _ in range(commits):
            with write_transaction(writer):
                writer.execute("INSERT INTO scratch VALUES (zeroblob(?))", [MIB])
            largest = max(largest, wal.stat().st_size)
    finally:
        stop.set()
        for thread in readers:
            thread.join()
        writer.close()
    return largest


@pytest.mark.parametrize(
    ("truncate_at", "bounded"),
    [(8 * MIB, True), (10**12, False)],  # the bound, and none: what it is there for
)
def test_the_wal_stays_bounded_while_reads_never_stop(db_path, monkeypatch, truncate_at, bounded):
    monkeypatch.setattr(db, "WAL_TRUNCATE_AT", truncate_at)
    monkeypatch.setattr(db, "TRUNCATE_EVERY", 0)
    largest = _largest_wal_under_constant_reads(db_path, commits=48)
    assert (largest < 8 * MIB + JOURNAL_SIZE_LIMIT) == bounded, largest / MIB


def test_writers_take_turns_instead_of_sleeping_on_the_lock(db_path):
    """Eight threads writing at once with a short busy timeout: each waits for its turn and
    every write lands. Waiting on SQLite's lock alone (sleeps of 1, 2, 5 ... 100 ms between
    tries, and others taking the lock meanwhile), some gave up as "database is locked"."""
    failures, writes = [], 30
    with connect(db_path) as setup:
        setup.execute("CREATE TABLE scratch (n INTEGER)")

    def write_many():
        writer = connect(db_path, busy_timeout=0.15)
        try:
            for n in range(writes):
                with write_transaction(writer):
                    writer.execute("INSERT INTO scratch VALUES (?)", [n])
                    time.sleep(0.002)  # a move's checks and rows, with the lock held
                time.sleep(0.001)  # the rest of its request
        except sqlite3.OperationalError as error:
            failures.append(error)
        finally:
            writer.close()

    threads = [threading.Thread(target=write_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connect(db_path) as check:
        landed = check.execute("SELECT count(*) FROM scratch").fetchone()[0]
    assert failures == [] and landed == 8 * writes


def test_a_second_connection_of_the_writing_thread_is_refused_not_stuck(db_path):
    first, second = connect(db_path), connect(db_path, busy_timeout=0.2)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"), write_transaction(first):
        first.execute("CREATE TABLE scratch (n INTEGER)")
        with write_transaction(second):
            second.execute("INSERT INTO scratch VALUES (1)")
    assert time.monotonic() - started < 10
    first.close()
    second.close()
