"""Articles: create, read with a page of claims, list (without bodies) with cursor
pagination, find by normalised address, never a second copy, edit and delete (If-Match,
audit), the 0008 migration, and bad input."""

import json
import sqlite3
from functools import partial

import pytest

from factcheck import articles
from factcheck.db import connect
from migrations.migrations import migrations
from tests.concurrency import race
from tests.conftest import ARTICLE_BODY, assert_field_error, assert_problem, cases, quote
from tests.flow import bring_to
from tests.migrating import seeded_before
from tests.paging import every_item


def test_create_returns_the_article_with_location(client):
    body = "Text with a no-break\u00a0space and an e\u0301 kept exactly."
    response = client.post(
        "/api/v1/articles",
        json={
            "title": "T",
            "body": body,
            "author": "Dana Whitfield",
            "published_at": "2020-11-18",
            "language": "en-GB",
        },
    )
    assert response.status_code == 201
    article = response.json
    assert article["author"] == "Dana Whitfield"
    assert response.headers["Location"] == f"/api/v1/articles/{article['id']}"
    assert article["body"] == body
    assert article["url"] is None and article["publisher"] is None
    assert article["published_at"] == "2020-11-18"
    assert article["language"] == "en-GB"
    assert article["created_at"].endswith("Z")


def test_published_at_takes_a_date_time_in_utc(client):
    response = client.post(
        "/api/v1/articles",
        json={"title": "T", "body": "B", "published_at": "2020-11-18T09:30:00+02:00"},
    )
    assert response.json["published_at"] == "2020-11-18T07:30:00.000000Z"


def test_get_includes_claims_in_reading_order(client, article):
    for text in ("Turnout was 61 percent", "the bridge cost $4 million"):
        client.post("/api/v1/claims", json={**quote(text), "article_id": article["id"]})
    response = client.get(f"/api/v1/articles/{article['id']}")
    assert response.status_code == 200
    assert [claim["text"] for claim in response.json["claims"]] == [
        "the bridge cost $4 million",
        "Turnout was 61 percent",
    ]


def test_list_pages_newest_first(client):
    ids = [
        client.post("/api/v1/articles", json={"title": f"A{n}", "body": "B"}).json["id"]
        for n in range(5)
    ]
    seen = [item["id"] for item in every_item(client, "/api/v1/articles", limit=2)]
    assert seen == list(reversed(ids))


MISSING = "Missing data for required field."
BAD_URL = "Not a valid URL."
BAD_UNICODE = "Not valid Unicode text."
BAD_YEAR = "Give a year between 1000 and 9998"


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    cases(
        [
            ({"body": ARTICLE_BODY}, "title", MISSING),
            ({"title": "T"}, "body", MISSING),
            ({"title": "", "body": "B"}, "title", "Length must be between 1 and 500."),
            ({"title": 5, "body": "B"}, "title", "Not a valid string."),
            ({"title": "T", "body": "B", "url": "not a url"}, "url", BAD_URL),
            ({"title": "T", "body": "B", "url": "ftp://example.org/x"}, "url", BAD_URL),
            (
                {"title": "T", "body": "B", "published_at": "yesterday"},
                "published_at",
                "Not a valid ISO 8601 date-time.",
            ),
            (
                {"title": "T", "body": "B", "published_at": "2020-02-30"},
                "published_at",
                "Not a valid date (YYYY-MM-DD).",
            ),
            (
                {"title": "T", "body": "B", "published_at": "2020-11-18T10:00:00"},
                "published_at",
                "Give a time zone, such as Z for UTC.",
            ),
            (
                {"title": "T", "body": "B", "language": "english please"},
                "language",
                "Not a BCP 47 language tag",
            ),
            ({"title": "T", "body": "B", "extra": 1}, "extra", "Unknown field."),
            ({"title": "T", "body": "\ud800"}, "body", BAD_UNICODE),
            ({"title": "T\x00", "body": "B"}, "title", "Text may not contain NUL characters."),
            ({"title": "T", "body": "B", "url": "https://e.com/\ud800"}, "url", BAD_UNICODE),
            ({"title": "T", "body": "B", "url": "http://\ud800.com/"}, "url", BAD_UNICODE),
            (
                {"title": "T", "body": "B", "published_at": "9999-12-31T23:59:59-01:00"},
                "published_at",
                f"{BAD_YEAR}.",
            ),
            (
                {"title": "T", "body": "B", "published_at": "0999-12-31T00:00:00Z"},
                "published_at",
                f"{BAD_YEAR} (in UTC).",
            ),
            ({"title": "T", "body": "x" * 500_001}, "body", "Length must be between 1 and 500000."),
            (
                {"title": "T", "body": "B", "author": "x" * 301},
                "author",
                "Length must be between 0 and 300.",
            ),
            ({"title": "T", "body": "B", "author": 7}, "author", "Not a valid string."),
        ],
        "payload",
    ),
)
def test_create_rejects_bad_fields(client, payload, field, message):
    body = assert_problem(client.post("/api/v1/articles", json=payload), 422)
    assert_field_error(body, field, message)
    assert client.get("/api/v1/articles").json["items"] == []


