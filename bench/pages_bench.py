"""Reader pages and ClaimReview: latency and SQL statements per request, next to the goal.

The same database as read_bench.py (the seed plus N synthetic claims, half published),
timed in-process as an anonymous reader.

    .venv/bin/python bench/pages_bench.py [--claims 20000] [--repeat 200]
"""

import argparse
import tempfile
from pathlib import Path

from read_bench import measure, traced_app

# (url, goal for the p50 in ms): a page costs little more than the JSON it shows.
URLS = [
    ("/claims/5", 5),
    ("/claims/5/embed", 5),
    ("/", 10),
    ("/api/v1/claims/5/claimreview", 5),
    ("/api/v1/claimreview-feed?limit=20", 10),
    ("/api/v1/claimreview-feed?limit=100", 30),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = traced_app(Path(folder) / "bench.db", args.claims)
        client = app.test_client()
        print(f"{args.claims} synthetic claims + seed; {args.repeat} requests each, in-process")
        print(f"{'request':40} {'p50 ms':>8} {'p95 ms':>8} {'goal p50':>9} {'SQL stmts':>10}")
        for url, goal in URLS:
            p50, p95, count = measure(client, app, url, args.repeat)
            print(f"{url:40} {p50:8.2f} {p95:8.2f} {goal:9d} {count:10d}")


if __name__ == "__main__":
    main()
