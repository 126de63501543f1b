"""The reader pages, read as HTML: what each shows, what it never shows, escaping, caching,
framing and the basics of accessibility. (tests/test_browser.py renders them in Chromium.)"""

import json
from urllib.parse import urlencode

import pytest

from factcheck import reader
from tests.flow import bring_to, draft, moved
from tests.html import parse
from tests.test_claimreview import correct, new_claim

EVIL = "the cost was </script><script>alert('x')</script> & <b>9</b> million"


@pytest.fixture
def story(client):
    body = f"The mayor said the bridge cost $4 million. A critic said {EVIL}. The end."
    response = client.post(
        "/api/v1/articles",
        json={
            "title": "Bridge budget",
            "body": body,
            "url": "https://news.example/bridge",
            "publisher": "Gazette",
        },
    )
    assert response.status_code == 201, response.json
    return response.json


@pytest.fixture
def published(client, as_user, story):
    """A published claim of the story and its source's id."""
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, "published", source_id)
    return claim_id, source_id


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    return parse(response.get_data(as_text=True))


def json_ld(document):
    """The page's one JSON-LD block, parsed."""
    (block,) = document.find_all("script", type="application/ld+json")
    return json.loads(block.raw_text)


def card_ids(document):
    links = [li.find("a")["href"] for li in document.find_all("li", class_="card")]
    return [int(link.rsplit("/", 1)[1]) for link in links]


def test_the_front_page_lists_published_fact_checks_most_recent_first(seeded, anon, as_user):
    staff = as_user("eve")
    hidden = staff.get("/api/v1/claims?status=in_review").json["items"][0]
    document = page(anon, "/")
    shown = card_ids(document)
    expected = anon.get("/api/v1/claims?sort=-updated_at&limit=100").json["items"]
    assert shown == [claim["id"] for claim in expected]
    assert hidden["id"] not in shown and hidden["text"] not in document.text
    first = document.find("li", class_="card")
    assert expected[0]["claimant"] in first.text
    assert expected[0]["verdict"]["rating_name"] in first.find(class_="rating").text


def test_the_front_page_pages_through_every_fact_check(seeded, anon, monkeypatch):
    monkeypatch.setattr(reader, "PAGE_SIZE", 4)
    seen, url, pages = [], "/", 0
    while url:
        document = page(anon, url)
        ids = card_ids(document)
        assert 0 < len(ids) <= 4
        seen += ids
        pages += 1
        following = document.find_all("a", rel="next")
        url = following[0]["href"] if following else None
        back = [a for a in document.find_all("a", href="/") if a.text == "Most recent"]
        assert bool(back) == (pages > 1)
    everything = anon.get("/api/v1/claims?sort=-updated_at&limit=100").json["items"]
    assert seen == [claim["id"] for claim in everything] and pages == 3


@pytest.mark.parametrize(
    ("query", "status", "heading"),
    [("cursor=nonsense", 400, "Bad cursor"), ("utm_source=x", 200, "Recent fact-checks")],
)
def test_a_bad_cursor_is_an_html_error_page_and_tracking_parameters_are_ignored(
    seeded, anon, query, status, heading
):
    assert page(anon, f"/?{query}", status).find("h1").text == heading


def test_the_claim_page_shows_the_fact_check_and_its_history(client, anon, as_user, published):
    claim_id, source_id = published
    client.post(
        f"/api/v1/claims/{claim_id}/sources",
        json={"url": "https://ministry.example/a", "kind": "secondary", "publisher": "Ministry"},
    )
    correct(as_user, claim_id, source_id, "mostly-false", "We misread the minutes.")
    document = page(anon, f"/claims/{claim_id}")
    claim = anon.get(f"/api/v1/claims/{claim_id}").json
    assert document.find("h1").text == "“the bridge cost $4 million”"
    assert document.find("h1")["lang"] == claim["language"] == "en"  # read in its language
    assert document.find(class_="meta").text == "Said by The mayor, 2026-11-01"
    verdict = document.find("section", class_="verdict")
    assert verdict.find(class_="rating").text == "Mostly false"
    description = (
        "Has an element of truth but ignores facts that would give a different impression."
    )
    assert verdict.find(class_="label-description").text == f"Mostly false: {description}"
    assert verdict.find(class_="explanation").text == "Rechecked."
    links = {a["href"]: a.text for a in document.find("ul", class_="sources").find_all("a")}
    assert links == {"https://council.example/minutes": "Minutes"}  # cited sources only
    assert document.find("a", href="https://news.example/bridge").text == "Bridge budget"
    history = [li.text for li in document.find("ol", class_="history").find_all("li")]
    assert history[0].startswith("Correction, " + claim["public_notes"][0]["created_at"][:10])
    assert history[0].endswith("We misread the minutes.")
    assert "False" in document.find("ul", class_="revisions").text  # the earlier rating
    assert json_ld(document) == anon.get(f"/api/v1/claims/{claim_id}/claimreview").json
    preview = document.find("meta", property="og:title")["content"]
    assert preview == "“the bridge cost $4 million”: Mostly false"
    assert document.find("meta", property="og:url")["content"] == json_ld(document)["url"]