@pytest.mark.parametrize(
    "path", ["/api/v1/articles/999", "/api/v1/articles/0", "/api/v1/articles/x"]
)
def test_unknown_article_is_404(client, path):
    assert_problem(client.get(path), 404)


@pytest.mark.parametrize("cursor", ["garbage", "WyJ4Il0", "W10"])
def test_bad_cursor_is_400(client, cursor):
    body = assert_problem(client.get(f"/api/v1/articles?cursor={cursor}"), 400)
    assert_field_error(body, "cursor", "Not a valid cursor.")


def test_lists_never_carry_bodies_a_single_article_does(client, anon, claim, source, as_user):
    bring_to(as_user, claim["id"], "published", source["id"])
    for caller in (client, anon):
        [item] = caller.get("/api/v1/articles").json["items"]
        assert "body" not in item and item["title"] == "Council meeting"
        assert caller.get(f"/api/v1/articles/{item['id']}").json["body"] == ARTICLE_BODY


def test_the_author_is_edited_and_shown_to_readers(client, anon, claim, source, as_user, db):
    url = f"/api/v1/articles/{claim['article_id']}"
    assert client.get(url).json["author"] is None
    response = client.patch(url, json={"author": "Ana Lind and Tom Reyes"})
    assert response.status_code == 200 and response.json["author"] == "Ana Lind and Tom Reyes"
    event = audit_of(db, claim["article_id"])[-1]
    assert json.loads(event["before"]) == {"author": None}
    bring_to(as_user, claim["id"], "published", source["id"])
    for caller in (client, anon):
        assert caller.get(url).json["author"] == "Ana Lind and Tom Reyes"
        [item] = caller.get("/api/v1/articles").json["items"]
        assert item["author"] == "Ana Lind and Tom Reyes"


def test_migration_0018_keeps_the_articles_stored_before(tmp_path, seeded_template):
    with seeded_before(tmp_path / "old.db", "0018_article_author", seeded_template) as db:
        before = list(db.query("SELECT * FROM articles ORDER BY id"))
        assert before and "author" not in before[0]
        migrations.apply(db)
        after = list(db.query("SELECT * FROM articles ORDER BY id"))
    assert after == [{**row, "author": None} for row in before]


# --- Finding an article by its address ---------------------------------------------------

STORED_URL = "https://Example.org/news/story/?id=3&utm_source=feed#comments"


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("https://example.org/news/story?id=3", True),
        ("http://example.org/news/story?id=3", True),
        ("https://EXAMPLE.ORG/news/story/", False),  # id=3 matters
        ("https://example.org:443/news/story?id=3&fbclid=x&gclid=y", True),
        ("http://example.org:80/news/story/?utm_medium=email&id=3&utm_campaign=c", True),
        ("https://example.org/news/story?id=3#top", True),
        ("https://example.org/news/story//?id=3", True),
        ("https://example.org/news/Story?id=3", False),  # paths are case-sensitive
        ("https://example.org:8443/news/story?id=3", False),
        ("https://www.example.org/news/story?id=3", False),
        ("https://example.org/news/story?id=4", False),
    ],
)
def test_url_finds_the_article_under_any_spelling_of_its_address(client, asked, found):
    stored = client.post("/api/v1/articles", json={"title": "T", "body": "B", "url": STORED_URL})
    client.post("/api/v1/articles", json={"title": "Other", "body": "C"})
    items = client.get("/api/v1/articles", query_string={"url": asked}).json["items"]
    assert [item["id"] for item in items] == ([stored.json["id"]] if found else [])


