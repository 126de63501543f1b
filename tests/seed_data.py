"""What the seed holds, read from seeds/ (the curated claims) and from the seeded database
(the proposals extraction added), so tests count from the data, not from numbers that
change whenever the seed or the extraction rules do."""

from factcheck import seed
from factcheck.config import PROJECT_ROOT

CURATED = seed._read(PROJECT_ROOT / "seeds")[1]
# The curated claims readers see: those brought to published (the default status of a
# curated claim with a verdict; one without stays new).
PUBLISHED = [
    claim
    for claim in CURATED
    if claim.get("verdict") and claim.get("status", "published") == "published"
]
CURATED_TEXTS = {claim["text"] for claim in CURATED}


def claim_count(db):
    """Every claim of the seeded database: the curated ones and the proposals left new."""
    return db.execute("SELECT count(*) FROM claims").fetchone()[0]
