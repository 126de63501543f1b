"""Exclusive turns between processes: flock(2) of a file, waited for with a deadline.

A blocking flock cannot be given a deadline, and trying a non-blocking one over and over
costs a wake-up, a system call and the GIL each time (every 0.2 ms before: at 700 moves/s
the waiting processes made some 10,000 tries a second, and a freed lock waited up to a try
away). So a thread of the process, its courier, blocks in flock with the GIL released and
hands the lock to the writer waiting for it; the kernel wakes it the moment the lock is
free. A writer that gives up leaves the courier to let the lock go as soon as it has it,
unless the next writer of the process has asked for it meanwhile.

The kernel lets go of a flock when its process dies, so a writer killed mid-turn never
holds up the others (README "Crash safety"). One open file per process: flock counts one
lock per open file, and a forked worker must not share its parent's (the key holds the
pid). A courier leaves after IDLE seconds without a request and closes its file, so a
process that writes to many databases (the tests) keeps none open for long.
"""

import fcntl
import os
import sqlite3
import threading
import time
from contextlib import contextmanager

IDLE = 2.0
_couriers = {}  # (pid, path) -> its Courier
_making = threading.Lock()


class Courier:
    """Fetches the flock of one file for the writers of this process, one at a time."""

    def __init__(self, path, descriptor):
        self.path, self.descriptor = path, descriptor
        self.state = threading.Condition()
        self.waiter = None  # the Event of the writer waiting for the lock, if any
        self.fetching = False  # the courier is blocked in flock
        self.held = False  # a writer of this process has the lock
        self.closed = False

    def take(self, deadline):
        """The lock by deadline (a monotonic time), else "database is locked"."""
        with self.state:
            if self.closed:
                return False  # left just now: the caller makes a new courier
            if not self.fetching and self._try():
                self.held = True
                return True
            arrived = self.waiter = threading.Event()
            self.fetching = True
            self.state.notify()
        arrived.wait(max(0.0, deadline - time.monotonic()))
        with self.state:
            if arrived.is_set():  # perhaps just as we gave up
                self.held = True
                return True
            self.waiter = None  # the courier lets it go when it arrives
        raise sqlite3.OperationalError("database is locked")

    def give_back(self):
        with self.state:
            self.held = False
            fcntl.flock(self.descriptor, fcntl.LOCK_UN)

    def _try(self):
        try:
            fcntl.flock(self.descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def run(self):
        while True:
            with self.state:
                self.state.wait_for(lambda: self.fetching, timeout=IDLE)
                if not (self.fetching or self.held):
                    self.closed = True
                    os.close(self.descriptor)
                    return
                if not self.fetching:
                    continue
            fcntl.flock(self.descriptor, fcntl.LOCK_EX)  # the GIL is released meanwhile
            with self.state:
                self.fetching = False
                if self.waiter is None:
                    fcntl.flock(self.descriptor, fcntl.LOCK_UN)  # its writer gave up
                else:
                    self.waiter.set()
                    self.waiter = None


def _courier(path):
    key = (os.getpid(), path)
    with _making:
        courier = _couriers.get(key)
        if courier is None or courier.closed:
            descriptor = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
            courier = _couriers[key] = Courier(path, descriptor)
            threading.Thread(target=courier.run, name=f"flock {path}", daemon=True).start()
        return courier


@contextmanager
def turn(path, deadline):
    """flock(2) of path for the block, waited for until deadline, else "database is locked".
    One thread of a process asks at a time (the caller's own lock sees to it)."""
    while True:
        try:
            courier = _courier(path)
        except OSError:
            yield  # a folder we may not create in: SQLite's own wait alone
            return
        if courier.take(deadline):
            break
    try:
        yield
    finally:
        courier.give_back()
