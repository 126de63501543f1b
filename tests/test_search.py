"""Full-text search over claim text: ranking, stemming, and hostile queries."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import assert_field_error, assert_problem
from tests.paging import every_item


def search(client, q, **params):
    response = client.get("/api/v1/claims", query_string={"q": q, **params})
    assert response.status_code == 200, response.json
    return response.json


def test_seed_claims_are_found_by_name(client, seeded):
    items = search(client, "Krebs")["items"]
    assert items and all("Krebs" in item["text"] for item in items)


def test_results_are_ranked_by_bm25(client):
    body = "Bridge. The bridge, the bridge, the bridge is late. A bridge and a road."
    article = client.post("/api/v1/articles", json={"title": "T", "body": body}).json
    for text in ("A bridge and a road.", "The bridge, the bridge, the bridge is late."):
        client.post(
            "/api/v1/claims", json={"article_id": article["id"], "text": text, "claimant": "x"}
        )
    ranked = [item["text"] for item in search(client, "bridge")["items"]]
    assert ranked == ["The bridge, the bridge, the bridge is late.", "A bridge and a road."]


def test_stemming_matches_word_forms(client, seeded):
    assert search(client, "elections")["items"] == search(client, "election")["items"]


def test_relevance_pagination_covers_all_hits(client, seeded):
    everything = [item["id"] for item in search(client, "Trump", limit=100)["items"]]
    seen = [item["id"] for item in every_item(client, "/api/v1/claims", q="Trump", limit=2)]
    assert seen == everything and len(everything) > 2


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '"Krebs',
        "Krebs NEAR Trump",
        "NEAR(Krebs Trump, 2)",
        "Krebs*",
        "*",
        "(Krebs",
        "Krebs)) OR ((",
        "text:Krebs",
        "- Krebs",
        "^Krebs",
        "NOT",
        "AND OR NOT",
        "Krebs' removal",
        "{text}: x",
        "\u00a0",
        "\x00",
        "a\x00b",
        "🙂",
        "a" * 500,
        '"\n-',
        '"\n"',
        '\r"\n)(',
    ],
)
def test_hostile_queries_never_fail(client, seeded, hostile):
    response = client.get("/api/v1/claims", query_string={"q": hostile})
    assert response.status_code in (200, 422), response.get_data(as_text=True)
    if response.status_code == 422:
        assert_problem(response, 422)


def test_operators_are_searched_as_words(client, seeded):
    assert search(client, "Krebs NEAR Trump")["items"] == []
    assert search(client, "Krebs OR nothingatall")["items"] == []


@pytest.mark.parametrize(
    "query",
    [
        'zzzq"OR\nKrebs',  # once a live OR: matched every Krebs claim
        '"\nKre*',  # once a live prefix scan: "Kre" alone matches no word
        'Kre"*',
        "zzzq\tOR\tKrebs",
        'zzzq"\nOR\n"Krebs',
        "Krebs NOT zzzq",
        "text:Kre*",
    ],
)
def test_quotes_and_newlines_never_turn_operators_back_on(client, seeded, query):
    assert search(client, "Krebs")["items"], "the seed must have claims naming Krebs"
    assert search(client, query)["items"] == []


FTS_SYNTAX = ["OR", "AND", "NOT", "NEAR", "NEAR(", "*", '"', "(", ")", ":", "^", "-", "+", "{"]
OPERATOR_SOUP = st.lists(
    st.one_of(
        st.sampled_from([*FTS_SYNTAX, "Krebs", "Trump", "text:", "\n", "\r", " "]), st.text()
    ),
    max_size=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces=OPERATOR_SOUP, glue=st.sampled_from(["", " ", "\n", '"']))
def test_no_operator_is_ever_live(client, seeded, pieces, glue):
    """Whatever surrounds it, a word that matches nothing ANDed in leaves no hit: a live OR,
    NOT, NEAR, prefix or column filter would let some through."""
    query = glue.join([*pieces, "zzzqx"]).replace("\x00", "")
    response = client.get("/api/v1/claims", query_string={"q": query})
    assert response.status_code == 200, (query, response.get_data(as_text=True))
    assert response.json["items"] == [], query


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(min_size=1, max_size=500))
def test_any_text_is_a_search_or_a_clear_422(client, seeded, query):
    response = client.get("/api/v1/claims", query_string={"q": query})
    assert response.status_code in (200, 422), (query, response.get_data(as_text=True))
    if response.status_code == 422:
        assert_problem(response, 422)


def test_search_with_only_punctuation_is_422(client, seeded):
    body = assert_problem(client.get("/api/v1/claims", query_string={"q": '""'}), 422)
    assert_field_error(body, "q", "Give at least one word to search for.")
