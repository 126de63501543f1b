"""The seed loader: exact spans, curated verdicts, and idempotence."""

import hashlib
import json
from pathlib import Path

from factcheck import seed
from factcheck.config import PROJECT_ROOT

# SHA-256 of the article exactly as published (the original the newsroom supplied), so that
# a changed byte in seeds/krebs-article.txt (an editor's "fixed" space, a line ending) fails.
ORIGINAL_ARTICLE_SHA256 = "f2bb30c1c4da69fee319283576bf07e33fe7676fbb7d002edf16c8062f3ae30e"


def test_seed_article_is_kept_byte_for_byte():
    ours = (PROJECT_ROOT / "seeds" / "krebs-article.txt").read_bytes()
    assert ours.count("\u00a0".encode()) == 5
    assert hashlib.sha256(ours).hexdigest() == ORIGINAL_ARTICLE_SHA256


def test_load_stores_claims_at_their_exact_spans(seeded, client):
    article = client.get("/api/v1/articles/1").json
    assert article["url"] is None and article["publisher"] is None
    assert article["published_at"] == "2020-11-18"
    assert len(article["claims"]) >= 8
    for claim in article["claims"]:
        assert article["body"][claim["span_start"] : claim["span_end"]] == claim["text"]
    published = [claim for claim in article["claims"] if claim["status"] == "published"]
    assert len(published) > len(article["claims"]) / 2
    for claim in published:
        assert claim["verdict"]["source_ids"] and claim["draft_verdict"] is None


def test_load_twice_changes_nothing(seeded, db):
    def snapshot():
        return {
            table: list(db[table].rows)
            for table in (
                "articles",
                "claims",
                "claim_tags",
                "sources",
                "verdicts",
                "verdict_sources",
            )
        }

    before = snapshot()
    counts = seed.load(db, seeded.config)
    assert counts == {"articles": 0, "claims": 0, "sources": 0, "verdicts": 0}
    assert snapshot() == before


def test_seed_json_ratings_exist_on_their_scales():
    document = json.loads(Path(PROJECT_ROOT / "seeds" / "krebs.json").read_text(encoding="utf-8"))
    from migrations.migrations import RATING_SCALES

    labels = {scale["slug"]: {label[0] for label in scale["labels"]} for scale in RATING_SCALES}
    for claim in document["claims"]:
        if claim["verdict"]:
            assert claim["verdict"]["rating"] in labels[claim["verdict"]["scale"]]


def test_cli_seed_reports_what_it_added(runner):
    assert runner.invoke(args=["seed"]).output.startswith("1 articles added, ")
    assert runner.invoke(args=["seed"]).output == (
        "0 articles added, 0 claims added, 0 sources added, 0 verdicts added\n"
    )
