"""Export benchmark: peak memory and rate of GET /api/v1/claims.csv and .ndjson at 100,000
and 1,000,000 claims, to show that an export streams in constant memory.

Builds (once, then reuses) a database per size: half the claims published, each with a tag,
a source and a verdict. Each export runs in a fresh process, in-process through the WSGI
app as an anonymous reader and as staff, reading the body chunk by chunk and dropping it as
a client would. The figure is the growth of the process's peak RSS (ru_maxrss) over its RSS
just before the request: what the export itself cost in memory, SQLite's page cache
included. `--buffered` also runs the export while keeping its whole body, which is what a
non-streaming answer costs, for comparison.

    .venv/bin/python bench/export_bench.py [--sizes 100000 1000000] [--buffered]
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factcheck import create_app
from factcheck.db import connect
from factcheck.timeutil import now
from migrations.migrations import migrations

WORDS = ["budget", "bridge", "turnout", "vaccine", "tariff", "border", "crime", "school"]
# Constant memory: the export of 1M claims may grow the process by at most this much more
# than the export of 100k (allocator and page cache noise), whatever the format.
GOAL_MIB = 5
PAGE_SIZE = resource.getpagesize()


def build(path, count):
    """count claims (ids 1..count; odd ones published) with a tag, source and verdict each."""
    db = connect(path)
    db.enable_wal()
    migrations.apply(db)
    # Bench data is consistent by construction: written in one pass with the checks off.
    db.execute("PRAGMA foreign_keys = OFF")
    stamp = now()
    series = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)"
    words = json.dumps(WORDS)
    word = f"json_extract(:words, '$[' || (i / 2 % {len(WORDS)}) || ']')"
    statements = [
        "INSERT INTO articles (id, title, body, language, created_at, updated_at) "
        "VALUES (1, 'Bench', 'Bench.', 'en', :stamp, :stamp)",
        f"{series} INSERT INTO claims (id, article_id, text, claimant, claimant_folded, "
        "claim_date, span_start, span_end, language, status, published_verdict_id, rating, "
        "rating_bucket, created_at, updated_at, public_updated_at) "
        f"SELECT i, 1, 'Claim ' || i || ' says the ' || {word} || ' rose by ' || (i % 97) || "
        "' percent last year, more than in any year since the records began in 1950.', "
        "'Person ' || (i % 50), 'person ' || (i % 50), '2026-11-01', i, i + 10, 'en', "
        "CASE i % 2 WHEN 1 THEN 'published' ELSE 'in_research' END, "
        "CASE i % 2 WHEN 1 THEN i END, CASE i % 2 WHEN 1 THEN 'false' END, "
        "CASE i % 2 WHEN 1 THEN 'false' END, :stamp, :stamp, "
        "CASE i % 2 WHEN 1 THEN :stamp END FROM n",
        f"{series} INSERT INTO claim_tags (claim_id, tag) SELECT i, {word} FROM n",
        f"{series} INSERT INTO sources (id, claim_id, url, kind, note, created_at) "
        "SELECT i, i, 'https://example.org/report/' || i, 'primary', '', :stamp FROM n",
        f"{series} INSERT INTO verdicts (id, claim_id, revision, scale_id, rating, explanation, "
        "author, created_at, published_at) SELECT i, i, 1, "
        "(SELECT id FROM rating_scales WHERE slug = 'six-point'), 'false', "
        "'The official statistics for that year show a fall, not a rise; the figure quoted "
        "comes from a different series that counts something else entirely.', 'bench', "
        ":stamp, CASE i % 2 WHEN 1 THEN :stamp END FROM n",
        f"{series} INSERT INTO verdict_sources (verdict_id, source_id) SELECT i, i FROM n",
    ]
    params = {"count": count, "stamp": stamp, "words": words}
    with db.conn:
        for sql in statements:
            db.conn.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def rss_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_SIZE


def export_once(path, url, staff, buffered):
    """Run one export in this process; print its figures as JSON."""
    app = create_app({"DATABASE": str(path)})
    client = app.test_client()
    if staff:
        from factcheck import accounts
        from factcheck.identity import COMMAND_LINE

        with connect(path) as db:
            if not db["users"].count:
                accounts.create_user(db, "bench-admin", "admin", COMMAND_LINE)
            key = accounts.issue_key(db, "bench-admin", None, COMMAND_LINE)[1]
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    client.get("/api/v1/claims?limit=1")  # warm up: imports, the thread's connection
    before = rss_bytes()
    start = time.perf_counter()
    response = client.get(url, buffered=False)
    assert response.status_code == 200, response.get_data(as_text=True)
    size, lines, kept = 0, 0, []
    for chunk in response.response:
        size += len(chunk)
        lines += chunk.count(b"\n")
        if buffered:
            kept.append(chunk)
    body = b"".join(kept)  # what a non-streaming answer would hold at once
    response.close()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    del body
    print(json.dumps({"growth": peak - before, "bytes": size, "lines": lines, "seconds": seconds}))


def run_child(path, url, staff, buffered):
    command = [sys.executable, __file__, "--child", str(path), url]
    command += ["--staff"] * staff + ["--buffered"] * buffered
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def mib(value):
    return value / 2**20


def database(folder, count):
    """The bench database of count claims, built on first use."""
    path = Path(folder) / f"factcheck-export-bench-{count}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, count)
        print(f"(built {path} in {time.perf_counter() - started:.0f} s)")
    return path


def measure(sizes, runs, folder):
    """Run every export at every size, printing each; {(label, who): {size: growth}}."""
    header = f"{'claims':>9} {'request':34} {'who':6} {'rows':>9} {'MiB out':>8} "
    print(header + f"{'rows/s':>8} {'peak RSS growth MiB':>20}")
    growth = {}
    for count in sizes:
        path = database(folder, count)
        for url, staff, buffered in runs:
            result = run_child(path, url, staff, buffered)
            label = url + (" (buffered)" if buffered else "")
            who = "staff" if staff else "reader"
            growth.setdefault((label, who), {})[count] = result["growth"]
            print(
                f"{count:9d} {label:34} {who:6} {result['lines']:9d} "
                f"{mib(result['bytes']):8.1f} {result['lines'] / result['seconds']:8.0f} "
                f"{mib(result['growth']):20.1f}"
            )
    return growth


def report(growth, small, large):
    print(f"goal: at {large} claims, growth within {GOAL_MIB} MiB of that at {small}")
    for (label, who), by_size in growth.items():
        extra = mib(by_size[large] - by_size[small])
        verdict = "ok" if extra <= GOAL_MIB else "MISSED"
        if "buffered" in label:
            verdict = "(the comparison: a body held whole grows with it)"
        print(f"  {label:34} {who:6} {extra:+7.1f} MiB  {verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--buffered", action="store_true", help="also keep the whole body")
    parser.add_argument("--folder", default=tempfile.gettempdir())
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--staff", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        export_once(Path(args.child[0]), args.child[1], args.staff, args.buffered)
        return
    runs = [("/api/v1/claims.csv", False, False), ("/api/v1/claims.ndjson", True, False)]
    runs += [("/api/v1/claims.csv?tag=tariff", False, False)]
    runs += [("/api/v1/claims.csv?q=tariff", False, False)]
    if args.buffered:
        runs.append(("/api/v1/claims.csv", False, True))
    growth = measure(args.sizes, runs, args.folder)
    report(growth, min(args.sizes), max(args.sizes))


if __name__ == "__main__":
    main()
