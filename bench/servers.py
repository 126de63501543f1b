"""The servers a benchmark round measures, each started on a free loopback port: factcheck,
the two floors (bench/floor_apps.py) and Datasette, and what their processes use."""

import os
import runpy
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GUNICORN_CONF = ROOT / "gunicorn.conf.py"


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_settings():
    """Workers and threads as gunicorn.conf.py sets them in this environment."""
    settings = runpy.run_path(str(GUNICORN_CONF))
    return {"workers": settings["workers"], "threads": settings["threads"]}


def start(name, command, environment, folder, ready_path):
    """Start command with its output in folder/<name>.log; return once ready_path answers."""
    log = folder / f"{name}.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    server = Server(name, int(environment["BENCH_PORT"]), process, log)
    deadline = time.monotonic() + 120  # Datasette's first request counts a 1M-row table
    while True:
        try:
            with urllib.request.urlopen(server.base + ready_path, timeout=60):
                return server
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(server)
                raise RuntimeError(f"{name} did not start: {log.read_text()[-2000:]}") from None
            time.sleep(0.2)


def gunicorn(name, app, database, folder, ready_path="/", settings=None):
    """app (a module:variable) under gunicorn with the project's settings; the access log
    off (FACTCHECK_ACCESS_LOG), workers never recycled mid-run (FACTCHECK_MAX_REQUESTS), and
    keyless rate limits and write quotas off, since one client address sends every request
    of the benchmark; settings: more FACTCHECK_* variables."""
    port = free_port()
    environment = {
        **os.environ,
        "BENCH_PORT": str(port),
        "FACTCHECK_BIND": f"127.0.0.1:{port}",
        "FACTCHECK_DATABASE": str(database),
        "FACTCHECK_ACCESS_LOG": "",
        "FACTCHECK_MAX_REQUESTS": "0",
        "FACTCHECK_RATE_LIMIT_ANON": "",
        "FACTCHECK_WRITE_QUOTA": "",
        "FACTCHECK_CONTROL_SOCKET": str(folder / f"{name}.ctl"),
        **(settings or {}),
    }
    command = [BIN / "gunicorn", "-c", GUNICORN_CONF, app]
    return start(name, command, environment, folder, ready_path)


def datasette(database, folder, workers, immutable):
    """Datasette on the same file, in as many uvicorn worker processes as gunicorn's."""
    port = free_port()
    environment = {
        **os.environ,
        "BENCH_PORT": str(port),
        "BENCH_DATASETTE_DB": str(database),
        "BENCH_DATASETTE_IMMUTABLE": "1" if immutable else "",
    }
    command = [
        *(BIN / "uvicorn", "bench.datasette_app:app", "--host", "127.0.0.1"),
        *("--port", str(port), "--workers", str(workers), "--no-access-log"),
        *("--log-level", "warning"),
    ]
    return start("datasette", command, environment, folder, "/-/versions.json")


def stop(server):
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def _stat_fields(pid):
    """The fields of /proc/<pid>/stat after the command name (state, ppid, ...), or None if
    the process has ended. The name, in parentheses, may hold spaces: the fields after it
    count."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()


def children(pid):
    """Ids of the processes whose parent is pid (gunicorn's workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(entry.name)
            if fields is not None and int(fields[1]) == pid:  # None: ended meanwhile
                found.append(int(entry.name))
    return found


def cpu_seconds(pid):
    """User and system CPU time a process has used so far (0 if it has ended)."""
    fields = _stat_fields(pid)
    if fields is None:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busy_seconds(started):
    """CPU time used so far by every process of the servers."""
    pids = [pid for s in started for pid in [s.process.pid, *children(s.process.pid)]]
    return sum(cpu_seconds(pid) for pid in pids)


def wait_until_idle(started, interval=0.5, idle_share=0.05, limit=180):
    """Wait until the servers' processes together use less than idle_share of one core over
    interval seconds; return the seconds waited (at most limit).

    A server goes on answering the requests queued when wrk stopped: Datasette's default FTS
    search at 1M claims (counting every hit) kept its workers busy for many seconds after its
    figure, and the writers measured next shared the cores with it (241 moves/s)."""
    start = time.monotonic()
    used = busy_seconds(started)
    while time.monotonic() - start < limit:
        time.sleep(interval)
        used, before = busy_seconds(started), used
        if used - before < idle_share * interval:
            break
    return time.monotonic() - start


def rss_mib(pid):
    """Resident memory of a process in MiB (0 if it has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), None)
    return int(line.split()[1]) / 1024 if line else 0.0


def max_worker_rss_mib(server):
    return max((rss_mib(pid) for pid in children(server.process.pid)), default=0.0)


class Sampler:
    """Reads a figure every `interval` seconds in a thread while in use; keeps the largest."""

    def __init__(self, measure, interval=0.5):
        self.measure, self.interval, self.largest = measure, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.largest = max(self.largest, self.measure())
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.largest = max(self.largest, self.measure())