def test_url_lookup_is_one_indexed_query(app, db, client):
    client.post("/api/v1/articles", json={"title": "T", "body": "B", "url": STORED_URL})
    statements = []
    db.conn.set_trace_callback(statements.append)
    items, _ = articles.newest_first(db, {"url": STORED_URL, "limit": 20}, staff=False)
    db.conn.set_trace_callback(None)
    queries = [sql for sql in statements if sql.startswith("SELECT")]
    assert items == [] and len(queries) == 1  # not published, so not the reader's
    plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {queries[0]}"))
    assert "USING INDEX articles_by_url_key" in plan, plan


def test_readers_find_an_address_only_once_a_claim_of_it_is_published(
    client, anon, as_user, source, claim, article
):
    client.patch(f"/api/v1/articles/{article['id']}", json={"url": "https://e.org/council"})
    asked = {"url": "http://E.org/council/"}
    assert anon.get("/api/v1/articles", query_string=asked).json["items"] == []
    bring_to(as_user, claim["id"], "published", source["id"])
    items = anon.get("/api/v1/articles", query_string=asked).json["items"]
    assert [item["id"] for item in items] == [article["id"]]


@pytest.mark.parametrize(
    ("query", "message"),
    cases(
        [
            ({"url": "example.org/a"}, BAD_URL),
            ({"url": "ftp://example.org/a"}, BAD_URL),
            ({"url": "https://example.org:99999/a"}, BAD_URL),
        ],
        "query",
    ),
)
def test_url_query_must_be_an_address(client, query, message):
    body = assert_problem(client.get("/api/v1/articles", query_string=query), 422)
    assert_field_error(body, "url", message)


# --- Never a second copy -----------------------------------------------------------------


def writes(db):
    return db["articles"].count, db["audit_events"].count


def test_posting_a_stored_address_with_another_text_is_409_naming_the_article(client, db):
    first = client.post("/api/v1/articles", json={"title": "T", "body": "B", "url": STORED_URL})
    before = writes(db)
    again = {"title": "T", "body": "B, updated", "url": "http://example.org/news/story?id=3"}
    body = assert_problem(client.post("/api/v1/articles", json=again), 409)
    assert body["type"] == "/problems/article-exists"
    assert body["article_id"] == first.json["id"]
    assert body["article"] == first.headers["Location"]
    assert writes(db) == before


def test_posting_the_same_text_again_answers_the_stored_article(client, db):
    first = client.post("/api/v1/articles", json={"title": "T", "body": "B", "url": STORED_URL})
    before = writes(db)
    again = client.post(
        "/api/v1/articles",
        json={"title": "Retitled", "body": "B", "url": "http://example.org/news/story?id=3"},
    )
    assert again.status_code == 200
    assert again.json == first.json and again.headers["Location"] == first.headers["Location"]
    assert writes(db) == before


@pytest.mark.parametrize(
    ("bodies", "statuses"), [(("A", "B"), [201, 409]), (("A", "A"), [200, 201])]
)
def test_two_posts_of_one_address_at_once_store_one_article(client, db, bodies, statuses):
    posts = [
        partial(client.post, "/api/v1/articles", json={"title": "T", "body": body, "url": url})
        for body, url in zip(
            bodies, (STORED_URL, "http://example.org/news/story?id=3"), strict=True
        )
    ]
    assert sorted(response.status_code for response in race(*posts)) == statuses
    assert db["articles"].count == 1


def test_the_database_refuses_a_second_article_at_an_address(client, db):
    client.post("/api/v1/articles", json={"title": "T", "body": "B", "url": STORED_URL})
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO articles (title, body, url, url_key, language, created_at, updated_at) "
            "VALUES ('T', 'C', 'x', 'example.org/news/story?id=3', 'en', 'x', 'x')"
        )


def test_articles_without_an_address_are_never_duplicates(client):
    for _ in range(2):
        assert client.post("/api/v1/articles", json={"title": "T", "body": "B"}).status_code == 201


