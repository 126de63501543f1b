"""Claims: create with span checks, read, edit, delete, filter, sort and page."""

import pytest

from tests.conftest import ARTICLE_BODY, assert_field_error, assert_problem, cases, quote
from tests.flow import bring_to
from tests.paging import every_item

FOUR_MILLION = "the bridge cost $4 million"


def test_create_locates_the_span_when_omitted(client, article):
    response = client.post(
        "/api/v1/claims", json={**quote(FOUR_MILLION), "article_id": article["id"]}
    )
    assert response.status_code == 201
    claim = response.json
    assert ARTICLE_BODY[claim["span_start"] : claim["span_end"]] == FOUR_MILLION
    assert claim["status"] == "new"
    assert claim["verdict"] is None and claim["draft_verdict"] is None
    assert claim["language"] == "en"
    assert response.headers["Location"] == f"/api/v1/claims/{claim['id']}"


def test_create_accepts_a_matching_span(client, article):
    start = ARTICLE_BODY.index("Turnout")
    payload = {
        **quote("Turnout was 61 percent"),
        "article_id": article["id"],
        "span_start": start,
        "span_end": start + 22,
        "tags": ["turnout", "turnout", "elections"],
    }
    claim = client.post("/api/v1/claims", json=payload).json
    assert (claim["span_start"], claim["span_end"]) == (start, start + 22)
    assert claim["tags"] == ["elections", "turnout"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    cases(
        [
            ({"text": "the bridge cost $5 million"}, "text", "Not found in the article body"),
            (
                {"span_start": 0, "span_end": 26},
                "span_start",
                "'The mayor said the bridge ' at 0:26",
            ),
            ({"span_start": 1000, "span_end": 1026}, "span_start", "at 1000:1026, not the quote"),
            ({"span_start": 10}, "span_end", "Give span_start and span_end together."),
            ({"span_start": 10, "span_end": 10}, "span_end", "must be greater than span_start"),
            ({"span_start": -1, "span_end": 25}, "span_start", "greater than or equal to 0"),
            # The quote appears twice: ambiguous.
            ({"text": "the bridge cost"}, "span_start", "to say which occurrence"),
            ({"article_id": 999}, "article_id", "Unknown article."),
            ({"article_id": "1"}, "article_id", "Not a valid integer."),
            ({"article_id": 2**70}, "article_id", "less than or equal to 9223372036854775807"),
            ({"claimant": ""}, "claimant", "Length must be between 1 and 300."),
            ({"claim_date": "2026-13-01"}, "claim_date", "Not a valid date (YYYY-MM-DD)."),
            ({"tags": ["Not A Slug"]}, "tags.0", "Use lowercase letters, digits and hyphens."),
            ({"tags": "budget"}, "tags", "Not a valid list."),
            ({"status": "published"}, "status", "Unknown field."),
            ({"text": None}, "text", "Field may not be null."),
        ],
        "changes",
    ),
)
def test_create_rejects_bad_claims(client, article, changes, field, message):
    payload = {**quote(FOUR_MILLION), "article_id": article["id"], **changes}
    body = assert_problem(client.post("/api/v1/claims", json=payload), 422)
    assert_field_error(body, field, message)
    assert client.get("/api/v1/claims").json["items"] == []


def test_patch_updates_fields_and_relocates_the_quote(client, claim):
    response = client.patch(
        f"/api/v1/claims/{claim['id']}",
        json={"text": "the bridge cost $9 million", "claimant": "Critics", "tags": ["x"]},
    )
    assert response.status_code == 200
    updated = response.json
    assert ARTICLE_BODY[updated["span_start"] : updated["span_end"]] == "the bridge cost $9 million"
    assert updated["claimant"] == "Critics" and updated["tags"] == ["x"]
    assert updated["updated_at"] > claim["updated_at"]


def test_empty_patch_changes_nothing(client, claim, db):
    events = db["audit_events"].count
    response = client.patch(f"/api/v1/claims/{claim['id']}", json={})
    assert response.status_code == 200
    assert response.json["updated_at"] == claim["updated_at"]
    assert db["audit_events"].count == events


