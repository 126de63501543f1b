"""Article-read benchmark: size and latency of one article with many claims, and of the
article list, for a reader and for staff.

Builds the read benchmark's database (the seed plus one article quoted by N claims, half
of them published), then fetches the big article and the list in-process.

    .venv/bin/python bench/article_bench.py [--claims 25000] [--repeat 20]
"""

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from read_bench import build

from factcheck import accounts, create_app
from factcheck.db import connect
from factcheck.identity import COMMAND_LINE

# Goals: besides the article's own text (the bench article's is 744 KB), an answer stays
# the size of a page of claims however many quote it, and fast.
GOAL_BYTES, GOAL_MS = 100_000, 50


def timed(client, url, repeat, headers):
    """p50 and worst ms, and the answer's bytes besides any article body in it."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    body = response.json.get("body")
    size = len(response.get_data()) - (len(json.dumps(body)) if body else 0)
    return statistics.median(timings), max(timings), size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        app = create_app({"DATABASE": str(path)})
        build(path, args.claims, app.config)
        with connect(path) as db:
            accounts.create_user(db, "bench", "editor", COMMAND_LINE)
            key = accounts.issue_key(db, "bench", None, COMMAND_LINE)[1]
        client = app.test_client()
        audiences = {"reader": {}, "staff": {"Authorization": f"Bearer {key}"}}
        print(f"one article quoted by {args.claims} claims (half published); {args.repeat} runs")
        print(f"goal: at most {GOAL_BYTES} bytes besides the body, {GOAL_MS} ms p50")
        print(f"{'request':36} {'audience':8} {'p50 ms':>8} {'max ms':>8} {'bytes*':>10}")
        for url in ("/api/v1/articles/2", "/api/v1/articles?limit=100"):
            for audience, headers in audiences.items():
                p50, worst, size = timed(client, url, args.repeat, headers)
                print(f"{url:36} {audience:8} {p50:8.1f} {worst:8.1f} {size:10d}")
        print("* bytes of the answer besides the article body it carries")


if __name__ == "__main__":
    main()