# --- Editing and deleting ----------------------------------------------------------------


def audit_of(db, article_id):
    return list(
        db.query(
            "SELECT action, before, after FROM audit_events WHERE entity = 'article' "
            "AND entity_id = ? ORDER BY id",
            [article_id],
        )
    )


def test_patch_edits_metadata_with_a_new_etag_and_an_audit_event(client, article, db):
    url = f"/api/v1/articles/{article['id']}"
    tag = client.get(url).headers["ETag"]
    changes = {"title": "Council, updated", "url": "https://e.org/c", "publisher": None}
    response = client.patch(url, json=changes, headers={"If-Match": tag})
    assert response.status_code == 200
    assert {name: response.json[name] for name in changes} == changes
    assert response.json["updated_at"] > article["updated_at"]
    assert response.headers["ETag"] == client.get(url).headers["ETag"] != tag
    assert (
        client.get("/api/v1/articles?url=http://E.ORG/c/").json["items"][0]["id"] == article["id"]
    )
    event = audit_of(db, article["id"])[-1]
    assert event["action"] == "article.updated"
    assert json.loads(event["before"]) == {
        "title": "Council meeting",
        "url": None,
        "publisher": "Gazette",
    }
    assert json.loads(event["after"]) == changes


def test_the_body_changes_while_no_claim_quotes_it(client, article):
    url = f"/api/v1/articles/{article['id']}"
    response = client.patch(url, json={"body": "A new text."})
    assert response.status_code == 200 and response.json["body"] == "A new text."


@pytest.mark.parametrize(
    ("changes", "status", "field", "message"),
    cases(
        [
            ({"body": "Another text."}, 409, None, "1 claims quote this article"),
            ({"url": "http://other.org/a/"}, 409, None, "is stored at this address already"),
            ({"title": ""}, 422, "title", "Length must be between 1 and 500."),
            ({"body": None}, 422, "body", "Field may not be null."),
            ({"url": "nope"}, 422, "url", BAD_URL),
            ({"id": 5}, 422, "id", "Unknown field."),
            ({"created_at": "2020-01-01T00:00:00Z"}, 422, "created_at", "Unknown field."),
        ],
        "changes",
    ),
)
def test_patch_refusals_change_nothing(client, article, claim, db, changes, status, field, message):
    client.post("/api/v1/articles", json={"title": "O", "body": "B", "url": "https://other.org/a"})
    url = f"/api/v1/articles/{article['id']}"
    before, counts = client.get(url).json, writes(db)
    body = assert_problem(client.patch(url, json=changes), status)
    if field:
        assert_field_error(body, field, message)
    else:
        assert message in body["detail"]
    assert client.get(url).json == before and writes(db) == counts


def test_the_same_body_sent_back_is_not_a_change_of_it(client, article, claim):
    url = f"/api/v1/articles/{article['id']}"
    response = client.patch(url, json={"body": ARTICLE_BODY, "title": "New"})
    assert response.status_code == 200 and response.json["title"] == "New"


def test_an_empty_patch_changes_nothing(client, article, db):
    url = f"/api/v1/articles/{article['id']}"
    tag, counts = client.get(url).headers["ETag"], writes(db)
    response = client.patch(url, json={})
    assert response.status_code == 200 and response.headers["ETag"] == tag
    assert writes(db) == counts


def test_delete_removes_an_unquoted_article_and_frees_its_address(client, db):
    first = client.post("/api/v1/articles", json={"title": "T", "body": "B", "url": STORED_URL})
    url = first.headers["Location"]
    assert client.delete(url).status_code == 204
    assert_problem(client.get(url), 404)
    assert audit_of(db, first.json["id"])[-1]["action"] == "article.deleted"
    again = client.post("/api/v1/articles", json={"title": "T", "body": "C", "url": STORED_URL})
    assert again.status_code == 201


def test_delete_refuses_an_article_that_claims_quote(client, article, claim, db):
    url = f"/api/v1/articles/{article['id']}"
    counts = writes(db)
    body = assert_problem(client.delete(url), 409)
    assert "1 claims quote this article" in body["detail"]
    assert client.get(url).status_code == 200 and writes(db) == counts


