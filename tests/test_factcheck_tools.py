"""GET /v1alpha1/claims:search, compatible with Google's Fact Check Tools API: tested with
Google's own client library (its packaged discovery document) on a live local server."""

import threading

import httplib2
import pytest
import requests
from googleapiclient.discovery import build
from werkzeug.serving import make_server

from factcheck import factcheck_tools
from factcheck.db import connect
from tests import lookup_corpus
from tests.concurrency import free_port
from tests.conftest import assert_field_error, assert_problem, cases
from tests.flow import PUBLIC_NOTE, moved
from tests.test_lookup import FIRED, UNPUBLISHED, claim_id_of, published

PUBLISHER = {"PUBLISHER_NAME": "Example Checks", "PUBLISHER_URL": "https://www.checks.example/"}


@pytest.fixture
def corpus(app, seeded, db_path):
    app.config.update(PUBLISHER)
    with connect(db_path) as db:
        return lookup_corpus.load(db, seeded.config)


@pytest.fixture
def google(app, corpus):
    """Google's client for the Fact Check Tools API, pointed at this app on a live server."""
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield build(
            "factchecktools",
            "v1alpha1",
            developerKey="any-key",  # sent as ?key=, as to Google: ignored here
            static_discovery=True,  # the discovery document shipped with the client: no network
            client_options={"api_endpoint": f"http://127.0.0.1:{server.server_port}/"},
            http=httplib2.Http(proxy_info=None, timeout=30),  # loopback, never a proxy
        )
    finally:
        server.shutdown()
        thread.join(timeout=10)


def search(client, **params):
    response = client.get("/v1alpha1/claims:search", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.json


def test_googles_client_finds_a_reworded_claim(google, db):
    answer = google.claims().search(query="Trump fired the head of the cyber unit").execute()
    first = answer["claims"][0]
    assert first["text"] == FIRED and first["claimDate"] == "2020-11-18T00:00:00Z"
    (review,) = first["claimReview"]
    assert review["publisher"] == {"name": "Example Checks", "site": "checks.example"}
    # The reader page, as the claim's ClaimReview names it: it opens.
    assert review["url"].endswith(f"/claims/{claim_id_of(db, FIRED)}")
    page = requests.get(review["url"], timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert review["textualRating"] == "True" and review["languageCode"] == "en"
    assert review["reviewDate"].endswith("Z") and review["title"] == FIRED


def test_an_unknown_claim_date_is_left_out(client, anon, as_user, keys):
    published(client, as_user, "The bridge cost four million dollars.", claim_date=None)
    (claim,) = search(anon, query="the bridge cost four million dollars")["claims"]
    assert "claimDate" not in claim and claim["claimReview"][0]["textualRating"] == "False"


def test_googles_client_pages_through_every_match(app, google):
    app.config["MATCH_POSSIBLE"] = 0.3  # weaker matches too: pages enough to walk
    everything = google.claims().search(query="Trump fired Krebs", pageSize=100).execute()
    texts = [claim["text"] for claim in everything["claims"]]
    assert len(texts) > 4 and "nextPageToken" not in everything
    seen, request, pages = [], google.claims().search(query="Trump fired Krebs", pageSize=2), 0
    while request is not None:
        page = request.execute()
        seen += [claim["text"] for claim in page["claims"]]
        request, pages = google.claims().search_next(request, page), pages + 1
    assert seen == texts and pages == -(-len(texts) // 2)


def test_offset_starts_where_a_page_token_would(app, anon, corpus):
    app.config["MATCH_POSSIBLE"] = 0.3
    first = search(anon, query="Trump fired Krebs", pageSize=3)
    by_token = search(anon, query="Trump fired Krebs", pageSize=3, pageToken=first["nextPageToken"])
    assert search(anon, query="Trump fired Krebs", pageSize=3, offset=3) == by_token


def test_the_site_filter_keeps_this_publisher_or_nothing(anon, corpus):
    ours = search(anon, reviewPublisherSiteFilter="checks.example", pageSize=5)
    assert len(ours["claims"]) == 5 and ours["nextPageToken"] == "5"
    assert search(anon, reviewPublisherSiteFilter="https://checks.example/x")["claims"]
    assert search(anon, reviewPublisherSiteFilter="politifact.com") == {"claims": []}
    assert search(anon, query="Trump fired Krebs", reviewPublisherSiteFilter="snopes.com") == {
        "claims": []
    }


@pytest.mark.parametrize(("language", "found"), [("en", True), ("en-US", True), ("fr", False)])
def test_the_language_code_ignores_the_region(anon, corpus, language, found):
    claims = search(anon, query=FIRED, languageCode=language)["claims"]
    assert (claims[:1] and claims[0]["text"]) == (FIRED if found else [])


def test_max_age_days_leaves_out_older_fact_checks(anon, db, corpus):
    claim_id = claim_id_of(db, FIRED)
    assert search(anon, query=FIRED, maxAgeDays=30)["claims"][0]["text"] == FIRED
    db.execute(
        "UPDATE verdicts SET published_at = '2020-11-19T00:00:00.000000Z' WHERE claim_id = ?",
        [claim_id],
    )
    db.conn.commit()
    assert FIRED not in [
        claim["text"] for claim in search(anon, query=FIRED, maxAgeDays=30)["claims"]
    ]
    assert search(anon, query=FIRED)["claims"][0]["text"] == FIRED


def test_unpublished_claims_are_never_answered_and_retracted_ones_say_so(
    anon, client, as_user, keys, corpus
):
    for text in UNPUBLISHED:
        assert text not in [claim["text"] for claim in search(anon, query=text)["claims"]]
    claim = published(client, as_user, "The bridge cost four million dollars.")
    moved(as_user("eve"), claim["id"], "retracted", public_note=PUBLIC_NOTE)
    first = search(anon, query="the bridge cost four million dollars")["claims"][0]
    (review,) = first["claimReview"]
    assert review["textualRating"] == factcheck_tools.RETRACTED_RATING


@pytest.mark.parametrize(
    ("params", "field", "message"),
    cases(
        [
            ({}, "query", "Required unless reviewPublisherSiteFilter"),
            ({"key": "any-key"}, "query", "Required unless reviewPublisherSiteFilter"),
            ({"query": "x", "pageSize": 0}, "pageSize", "less than or equal to 100"),
            ({"query": "x", "pageToken": "abc"}, "pageToken", "Unknown token"),
            ({"query": "x", "pageToken": "99999"}, "pageToken", "Unknown token"),
            ({"query": "x", "maxAgeDays": -1}, "maxAgeDays", "greater than or equal to 1"),
            ({"query": "x", "languageCode": "en_US!"}, "languageCode", "BCP 47"),
            ({"query": "!!!"}, "text", "Give the claim"),
            ({"reviewPublisherSiteFilter": "["}, "reviewPublisherSiteFilter", "Not a site"),
        ],
        "params",
    ),
)
def test_invalid_searches_are_refused(anon, seeded, params, field, message):
    body = assert_problem(anon.get("/v1alpha1/claims:search", query_string=params), 422)
    assert_field_error(body, field, message)