def test_a_retracted_fact_check_shows_its_notice_and_no_rating(client, anon, as_user, story):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, "retracted", source_id)
    for url in (f"/claims/{claim_id}", f"/claims/{claim_id}/embed"):
        document = page(anon, url)
        assert "A notice for readers." in document.find(class_="retraction").text
        assert not document.find_all("section", class_="verdict")
    document = page(anon, f"/claims/{claim_id}")
    assert json_ld(document)["reviewRating"]["alternateName"] == "Retracted"
    assert document.find("a", href="/").text  # back to the list


@pytest.mark.parametrize("state", ["new", "in_review", "approved", "dismissed"])
@pytest.mark.parametrize("suffix", ["", "/embed"])
def test_an_unpublished_claim_is_an_html_404(client, anon, as_user, story, state, suffix):
    claim_id, source_id = new_claim(client, story, "the bridge cost $4 million")
    bring_to(as_user, claim_id, state, source_id)
    response = anon.get(f"/claims/{claim_id}{suffix}")
    assert response.status_code == 404 and response.mimetype == "text/html"
    document = parse(response.get_data(as_text=True))
    assert document.find("h1").text == "Not found"
    assert "bridge cost" not in document.text
    assert not document.find_all("script")


def test_nothing_staff_only_shows(client, anon, as_user, published):
    claim_id, _ = published
    moved(as_user("eve"), claim_id, "in_research", note="INTERNAL REASON")
    hidden_source = client.post(
        f"/api/v1/claims/{claim_id}/sources",
        json={"url": "https://hidden.example/leak", "kind": "primary"},
    ).json
    draft(as_user("rita"), claim_id, [hidden_source["id"]], explanation="SECRET DRAFT")
    for url in (f"/claims/{claim_id}", f"/claims/{claim_id}/embed", "/"):
        markup = anon.get(url).get_data(as_text=True)
        for secret in ("INTERNAL REASON", "SECRET DRAFT", "hidden.example", "in_research"):
            assert secret not in markup, (url, secret)
    # A staff key changes nothing on a page: pages are the readers' view for everyone.
    staff_markup = as_user("eve").get(f"/claims/{claim_id}").get_data(as_text=True)
    assert "SECRET DRAFT" not in staff_markup and "hidden.example" not in staff_markup


def test_every_page_escapes_what_it_shows(client, anon, as_user, story):
    claim_id, source_id = new_claim(client, story, EVIL, claimant="<i>A critic</i>")
    bring_to(as_user, claim_id, "published", source_id)
    for url in (f"/claims/{claim_id}", f"/claims/{claim_id}/embed", "/"):
        markup = anon.get(url).get_data(as_text=True)
        document = parse(markup)
        # No script but the data block, no markup from the claim: it is all text.
        scripts = document.find_all("script")
        assert [s.attrs.get("type") for s in scripts] in ([], ["application/ld+json"])
        assert not document.find_all("b") and not document.find_all("i")
        assert EVIL in document.text and "<i>A critic</i>" in document.text
    document = page(anon, f"/claims/{claim_id}")
    assert json_ld(document)["claimReviewed"] == EVIL
    assert "</script>" not in document.find("script").raw_text


