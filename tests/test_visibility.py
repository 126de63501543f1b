"""What anonymous readers may see, conditional requests, the workflow document, queue, stats."""

import pytest

from factcheck.db import connect
from migrations.migrations import migrations
from tests.conftest import assert_problem
from tests.flow import bring_to, draft, move, moved


@pytest.mark.parametrize("suffix", ["", "/sources", "/verdicts", "/history"])
def test_unpublished_claims_do_not_exist_for_readers(anon, claim, suffix):
    assert_problem(anon.get(f"/api/v1/claims/{claim['id']}{suffix}"), 404)
    assert anon.get("/api/v1/claims").json["items"] == []
    assert_problem(anon.get(f"/api/v1/articles/{claim['article_id']}"), 404)


def test_readers_see_only_cited_sources_and_published_verdicts(
    client, anon, claim, source, as_user
):
    uncited = client.post(
        f"/api/v1/claims/{claim['id']}/sources",
        json={"url": "https://e.org/x", "kind": "secondary"},
    ).json
    bring_to(as_user, claim["id"], "published", source["id"])
    ids = [s["id"] for s in anon.get(f"/api/v1/claims/{claim['id']}/sources").json["items"]]
    assert ids == [source["id"]]
    staff_ids = [s["id"] for s in client.get(f"/api/v1/claims/{claim['id']}/sources").json["items"]]
    assert staff_ids == [source["id"], uncited["id"]]
    listed = anon.get("/api/v1/claims").json["items"]
    assert [item["id"] for item in listed] == [claim["id"]]
    assert "draft_verdict" not in listed[0] and "assignee" not in listed[0]
    assert anon.get("/api/v1/claims?rating=false").json["items"][0]["id"] == claim["id"]


def test_public_notes_surface_only_with_publication(anon, claim, source, as_user):
    early = move(as_user("rita"), claim["id"], "in_research", public_note="early")
    assert "public_note" in assert_problem(early, 422)["errors"]
    bring_to(as_user, claim["id"], "approved", source["id"])
    moved(as_user("eve"), claim["id"], "published", public_note="Editor's note.")
    shown = anon.get(f"/api/v1/claims/{claim['id']}").json
    assert [note["note"] for note in shown["public_notes"]] == ["Editor's note."]
    assert shown["public_notes"][0]["kind"] == "publication"


def test_etags_and_conditional_requests(client, anon, claim, source, as_user):
    url = f"/api/v1/claims/{claim['id']}"
    first = client.get(url)
    tag = first.headers["ETag"]
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 304
    stale = client.patch(url, json={"claimant": "A"}, headers={"If-Match": '"claim-1-v0-staff"'})
    assert_problem(stale, 412)
    assert client.get(url).json["claimant"] == claim["claimant"]
    fresh = client.patch(url, json={"claimant": "A"}, headers={"If-Match": tag})
    assert fresh.status_code == 200 and fresh.headers["ETag"] != tag
    for path, body in (
        (f"{url}/verdicts", {"rating": "true", "explanation": "x"}),
        (f"{url}/transitions", {"to": "in_research"}),
    ):
        assert_problem(client.post(path, json=body, headers={"If-Match": tag}), 412)
    assert client.get(f"{url}/verdicts").json["items"] == []
    assert client.get(url).json["status"] == "new"
    bring_to(as_user, claim["id"], "published", source["id"])
    public = anon.get(url)
    assert public.status_code == 200 and public.headers["ETag"] != client.get(url).headers["ETag"]
    assert anon.get(url, headers={"If-None-Match": public.headers["ETag"]}).status_code == 304


def test_workflow_document_matches_the_machine(anon):
    document = anon.get("/api/v1/workflow").json
    assert document["initial"] == "new"
    moves = {(t["from"], t["to"]): t for t in document["transitions"]}
    assert moves[("in_review", "approved")]["role"] == "editor"
    names = [p["name"] for p in moves[("in_review", "approved")]["preconditions"]]
    assert names == ["approver_is_not_author"]
    assert ("new", "published") not in moves


