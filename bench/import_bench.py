"""ClaimReview import at scale: a DataFeed of N reviews posted to
POST /api/v1/imports/claimreview in-process (as an editor), half of them reviewing claims
the desk already holds (exact matches) and half new (imported claims), into a desk of
--claims claims; then the same feed again (every item already there). Prints items per
second of each next to the goal.

    .venv/bin/python bench/import_bench.py [--reviews 2000] [--claims 20000]
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import accounts, create_app, wording
from factcheck.db import connect, write_transaction
from factcheck.identity import COMMAND_LINE
from factcheck.timeutil import now
from migrations.migrations import migrations

GOAL_ITEMS_PER_SECOND = 200.0


def claim_text(number):
    return f"The council spent {number} million on bridge number {number * 7 + 3}"


def build(path, claims):
    db = connect(path)
    db.enable_wal()
    migrations.apply(db)
    stamp = now()
    with write_transaction(db):
        db["articles"].insert(
            {"title": "T", "body": "x", "language": "en", "created_at": stamp, "updated_at": stamp}
        )
        db["claims"].insert_all(
            {
                "article_id": 1,
                "text": claim_text(n),
                "text_normalised": wording.normalised(claim_text(n)),
                "text_words": wording.indexed_words(claim_text(n)),
                "claimant": "A councillor",
                "span_start": 0,
                "span_end": 1,
                "language": "en",
                "status": "new",
                "created_at": stamp,
                "updated_at": stamp,
            }
            for n in range(claims)
        )
    accounts.create_user(db, "eve", "editor", COMMAND_LINE)
    key = accounts.issue_key(db, "eve", None, COMMAND_LINE)[1]
    db.close()
    return key


def feed(reviews, claims):
    items = []
    for n in range(reviews):
        # Even: a claim the desk holds (worded in another case); odd: one it does not.
        text = claim_text(n % claims).upper() if n % 2 == 0 else f"A new claim number {n}"
        items.append(
            {
                "@type": "DataFeedItem",
                "item": {
                    "@type": "ClaimReview",
                    "url": f"https://verify.example/checks/{n}",
                    "claimReviewed": text,
                    "author": {"@type": "Organization", "name": "Verify"},
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": "2",
                        "alternateName": "False",
                    },
                },
            }
        )
    return json.dumps({"@type": "DataFeed", "dataFeedElement": items})


def timed(client, key, body):
    started = time.perf_counter()
    response = client.post(
        "/api/v1/imports/claimreview",
        data=body,
        content_type="application/ld+json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return time.perf_counter() - started, response.json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=2000)
    parser.add_argument("--claims", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bench.db"
        key = build(path, args.claims)
        app = create_app(
            {"DATABASE": str(path), "MAX_CONTENT_LENGTH": 64 * 1024 * 1024, "WRITE_QUOTA": ""}
        )
        client = app.test_client()
        body = feed(args.reviews, args.claims)
        for label in ("first import", "again (already there)"):
            seconds, answer = timed(client, key, body)
            rate = args.reviews / seconds
            counts = {k: answer[k] for k in ("stored", "already_there", "skipped")}
            print(
                f"{label}: {args.reviews} reviews in {seconds:.2f} s = {rate:.0f} items/s "
                f"(goal >= {GOAL_ITEMS_PER_SECOND:.0f}) {counts}"
            )
        with connect(path) as db:
            imported = db.execute("SELECT count(*) FROM claims WHERE origin = 'imported'")
            print(f"new imported claims: {imported.fetchone()[0]} (expected {args.reviews // 2})")


if __name__ == "__main__":
    main()
