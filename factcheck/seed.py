"""Load the curated seed article with its claims, sources and verdicts, idempotently.

Every record goes through the same schemas and domain functions as the API, so seed
data obeys the same rules (spans must match, verdicts cite the claim's own sources) and
the editorial workflow: a seed reviewer researches and drafts, a different seed editor
approves and publishes. A claim already stored at the same span is left as it is.

The seed goes through extraction as any article does: a curated claim that extraction
proposes is stored as that proposal (origin extracted, its score and reasons) with the
curated span, claimant and date; one it would not propose is stored all the same, as typed
in (origin manual); then the article's extraction (as POST /articles/{id}/extract runs it)
links the curated claims and leaves the sentences nobody curated as new claims to triage.
"""

import json
from pathlib import Path

from factcheck import accounts, articles, claims, extraction, sources, transitions, verdicts
from factcheck.db import write_transaction
from factcheck.identity import COMMAND_LINE, Identity
from factcheck.schemas.articles import ArticleCreateSchema
from factcheck.schemas.claims import ClaimCreateSchema
from factcheck.schemas.sources import SourceCreateSchema
from factcheck.schemas.verdicts import VerdictCreateSchema

SEED_FILE = "krebs.json"
REVIEWER = Identity(name="seed-reviewer", role="reviewer")
EDITOR = Identity(name="seed-editor", role="editor")
# The moves that bring a drafted claim to each status, and who takes them.
MOVES_TO = {
    "in_research": [],
    "in_review": [("in_review", REVIEWER)],
    "approved": [("in_review", REVIEWER), ("approved", EDITOR)],
    "published": [("in_review", REVIEWER), ("approved", EDITOR), ("published", EDITOR)],
}

article_schema = ArticleCreateSchema()
claim_schema = ClaimCreateSchema()
source_schema = SourceCreateSchema()
verdict_schema = VerdictCreateSchema()


def _read(seed_dir):
    seed_dir = Path(seed_dir)
    document = json.loads((seed_dir / SEED_FILE).read_text(encoding="utf-8"))
    article = dict(document["article"])
    # newline="" keeps the text byte for byte, so the spans stay exact.
    with open(seed_dir / article.pop("body_file"), encoding="utf-8", newline="") as body:
        article["body"] = body.read()
    return article, document["claims"]


def _claim_exists(db, article_id, claim):
    return db.execute(
        "SELECT 1 FROM claims WHERE article_id = ? AND span_start = ? AND span_end = ?",
        [article_id, claim["span_start"], claim["span_end"]],
    ).fetchone()


def _origin(analysed, seed_claim, threshold):
    """Where the curated claim came from: the proposal extraction makes of it, else typed in."""
    found = extraction.proposing(
        analysed, seed_claim["span_start"], seed_claim["span_end"], threshold
    )
    if found is None:
        return {"origin": "manual"}
    return {
        "origin": "extracted",
        "check_worthiness": found["check_worthiness"],
        "check_worthiness_reasons": found["check_worthiness_reasons"],
    }


def _load_claim(db, article_id, seed_claim, config, counts, origin=None):
    skip = {"sources", "verdict", "status"}
    fields = {key: value for key, value in seed_claim.items() if key not in skip}
    data = claim_schema.load({**fields, "article_id": article_id})
    claim_id = claims.create(db, {**data, **(origin or {})}, COMMAND_LINE)
    counts["claims"] += 1
    source_ids = {}
    for seed_source in seed_claim["sources"]:
        fields = {key: value for key, value in seed_source.items() if key != "ref"}
        source = sources.add(db, claim_id, source_schema.load(fields), REVIEWER)
        source_ids[seed_source["ref"]] = source["id"]
        counts["sources"] += 1
    seed_verdict = seed_claim.get("verdict")
    if not seed_verdict:
        return
    transitions.apply(db, claim_id, {"to": "in_research"}, REVIEWER)
    fields = {key: value for key, value in seed_verdict.items() if key != "source_refs"}
    fields["source_ids"] = [source_ids[ref] for ref in seed_verdict["source_refs"]]
    verdicts.add(db, claim_id, verdict_schema.load(fields), REVIEWER, config["DEFAULT_SCALE"])
    counts["verdicts"] += 1
    for target, actor in MOVES_TO[seed_claim.get("status", "published")]:
        transitions.apply(db, claim_id, {"to": target}, actor)


def _ensure_users(db):
    for user in (REVIEWER, EDITOR):
        if accounts.find_user(db, user.name) is None:
            accounts.create_user(db, user.name, user.role, COMMAND_LINE)


def load(db, config):
    """Add whatever of the seed data is missing; return how many of each kind were added
    (proposals: claims extraction proposed that were not curated, left new)."""
    article, seed_claims = _read(config["SEED_DIR"])
    threshold = config["CHECKWORTHY_THRESHOLD"]
    counts = {"articles": 0, "claims": 0, "proposals": 0, "sources": 0, "verdicts": 0}
    with write_transaction(db):
        _ensure_users(db)
        article = article_schema.load(article)
        article_id = articles.find_identical(db, article)
        if article_id is None:
            article_id, _ = articles.create(db, article, COMMAND_LINE)
            counts["articles"] += 1
        analysed = extraction.analyse(article["body"])
        for seed_claim in seed_claims:
            if not _claim_exists(db, article_id, seed_claim):
                origin = _origin(analysed, seed_claim, threshold)
                _load_claim(db, article_id, seed_claim, config, counts, origin)
        found = extraction.extract(db, article_id, COMMAND_LINE, threshold)
        counts["proposals"] = len(found["created"])
    return counts
