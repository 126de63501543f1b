"""Articles: create, read with claims, list with cursor pagination, and bad input."""

import pytest

from tests.conftest import ARTICLE_BODY, assert_field_error, assert_problem, cases, quote
from tests.paging import every_item


def test_create_returns_the_article_with_location(client):
    body = "Text with a no-break\u00a0space and an e\u0301 kept exactly."
    response = client.post(
        "/api/v1/articles",
        json={"title": "T", "body": body, "published_at": "2020-11-18", "language": "en-GB"},
    )
    assert response.status_code == 201
    article = response.json
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