def test_queue_shows_assignments_reviews_and_stale(claim, source, as_user, db):
    rita, eve = as_user("rita"), as_user("eve")
    bring_to(as_user, claim["id"], "in_research")
    assert [c["id"] for c in rita.get("/api/v1/queue").json["assigned_to_me"]] == [claim["id"]]
    draft(rita, claim["id"], [source["id"]])
    moved(rita, claim["id"], "in_review")
    assert [c["id"] for c in eve.get("/api/v1/queue").json["awaiting_my_review"]] == [claim["id"]]
    assert rita.get("/api/v1/queue").json["awaiting_my_review"] == []
    assert eve.get("/api/v1/queue").json["stale"] == []
    db.execute("UPDATE claims SET updated_at = '2000-01-01T00:00:00.000000Z'")
    assert [c["id"] for c in eve.get("/api/v1/queue").json["stale"]] == [claim["id"]]


def test_stats_count_statuses_and_time_in_them(claim, source, as_user):
    bring_to(as_user, claim["id"], "published", source["id"])
    stats = as_user("eve").get("/api/v1/stats").json
    assert stats["counts"]["published"] == 1 and stats["counts"]["new"] == 0
    medians = stats["median_seconds_in_status"]
    assert all(medians[state] >= 0 for state in ("new", "in_research", "in_review", "approved"))
    assert medians["published"] is None
    empty = as_user("eve").get("/api/v1/stats?until=2000-01-01T00:00:00Z").json
    assert empty["median_seconds_in_status"]["new"] is None
    for query in ("since=soon", "since=9999-12-31T23:59:59-01:00", "until=0999-12-31T00:00:00Z"):
        assert_problem(as_user("eve").get(f"/api/v1/stats?{query}"), 422)
    early = as_user("eve").get("/api/v1/stats?until=1000-01-02T00:00:00Z").json
    assert early["since"] == "0999-12-03T00:00:00.000000Z"


def test_readers_see_an_article_once_a_claim_of_it_is_published(
    anon, client, claim, source, as_user
):
    url = f"/api/v1/articles/{claim['article_id']}"
    assert_problem(anon.get(url), 404)
    assert anon.get("/api/v1/articles").json["items"] == []
    assert client.get(url).status_code == 200
    bring_to(as_user, claim["id"], "published", source["id"])
    assert [c["id"] for c in anon.get(url).json["claims"]] == [claim["id"]]
    assert [a["id"] for a in anon.get("/api/v1/articles").json["items"]] == [claim["article_id"]]


def test_readers_see_neither_internal_status_nor_internal_changes(anon, claim, source, as_user):
    url = f"/api/v1/claims/{claim['id']}"
    bring_to(as_user, claim["id"], "published", source["id"])
    before = anon.get(url)
    assert before.json["status"] == "published"
    eve = as_user("eve")
    moved(eve, claim["id"], "in_research")
    draft(eve, claim["id"], rating="true", explanation="Redo.")
    during = anon.get(url)
    assert during.json["status"] == "published"
    assert during.json["updated_at"] == before.json["updated_at"]
    assert during.headers["ETag"] == before.headers["ETag"]
    assert anon.get("/api/v1/claims?status=in_research").json["items"] == []
    assert [c["id"] for c in anon.get("/api/v1/claims?status=published").json["items"]] == [
        claim["id"]
    ]
    assert eve.get(url).json["status"] == "in_research"


def test_head_honours_if_none_match(anon, client, claim):
    tag = client.get(f"/api/v1/claims/{claim['id']}").headers["ETag"]
    assert (
        client.head(f"/api/v1/claims/{claim['id']}", headers={"If-None-Match": tag}).status_code
        == 304
    )


