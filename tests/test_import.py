"""POST /api/v1/imports/claimreview: ClaimReview as real fact-checkers publish it (JSON-LD
blocks, @graph, microdata, DataFeed, messy values), stored as external reviews of the
matching claim or of a new imported one, answered per item, idempotent, audited."""

import json
import sqlite3
from pathlib import Path

import pytest

from factcheck import matching
from migrations.migrations import migrations
from tests.conftest import assert_field_error, assert_problem, cases
from tests.migrating import seeded_before
from tests.receiver import Receiver, Reply

URL = "/api/v1/imports/claimreview"
DATA = Path(__file__).parent / "data" / "claimreview"
HTML = "text/html; charset=utf-8"
LD = "application/ld+json"
BRIDGE = "https://verify.example/factchecks/2026/nov/02/bridge-cost/"


def fixture(name):
    return (DATA / name).read_bytes()


def send(client, name, content_type):
    return client.post(URL, data=fixture(name), content_type=content_type)


def stored(db):
    """Everything an import may write: external reviews, claims, audit events."""
    return {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("external_reviews", "claims", "audit_events")
    }


def review_row(db, url):
    return next(db.query("SELECT * FROM external_reviews WHERE url = ?", [url]), None)


# (fixture, content type, [(review URL, status, reason or expected fields)])
MESSY = [
    (
        "jsonld_article.html",
        HTML,
        [
            (
                BRIDGE,
                "stored",
                {
                    "publisher_name": "Example Verify",
                    "publisher_site": "verify.example",
                    "textual_rating": "Mostly False",
                    "rating_value": 2.0,
                    "best_rating": 6.0,
                    "worst_rating": 1.0,
                    "review_date": "2026-11-02",
                    "claimant": "The mayor",
                    "claim_date": "2026-11-01",
                    "language": "en",
                    "title": "No, the bridge did not cost $4 million",
                },
            )
        ],
    ),
    (
        "yoast_graph.html",  # @graph, @type as a list, http context, alternateName a list,
        HTML,  # author a string, claimant a list, appearance a string, inLanguage an object
        [
            (
                "https://chequeo.example/2026/11/participacion/",
                "stored",
                {
                    "publisher_name": "Chequeo Ejemplo",
                    "publisher_site": "chequeo.example",
                    "textual_rating": "Falso",
                    "rating_value": 1.0,
                    "claimant": "Concejal Pérez",
                    "language": "es",
                    "appearances": '["https://radio.example/entrevista"]',
                },
            )
        ],
    ),
    (
        "microdata.html",
        HTML,
        [
            (
                "https://checker.example/turnout-highest-decade",
                "stored",
                {
                    "publisher_name": "The Example Checker",
                    "publisher_site": "checker.example",
                    "textual_rating": "Half true",
                    "rating_value": 3.0,
                    "best_rating": 5.0,
                    "claimant": "Council press office",
                    "claim_date": "2026-11-01",
                },
            )
        ],
    ),
    (
        "datafeed.json",
        LD,
        [
            (
                "https://verify.example/factchecks/2026/nov/05/bus-fares/",
                "stored",
                {"textual_rating": "False", "claimant": "A city councillor", "language": None},
            ),
            (
                "https://verify.example/factchecks/2026/nov/05/no-claim/",
                "skipped",
                "no claimReviewed",
            ),
            (
                "https://verify.example/factchecks/2026/nov/05/no-rating/",
                "skipped",
                "no rating text",
            ),
            (None, "skipped", "no review URL"),
        ],
    ),
    (
        "messy.json",  # alternateName an object, rating value not a number, author a list,
        "application/json",  # @type a schema.org IRI, rating text only in `name`
        [
            (
                "https://factcheck.example/2026/schools-closed",
                "stored",
                {
                    "textual_rating": "Unproven",
                    "rating_value": None,
                    "publisher_name": "FactCheck Example",
                    "claimant": "A viral post",
                    "appearances": '["https://social.example/p/1"]',
                },
            ),
            (
                "https://factcheck.example/2026/water-prices",
                "stored",
                {"textual_rating": "Mostly true", "rating_value": 4.5, "publisher_name": None},
            ),
        ],
    ),
]


