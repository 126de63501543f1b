"""Lookup at scale: time and recall of "has this been checked?" among 100,000 similar claims.

Builds a database with the test corpus (the seed, 50 published near-neighbours) and N
synthetic claims made of the same people and words (Trump, Krebs, Biden, election, fraud,
votes, fired...), half of them published, then sends every corpus rewording and unrelated
sentence to GET /api/v1/lookup in-process, as an anonymous reader. Prints latency (p50,
p95) next to the goal, SQL statements per lookup, and recall@1 of the rewordings (the
synthetic claims are distractors the corpus never tuned on).

    .venv/bin/python bench/lookup_bench.py [--claims 100000] [--repeat 3]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import create_app, wording
from factcheck.db import connect, write_transaction
from factcheck.timeutil import now
from migrations.migrations import migrations
from tests import lookup_corpus

GOAL_P95_MS = 50.0
PEOPLE = [
    "Trump",
    "Krebs",
    "Biden",
    "Esper",
    "Miller",
    "Barr",
    "Ware",
    "Pence",
    "Giuliani",
    "Powell",
    "Kemp",
    "Pelosi",
]
VERBS = [
    "fired",
    "praised",
    "criticised",
    "said",
    "claimed",
    "denied",
    "removed",
    "replaced",
    "accused",
    "sued",
]
OBJECTS = [
    "the head of the election security agency",
    "election officials in Georgia",
    "the voting machines",
    "the mail-in ballots",
    "the Justice Department",
    "the cyber unit",
    "the Defense Secretary",
    "the electoral votes",
    "the raw votes",
    "the fraud allegations",
    "the director of CISA",
    "the presidential election",
]
TAILS = [
    "in {state}",
    "on {day} November",
    "after the election",
    "by tweet",
    "over {n} votes",
    "in {n} counties",
    "citing computer fraud",
    "days after the vote",
]
STATES = ["Georgia", "Michigan", "Arizona", "Pennsylvania", "Wisconsin", "Nevada", "Texas", "Ohio"]


def synthetic(rng):
    tail = rng.choice(TAILS).format(
        state=rng.choice(STATES), day=rng.randint(1, 30), n=rng.randint(2, 90_000)
    )
    return f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {tail}."


def build(path, claims, config):
    """The corpus, then `claims` synthetic claims written directly (every other published);
    the seed claims' ids."""
    rng = random.Random(2020)
    with connect(path) as db:
        db.enable_wal()
        migrations.apply(db)
        seed_ids = lookup_corpus.load(db, config)
        stamp = now()
        texts = [synthetic(rng) for _ in range(claims)]
        with write_transaction(db):
            article_id = (
                db["articles"]
                .insert(
                    {
                        "title": "Bench",
                        "body": "x",
                        "language": "en",
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
                .last_pk
            )
            first = db.execute("SELECT ifnull(max(id), 0) + 1 FROM claims").fetchone()[0]
            db.conn.executemany(
                "INSERT INTO claims (article_id, text, text_normalised, text_words, claimant, "
                "claimant_folded, span_start, span_end, language, status, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, 'Bench', 'bench', 0, 1, 'en', ?, ?, ?)",
                [
                    (
                        article_id,
                        text,
                        wording.normalised(text),
                        wording.indexed_words(text),
                        "published" if n % 2 else "new",
                        stamp,
                        stamp,
                    )
                    for n, text in enumerate(texts)
                ],
            )
            db.execute(
                "INSERT INTO verdicts (claim_id, revision, scale_id, rating, explanation, "
                "author, created_at, published_at) SELECT id, 1, 1, 'false', 'No.', 'bench', "
                "?, ? FROM claims WHERE id >= ? AND status = 'published'",
                [stamp, stamp, first],
            )
            db.execute(
                "UPDATE claims SET rating = 'false', public_updated_at = ?, "
                "published_verdict_id = (SELECT v.id FROM verdicts v WHERE v.claim_id = claims.id) "
                "WHERE id >= ? AND status = 'published'",
                [stamp, first],
            )
        db.execute("ANALYZE")
    return seed_ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        app = create_app({"DATABASE": str(path)})
        started = time.perf_counter()
        seed_ids = build(path, args.claims, app.config)
        print(
            f"built {args.claims:,} synthetic claims + corpus in "
            f"{time.perf_counter() - started:.0f} s"
        )
        statements = []

        @app.before_request
        def trace_statements():
            from factcheck.api.database import get_db

            # Only our queries: FTS5 reads its own tables through SQL too ("-- SELECT ..."),
            # and sqlite-utils wraps each query in a savepoint.
            get_db().conn.set_trace_callback(
                lambda sql: sql.lstrip().startswith("SELECT") and statements.append(sql)
            )

        client = app.test_client()
        rewordings = lookup_corpus.CORPUS["rewordings"]
        queries = [text for _, text, _ in rewordings] + lookup_corpus.CORPUS["unrelated"]
        timings, counts, firsts = [], [], {}
        for _ in range(args.repeat):
            for text in queries:
                statements.clear()
                start = time.perf_counter()
                response = client.get("/api/v1/lookup", query_string={"text": text})
                timings.append((time.perf_counter() - start) * 1000)
                counts.append(len(statements))
                assert response.status_code == 200, response.json
                firsts[text] = [item["id"] for item in response.json["items"][:1]]
        with connect(path) as db:
            readable = {
                row[0] for row in db.execute("SELECT id FROM claims WHERE rating IS NOT NULL")
            }
        trials = [(seed_ids[i], text) for i, text, _ in rewordings if seed_ids[i] in readable]
        recall = sum(firsts[text] == [target] for target, text in trials) / len(trials)
        timings.sort()
        p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
        print(f"lookups: {len(timings)}, SQL statements each: {min(counts)}-{max(counts)}")
        print(f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (goal p95 <= {GOAL_P95_MS:.0f} ms)")
        print(
            f"recall@1 of {len(trials)} rewordings of published claims: {recall:.1%} (goal >= 90%)"
        )


if __name__ == "__main__":
    main()