def test_pages_are_cached_publicly_and_revalidate(client, anon, as_user, published, app):
    claim_id, source_id = published
    for url in ("/", f"/claims/{claim_id}", f"/claims/{claim_id}/embed"):
        first = anon.get(url)
        assert first.headers["Cache-Control"] == f"public, max-age={app.config['PUBLIC_MAX_AGE']}"
        again = anon.get(url, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and not again.data
        assert as_user("eve").get(url).headers["Cache-Control"] == "private, no-store"
    tag = anon.get(f"/claims/{claim_id}").headers["ETag"]
    correct(as_user, claim_id, source_id, "true", "New evidence.")
    changed = anon.get(f"/claims/{claim_id}", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag


def test_the_public_json_reads_are_cacheable_and_staff_answers_are_not(anon, client, published):
    claim_id, _ = published
    for url in (f"/api/v1/claims/{claim_id}", "/api/v1/claims", "/api/v1/rating-scales"):
        assert anon.get(url).headers["Cache-Control"].startswith("public, max-age=")
        assert client.get(url).headers["Cache-Control"] == "private, no-store"
    assert "Cache-Control" not in client.post("/api/v1/claims", json={}).headers


def test_only_the_card_may_be_framed(anon, published):
    claim_id, _ = published
    policies = {
        url: anon.get(url).headers["Content-Security-Policy"]
        for url in ("/", f"/claims/{claim_id}", f"/claims/{claim_id}/embed")
    }
    assert policies.pop(f"/claims/{claim_id}/embed").endswith("frame-ancestors *")
    assert all(policy.endswith("frame-ancestors 'none'") for policy in policies.values())


def test_pages_have_landmarks_labels_and_alt_text(anon, published):
    claim_id, _ = published
    for url in ("/", f"/claims/{claim_id}", f"/claims/{claim_id}/embed", "/claims/999999"):
        document = parse(anon.get(url).get_data(as_text=True))
        assert document.find("html")["lang"] == "en"
        assert document.find("meta", name="viewport")["content"].startswith("width=device-width")
        assert len(document.find_all("main")) == 1
        assert document.find("title").text
        for image in document.find_all("img"):
            assert "alt" in image.attrs
        labelled = {label["for"] for label in document.find_all("label")}
        for field in document.find_all("input"):
            assert field.attrs.get("type") == "hidden" or field["id"] in labelled
        for link in document.find_all("a"):
            assert link.text, link
        if not url.endswith("/embed"):
            assert len(document.find_all("h1")) == 1
            assert document.find_all("header") and document.find_all("footer")


REWORDED = "Trump fired the man in charge of election cyber security"


def test_the_search_box_finds_a_reworded_claim(seeded, anon):
    document = page(anon, "/?" + urlencode({"q": REWORDED}))
    assert document.find("h1").text == f"Fact-checks matching “{REWORDED}”"
    assert document.find("input", id="q")["value"] == REWORDED
    first = document.find("li", class_="card")
    hits = anon.get("/api/v1/lookup", query_string={"text": REWORDED}).json["items"]
    assert card_ids(document) == [hit["id"] for hit in hits] and hits
    assert first.find(class_="match").text == f"{hits[0]['match'].capitalize()} match"
    assert "cyber unit" in first.text  # the seed claim it rewords
    assert not document.find_all("a", rel="next")


@pytest.mark.parametrize(
    ("query", "status", "heading"),
    [
        ({"q": "Bananas grow on the moon"}, 200, "Fact-checks matching “Bananas grow on the moon”"),
        ({"q": "   "}, 200, "Recent fact-checks"),  # an empty box is no search
        ({"q": "!!!"}, 422, "Invalid request"),  # no word to look for
        ({"q": "x" * 501}, 422, "Invalid request"),
    ],
)
def test_searches_with_no_answer(seeded, anon, query, status, heading):
    document = page(anon, "/?" + urlencode(query), status)
    assert document.find("h1").text == heading
    if status == 200 and query["q"].strip():
        assert not document.find_all("li", class_="card")
        assert "We have not published a fact-check of this claim" in document.text


def test_a_search_never_shows_an_unpublished_claim(seeded, anon, as_user):
    hidden = as_user("eve").get("/api/v1/claims?status=in_review").json["items"][0]
    document = page(anon, "/?" + urlencode({"q": hidden["text"]}))
    assert hidden["id"] not in card_ids(document)
    words = " ".join(hidden["text"].split())
    assert document.find("h1").text == f"Fact-checks matching “{words}”"
    assert all(words not in card.text for card in document.find_all("li", class_="card"))


def test_the_search_is_escaped(seeded, anon):
    query = '"><script>alert(1)</script>'
    markup = anon.get("/?" + urlencode({"q": query})).get_data(as_text=True)
    document = parse(markup)
    assert not document.find_all("script")
    assert document.find("input", id="q")["value"] == query


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    ("path", "accept", "html"),
    [
        ("/claims/12x", BROWSER, True),
        ("/nowhere", BROWSER, True),
        ("/nowhere", "*/*", False),  # curl
        ("/nowhere", None, False),
        ("/nowhere", "application/json", False),
        ("/api/v1/nowhere", BROWSER, False),  # the API answers problem+json to anyone
    ],
)
def test_an_address_that_matches_nothing_is_a_page_for_browsers(anon, path, accept, html):
    response = anon.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == 404
    if html:
        assert response.mimetype == "text/html"
        assert parse(response.get_data(as_text=True)).find("h1").text == "Not found"
    else:
        assert response.mimetype == "application/problem+json"