@pytest.mark.parametrize(
    ("changes", "status", "field", "message"),
    cases(
        [
            ({"text": "not in the article"}, 422, "text", "Not found in the article body"),
            ({"span_start": 0, "span_end": 5}, 422, "span_start", "'The m' at 0:5, not the quote"),
            ({"article_id": 2}, 422, "article_id", "Unknown field."),
            ({"status": "published"}, 422, "status", "Unknown field."),
            ({"claim_date": 20261101}, 422, "claim_date", "Not a valid date (YYYY-MM-DD)."),
        ],
        "changes",
    ),
)
def test_patch_rejects_bad_changes_and_changes_nothing(
    client, claim, changes, status, field, message
):
    body = assert_problem(client.patch(f"/api/v1/claims/{claim['id']}", json=changes), status)
    assert_field_error(body, field, message)
    assert client.get(f"/api/v1/claims/{claim['id']}").json == claim


def test_delete_removes_an_unpublished_claim_with_its_sources(client, claim, source):
    assert client.delete(f"/api/v1/claims/{claim['id']}").status_code == 204
    assert_problem(client.get(f"/api/v1/claims/{claim['id']}"), 404)
    assert_problem(client.get(f"/api/v1/claims/{claim['id']}/sources"), 404)


@pytest.mark.parametrize("state", ["published", "retracted"])
def test_delete_refuses_a_published_claim(client, claim, source, as_user, state):
    bring_to(as_user, claim["id"], state, source["id"])
    assert_problem(client.delete(f"/api/v1/claims/{claim['id']}"), 409)
    assert client.get(f"/api/v1/claims/{claim['id']}").json["status"] == state


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
@pytest.mark.parametrize(
    "claim_id", ["999", "0", "-1", "abc", str(2**64), "9" * 4301, "%D9%A1", "%EF%BC%91"]
)
def test_unknown_claim_is_404(client, method, claim_id):
    kwargs = {"json": {"claimant": "x"}} if method == "patch" else {}
    assert_problem(getattr(client, method)(f"/api/v1/claims/{claim_id}", **kwargs), 404)


@pytest.fixture
def three_claims(client, article):
    specs = [
        (FOUR_MILLION, "The mayor", ["budget"], "2026-11-01"),
        ("the bridge cost $9 million", "Critics", ["budget", "bridge"], "2026-11-03"),
        ("Turnout was 61 percent", "the MAYOR", ["turnout"], None),
    ]
    return [
        client.post(
            "/api/v1/claims",
            json={
                "text": text,
                "claimant": claimant,
                "tags": tags,
                "claim_date": day,
                "article_id": article["id"],
            },
        ).json
        for text, claimant, tags, day in specs
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [2, 1, 0]),
        ("claimant=the%20mayor", [2, 0]),
        ("tag=budget", [1, 0]),
        ("tag=nothing", []),
        ("status=new", [2, 1, 0]),
        ("status=published", []),
        ("rating=false", []),
        ("sort=created_at", [0, 1, 2]),
        ("sort=claim_date", [2, 0, 1]),
        ("sort=-claim_date", [1, 0, 2]),
        ("q=bridge", None),
        ("q=turnout&claimant=the%20mayor", [2]),
        ("updated_since=2000-01-01T00:00:00Z", [2, 1, 0]),
        ("updated_since=2999-01-01T00:00:00Z", []),
    ],
)
def test_list_filters_and_sorts(client, three_claims, query, expected):
    response = client.get(f"/api/v1/claims?{query}")
    assert response.status_code == 200
    ids = [item["id"] for item in response.json["items"]]
    if expected is None:
        assert sorted(ids) == sorted(three_claims[n]["id"] for n in (0, 1))
    else:
        assert ids == [three_claims[n]["id"] for n in expected]


def test_list_filters_by_article(client, three_claims, article):
    other = client.post("/api/v1/articles", json={"title": "Other", "body": "Nothing here."}).json
    assert len(client.get(f"/api/v1/claims?article_id={article['id']}").json["items"]) == 3
    assert client.get(f"/api/v1/claims?article_id={other['id']}").json["items"] == []


