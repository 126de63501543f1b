"""The seed loader: exact spans, curated verdicts, and idempotence."""

import hashlib
import json
from pathlib import Path

from factcheck import seed
from factcheck.config import PROJECT_ROOT
from tests.seed_data import CURATED, claim_count

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
    assert counts == {"articles": 0, "claims": 0, "proposals": 0, "sources": 0, "verdicts": 0}
    assert snapshot() == before


def test_the_seed_goes_through_extraction(seeded, client, db):
    """Curated claims keep their spans, claimants and dates, and are extraction's proposals
    where it makes one of them (else typed in); the sentences nobody curated are proposed
    and left new; extraction run again finds every claim stored already."""
    [article_id] = [row[0] for row in db.execute("SELECT id FROM articles")]
    found = client.post(f"/api/v1/articles/{article_id}/extract", json={}).json
    assert found["created"] == []
    stored = client.get("/api/v1/claims", query_string={"limit": 100}).json["items"]
    assert {s["claim_id"] for s in found["existing"]} == {claim["id"] for claim in stored}
    best = {}  # claim id -> the best score of a sentence it overlaps
    for sentence in found["existing"]:
        best[sentence["claim_id"]] = max(
            best.get(sentence["claim_id"], 0), sentence["check_worthiness"]
        )
    by_span = {(claim["span_start"], claim["span_end"]): claim for claim in stored}
    for curated in CURATED:
        claim = by_span.pop((curated["span_start"], curated["span_end"]))
        assert (claim["text"], claim["claimant"], claim["claim_date"]) == (
            curated["text"],
            curated["claimant"],
            curated["claim_date"],
        )
        proposed = best[claim["id"]] >= found["threshold"]
        assert claim["origin"] == ("extracted" if proposed else "manual"), claim
        assert claim["check_worthiness"] == (best[claim["id"]] if proposed else None)
    assert by_span, "extraction proposes sentences nobody curated"
    for claim in by_span.values():  # the proposals left to triage
        assert (claim["status"], claim["origin"], claim["tags"]) == ("new", "extracted", [])
        assert claim["check_worthiness"] == best[claim["id"]] >= found["threshold"]
        assert client.get(f"/api/v1/claims/{claim['id']}/sources").json["items"] == []


SMALL_BODY = (
    "The city spent $48 million on roads in 2025, the finance office said. "
    "I think it was worth it. Turnout was 61 percent, the highest in a decade."
)


def test_a_curated_claim_extraction_would_not_propose_is_stored_as_typed_in(
    app, runner, db, tmp_path
):
    (tmp_path / "story.txt").write_text(SMALL_BODY, encoding="utf-8")
    curated = [
        ("The city spent $48 million on roads in 2025", "finance office"),
        ("I think it was worth it.", "The article"),  # an opinion: extraction proposes none
    ]
    claims = [
        {
            "text": text,
            "span_start": SMALL_BODY.index(text),
            "span_end": SMALL_BODY.index(text) + len(text),
            "claimant": claimant,
            "claim_date": "2025-06-01",
            "tags": ["roads"],
            "sources": [],
        }
        for text, claimant in curated
    ]
    article = {"title": "Roads", "body_file": "story.txt", "published_at": "2025-06-01"}
    document = {"article": article, "claims": claims}
    (tmp_path / seed.SEED_FILE).write_text(json.dumps(document), encoding="utf-8")
    app.config["SEED_DIR"] = str(tmp_path)
    assert runner.invoke(args=["seed"]).output == (
        "1 articles added, 2 claims added, 1 proposals added, 0 sources added, 0 verdicts added\n"
    )
    rows = db.execute(
        "SELECT text, claimant, claim_date, origin, check_worthiness IS NOT NULL, status "
        "FROM claims ORDER BY span_start"
    ).fetchall()
    assert rows == [
        (curated[0][0], "finance office", "2025-06-01", "extracted", 1, "new"),
        (curated[1][0], "The article", "2025-06-01", "manual", 0, "new"),
        ("Turnout was 61 percent, the highest in a decade.", None, None, "extracted", 1, "new"),
    ]
    again = runner.invoke(args=["seed"]).output
    assert again.startswith("0 articles added, 0 claims added, 0 proposals added")


def test_seed_json_ratings_exist_on_their_scales():
    document = json.loads(Path(PROJECT_ROOT / "seeds" / "krebs.json").read_text(encoding="utf-8"))
    from migrations.migrations import RATING_SCALES

    labels = {scale["slug"]: {label[0] for label in scale["labels"]} for scale in RATING_SCALES}
    for claim in document["claims"]:
        if claim["verdict"]:
            assert claim["verdict"]["rating"] in labels[claim["verdict"]["scale"]]


def test_cli_seed_reports_what_it_added(runner, db):
    first = runner.invoke(args=["seed"]).output
    proposals = claim_count(db) - len(CURATED)
    assert first.startswith(
        f"1 articles added, {len(CURATED)} claims added, {proposals} proposals added, "
    )
    assert runner.invoke(args=["seed"]).output == (
        "0 articles added, 0 claims added, 0 proposals added, 0 sources added, 0 verdicts added\n"
    )
