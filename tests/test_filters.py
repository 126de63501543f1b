"""Claim list filters: `bucket=` (the normalised rating bucket of the published verdict, the
same across scales, kept on the claim by migration 0010 so the filter is one index walk),
ratings that are no label (422 listing the labels, for verdicts too), and `updated_since`."""

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


SIX_POINT = "true, mostly-true, half-true, mostly-false, false, pants-on-fire"
FIVE_POINT = "accurate, mostly-accurate, mixed, misleading, inaccurate, unproven"


@pytest.mark.parametrize(
    ("rating", "scale", "labels", "hint"),
    [
        ("bogus", None, SIX_POINT, None),
        ("False", None, SIX_POINT, "'false'"),
        ("PANTS-ON-FIRE", "six-point", SIX_POINT, "'pants-on-fire'"),
        ("Mixed", "five-point", FIVE_POINT, "'mixed'"),
        ("false", "five-point", FIVE_POINT, None),
    ],
)
def test_a_verdict_with_no_such_label_is_422_listing_the_labels(
    client, db, claim, source, rating, scale, labels, hint
):
    verdict = {"rating": rating, "explanation": "x", "source_ids": [source["id"]]}
    if scale:
        verdict["scale"] = scale
    response = client.post(f"/api/v1/claims/{claim['id']}/verdicts", json=verdict)
    body = assert_problem(response, 422)
    assert body["errors"] == {"rating": [f"Use one of: {labels}."]}
    assert (hint is not None) == ("lowercase" in body["detail"])
    assert hint is None or hint in body["detail"]
    assert db["verdicts"].count == 0


@pytest.mark.parametrize("rating", ["bogus", "False", "Pants-On-Fire"])
def test_filtering_by_no_such_label_is_422_listing_every_label(anon, rating):
    body = assert_problem(anon.get("/api/v1/claims", query_string={"rating": rating}), 422)
    assert body["errors"] == {"rating": [f"Use one of: {SIX_POINT}, {FIVE_POINT}."]}


def test_filtering_by_a_label_no_claim_has_is_an_empty_page(anon):
    assert anon.get("/api/v1/claims?rating=unproven").json == {"items": [], "next": None}


@pytest.mark.parametrize(
    ("since", "found"),
    [
        ("2024-05-01", ["midnight"]),  # UTC midnight, not the server's local time
        ("2024-05-01T00:00:00Z", ["midnight"]),
        ("2024-05-01T00:00:00+01:00", ["midnight", "before"]),
        ("2024-05-02", []),
    ],
)
def test_updated_since_a_bare_date_means_utc_midnight(client, db, article, since, found):
    stamps = {"before": "2024-04-30T23:30:00.000000Z", "midnight": "2024-05-01T00:00:00.000000Z"}
    ids = {}
    for name, stamp in stamps.items():
        ids[name] = new_claim(
            client, article["id"], "The mayor said" if name == "before" else "Turnout"
        )
        db.execute("UPDATE claims SET updated_at = ? WHERE id = ?", [stamp, ids[name]])
    listed = client.get(
        "/api/v1/claims", query_string={"updated_since": since, "sort": "created_at"}
    )
    assert listed.status_code == 200, listed.json
    assert [c["id"] for c in listed.json["items"]] == sorted(ids[name] for name in found)


@pytest.mark.parametrize("since", ["2024-05-01T00:00:00", "2024-13-01", "01/05/2024"])
def test_updated_since_without_a_zone_or_a_real_date_is_422(anon, since):
    assert_problem(anon.get("/api/v1/claims", query_string={"updated_since": since}), 422)


def test_a_retracted_claim_matches_no_bucket_until_reinstated(seeded, client, anon, as_user):
    article_id = client.get("/api/v1/articles").json["items"][0]["id"]
    word = client.get(f"/api/v1/articles/{article_id}").json["body"].split()[0]
    claim_id = new_claim(client, article_id, word)
    bring_to(as_user, claim_id, "in_research")
    publish(as_user, claim_id, "five-point", "inaccurate")
    eve = as_user("eve")

    def false_bucket():
        return {c["id"] for c in every_item(anon, "/api/v1/claims", bucket="false", limit=100)}

    assert claim_id in false_bucket()
    moved(eve, claim_id, "retracted", public_note=PUBLIC_NOTE)
    assert claim_id not in false_bucket()
    moved(eve, claim_id, "published", public_note=PUBLIC_NOTE)
    assert claim_id in false_bucket()
