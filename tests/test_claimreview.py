"""ClaimReview out: each published claim as schema.org ClaimReview JSON-LD, and all of them
as a paged DataFeed, checked against schema.org's properties and Google's required fields."""

import re
from datetime import date, datetime

import pytest

from tests.conftest import assert_problem
from tests.flow import ROUTES, bring_to, draft, moved

PUBLISHER = {"PUBLISHER_NAME": "The Example Checkers", "PUBLISHER_URL": "https://checkers.example"}
BODY = "The mayor said the bridge cost $4 million. The Council said it was 9 million."

# schema.org properties of each type we emit, as schema.org lists them (own and inherited
# from Review, CreativeWork and Thing; only those of any use here are listed). A property
# outside its type's list is a typo or an invention that consumers would ignore.
THING = {"@type", "@context", "name", "url", "alternateName", "description", "sameAs"}
CREATIVE_WORK = THING | {
    "author",
    "datePublished",
    "dateModified",
    "inLanguage",
    "headline",
    "publisher",
}
SCHEMA_ORG = {
    "ClaimReview": CREATIVE_WORK | {"claimReviewed", "itemReviewed", "reviewRating", "reviewBody"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "CreativeWork": CREATIVE_WORK,
    "Rating": THING | {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "author"},
    "Person": THING,
    "Organization": THING,
    "DataFeed": CREATIVE_WORK | {"dataFeedElement"},
}
# Google Search's fact-check structured data: the required properties (claimReviewed,
# reviewRating with its alternateName, url) and the recommended ones we can give.
GOOGLE_REQUIRED = ("claimReviewed", "reviewRating.alternateName", "url")
GOOGLE_RECOMMENDED = ("author.name", "itemReviewed.author.name", "itemReviewed.@type")
URL = re.compile(r"https?://\S+\Z")


def check_schema_org(node, path="ClaimReview"):
    """Every object has a known @type and only that type's properties, recursively."""
    assert node.get("@type") in SCHEMA_ORG, (path, node)
    unknown = set(node) - SCHEMA_ORG[node["@type"]]
    assert not unknown, (path, unknown)
    for name, value in node.items():
        assert value not in (None, "", [], {}), (path, name)  # left out, never empty
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, dict):
                check_schema_org(child, f"{path}.{name}")
        if name == "url":
            assert URL.match(value), (path, value)


def check_dates(review):
    datetime.fromisoformat(review["datePublished"])
    if "dateModified" in review:
        assert review["dateModified"] >= review["datePublished"]
    if "datePublished" in review["itemReviewed"]:
        date.fromisoformat(review["itemReviewed"]["datePublished"])


def dotted(node, path):
    for part in path.split("."):
        node = node[part]
    return node


def check_google(review):
    for path in GOOGLE_REQUIRED + GOOGLE_RECOMMENDED:
        assert dotted(review, path), path
    assert review["itemReviewed"]["@type"] == "Claim"
    rating = review["reviewRating"]
    numeric = {"ratingValue", "bestRating", "worstRating"}
    # A numeric rating comes whole (Google: a number-to-text scale), or not at all.
    assert numeric <= set(rating) or not numeric & set(rating)
    if "ratingValue" in rating:
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


@pytest.fixture
def publisher(app):
    app.config.update(PUBLISHER)


@pytest.fixture
def story(client):
    response = client.post(
        "/api/v1/articles",
        json={"title": "Bridge budget", "body": BODY, "url": "https://news.example/bridge"},
    )
    assert response.status_code == 201, response.json
    return response.json


def new_claim(client, article, text, claimant="The mayor", claim_date="2026-11-01"):
    fields = {"article_id": article["id"], "text": text, "claimant": claimant}
    response = client.post("/api/v1/claims", json={**fields, "claim_date": claim_date})
    assert response.status_code == 201, response.json
    claim_id = response.json["id"]
    source = client.post(
        f"/api/v1/claims/{claim_id}/sources",
        json={"url": "https://council.example/minutes", "kind": "primary", "title": "Minutes"},
    ).json
    return claim_id, source["id"]


def review_of(client, claim_id):
    response = client.get(f"/api/v1/claims/{claim_id}/claimreview")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/ld+json"
    return response.json


def correct(as_user, claim_id, source_id, rating, note):
    """Reopen a published claim, draft a new verdict and publish it as a correction."""
    moved(as_user("eve"), claim_id, "in_research")
    draft(as_user("rita"), claim_id, [source_id], rating=rating, explanation="Rechecked.")
    moved(as_user("rita"), claim_id, "in_review")
    moved(as_user("eve"), claim_id, "approved")
    moved(as_user("eve"), claim_id, "published", public_note=note)


