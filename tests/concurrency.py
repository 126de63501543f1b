"""Running things at the same moment: callables behind a barrier, servers on free ports."""

import socket
import threading
from concurrent.futures import ThreadPoolExecutor


def race(*calls, timeout=30):
    """Run every call in its own thread, all released at once; return their results in order.

    An exception in a call is raised here, after all of them finished.
    """
    barrier = threading.Barrier(len(calls), timeout=timeout)

    def at_the_barrier(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(at_the_barrier, call) for call in calls]
        return [future.result(timeout=timeout) for future in futures]


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
