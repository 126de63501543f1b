"""Other fact-checkers' reviews of the desk's claims (imported as ClaimReview, see
factcheck/claimreview_import.py): read beside the desk's own verdicts."""

import json

from factcheck.db import read

COLUMNS = (
    "id, claim_id, url, publisher_name, publisher_site, textual_rating, rating_value, "
    "best_rating, worst_rating, review_date, title, claimant, claim_date, appearances, "
    "language, imported_at"
)


def for_claims(db, claim_ids):
    """{claim id: its external reviews, oldest import first}: one indexed query."""
    found = {claim_id: [] for claim_id in claim_ids}
    if not claim_ids:
        return found
    rows = read(
        db,
        f"SELECT {COLUMNS} FROM external_reviews "
        "WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, id",
        [json.dumps(list(claim_ids))],
    )
    for row in rows:
        row["appearances"] = json.loads(row["appearances"])
        found[row.pop("claim_id")].append(row)
    return found


def attach(db, claims):
    """Give each claim (a dict with `id`) its `external_reviews`."""
    reviews = for_claims(db, [claim["id"] for claim in claims])
    for claim in claims:
        claim["external_reviews"] = reviews[claim["id"]]
    return claims
