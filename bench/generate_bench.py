"""Generation benchmark: times `factcheck generate --claims N` into a new database, as the
benchmark harness runs it, and prints the figure beside the goal (1,000,000 claims in
under 3 minutes). Below 1,000,000 claims it also prints the rate scaled to 1,000,000
(generation is linear in N but for the final index builds, so this is a guide only).

    .venv/bin/python bench/generate_bench.py [--claims 20000] [--seed 1] [--keep PATH]

CPU seconds (the command and its story-telling process) are printed beside wall seconds,
with the load average: on a shared machine wall time says as much about the neighbours.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_CLAIMS, GOAL_SECONDS = 1_000_000, 180


def run(claims, seed, path):
    env = {**os.environ, "FACTCHECK_DATABASE": str(path)}
    command = [str(Path(sys.executable).parent / "factcheck"), "generate", "--claims", str(claims)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "--seed", str(seed)], env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"generate failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout.strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="Build the database here and keep it.")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.db"
        wall, cpu, summary = run(args.claims, args.seed, path)
        size = path.stat().st_size / 2**20
    print(summary)
    print(
        f"generate --claims {args.claims:,}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
        f"{args.claims / wall:,.0f} claims/s, {size:,.0f} MiB (load average {load:.1f} "
        f"on {os.cpu_count()} cores before the run)"
    )
    if args.claims >= GOAL_CLAIMS:
        verdict = "met" if wall < GOAL_SECONDS else "NOT met"
        print(f"goal: {GOAL_CLAIMS:,} claims in < {GOAL_SECONDS} s: {wall:.0f} s, {verdict}")
    else:
        scaled = wall * GOAL_CLAIMS / args.claims
        print(
            f"goal: {GOAL_CLAIMS:,} claims in < {GOAL_SECONDS} s: ~{scaled:.0f} s at this rate "
            f"(scaled from {args.claims:,}; run --claims {GOAL_CLAIMS} to measure)"
        )


if __name__ == "__main__":
    main()