def test_single_source_follows_the_same_visibility(client, anon, claim, source, as_user):
    response = client.post(
        f"/api/v1/claims/{claim['id']}/sources", json={"url": "https://e.org/y", "kind": "primary"}
    )
    uncited = response.json
    assert client.get(response.headers["Location"]).json == uncited
    bring_to(as_user, claim["id"], "published", source["id"])
    assert anon.get(f"/api/v1/claims/{claim['id']}/sources/{source['id']}").status_code == 200
    assert_problem(anon.get(f"/api/v1/claims/{claim['id']}/sources/{uncited['id']}"), 404)


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("patch", "", {"claimant": "Someone else"}),
        ("post", "/transitions", {"to": "in_research", "assignee": "rob"}),
        ("post", "/sources", {"url": "https://e.org/z", "kind": "primary"}),
        ("post", "/verdicts", {"rating": "true", "explanation": "Overwrites the correction."}),
        ("delete", "", None),
    ],
)
def test_the_readers_etag_never_passes_if_match(
    anon, claim, source, as_user, db, method, suffix, body
):
    """The public tag stays the same while staff prepare a correction: a writer holding it
    would overwrite their changes."""
    url = f"/api/v1/claims/{claim['id']}"
    bring_to(as_user, claim["id"], "published", source["id"])
    public_tag = anon.get(url).headers["ETag"]
    eve = as_user("eve")
    moved(eve, claim["id"], "in_research", assignee="rita")
    draft(as_user("rita"), claim["id"], [source["id"]], "true")
    assert anon.get(url).headers["ETag"] == public_tag
    before = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    events = db["audit_events"].count
    response = getattr(eve, method)(f"{url}{suffix}", json=body, headers={"If-Match": public_tag})
    assert_problem(response, 412)
    assert response.headers["ETag"] == eve.get(url).headers["ETag"]
    assert db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone() == before
    assert db["audit_events"].count == events


@pytest.mark.parametrize(
    "path",
    ["/api/v1/claims", "/api/v1/articles", "/api/v1/claims/{id}", "/api/v1/articles/{article}"],
)
def test_answers_that_differ_by_caller_vary_by_authorization(anon, claim, source, as_user, path):
    bring_to(as_user, claim["id"], "published", source["id"])
    url = path.format(id=claim["id"], article=claim["article_id"])
    for client in (anon, as_user("eve")):
        response = client.get(url)
        assert response.status_code == 200
        assert "Authorization" in response.vary


def test_a_retraction_and_a_reinstatement_change_what_readers_cache(anon, claim, source, as_user):
    url = f"/api/v1/claims/{claim['id']}"
    bring_to(as_user, claim["id"], "published", source["id"])
    tags = [anon.get(url).headers["ETag"]]
    moved(as_user("eve"), claim["id"], "retracted", public_note="Withdrawn.")
    tags.append(anon.get(url).headers["ETag"])
    moved(as_user("eve"), claim["id"], "published", public_note="Reinstated.")
    tags.append(anon.get(url).headers["ETag"])
    assert len(set(tags)) == 3
    assert anon.get(url, headers={"If-None-Match": tags[1]}).status_code == 200


# Moves of one claim stored before notices had kinds: (from, to), and the kind 0007 gives.
OLD_MOVES = [
    (("new", "in_research"), None),
    (("approved", "published"), "publication"),
    (("published", "in_research"), None),
    (("approved", "published"), "correction"),
    (("published", "retracted"), "retraction"),
]


def test_notices_stored_before_get_their_kind_and_retracted_claims_lose_their_rating(tmp_path):
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0007_notice_kinds")
        db.execute(
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('T', 'It rained.', 'en', '2024-01-01', '2024-01-01')"
        )
        db.execute(
            "INSERT INTO claims (article_id, text, claimant, span_start, span_end, language, "
            "status, created_at, updated_at) VALUES (1, 'It rained', 'A', 0, 9, 'en', "
            "'retracted', '2024-01-01', '2024-01-01')"
        )
        scale_id = db.execute("SELECT id FROM rating_scales WHERE slug = 'six-point'").fetchone()
        db.execute(
            "INSERT INTO verdicts (claim_id, revision, scale_id, rating, explanation, author, "
            "created_at, published_at) "
            "VALUES (1, 1, ?, 'false', 'x', 'eve', '2024-01-01', '2024-01-01')",
            scale_id,
        )
        db.execute("UPDATE claims SET published_verdict_id = 1, rating = 'false'")
        for (source, target), _ in OLD_MOVES:
            db.execute(
                "INSERT INTO transitions (claim_id, from_status, to_status, actor, public_note, "
                "created_at) VALUES (1, ?, ?, 'eve', 'note', '2024-01-01')",
                [source, target],
            )
        migrations.apply(db)
        kinds = [row[0] for row in db.execute("SELECT kind FROM transitions ORDER BY id")]
        assert kinds == [kind for _, kind in OLD_MOVES]
        assert db.execute("SELECT rating, published_verdict_id FROM claims").fetchone() == (None, 1)
