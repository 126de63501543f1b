"""wrk, driven by the Lua scripts in bench/wrk/, and its results as plain numbers."""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

WRK_DIR = Path(__file__).resolve().parent / "wrk"
MARKER = "BENCH_RESULT "


@dataclass(frozen=True)
class Load:
    threads: int = 2
    connections: int = 32
    seconds: float = 10
    warmup: float = 2
    # A request slower than this counts as an error (wrk's default, 2 s, is short for the
    # slowest searches at 1M claims).
    timeout: str = "10s"


def command(base, script, arguments, load, seconds):
    return [
        # wrk takes whole seconds.
        *("wrk", f"-t{load.threads}", f"-c{load.connections}", f"-d{max(1, round(seconds))}s"),
        *("--timeout", load.timeout, "-s", str(WRK_DIR / script), base, "--"),
        *(str(argument) for argument in arguments),
    ]


def start(base, script, arguments, load):
    """wrk running in the background (the mixed load runs two at once); see finish()."""
    return subprocess.Popen(
        command(base, script, arguments, load, load.seconds),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process):
    stdout, stderr = process.communicate()
    if process.returncode:
        raise RuntimeError(f"wrk failed ({process.returncode}): {stderr}{stdout}")
    return parse(stdout)


def warm(base, script, arguments, load):
    """A warm-up run whose figures are dropped."""
    if load.warmup:
        warm = command(base, script, arguments, load, load.warmup)
        subprocess.run(warm, capture_output=True, check=True)


def run(base, script, arguments, load):
    """A warm-up, then the measured run; the result of parse()."""
    warm(base, script, arguments, load)
    return finish(start(base, script, arguments, load))


def parse(stdout):
    """The figures of one wrk run from the JSON line bench/wrk/report.lua prints."""
    line = next((line for line in stdout.splitlines() if line.startswith(MARKER)), None)
    if line is None:
        raise ValueError(f"no {MARKER.strip()} line in wrk's output: {stdout[-2000:]}")
    raw = json.loads(line[len(MARKER) :])
    socket_errors = sum(raw[name] for name in ("connect_errors", "read_errors", "write_errors"))
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds if seconds else 0.0,
        # Answered below 400 (wrk counts 400 and above as status errors).
        "ok_rps": (raw["requests"] - raw["status_errors"]) / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        # Answers of status 400 or more (wrk's count), sockets that failed, and timeouts.
        "errors": raw["status_errors"] + socket_errors + raw["timeouts"],
        "server_errors": raw["server_errors"],
        "busy": raw["busy"],
    }