@pytest.mark.parametrize("method", ["patch", "delete"])
@pytest.mark.parametrize(
    ("if_match", "status"),
    [("stale", 412), ("current", None), ("*", None), ('"article-1-v1", current', None)],
)
def test_writes_honour_if_match(client, article, db, method, if_match, status):
    url = f"/api/v1/articles/{article['id']}"
    stale = client.get(url).headers["ETag"]
    client.patch(url, json={"title": "Changed"})
    current = client.get(url).headers["ETag"]
    header = {"stale": stale, "current": current}.get(
        if_match, if_match.replace("current", current)
    )
    counts = writes(db)
    response = getattr(client, method)(url, json={"title": "Mine"}, headers={"If-Match": header})
    if status:
        assert_problem(response, status)
        assert response.headers["ETag"] == current and writes(db) == counts
    else:
        assert response.status_code == (200 if method == "patch" else 204)


def test_readers_get_no_etag_and_cannot_write(anon, client, claim, source, as_user, article):
    bring_to(as_user, claim["id"], "published", source["id"])
    url = f"/api/v1/articles/{article['id']}"
    assert "ETag" not in anon.get(url).headers and "ETag" in client.get(url).headers
    assert_problem(anon.patch(url, json={"title": "x"}), 401)
    assert_problem(anon.delete(url), 401)


@pytest.mark.parametrize("method", ["patch", "delete"])
def test_unknown_article_writes_are_404(client, method):
    assert_problem(getattr(client, method)("/api/v1/articles/999", json={"title": "x"}), 404)


# --- A page of claims --------------------------------------------------------------------

MANY = 25


@pytest.fixture
def quoted_article(client):
    """An article quoted by MANY claims, stored last sentence first."""
    sentences = [f"Claim {n} rose." for n in range(MANY)]
    article = client.post("/api/v1/articles", json={"title": "T", "body": " ".join(sentences)})
    ids = [
        client.post(
            "/api/v1/claims",
            json={"article_id": article.json["id"], "text": text, "claimant": "x"},
        ).json["id"]
        for text in reversed(sentences)
    ]
    return article.json, list(reversed(ids))


def test_an_article_embeds_a_page_of_claims_and_links_to_the_rest(client, quoted_article):
    article, ids_in_reading_order = quoted_article
    answer = client.get(f"/api/v1/articles/{article['id']}").json
    assert [claim["id"] for claim in answer["claims"]] == ids_in_reading_order[:20]
    rest = client.get(answer["claims_next"]).json
    assert [claim["id"] for claim in rest["items"]] == ids_in_reading_order[20:]
    assert rest["next"] is None


def test_readers_page_through_only_published_claims(client, anon, quoted_article, as_user):
    article, ids = quoted_article
    source = {"url": "https://e.org", "kind": "primary"}
    for claim_id in ids[1::2]:
        source_id = client.post(f"/api/v1/claims/{claim_id}/sources", json=source).json["id"]
        bring_to(as_user, claim_id, "published", source_id)
    answer = anon.get(f"/api/v1/articles/{article['id']}").json
    assert answer["claims_next"] is None
    assert [claim["id"] for claim in answer["claims"]] == ids[1::2]


def test_a_short_article_has_no_next_link(client, claim):
    assert client.get(f"/api/v1/articles/{claim['article_id']}").json["claims_next"] is None


def test_reading_order_needs_an_article(client, quoted_article):
    body = assert_problem(client.get("/api/v1/claims?sort=position"), 422)
    assert_field_error(body, "sort", "Give article_id, or another sort.")


def test_migration_keys_stored_addresses_and_keeps_the_oldest_of_a_duplicate(tmp_path):
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0008_article_url_key")
        for url in (STORED_URL, None, "http://example.org/news/story?id=3", "https://x.org:99999"):
            db.execute(
                "INSERT INTO articles (title, body, url, language, created_at, updated_at) "
                "VALUES ('T', 'B', ?, 'en', 'x', 'x')",
                [url],
            )
        migrations.apply(db)
        rows = db.execute("SELECT id, url_key, version FROM articles ORDER BY id").fetchall()
        assert rows == [
            (1, "example.org/news/story?id=3", 1),
            (2, None, 1),
            (3, None, 1),  # a second copy of 1: kept, but the address finds the oldest
            (4, None, 1),
        ]