@pytest.mark.parametrize("name, content_type, expected", MESSY)
def test_messy_markup_is_understood_item_by_item(as_user, db, name, content_type, expected):
    response = send(as_user("eve"), name, content_type)
    assert response.status_code == 200, response.json
    answer = response.json
    assert [(item["url"], item["status"]) for item in answer["items"]] == [
        (url, status) for url, status, _ in expected
    ]
    for item, (url, status, detail) in zip(answer["items"], expected, strict=True):
        if status == "skipped":
            assert item["reason"] == detail
            continue
        row = review_row(db, url)
        assert (row["id"], row["claim_id"]) == (item["review_id"], item["claim_id"])
        assert {key: row[key] for key in detail} == detail
    counts = [item["status"] for item in answer["items"]]
    assert answer["stored"] == counts.count("stored")
    assert answer["skipped"] == counts.count("skipped")
    assert stored(db)["external_reviews"] == answer["stored"]


@pytest.mark.parametrize(
    "wrapping",
    [
        lambda review: review,
        lambda review: [review],
        lambda review: {"@context": "https://schema.org", "@graph": [review]},
        lambda review: {"@type": "DataFeed", "dataFeedElement": [review]},
        lambda review: {
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": review}],
        },
    ],
    ids=["object", "list", "graph", "feed", "feed-item"],
)
@pytest.mark.parametrize("content_type", ["application/json", LD])
def test_every_json_ld_shape_is_read(as_user, db, wrapping, content_type):
    review = json.loads(fixture("messy.json"))[1]
    response = as_user("eve").post(
        URL, data=json.dumps(wrapping(review)), content_type=content_type
    )
    assert response.status_code == 200, response.json
    assert [item["status"] for item in response.json["items"]] == ["stored"]


def test_a_review_of_a_claim_the_desk_has_joins_it_and_the_staff_claim_shows_it(
    client, as_user, db, claim
):
    tag = client.get(f"/api/v1/claims/{claim['id']}").headers["ETag"]
    response = send(as_user("eve"), "jsonld_article.html", HTML)
    (item,) = response.json["items"]
    assert item["claim_id"] == claim["id"]  # "The bridge cost $4 million." is exact
    assert stored(db)["claims"] == 1
    again = client.get(f"/api/v1/claims/{claim['id']}", headers={"If-None-Match": tag})
    assert again.status_code == 200  # the staff ETag covers the reviews: it changed
    (external,) = again.json["external_reviews"]
    assert external["url"] == BRIDGE and external["textual_rating"] == "Mostly False"
    assert external["appearances"] == [
        "https://news.example/council-meeting",
        "https://video.example/watch?v=abc",
    ]


def test_an_unmatched_review_makes_an_imported_claim_with_no_article(client, as_user, db):
    (item,) = send(as_user("eve"), "microdata.html", HTML).json["items"]
    claim = client.get(f"/api/v1/claims/{item['claim_id']}").json
    assert claim["origin"] == "imported"
    assert claim["article_id"] is None and claim["span_start"] is None
    assert claim["text"] == "Turnout was 61 percent, the highest in a decade."
    assert claim["claimant"] == "Council press office" and claim["claim_date"] == "2026-11-01"
    assert claim["status"] == "new" and claim["verdict"] is None
    assert [review["url"] for review in claim["external_reviews"]] == [
        "https://checker.example/turnout-highest-decade"
    ]


