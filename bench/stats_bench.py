"""Workflow statistics benchmark: GET /api/v1/stats over a long history.

Builds a database holding CLAIMS claims, each moved new -> in_research -> in_review ->
approved -> published (4 moves each: a million moves by default) over DAYS days, then times
desk.stats in-process for the default period (the last 30 days) and for the longest period
it accepts.

    .venv/bin/python bench/stats_bench.py [--claims 250000] [--days 1000] [--repeat 20]
        [--also DAYS ...] [--database PATH]
"""

import argparse
import itertools
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from factcheck import desk
from factcheck.db import connect
from factcheck.timeutil import to_timestamp
from migrations.migrations import migrations

GOAL_MS = 100  # "milliseconds at a million moves", for the longest period accepted
ROUTE = ["new", "in_research", "in_review", "approved", "published"]
END = datetime(2026, 11, 1, tzinfo=UTC)


def build(path, claims, days):
    rng = random.Random(7)
    start = END - timedelta(days=days)
    with connect(path) as db:
        db.enable_wal()
        migrations.apply(db)
        stamp = to_timestamp(start)
        db.execute(
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('Bench', 'x', 'en', ?, ?)",
            [stamp, stamp],
        )
        claim_rows, move_rows = [], []
        for n in range(claims):
            moment = start + timedelta(days=days * n / claims)
            created = to_timestamp(moment)
            claim_rows.append((n + 1, created, created))
            for from_status, to_status in itertools.pairwise(ROUTE):
                moment += timedelta(seconds=rng.randint(60, 5 * 86400), microseconds=n % 997)
                move_rows.append((n + 1, from_status, to_status, to_timestamp(moment)))
        db.conn.executemany(
            "INSERT INTO claims (id, article_id, text, claimant, span_start, span_end, "
            "language, status, created_at, updated_at) "
            "VALUES (?, 1, 'x', 'x', 0, 1, 'en', 'published', ?, ?)",
            claim_rows,
        )
        move_rows.sort(key=lambda row: row[3])  # ids grow with time, as when served
        db.conn.executemany(
            "INSERT INTO transitions (claim_id, from_status, to_status, actor, created_at) "
            "VALUES (?, ?, ?, 'bench', ?)",
            move_rows,
        )
        db.conn.commit()
        return len(move_rows)


def timed(db, since, until, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        answer = desk.stats(db, since, until)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), answer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=250_000)
    parser.add_argument("--days", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--also", type=int, nargs="*", default=[], help="more periods (days)")
    parser.add_argument("--database", help="keep the database here, and reuse it if there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.database or Path(folder) / "stats.db")
        if not path.exists():
            started = time.perf_counter()
            moves = build(path, args.claims, args.days)
            took = time.perf_counter() - started
            print(f"built {moves:,} moves over {args.days} days in {took:.1f} s")
        longest = getattr(desk, "MAX_STATS_DAYS", 30)
        with connect(path) as db:
            for days in sorted({30, longest, *args.also}):
                since = to_timestamp(END - timedelta(days=days))
                p50, worst, answer = timed(db, since, to_timestamp(END), args.repeat)
                medians = {k: round(v or 0) for k, v in answer["median_seconds_in_status"].items()}
                print(
                    f"stats over the last {days} days: p50 {p50:.1f} ms, max {worst:.1f} ms "
                    f"(goal: under {GOAL_MS} ms)  medians {medians}"
                )


if __name__ == "__main__":
    main()
