"""`bucket=` on the claim list: the normalised rating bucket of the published verdict, the
same across scales, kept on the claim (migration 0010) so the filter is one index walk."""

import pytest

from factcheck.db import connect
from factcheck.ratings import BUCKETS
from migrations.migrations import migrations
from tests.conftest import assert_problem, quote
from tests.flow import PUBLIC_NOTE, bring_to, moved
from tests.paging import every_item


def new_claim(client, article_id, text):
    response = client.post("/api/v1/claims", json={**quote(text), "article_id": article_id})
    assert response.status_code == 201, response.json
    return response.json["id"]


def cite(client, claim_id):
    url = f"/api/v1/claims/{claim_id}/sources"
    return client.post(url, json={"url": "https://e.org/s", "kind": "primary"}).json["id"]


def publish(as_user, claim_id, scale, rating, *, assignee="rita", public_note=None):
    """Research (by rita), draft on `scale`, review and publish (by eve) a rating."""
    rita, eve = as_user("rita"), as_user("eve")
    source_id = cite(rita, claim_id)
    verdict = {
        "rating": rating,
        "scale": scale,
        "explanation": "Checked.",
        "source_ids": [source_id],
    }
    assert rita.post(f"/api/v1/claims/{claim_id}/verdicts", json=verdict).status_code == 201
    moved(rita, claim_id, "in_review")
    moved(eve, claim_id, "approved")
    note = {"public_note": public_note} if public_note else {}
    moved(eve, claim_id, "published", **note)


def buckets_by_label(client):
    scales = client.get("/api/v1/rating-scales").json["items"]
    return {(s["slug"], label["slug"]): label["bucket"] for s in scales for label in s["labels"]}


def test_bucket_matches_published_ratings_across_scales(seeded, client, anon, as_user):
    article_id = client.get("/api/v1/articles").json["items"][0]["id"]
    body = client.get(f"/api/v1/articles/{article_id}").json["body"]
    words = body.split()
    five_point = [new_claim(client, article_id, words[i]) for i in (0, 1, 2)]
    for claim_id, rating in zip(five_point, ["inaccurate", "mixed", "unproven"], strict=True):
        bring_to(as_user, claim_id, "in_research")
        publish(as_user, claim_id, "five-point", rating)
    bucket_of = buckets_by_label(client)
    published = [c for c in every_item(anon, "/api/v1/claims", limit=100) if c["verdict"]]
    for caller in (anon, client):
        for bucket in BUCKETS:
            expected = [
                c["id"]
                for c in published
                if bucket_of[(c["verdict"]["scale"], c["verdict"]["rating"])] == bucket
            ]
            found = every_item(caller, "/api/v1/claims", bucket=bucket, limit=3)
            assert [c["id"] for c in found] == expected, bucket
    false_scales = {
        c["verdict"]["scale"] for c in every_item(anon, "/api/v1/claims", bucket="false")
    }
    assert false_scales == {"six-point", "five-point"}
    mixed = every_item(anon, "/api/v1/claims", bucket="mixed", rating="mixed")
    assert [c["id"] for c in mixed] == [five_point[1]]


def test_a_correction_moves_the_claim_to_its_new_bucket(client, anon, as_user, claim):
    bring_to(as_user, claim["id"], "in_research")
    publish(as_user, claim["id"], "six-point", "pants-on-fire")
    assert [c["id"] for c in every_item(anon, "/api/v1/claims", bucket="false")] == [claim["id"]]
    moved(as_user("eve"), claim["id"], "in_research", assignee="rita")
    publish(as_user, claim["id"], "five-point", "accurate", public_note=PUBLIC_NOTE)
    assert every_item(anon, "/api/v1/claims", bucket="false") == []
    assert [c["id"] for c in every_item(anon, "/api/v1/claims", bucket="true")] == [claim["id"]]


@pytest.mark.parametrize("bucket", ["False", "truthy", "mostly-true", ""])
def test_an_unknown_bucket_is_422_naming_the_buckets(anon, bucket):
    body = assert_problem(anon.get("/api/v1/claims", query_string={"bucket": bucket}), 422)
    assert "mostly_true" in " ".join(body["errors"]["bucket"])


def test_buckets_are_filled_in_for_claims_published_before(tmp_path):
    """A database from before 0010 gets its published claims' buckets on migrating."""
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0010_rating_bucket")
        db.execute(
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('T', 'It is so.', 'en', 'x', 'x')"
        )
        for _ in range(2):
            db.execute(
                "INSERT INTO claims (article_id, text, claimant, span_start, span_end, "
                "language, status, created_at, updated_at) "
                "VALUES (1, 'It', 'A', 0, 2, 'en', 'new', 'x', 'x')"
            )
        db.execute(
            "INSERT INTO verdicts (claim_id, revision, scale_id, rating, explanation, author, "
            "created_at, published_at) VALUES (1, 1, (SELECT id FROM rating_scales "
            "WHERE slug = 'five-point'), 'misleading', 'E', 'ed', 'x', 'x')"
        )
        db.execute(
            "UPDATE claims SET status = 'published', published_verdict_id = 1, "
            "rating = 'misleading' WHERE id = 1"
        )
        migrations.apply(db)
        buckets = dict(db.execute("SELECT id, rating_bucket FROM claims").fetchall())
        assert buckets == {1: "mostly_false", 2: None}