def test_imported_reviews_are_found_by_lookup_and_the_fact_check_tools_search(
    anon, as_user, seeded
):
    send(as_user("eve"), "datafeed.json", LD)
    hits = anon.get("/api/v1/lookup", query_string={"text": "bus fares doubled this year"}).json
    (hit,) = [hit for hit in hits["items"] if hit["match"] == "exact"]
    # Not this desk's fact-check: readers are not told it was published here.
    assert hit["origin"] == "imported" and hit["verdict"] is None
    assert hit["status"] == "imported"
    page = anon.get("/?q=bus fares doubled this year").get_data(as_text=True)
    assert f'href="/claims/{hit["id"]}"' not in page  # its page would be a 404
    assert [review["textual_rating"] for review in hit["external_reviews"]] == ["False"]
    found = anon.get("/v1alpha1/claims:search", query_string={"query": "Bus fares doubled"}).json
    (claim,) = [claim for claim in found["claims"] if claim["text"].startswith("Bus fares")]
    assert claim["claimReview"] == [
        {
            "publisher": {"name": "Example Verify", "site": "verify.example"},
            "url": "https://verify.example/factchecks/2026/nov/05/bus-fares/",
            "reviewDate": "2026-11-05T00:00:00Z",
            "textualRating": "False",
        }
    ]
    assert claim["claimant"] == "A city councillor"


def test_external_reviews_sit_beside_the_desks_own_in_the_search(anon, as_user, seeded, db):
    published = next(
        db.query("SELECT text FROM claims WHERE published_verdict_id IS NOT NULL LIMIT 1")
    )["text"]
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://other.example/check/1",
        "claimReviewed": published,
        "author": {"@type": "Organization", "name": "Other Checker"},
        "reviewRating": {"@type": "Rating", "alternateName": "Incorrect"},
    }
    as_user("eve").post(URL, json=review)
    found = anon.get("/v1alpha1/claims:search", query_string={"query": published}).json
    reviews = next(c for c in found["claims"] if c["text"] == published)["claimReview"]
    assert [r["textualRating"] for r in reviews][1:] == ["Incorrect"]
    assert reviews[0]["publisher"]["site"] != "other.example"  # the desk's own comes first
    assert reviews[1]["publisher"] == {"name": "Other Checker", "site": "other.example"}


def test_importing_the_same_review_again_changes_nothing(as_user, db):
    first = send(as_user("eve"), "datafeed.json", LD).json
    before = stored(db)
    again = send(as_user("ed"), "datafeed.json", LD).json
    assert stored(db) == before
    assert [item["status"] for item in again["items"]] == [
        "already_there",
        "skipped",
        "skipped",
        "skipped",
    ]
    assert again["items"][0]["review_id"] == first["items"][0]["review_id"]
    assert (again["stored"], again["already_there"], again["skipped"]) == (0, 1, 3)


def test_each_import_is_audited(as_user, db):
    (item,) = send(as_user("eve"), "jsonld_article.html", HTML).json["items"]
    events = list(
        db.query(
            "SELECT actor, action, entity, entity_id, claim_id FROM audit_events "
            "WHERE actor = 'eve' ORDER BY id"
        )
    )
    assert events == [
        {
            "actor": "eve",
            "action": "claim.created",
            "entity": "claim",
            "entity_id": item["claim_id"],
            "claim_id": item["claim_id"],
        },
        {
            "actor": "eve",
            "action": "claimreview.imported",
            "entity": "external_review",
            "entity_id": item["review_id"],
            "claim_id": item["claim_id"],
        },
    ]


@pytest.fixture
def importing(app):
    app.config["ALLOW_PRIVATE_URLS"] = True
    return app


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.mark.parametrize(
    "name, content_type",
    [("jsonld_article.html", "text/html; charset=utf-8"), ("datafeed.json", LD)],
)
def test_a_url_is_fetched_through_the_guard_from_a_real_server(
    importing, as_user, db, receiver, name, content_type
):
    receiver.on("/check", Reply(302, headers={"Location": "/page"}))
    receiver.on("/page", Reply(200, body=fixture(name), headers={"Content-Type": content_type}))
    response = as_user("eve").post(URL, json={"url": receiver.url("/check")})
    assert response.status_code == 200, response.json
    assert response.json["stored"] == 1
    assert [seen.path for seen in receiver.seen()] == ["/check", "/page"]
    assert "factcheck" in receiver.seen("/page")[0].headers["User-Agent"]
    assert stored(db)["external_reviews"] == 1


