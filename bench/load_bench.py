"""Load benchmark: the served API under many concurrent readers, through real gunicorn.

Builds a database (seed + N synthetic claims, as read_bench does), starts gunicorn with
the project's gunicorn.conf.py on a free loopback port, then runs client processes that
each keep one HTTP/1.1 connection per thread and fetch a mix of hot reads for a fixed time.
Prints requests per second and latency percentiles, with the keyless rate limit off and
on (so high that it only counts), in turns on the same database. The clients share the
machine with the server, so figures are a floor, not a ceiling.

    .venv/bin/python bench/load_bench.py [--claims 20000] [--seconds 10] [--clients 2] [--threads 8]
        [--rounds 2]
"""

import argparse
import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from factcheck import create_app

sys.path.insert(0, str(Path(__file__).parent))
from read_bench import build

URLS = [
    "/api/v1/claims/5",
    "/api/v1/claims?limit=20",
    "/api/v1/claims?tag=tariff&limit=20",
    "/api/v1/claims?q=Krebs",
    "/api/v1/claims?rating=false&limit=20",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reader(port, seconds, results):
    """One thread: keep-alive requests round the URL mix until time is up."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    deadline = time.monotonic() + seconds
    latencies, errors, n = [], 0, 0
    while time.monotonic() < deadline:
        url = URLS[n % len(URLS)]
        n += 1
        start = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - start)
        errors += response.status != 200
    connection.close()
    results.append((latencies, errors))


def client_process(port, seconds, threads, queue):
    results = []
    workers = [
        threading.Thread(target=reader, args=(port, seconds, results)) for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(results)


# The keyless limit off, and on but too high to refuse anything: the cost of counting.
LIMIT_SETTINGS = {"off": "", "on": "1000000000/minute"}


def load(root, path, folder, args, limit):
    """Serve the database with gunicorn under this keyless limit and run the clients."""
    port = free_port()
    env = {
        **os.environ,
        "FACTCHECK_DATABASE": str(path),
        "FACTCHECK_BIND": f"127.0.0.1:{port}",
        "FACTCHECK_RATE_LIMIT_ANON": limit,
    }
    log = open(Path(folder) / "gunicorn.log", "ab")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        queue = multiprocessing.Queue()
        clients = [
            multiprocessing.Process(
                target=client_process, args=(port, args.seconds, args.threads, queue)
            )
            for _ in range(args.clients)
        ]
        for client in clients:
            client.start()
        results = [result for _ in clients for result in queue.get()]
        for client in clients:
            client.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return results


def report(name, results, seconds):
    latencies = sorted(value for thread, _ in results for value in thread)
    errors = sum(count for _, count in results)
    total = len(latencies)

    def percentile(p):
        return latencies[min(total - 1, int(total * p))] * 1000

    print(
        f"limits {name:3}  requests {total}  non-200 {errors}  "
        f"throughput {total / seconds:.0f} req/s  latency ms  p50 {percentile(0.5):.1f}  "
        f"p95 {percentile(0.95):.1f}  p99 {percentile(0.99):.1f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2, help="turns of off and on")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "load.db"
        build(path, args.claims, create_app({"DATABASE": str(path)}).config)
        print(
            f"{args.claims} synthetic claims + seed; {args.clients} client processes x "
            f"{args.threads} threads, keep-alive, {args.seconds:.0f} s, "
            f"URL mix of {len(URLS)} reads"
        )
        for _ in range(args.rounds):
            for name, limit in LIMIT_SETTINGS.items():
                report(name, load(root, path, folder, args, limit), args.seconds)


if __name__ == "__main__":
    main()