def test_a_published_claim_has_every_property(client, anon, as_user, story, publisher):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    claim = bring_to(as_user, claim_id, "published", source_id)
    review = review_of(anon, claim_id)
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"http://localhost/claims/{claim_id}",
        "claimReviewed": "the bridge cost $4 million",
        "inLanguage": "en",
        "author": {
            "@type": "Organization",
            "name": "The Example Checkers",
            "url": "https://checkers.example",
        },
        "datePublished": claim["verdict"]["published_at"],
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "The mayor"},
            "datePublished": "2026-11-01",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://news.example/bridge",
                "headline": "Bridge budget",
            },
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,  # false on the six-point scale: pants-on-fire 0 ... true 5
            "bestRating": 5,
            "worstRating": 0,
            "ratingExplanation": "Checked.",
        },
    }
    check_schema_org(review)
    check_google(review)
    check_dates(review)
    # The url is the reader page, which serves HTML.
    assert anon.get(f"/claims/{claim_id}").mimetype == "text/html"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Dana Whitfield", {"@type": "Person", "name": "Dana Whitfield"}),
        ("Riverside News Service", {"@type": "Organization", "name": "Riverside News Service"}),
        (None, None),
    ],
)
def test_the_appearance_names_the_article_author(client, anon, as_user, story, byline, author):
    """The article's byline is its CreativeWork's author, not the claimant (the Claim's)."""
    client.patch(f"/api/v1/articles/{story['id']}", json={"author": byline})
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, "published", source_id)
    review = review_of(anon, claim_id)
    assert review["itemReviewed"]["appearance"].get("author") == author
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "The mayor"}
    check_schema_org(review)


def test_without_a_publisher_url_the_author_is_the_service(client, anon, as_user, story):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, "published", source_id)
    author = review_of(anon, claim_id)["author"]
    assert author == {"@type": "Organization", "name": "factcheck", "url": "http://localhost/"}


def test_a_label_without_a_place_on_its_scale_gives_only_its_name(client, anon, as_user, story):
    claim_id, source_id = new_claim(client, story, "it was 9 million", claimant="The Council")
    moved(as_user("rita"), claim_id, "in_research")
    response = as_user("rita").post(
        f"/api/v1/claims/{claim_id}/verdicts",
        json={
            "rating": "unproven",
            "scale": "five-point",
            "explanation": "No record.",
            "source_ids": [source_id],
        },
    )
    assert response.status_code == 201, response.json
    for name, step, fields in ROUTES["published"][2:]:
        moved(as_user(name), claim_id, step, **fields)
    review = review_of(anon, claim_id)
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Unproven",
        "ratingExplanation": "No record.",
    }
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "The Council"}
    check_schema_org(review)
    check_google(review)


def test_a_correction_sets_date_modified_and_the_new_rating(client, anon, as_user, story):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, "published", source_id)
    first = review_of(anon, claim_id)
    assert "dateModified" not in first
    correct(as_user, claim_id, source_id, "mostly-false", "We misread the minutes.")
    corrected = review_of(anon, claim_id)
    notes = anon.get(f"/api/v1/claims/{claim_id}").json["public_notes"]
    assert notes[0]["kind"] == "correction"
    assert corrected["dateModified"] == notes[0]["created_at"] > corrected["datePublished"]
    assert corrected["datePublished"] == first["datePublished"]
    assert corrected["reviewRating"]["alternateName"] == "Mostly false"
    assert corrected["reviewRating"]["ratingValue"] == 2
    check_schema_org(corrected)
    check_dates(corrected)


def test_a_retracted_review_says_so_and_a_reinstated_one_rates_again(client, anon, as_user, story):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, "retracted", source_id)
    review = review_of(anon, claim_id)
    notice = anon.get(f"/api/v1/claims/{claim_id}").json["public_notes"][0]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Retracted",
        "ratingExplanation": f"Retracted on {notice['created_at'][:10]}: A notice for readers.",
    }
    assert review["dateModified"] == notice["created_at"]
    check_schema_org(review)
    check_google(review)
    moved(as_user("eve"), claim_id, "published", public_note="The retraction was a mistake.")
    reinstated = review_of(anon, claim_id)
    assert reinstated["reviewRating"]["alternateName"] == "False"
    assert reinstated["dateModified"] > review["dateModified"]


