""" "Has this been checked?": GET /api/v1/lookup, and the duplicates a new claim is warned of."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import matching, wording
from factcheck.db import connect
from migrations.migrations import migrations
from tests import lookup_corpus
from tests.conftest import assert_field_error, assert_problem, cases, quote
from tests.flow import PUBLIC_NOTE, bring_to, moved

FIRED = (
    "U.S. President Donald Trump has fired the\u00a0head of the cyber unit\u00a0charged with "
    "protecting the 2020 presidential elections."
)
# Seed claims readers may not see yet: new, in review, in research.
UNPUBLISHED = (
    "CISA received high praise from both Democrats and Republicans for ensuring a smooth and "
    "interference-free election this year.",
    "Last month, CISA's assistant director, Bryan Ware, submitted his resignation.",
    "Trump replaced Esper with Christopher Miller, the current director of the National "
    "Counterterrorism Center.",
)


def lookup(client, text, **params):
    response = client.get("/api/v1/lookup", query_string={"text": text, **params})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.json["items"]


def claim_id_of(db, text):
    return db.execute("SELECT id FROM claims WHERE text = ?", [text]).fetchone()[0]


def stored(client, text, **fields):
    """A new claim quoting all of text, from an article of its own."""
    article = client.post("/api/v1/articles", json={"title": "T", "body": text}).json
    response = client.post(
        "/api/v1/claims", json={"article_id": article["id"], **quote(text), **fields}
    )
    assert response.status_code == 201, response.json
    return response.json


def published(client, as_user, text, **fields):
    """A claim quoting text, published through the workflow."""
    claim = stored(client, text, **fields)
    source = client.post(
        f"/api/v1/claims/{claim['id']}/sources",
        json={"url": "https://example.org/record", "kind": "primary"},
    ).json
    return bring_to(as_user, claim["id"], "published", source["id"])


@pytest.fixture
def corpus(seeded, db_path):
    """The seed and the corpus's published near-neighbours: the seed claims' ids."""
    with connect(db_path) as db:
        return lookup_corpus.load(db, seeded.config)


@pytest.mark.parametrize(
    "typed",
    [
        FIRED,
        FIRED.replace("\u00a0", " "),
        FIRED.replace("\u00a0", "\t").replace(" ", "  "),
        FIRED.upper(),
        FIRED.removesuffix("."),
        FIRED.removesuffix(".") + "!?",
        f"  {FIRED}\n",
        FIRED.replace("U.S.", "\uff35.\uff33."),  # fullwidth letters: NFKC
        FIRED.replace(" the", " the\u200b", 1),  # a zero-width space
    ],
)
def test_the_same_claim_typed_differently_is_an_exact_match(db, anon, seeded, typed):
    first = lookup(anon, typed)[0]
    assert (first["id"], first["match"], first["score"]) == (claim_id_of(db, FIRED), "exact", 1.0)


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        (
            "Krebs\u2019 tweet said \u201cno evidence\u201d \u2014 twice.",
            'krebs\' tweet said "no evidence" - twice',
        ),
        ("It was a so-called \u2018landslide\u2019.", "It was a so\u2011called 'landslide'"),
    ],
)
def test_quotes_apostrophes_and_dashes_of_every_kind_match_exactly(
    client, anon, as_user, keys, text, typed
):
    claim = published(client, as_user, text)
    first = lookup(anon, typed)[0]
    assert (first["id"], first["match"]) == (claim["id"], "exact")


def test_a_hit_is_the_claim_as_a_reader_sees_it(db, anon, seeded):
    first = lookup(anon, "Trump fired the head of the cyber unit protecting the 2020 election")[0]
    assert first["id"] == claim_id_of(db, FIRED) and first["match"] == "likely"
    assert first["status"] == "published" and first["claimant"]
    assert first["claim_date"] == "2020-11-18"
    assert (first["verdict"]["rating"], first["verdict"]["rating_name"]) == ("true", "True")
    assert "author" not in first["verdict"] and "assignee" not in first
    assert 0.0 <= first["score"] < 1.0


@pytest.mark.parametrize("text", UNPUBLISHED)
def test_nobody_finds_an_unpublished_claim(db, anon, client, seeded, text):
    unpublished = claim_id_of(db, text)
    for caller in (anon, client):  # staff too: this answer is the readers'
        assert unpublished not in [item["id"] for item in lookup(caller, text)]


def test_a_retracted_claim_is_found_with_its_status_and_no_rating(client, anon, as_user, keys):
    claim = published(client, as_user, "The bridge cost four million dollars.")
    moved(as_user("eve"), claim["id"], "retracted", public_note=PUBLIC_NOTE)
    first = lookup(anon, "the bridge cost four million dollars")[0]
    assert (first["id"], first["status"], first["verdict"]) == (claim["id"], "retracted", None)


def test_rewordings_find_their_claim_first(db, anon, corpus):
    """The goal: the right claim first for at least 90% of the corpus's rewordings (of the
    claims readers can see), among fifty published near-neighbours."""
    readable = {row[0] for row in db.execute("SELECT id FROM claims WHERE rating IS NOT NULL")}
    trials = [
        (corpus[index], text)
        for index, text, _ in lookup_corpus.CORPUS["rewordings"]
        if corpus[index] in readable
    ]
    found = [lookup(anon, text)[:1] for _, text in trials]
    first = sum(
        hit[0]["id"] == target for hit, (target, _) in zip(found, trials, strict=True) if hit
    )
    assert len(trials) >= 30 and first / len(trials) >= 0.9


@pytest.mark.parametrize("text", lookup_corpus.CORPUS["unrelated"])
def test_unrelated_sentences_are_never_exact_or_likely(anon, corpus, text):
    assert {item["match"] for item in lookup(anon, text)} <= {"possible"}


def test_hits_are_best_first_limited_and_none_under_the_lower_threshold(app, anon, corpus):
    items = lookup(anon, "Trump fired Krebs after the election", limit=3)
    scores = [item["score"] for item in items]
    assert 1 <= len(items) <= 3 and scores == sorted(scores, reverse=True)
    assert min(scores) >= app.config["MATCH_POSSIBLE"]


def test_the_thresholds_come_from_the_configuration(app, anon, corpus):
    # A server's configuration is fixed while it runs; this test changes it between reads.
    app.config["READ_CACHE_BYTES"] = 0
    reworded = "Last week Trump announced he would remove Defense Secretary Mark Esper."
    assert lookup(anon, reworded)[0]["match"] == "likely"
    app.config["MATCH_LIKELY"] = 0.995
    assert lookup(anon, reworded)[0]["match"] == "possible"
    app.config["MATCH_POSSIBLE"] = 0.995
    assert lookup(anon, reworded) == []
    assert lookup(anon, FIRED)[0]["match"] == "exact"  # exact is exact whatever the thresholds


def test_language_narrows_the_hits(client, anon, as_user, keys):
    claim = published(client, as_user, "The bridge cost four million dollars.", language="en-GB")
    text = "the bridge cost four million dollars"
    for language, found in (("en", True), ("en-GB", True), ("en-gb", True), ("en-US", False)):
        ids = [item["id"] for item in lookup(anon, text, language=language)]
        assert (claim["id"] in ids) == found, language
    assert lookup(anon, text, language="fr") == []


@pytest.mark.parametrize(
    ("params", "field", "message"),
    cases(
        [
            ({}, "text", "Missing data"),
            ({"text": ""}, "text", "Length must be between 1 and 1000"),
            ({"text": "x" * 1001}, "text", "Length must be between 1 and 1000"),
            ({"text": "!!! ..."}, "text", "Give the claim to look up"),
            ({"text": "a\x00b"}, "text", "NUL"),
            ({"text": "x", "limit": 0}, "limit", "greater than or equal to 1"),
            ({"text": "x", "limit": 51}, "limit", "less than or equal to 50"),
            ({"text": "x", "limit": "many"}, "limit", "Not a valid integer"),
            ({"text": "x", "language": "English!"}, "language", "BCP 47"),
            ({"text": "x", "key": "AIza"}, "key", "Unknown field"),
        ],
        "params",
    ),
)
def test_invalid_lookups_are_refused(anon, seeded, params, field, message):
    body = assert_problem(anon.get("/api/v1/lookup", query_string=params), 422)
    assert_field_error(body, field, message)


@pytest.mark.parametrize(
    "hostile",
    ['"', '"Krebs', "Krebs NEAR Trump", "NEAR(Krebs Trump, 2)", "Krebs*", "text:Krebs", "- NOT"],
)
def test_hostile_text_is_searched_as_words(anon, seeded, hostile):
    response = anon.get("/api/v1/lookup", query_string={"text": hostile})
    if response.status_code == 422:  # no words at all
        assert_field_error(assert_problem(response, 422), "text", "Give the claim")
    else:
        assert all(item["match"] != "exact" for item in response.json["items"])


def test_a_lookup_is_a_few_indexed_queries(db, corpus):
    statements = []
    db.conn.set_trace_callback(statements.append)
    hits = matching.lookup(db, FIRED, thresholds=matching.Thresholds(0.8, 0.65))
    db.conn.set_trace_callback(None)
    assert hits[0]["match"] == "exact"
    # Ours: how many claims hold each word, the candidates, the exact match, the hits, their
    # verdicts and their external reviews. (FTS5 reads its own tables through SQL too, as
    # "-- SELECT ...".)
    queries = [sql for sql in statements if sql.lstrip().startswith("SELECT")]
    assert len(queries) == 6, queries
    exact = next(sql for sql in queries if "text_normalised" in sql)
    plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {exact}"))
    assert "USING INDEX claims_by_text_normalised" in plan, plan
    candidates = next(sql for sql in queries if "MATCH" in sql)
    assert f"LIMIT {matching.CANDIDATES}" in candidates or "LIMIT ?" in candidates
    reviews = next(sql for sql in queries if "FROM external_reviews" in sql)
    plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {reviews}"))
    assert "USING INDEX external_reviews_by_claim" in plan, plan


def test_the_normalised_text_is_filled_in_for_claims_stored_before(tmp_path):
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0012_claim_text_normalised")
        db.execute(
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('T', ?, 'en', 'x', 'x')",
            [FIRED],
        )
        db.execute(
            "INSERT INTO claims (article_id, text, claimant, span_start, span_end, language, "
            "status, created_at, updated_at) VALUES (1, ?, 'A', 0, ?, 'en', 'new', 'x', 'x')",
            [FIRED, len(FIRED)],
        )
        migrations.apply(db)
        (normalised,) = db.execute("SELECT text_normalised FROM claims").fetchone()
        # ...and its words are in the lookup's index: a rewording finds it.
        found = matching.ranked(db, "The cyber unit's head was fired by Trump", staff=True)
    assert normalised == wording.normalised(FIRED) and "\u00a0" not in normalised
    assert [claim_id for claim_id, _ in found] == [1]


@given(st.text(max_size=60))
def test_normalising_twice_changes_nothing(text):
    once = wording.normalised(text)
    assert wording.normalised(once) == once
    assert wording.normalised(f" {text.upper()}\u00a0.") == wording.normalised(text.upper())


# Duplicates: the staff view of every claim, whatever its state.


def test_a_repeated_claim_names_the_one_stored_before_and_is_stored_all_the_same(client, claim):
    again = stored(client, "The Bridge cost $4\u00a0million!")
    assert [(hit["id"], hit["match"]) for hit in again["duplicates"]] == [(claim["id"], "exact")]
    assert again["duplicates"][0]["status"] == "new"  # unpublished: staff see it
    assert client.get(f"/api/v1/claims/{again['id']}").status_code == 200


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge, the mayor said, cost 4 million.", "likely"),
        ("The bridge cost $9 million.", None),  # other numbers: another claim
        ("Turnout was the highest in a decade.", None),
    ],
)
def test_only_likely_repeats_are_named(client, claim, text, expected):
    found = {hit["id"]: hit["match"] for hit in stored(client, text)["duplicates"]}
    assert found.get(claim["id"]) == expected


def test_duplicates_compare_the_text_as_edited(client, claim):
    other = stored(client, "Turnout was 61 percent.")
    client.patch(f"/api/v1/claims/{claim['id']}", json={"text": "Turnout was 61 percent"})
    again = stored(client, "turnout was 61 percent")
    assert {hit["id"] for hit in again["duplicates"]} == {claim["id"], other["id"]}
    reworded = stored(client, "61 percent was the turnout, she said")
    assert claim["id"] in {hit["id"] for hit in reworded["duplicates"]}
    assert "bridge" not in str(stored(client, "The bridge cost $4 million")["duplicates"])


def test_the_commonest_words_are_left_out_of_the_search(db, anon, corpus, monkeypatch):
    """FTS5 ranks every claim its query matches: words held by too many claims are not
    searched (here "too many" is 3), so a lookup ranks a bounded part of the desk."""
    monkeypatch.setattr(matching, "RANKED_AT_MOST", 3)
    statements = []
    db.conn.set_trace_callback(statements.append)
    reworded = "Last week Trump announced he would remove Defense Secretary Mark Esper."
    hits = matching.lookup(db, reworded, thresholds=matching.Thresholds(0.8, 0.65))
    db.conn.set_trace_callback(None)
    assert hits[0]["text"].startswith("Also last week, Trump announced")
    search = next(sql for sql in statements if "claim_words_fts MATCH" in sql)
    assert '"trump"' not in search and " OR " in search
    assert matching.lookup(db, "Trump", thresholds=matching.Thresholds(0.8, 0.65)) == []


def test_a_claim_of_punctuation_alone_has_no_duplicates(client):
    assert stored(client, "?!")["duplicates"] == []


def test_the_staff_view_finds_unpublished_claims(db, corpus):
    thresholds = matching.Thresholds(0.8, 0.65)
    for text in UNPUBLISHED:
        hits = matching.lookup(db, text, staff=True, thresholds=thresholds)
        assert (hits[0]["id"], hits[0]["match"]) == (claim_id_of(db, text), "exact")


@pytest.mark.parametrize(
    ("word", "held_before", "counted_now"),
    [
        ("harbour", 3, 3),  # common (over RANKED_AT_MOST): the count kept from before
        ("tax", 1, 2),  # rare: counted again every time
    ],
)
def test_common_words_counts_are_kept_a_while(
    client, db_path, monkeypatch, word, held_before, counted_now
):
    monkeypatch.setattr(matching, "RANKED_AT_MOST", 2)
    monkeypatch.setattr(matching, "_common_counts", {})
    for n in range(held_before):
        stored(client, f"The {word} cost {n} million.")
    with connect(db_path) as db:
        assert matching._claims_holding(db, [word])[word] == held_before
        stored(client, f"The {word} cost 99 million.")
        assert matching._claims_holding(db, [word])[word] == counted_now
        monkeypatch.setattr(matching, "COMMON_COUNTS_KEPT", 0.0)
        assert matching._claims_holding(db, [word])[word] == held_before + 1
