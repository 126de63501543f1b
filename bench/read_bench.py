"""Read-path benchmark: latency and SQL statements per request for the hot lookups.

Builds a database with the seed data plus N synthetic claims (each with a source and a
verdict), then times the reads readers and tools hammer, in-process through the WSGI app,
with the keyless rate limit off and on (a limit so high it only counts), interleaved.

    .venv/bin/python bench/read_bench.py [--claims 20000] [--repeat 300]
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from factcheck import create_app, seed
from factcheck.db import connect, write_transaction
from factcheck.timeutil import now
from migrations.migrations import migrations

# The keyless limit off, and on but too high to refuse anything: the cost of counting.
LIMIT_SETTINGS = {"off": "", "on": "1000000000/minute"}
WORDS = ["budget", "bridge", "turnout", "vaccine", "tariff", "border", "crime", "school"]


def build(path, claims, config):
    with connect(path) as db:
        db.enable_wal()
        migrations.apply(db)
        seed.load(db, config)
        stamp = now()
        with write_transaction(db):
            body = " ".join(f"Claim {n} says {WORDS[n % len(WORDS)]} rose." for n in range(claims))
            article_id = (
                db["articles"]
                .insert(
                    {
                        "title": "Bench",
                        "body": body,
                        "language": "en",
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
                .last_pk
            )
            offset = 0
            for n in range(claims):
                text = f"Claim {n} says {WORDS[n % len(WORDS)]} rose."
                claim_id = (
                    db["claims"]
                    .insert(
                        {
                            "article_id": article_id,
                            "text": text,
                            "claimant": f"Person {n % 50}",
                            "span_start": offset,
                            "span_end": offset + len(text),
                            "language": "en",
                            "status": "new",
                            "created_at": stamp,
                            "updated_at": stamp,
                        }
                    )
                    .last_pk
                )
                offset += len(text) + 1
                db["claim_tags"].insert({"claim_id": claim_id, "tag": WORDS[n % len(WORDS)]})
                source_id = (
                    db["sources"]
                    .insert(
                        {
                            "claim_id": claim_id,
                            "url": "https://example.org",
                            "kind": "primary",
                            "note": "",
                            "created_at": stamp,
                        }
                    )
                    .last_pk
                )
                verdict_id = (
                    db["verdicts"]
                    .insert(
                        {
                            "claim_id": claim_id,
                            "revision": 1,
                            "scale_id": 1,
                            "rating": "false",
                            "explanation": "No.",
                            "author": "bench",
                            "created_at": stamp,
                            "published_at": stamp if n % 2 else None,
                        }
                    )
                    .last_pk
                )
                db["verdict_sources"].insert({"verdict_id": verdict_id, "source_id": source_id})
                if n % 2:
                    db["claims"].update(
                        claim_id,
                        {
                            "published_verdict_id": verdict_id,
                            "rating": "false",
                            "public_updated_at": stamp,
                        },
                    )


def measure(client, app, url, repeat):
    statements = []
    # FTS5 reads its shadow tables through SQL of its own; count only the app's statements.
    app.config["TRACE"] = lambda sql: "claims_fts_" in sql or statements.append(sql)
    timings = []
    for _ in range(repeat):
        statements.clear()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.json)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(statements)


def traced_app(path, claims):
    """An app on a database built at path with the seed and `claims` synthetic claims, whose
    requests report their SQL to app.config["TRACE"] (set by measure)."""
    app = create_app({"DATABASE": str(path)})
    build(path, claims, app.config)

    @app.before_request
    def trace_statements():
        from factcheck.api.database import get_db

        get_db().conn.set_trace_callback(app.config["TRACE"])

    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = traced_app(Path(folder) / "bench.db", args.claims)
        client = app.test_client()
        urls = [
            "/api/v1/claims/5",
            "/api/v1/claims?limit=20",
            "/api/v1/claims?status=new&limit=20",
            "/api/v1/claims?tag=tariff&limit=20",
            "/api/v1/claims?rating=false&limit=20",
            "/api/v1/claims?bucket=false&limit=20",
            "/api/v1/claims?claimant=Person%207&limit=20",
            "/api/v1/claims?q=Krebs",
            "/api/v1/claims?q=tariff&limit=20",
            "/api/v1/articles/1",
        ]
        print(f"{args.claims} synthetic claims + seed; {args.repeat} requests each, in-process")
        print(f"{'request':48} {'p50 ms':>8} {'p95 ms':>8} {'SQL stmts':>10}   limits")
        for url in urls:
            for name, setting in LIMIT_SETTINGS.items():
                app.config.update(RATE_LIMIT_ANON=setting)
                p50, p95, count = measure(client, app, url, args.repeat)
                print(f"{url:48} {p50:8.2f} {p95:8.2f} {count:10d}   {name}")


if __name__ == "__main__":
    main()