@pytest.mark.parametrize("state", ["new", "in_research", "in_review", "approved", "dismissed"])
def test_an_unpublished_claim_has_no_review_for_anyone(client, anon, as_user, story, state):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, state, source_id)
    assert_problem(anon.get(f"/api/v1/claims/{claim_id}"), 404)
    assert_problem(anon.get(f"/api/v1/claims/{claim_id}/claimreview"), 404)
    # Staff read the claim, but there is no fact-check to describe yet.
    assert client.get(f"/api/v1/claims/{claim_id}").status_code == 200
    assert_problem(client.get(f"/api/v1/claims/{claim_id}/claimreview"), 404)
    assert_problem(anon.get("/api/v1/claims/999999/claimreview"), 404)


@pytest.mark.parametrize(
    ("claimant", "kind"),
    [
        ("Donald Trump", "Person"),
        ("The mayor", "Person"),
        ("Christopher Krebs", "Person"),
        ("The article (publisher unknown)", "Organization"),
        ("Department of Justice", "Organization"),
        ("Republican Party", "Organization"),
        ("Acme Inc.", "Organization"),
    ],
)
def test_claimant_is_a_person_or_an_organization(client, anon, as_user, story, claimant, kind):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million", claimant)
    bring_to(as_user, claim_id, "published", source_id)
    assert review_of(anon, claim_id)["itemReviewed"]["author"] == {"@type": kind, "name": claimant}


def test_a_claim_nobody_is_named_for_has_no_author_and_its_page_says_so(
    client, anon, as_user, story
):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million", None)
    bring_to(as_user, claim_id, "published", source_id)
    review = review_of(anon, claim_id)
    assert "author" not in review["itemReviewed"]
    assert all(dotted(review, path) for path in GOOGLE_REQUIRED)  # author is recommended
    page = anon.get(f"/claims/{claim_id}").get_data(as_text=True)
    assert "Unattributed" in page and "None" not in page


def test_reviews_are_cached_publicly_and_revalidated(client, anon, as_user, story, app):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, "published", source_id)
    url = f"/api/v1/claims/{claim_id}/claimreview"
    first = anon.get(url)
    assert first.headers["Cache-Control"] == f"public, max-age={app.config['PUBLIC_MAX_AGE']}"
    assert client.get(url).headers["Cache-Control"] == "private, no-store"
    again = anon.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.data and "Content-Type" not in again.headers
    correct(as_user, claim_id, source_id, "true", "New evidence.")
    assert anon.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 200


def test_the_feed_holds_every_published_review_once(seeded, anon, as_user, keys):
    editor = as_user("eve")
    published = editor.get("/api/v1/claims?status=published&limit=100").json["items"]
    assert len(published) >= 9
    elements, cursor, pages = [], None, 0
    while True:
        query = f"?limit=4&cursor={cursor}" if cursor else "?limit=4"
        response = anon.get(f"/api/v1/claimreview-feed{query}")
        assert response.status_code == 200 and response.mimetype == "application/ld+json"
        page = response.json
        assert page["@type"] == "DataFeed" and page["@context"] == "https://schema.org"
        assert len(page["dataFeedElement"]) <= 4
        elements += page["dataFeedElement"]
        cursor, pages = page["next"], pages + 1
        if cursor is None:
            break
    assert pages == -(-len(published) // 4)
    urls = [element["url"] for element in elements]
    assert sorted(urls) == sorted(f"http://localhost/claims/{c['id']}" for c in published)
    for element in elements:
        claim_id = int(element["url"].rsplit("/", 1)[1])
        assert {"@context": "https://schema.org", **element} == review_of(anon, claim_id)
    feed = {key: value for key, value in page.items() if key != "next"}
    check_schema_org({**feed, "dataFeedElement": elements}, "DataFeed")
    newest = max(
        claim["updated_at"] for claim in anon.get("/api/v1/claims?limit=100").json["items"]
    )
    assert page["dateModified"] == newest


@pytest.mark.parametrize(
    ("query", "field", "status"),
    [
        ("limit=0", "limit", 422),
        ("limit=101", "limit", 422),
        ("cursor=nonsense", "cursor", 400),  # not a cursor this server signed
        ("q=x", "q", 422),
    ],
)
def test_the_feed_refuses_bad_paging(seeded, anon, query, field, status):
    body = assert_problem(anon.get(f"/api/v1/claimreview-feed?{query}"), status)
    assert field in body["errors"]


def test_an_empty_feed(anon):
    page = anon.get("/api/v1/claimreview-feed").json
    assert page["dataFeedElement"] == [] and page["dateModified"] is None and page["next"] is None


def test_the_feed_is_documented_as_json_ld(client):
    paths = client.get("/openapi.json").json["paths"]
    for path in ("/api/v1/claims/{claim_id}/claimreview", "/api/v1/claimreview-feed"):
        content = paths[path]["get"]["responses"]["200"]["content"]
        assert list(content) == ["application/ld+json"]