@pytest.mark.parametrize("sort", ["-created_at", "created_at", "claim_date", "-updated_at"])
def test_cursor_pagination_visits_every_claim_once(client, three_claims, sort):
    paged = [item["id"] for item in every_item(client, "/api/v1/claims", limit=1, sort=sort)]
    unpaged = [item["id"] for item in every_item(client, "/api/v1/claims", sort=sort)]
    assert paged == unpaged
    assert sorted(paged) == sorted(claim["id"] for claim in three_claims)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    cases(
        [
            ("status=bogus", "status", "Must be one of: new, in_research, in_review"),
            ("limit=0", "limit", "greater than or equal to 1 and less than or equal to 100"),
            ("limit=101", "limit", "greater than or equal to 1 and less than or equal to 100"),
            ("limit=ten", "limit", "Not a valid integer."),
            ("article_id=-3", "article_id", "greater than or equal to 1"),
            ("updated_since=yesterday", "updated_since", "Not a valid ISO 8601 date-time."),
            (
                "updated_since=0001-01-01T00:00:00%2B01:00",
                "updated_since",
                "Give a year between 1000 and 9998.",
            ),
            (
                "updated_since=1000-01-01T00:00:00%2B14:00",
                "updated_since",
                "Give a year between 1000 and 9998 (in UTC).",
            ),
            ("sort=title", "sort", "Must be one of: created_at, -created_at"),
            ("sort=relevance", "sort", "Give q, or another sort."),
            ("unknown=1", "unknown", "Unknown field."),
        ],
        "query",
    ),
)
def test_list_rejects_bad_queries(client, three_claims, query, field, message):
    body = assert_problem(client.get(f"/api/v1/claims?{query}"), 422)
    assert_field_error(body, field, message)


def test_cursor_from_another_sort_is_refused(client, three_claims):
    cursor = client.get("/api/v1/claims?limit=1").json["next"]
    body = assert_problem(client.get(f"/api/v1/claims?sort=claim_date&cursor={cursor}"), 400)
    assert_field_error(body, "cursor", "Not a cursor for this query.")


@pytest.mark.parametrize(
    ("stored", "asked", "found"),
    [
        ("Émile Zoë", "émile zoë", True),
        ("ÉMILE ZOË", "Émile Zoë", True),
        ("Straße Verband", "STRASSE VERBAND", True),
        ("Ελένη Παππά", "ΕΛΈΝΗ ΠΑΠΠΆ", True),
        ("Émile Zoë", "Emile Zoe", False),
    ],
)
def test_the_claimant_filter_ignores_case_in_any_script(client, article, stored, asked, found):
    created = client.post(
        "/api/v1/claims",
        json={**quote("Turnout was 61 percent"), "claimant": stored, "article_id": article["id"]},
    ).json
    listed = client.get("/api/v1/claims", query_string={"claimant": asked}).json["items"]
    assert [item["id"] for item in listed] == ([created["id"]] if found else [])
    client.patch(f"/api/v1/claims/{created['id']}", json={"claimant": "Someone"})
    assert client.get("/api/v1/claims", query_string={"claimant": asked}).json["items"] == []


# --- Quotes that differ from the article only in typography ------------------------------

# Curly quotes, a non-breaking hyphen, an em dash, no-break and thin spaces, a line break,
# and an emoji before them all (one code point, two UTF-16 units).
TYPESET = (
    "\U0001f4f0 He said \u201cit\u2019s a 4\u2011lane bridge \u2014 not\u00a0six\u201d, "
    "and left.\nCritics  called it\u2009a \u00abbargain\u00bb."
)


