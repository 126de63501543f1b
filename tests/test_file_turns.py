"""Turns between processes (factcheck/file_turns.py): exclusive, bounded by a deadline,
never left held by a writer that gave up or a process that died."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from factcheck import file_turns

HOLDER = """
import sys, time
from factcheck import file_turns
with file_turns.turn(sys.argv[1], time.monotonic() + 5):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""

COUNTER = """
import sys, time
from pathlib import Path
from factcheck import file_turns
counter = Path(sys.argv[2])
for _ in range(int(sys.argv[3])):
    with file_turns.turn(sys.argv[1], time.monotonic() + 30):
        value = int(counter.read_text())
        time.sleep(0.0005)  # a lost update shows if two are inside at once
        counter.write_text(str(value + 1))
"""


def _holder(lock, seconds):
    """A process holding the turn for seconds, started once it holds it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "holding"
    holder.stdout.close()  # it prints nothing more
    return holder


def test_processes_take_the_turn_one_at_a_time(tmp_path):
    lock, counter = tmp_path / "db.writers", tmp_path / "count"
    counter.write_text("0")
    workers = [
        subprocess.Popen([sys.executable, "-c", COUNTER, str(lock), str(counter), "150"])
        for _ in range(3)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0]
    assert counter.read_text() == "450"


@pytest.mark.parametrize("how_it_ends", ["lets go", "is killed"])
def test_a_waiting_writer_gets_the_turn_when_the_holder_is_done(tmp_path, how_it_ends):
    lock = tmp_path / "db.writers"
    holder = _holder(lock, 0.5 if how_it_ends == "lets go" else 60)
    if how_it_ends == "is killed":
        threading.Timer(0.5, os.kill, [holder.pid, signal.SIGKILL]).start()
    started = time.monotonic()
    with file_turns.turn(lock, started + 20):
        waited = time.monotonic() - started
    holder.wait(timeout=10)
    assert 0.3 < waited < 10


def _given_up(lock):
    """A process holding the turn for a second, and a writer here giving up on it after
    0.2 s, as "database is locked"; the holder."""
    holder = _holder(lock, 1.0)
    refused = pytest.raises(sqlite3.OperationalError, match="database is locked")
    with refused, file_turns.turn(lock, time.monotonic() + 0.2):
        pass
    return holder


def test_a_writer_that_gives_up_leaves_the_turn_free(tmp_path):
    lock = tmp_path / "db.writers"
    holder = _given_up(lock)
    holder.wait(timeout=10)
    # The courier fetched the lock for nobody once the holder let go: it gave it back, so
    # another process takes it at once...
    time.sleep(0.2)
    other = _holder(lock, 0.0)
    assert other.wait(timeout=10) == 0
    # ... and so does the next writer of this process.
    with file_turns.turn(lock, time.monotonic() + 1):
        pass


def test_the_next_writer_of_the_process_takes_over_a_fetch_given_up(tmp_path):
    lock = tmp_path / "db.writers"
    holder = _given_up(lock)
    started = time.monotonic()
    with file_turns.turn(lock, started + 20):
        assert holder.poll() is not None or time.monotonic() - started > 0.5
    holder.wait(timeout=10)
