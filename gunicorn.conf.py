"""gunicorn settings for a small machine (2 cores): a few processes, a few threads each.

SQLite allows one writer at a time, so more processes would only queue on its lock; threads
cover the waiting on I/O. Every value can be overridden by a FACTCHECK_* variable.
"""

import multiprocessing
import os
import re

bind = os.environ.get("FACTCHECK_BIND", "127.0.0.1:8000")
# A process a core (at least 2, at most 4): each loop waits for its threads' answers (factcheck/
# serving.py), so a process keeps about one core busy, and a third process on 2 cores only
# adds a writer that drops the others' page caches (32 writers at 10k claims, paired runs:
# 2 processes 844-1,047 moves/s, 3 processes 700-943).
workers = int(os.environ.get("FACTCHECK_WORKERS", max(2, min(multiprocessing.cpu_count(), 4))))
# Reads each request on an event loop and hands only complete ones to `threads` threads,
# so slow clients cannot hold them all (factcheck/serving.py; README "Security").
worker_class = "factcheck.serving.BufferedWSGIWorker"
# Two threads: one can answer while the other waits for the write turn or a slow fetch.
# More contend for the GIL with whichever holds the turn, which then waits between its
# statements while the lock is held (32 writers, 3 processes, paired runs on a loaded
# machine: 2 threads beat 4 in 9 of 10 pairs, by a median of about a fifth; README
# "Performance", the write path).
threads = int(os.environ.get("FACTCHECK_THREADS", 2))
# Open connections per process, slow ones included; beyond it a process stops accepting.
worker_connections = 1000
# A request that takes this long is stuck; the worker is restarted.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow forever (0: never). A restart
# mid-run shows as socket errors and a latency spike, so `make bench` turns it off.
max_requests = int(os.environ.get("FACTCHECK_MAX_REQUESTS", 10_000))
max_requests_jitter = 1_000
# The longest request line gunicorn allows; its default (4094) cuts long search URLs.
limit_request_line = 8190
# The access log: "-" is stdout (the default), a path appends to that file, empty turns it
# off. Writing a line per request to a pipe costs a third of a bare hello's throughput, so
# `make bench` turns it off; in production a file (or a buffered log collector) is cheaper.
accesslog = os.environ.get("FACTCHECK_ACCESS_LOG", "-") or None
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# gunicorn's control socket (for `gunicornc`) defaults to one path per user, so a second
# instance would take the first one's; each bind address gets its own. Empty: none.
_bind_name = re.sub(r"[^\w.]+", "-", bind)
control_socket = os.environ.get("FACTCHECK_CONTROL_SOCKET", f"instance/gunicorn-{_bind_name}.ctl")
control_socket_disable = not control_socket