@pytest.fixture
def typeset(client):
    return client.post("/api/v1/articles", json={"title": "T", "body": TYPESET}).json


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        (
            '"it\'s a 4-lane bridge - not six"',
            "\u201cit\u2019s a 4\u2011lane bridge \u2014 not\u00a0six\u201d",
        ),
        ("it's a 4-lane bridge", "it\u2019s a 4\u2011lane bridge"),
        ("bridge -- not six", None),  # two hyphens are not one dash
        ("left. Critics called it a", "left.\nCritics  called it\u2009a"),
        ("  not six ", "not\u00a0six"),
        ('it a "bargain".', "it\u2009a \u00abbargain\u00bb."),
        ("\u201cit\u2019s", "\u201cit\u2019s"),  # exact, as before
    ],
)
def test_a_quote_differing_only_in_typography_stores_the_articles_characters(
    client, typeset, sent, stored
):
    response = client.post(
        "/api/v1/claims", json={"article_id": typeset["id"], "text": sent, "claimant": "x"}
    )
    if stored is None:
        assert_problem(response, 422)
        return
    assert response.status_code == 201, response.json
    claim = response.json
    assert claim["text"] == stored
    assert TYPESET[claim["span_start"] : claim["span_end"]] == stored


def test_a_given_span_accepts_a_quote_differing_only_in_typography(client, typeset):
    start = TYPESET.index("it\u2019s")
    claim = client.post(
        "/api/v1/claims",
        json={
            "article_id": typeset["id"],
            "text": "it's",
            "claimant": "x",
            "span_start": start,
            "span_end": start + 4,
        },
    ).json
    assert claim["text"] == "it\u2019s"


def test_patch_stores_the_articles_characters_too(client, typeset, db):
    claim = client.post(
        "/api/v1/claims", json={"article_id": typeset["id"], "text": "left.", "claimant": "x"}
    ).json
    updated = client.patch(f"/api/v1/claims/{claim['id']}", json={"text": "not six"}).json
    assert updated["text"] == "not\u00a0six"
    after = db.execute("SELECT after FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert "not\\u00a0six" in after  # the audit records what was stored


CLOSEST = "The closest passage is at"


def closest(passage):
    start = ARTICLE_BODY.index(passage)
    return f"{CLOSEST} {start}:{start + len(passage)}: {passage!r}."


@pytest.mark.parametrize(
    ("text", "field", "message"),
    cases(
        [
            (
                "the bridge cost $5 million",
                "text",
                closest("the bridge cost $4 million"),
            ),
            (
                "critics SAID that the bridge cost 9 million dollars",
                "text",
                closest("Critics said the bridge cost $9 million"),
            ),
            ("zebra quagga okapi", "text", "No passage of the article shares a word with it."),
            ("$$$", "text", "No passage of the article shares a word with it."),
            # Typography folded, the quote is still there twice.
            ("the bridge\u00a0cost", "span_start", "to say which occurrence"),
        ],
        "text",
    ),
)
def test_a_quote_not_found_names_the_closest_passage(client, article, db, text, field, message):
    payload = {**quote(text), "article_id": article["id"]}
    counts = db["claims"].count, db["audit_events"].count
    body = assert_problem(client.post("/api/v1/claims", json=payload), 422)
    assert_field_error(body, field, message)
    assert (db["claims"].count, db["audit_events"].count) == counts


def test_a_span_past_the_end_of_the_body_is_refused(client, article):
    tail = ARTICLE_BODY[-6:]
    payload = {
        **quote(tail),
        "article_id": article["id"],
        "span_start": len(ARTICLE_BODY) - 6,
        "span_end": len(ARTICLE_BODY) + 4,
    }
    body = assert_problem(client.post("/api/v1/claims", json=payload), 422)
    assert_field_error(body, "span_start", "not the quote")


def test_the_closest_passage_of_a_long_article_is_cut_short(client):
    body = " ".join(f"word{n}" for n in range(1000))
    article = client.post("/api/v1/articles", json={"title": "T", "body": body}).json
    text = " ".join(f"word{n}" for n in range(100, 200)) + " missing"
    response = client.post(
        "/api/v1/claims", json={"article_id": article["id"], "text": text, "claimant": "x"}
    )
    [message] = assert_problem(response, 422)["errors"]["text"]
    start, end = body.index("word100 "), body.index(" word200")
    assert f"{CLOSEST} {start}:{end}: 'word100 word101" in message
    assert message.endswith("…'.") and len(message) < 400