REFUSED_URLS = cases(
    [
        ("http://127.0.0.1:{port}/page", "loopback"),
        ("http://localhost:{port}/page", "loopback"),
        ("http://[::1]:{port}/page", "loopback"),
        ("http://10.1.2.3/page", "private"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("ftp://example.org/feed.json", "Not a valid URL"),
    ],
    "url",
)


@pytest.mark.parametrize("url, message", REFUSED_URLS)
def test_private_addresses_are_refused_with_the_guard_on(as_user, db, receiver, url, message):
    receiver.on("/page", Reply(200, body=fixture("jsonld_article.html")))
    before = stored(db)
    response = as_user("eve").post(URL, json={"url": url.format(port=receiver.port)})
    assert_field_error(assert_problem(response, 422), "url", message)
    assert receiver.seen() == []
    assert stored(db) == before


def test_a_page_that_fails_or_carries_nothing_is_422(importing, as_user, db, receiver):
    before = stored(db)
    receiver.on("/gone", Reply(404, body=b"<html>not here</html>"))
    receiver.on("/plain", Reply(200, body=b"<html><p>No markup</p></html>"))
    for path, message in (("/gone", "HTTP 404"), ("/plain", "no ClaimReview")):
        response = as_user("eve").post(URL, json={"url": receiver.url(path)})
        assert message.lower() in assert_problem(response, 422)["detail"].lower()
    assert stored(db) == before


REFUSALS = [
    (None, "application/json", fixture("messy.json"), 401),
    ("rita", "application/json", fixture("messy.json"), 403),  # a reviewer
    ("eve", "text/plain", fixture("messy.json"), 415),
    ("eve", "application/xml", b"<ClaimReview/>", 415),
    ("eve", "application/json", b"[" * 10 + b"}", 400),
    ("eve", "application/json", b"[" + b" " * (1024 * 1024) + b"]", 413),
    ("eve", HTML, b" " * (1024 * 1024 + 1), 413),
    ("eve", "application/json", b'{"@type": "NewsArticle", "headline": "x"}', 422),
    ("eve", "application/json", b"[]", 422),
    ("eve", HTML, b"<html><body><p>Nothing here</p></body></html>", 422),
    ("eve", HTML, b"<script type='application/ld+json'>{broken</script>", 422),
    ("eve", "application/json", b'{"url": "not a url"}', 422),
    ("eve", "application/json", b'{"url": 42}', 422),
]


@pytest.mark.parametrize(
    "who, content_type, body, status",
    REFUSALS,
    ids=[f"{who}-{kind}-{status}-{i}" for i, (who, kind, _, status) in enumerate(REFUSALS)],
)
def test_refusals_store_nothing(app, anon, as_user, db, who, content_type, body, status):
    caller = as_user(who) if who else anon
    before = stored(db)
    assert_problem(caller.post(URL, data=body, content_type=content_type), status)
    assert stored(db) == before
    assert before["external_reviews"] == before["claims"] == 0


def test_an_item_that_cannot_be_stored_leaves_nothing_of_itself(as_user, db, claim):
    """One transaction per item: a failure inside one (here a review URL column made to
    refuse it) leaves no imported claim behind, and the items before it stay stored."""
    db.execute(
        "CREATE TRIGGER refuse_water BEFORE INSERT ON external_reviews "
        "WHEN new.url LIKE '%water%' BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    before = stored(db)
    with pytest.raises(Exception, match="refused"):
        send(as_user("eve"), "messy.json", "application/json")
    after = stored(db)
    assert after["external_reviews"] == before["external_reviews"] + 1  # schools, stored
    assert after["claims"] == before["claims"] + 1  # schools' claim; none for water
    assert review_row(db, "https://factcheck.example/2026/water-prices") is None
    assert not list(db.query("SELECT id FROM claims WHERE text LIKE 'Water prices%'"))


def test_the_search_site_filter_keeps_one_publishers_reviews(anon, as_user, seeded, db):
    published = next(
        db.query("SELECT text FROM claims WHERE published_verdict_id IS NOT NULL LIMIT 1")
    )["text"]
    review = {
        "@type": "ClaimReview",
        "url": "https://other.example/check/1",
        "claimReviewed": published,
        "author": {"@type": "Organization", "name": "Other Checker"},
        "reviewRating": {"@type": "Rating", "alternateName": "Incorrect"},
    }
    as_user("eve").post(URL, json=[review])
    send(as_user("eve"), "datafeed.json", LD)  # another publisher: verify.example

    def search(**params):
        answer = anon.get("/v1alpha1/claims:search", query_string=params).json
        return {
            claim["text"]: [r["publisher"]["site"] for r in claim["claimReview"]]
            for claim in answer["claims"]
        }

    assert search(reviewPublisherSiteFilter="other.example") == {published: ["other.example"]}
    assert search(reviewPublisherSiteFilter="https://www.verify.example/") == {
        "Bus fares doubled this year": ["verify.example"]
    }
    assert search(query=published, reviewPublisherSiteFilter="other.example") == {
        published: ["other.example"]
    }
    ours = search(query=published, reviewPublisherSiteFilter="localhost")
    assert ours[published] == ["localhost"]  # the desk's own only (its site: this host)
    assert search(reviewPublisherSiteFilter="nobody.example") == {}


def test_a_site_filtered_search_uses_the_site_index(as_user, db):
    send(as_user("eve"), "datafeed.json", LD)
    statements = []
    db.conn.set_trace_callback(statements.append)
    (claim,) = matching.reviewed_by(db, "verify.example", limit=10)
    db.conn.set_trace_callback(None)
    assert claim["external_reviews"][0]["publisher_site"] == "verify.example"
    by_site = next(sql for sql in statements if "publisher_site =" in sql)
    plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {by_site}"))
    assert "USING INDEX external_reviews_by_site" in plan, plan


def test_0017_adds_external_reviews_beside_the_claims_stored_before(tmp_path, seeded_template):
    db = seeded_before(tmp_path / "old.db", "0017_external_reviews", seeded_template)
    claims_before = db.execute("SELECT * FROM claims ORDER BY id").fetchall()
    migrations.apply(db)
    assert db.execute("SELECT * FROM claims ORDER BY id").fetchall() == claims_before
    claim_id = claims_before[0][0]
    db.execute(
        "INSERT INTO external_reviews (claim_id, url, claim_reviewed, publisher_site, "
        "textual_rating, imported_by, imported_at) VALUES (?, 'https://a.example/1', 'x', "
        "'a.example', 'False', 'eve', '2026-11-05T00:00:00Z')",
        [claim_id],
    )
    with pytest.raises(sqlite3.IntegrityError):  # one review URL, stored once
        db.execute(
            "INSERT INTO external_reviews (claim_id, url, claim_reviewed, publisher_site, "
            "textual_rating, imported_by, imported_at) VALUES (?, 'https://a.example/1', 'x', "
            "'a.example', 'True', 'eve', '2026-11-05T00:00:00Z')",
            [claim_id],
        )
    db.close()


def test_readers_meet_external_reviews_in_lookup_not_on_the_claim(
    anon, client, as_user, seeded, db
):
    published = next(
        db.query("SELECT id, text FROM claims WHERE published_verdict_id IS NOT NULL LIMIT 1")
    )
    review = {
        "@type": "ClaimReview",
        "url": "https://other.example/check/9",
        "claimReviewed": published["text"],
        "reviewRating": {"@type": "Rating", "alternateName": "Incorrect"},
    }
    (item,) = as_user("eve").post(URL, json=review).json["items"]
    assert item["claim_id"] == published["id"]
    assert "external_reviews" not in anon.get(f"/api/v1/claims/{published['id']}").json
    hits = anon.get("/api/v1/lookup", query_string={"text": published["text"]}).json["items"]
    assert hits[0]["external_reviews"][0]["url"] == "https://other.example/check/9"
    imported = send(as_user("eve"), "microdata.html", HTML).json["items"][0]["claim_id"]
    assert_problem(anon.get(f"/api/v1/claims/{imported}"), 404)  # the desk's own record
