"""What a benchmark run leaves behind: the machine it ran on, JSON under bench/results/, the
tables printed and written into README.md between its bench markers."""

import json
import os
import platform
import re
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import goals

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _first(path, prefix):
    """The value of the first `prefix: value` line of a /proc file, or None."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(prefix)), None)


def machine():
    memory = _first("/proc/meminfo", "MemTotal")
    return {
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory.split()[0]) / 1024 / 1024, 1) if memory else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def machine_line(info):
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB, Linux "
        f"{info['kernel']}, Python {info['python']}, SQLite {info['sqlite']}"
    )


def save(results, folder=RESULTS):
    """results as bench/results/<UTC time>.json and bench/results/latest.json."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=1)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (folder / f"{stamp}.json").write_text(text)
    (folder / "latest.json").write_text(text)
    return folder / f"{stamp}.json"


def markdown(results):
    """The run as Markdown: how it was measured, the goals, and the growth table."""
    settings = results["settings"]
    return "\n".join(
        [
            f"Run {results['finished']} on {machine_line(results['machine'])}.",
            f"wrk -t{settings['threads']} -c{settings['connections']}, {settings['seconds']:g} s "
            f"per figure after a {settings['warmup']:g} s warm-up; each figure the median of "
            f"{settings['rounds']} interleaved rounds, ratios taken within a round. "
            f"{settings['servers']}",
            "",
            goals.goals_table(results["goals"]),
            "",
            "Median req/s and p99 by database size:",
            "",
            goals.growth_table(results),
            "",
            goals.mixed_line(results),
        ]
    )


def rewrite_section(text, section):
    """text with what lies between the bench markers replaced by section."""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"README.md has no {START} ... {END} section")
    return pattern.sub(lambda _: f"{START}\n{section}\n{END}", text, count=1)


def write_readme(section, readme=README):
    readme.write_text(rewrite_section(readme.read_text(), section))


def plot(results, folder=RESULTS):
    """p99 of each factcheck read against the claims, as a PNG, if matplotlib is installed
    (it is not a dependency: the table says the same)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError:
        return None
    scales = sorted(int(scale) for scale in results["scales"])
    figure, axes = pyplot.subplots(figsize=(6, 4))
    for name in ("claim", "list", "search", "lookup"):
        p99 = [
            goals.median_of(results["scales"][str(scale)]["rounds"], name, "p99_ms")
            for scale in scales
        ]
        axes.plot(scales, p99, marker="o", label=name)
    axes.set(xscale="log", xlabel="claims", ylabel="p99 ms (median of rounds)")
    axes.legend()
    path = folder / "growth.png"
    figure.savefig(path, dpi=100)
    pyplot.close(figure)
    return path


if __name__ == "__main__":
    # Reprint (and rewrite the README from) the latest results without measuring again.
    latest = json.loads((RESULTS / "latest.json").read_text())
    print(markdown(latest))
    if "--readme" in sys.argv:
        write_readme(markdown(latest))
