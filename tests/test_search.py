"""Full-text search over claim text: ranking, stemming, hostile queries, and cursors that
reveal nothing and cannot be altered."""

import base64
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import claim_reads
from factcheck.db import connect
from migrations.migrations import migrations
from tests.conftest import assert_field_error, assert_problem
from tests.flow import moved
from tests.migrating import seeded_before
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


def claims_saying(client, texts, claimant="x"):
    """One article quoting each text; its claims' ids, oldest first."""
    article = client.post("/api/v1/articles", json={"title": "T", "body": " ".join(texts)}).json
    return [
        client.post(
            "/api/v1/claims",
            json={"article_id": article["id"], "text": text, "claimant": claimant},
        ).json["id"]
        for text in texts
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # More matches than relevance ranks: the newest ones are ranked, and paged through.
        ({"q": "harbour"}, slice(-3, None)),
        # Every match, when sorted by time.
        ({"q": "harbour", "sort": "-created_at"}, slice(None)),
        # Filters narrow the matches before the bound: old ones that pass are ranked.
        ({"q": "harbour", "claimant": "Old Speaker"}, slice(0, 2)),
    ],
)
def test_relevance_ranks_the_newest_matches(client, monkeypatch, params, expected):
    monkeypatch.setattr(claim_reads, "RANKED_MATCHES", 3)
    old = claims_saying(client, ["Harbour fees rose.", "The harbour shrank."], "Old Speaker")
    new = claims_saying(client, [f"Harbour traffic fell {n} times." for n in range(4)])
    found = every_item(client, "/api/v1/claims", limit=1, **params)
    assert sorted(item["id"] for item in found) == sorted((old + new)[expected])


@pytest.mark.parametrize(
    "params", [{}, {"claimant": "x"}, {"sort": "-created_at"}, {"sort": "relevance", "limit": 1}]
)
def test_a_reader_never_gets_an_unpublished_claim_the_public_index_holds(
    client, anon, db_path, params
):
    """The readers' index and the readers' rule agree (triggers keep them so); should they
    ever not, the page is still read by the rule, so a draft is left out, not shown."""
    (claim_id,) = claims_saying(client, ["Zebra crossings doubled."])
    with connect(db_path) as db:
        db.execute(
            "INSERT INTO claims_public_fts (rowid, text) VALUES (?, ?)",
            [claim_id, "Zebra crossings doubled."],
        )
    assert search(anon, "zebra", **params)["items"] == []
    assert [item["id"] for item in search(client, "zebra", **params)["items"]] == [claim_id]


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


def reader_page(anon, word):
    response = anon.get("/api/v1/claims", query_string={"q": word, "limit": 2})
    assert response.status_code == 200 and response.json["next"], response.json
    return [item["id"] for item in response.json["items"]], response.json["next"]


def test_reader_relevance_cursor_ignores_unpublished_claims(client, anon, seeded):
    """The cursor once carried bm25 over every claim: storing unpublished claims containing
    the word moved it, telling a reader that such claims exist."""
    reader_before = reader_page(anon, "Trump")
    staff_before = client.get("/api/v1/claims", query_string={"q": "Trump", "limit": 2}).json
    body = " ".join(f"Trump said thing number {n}." for n in range(6))
    article = client.post("/api/v1/articles", json={"title": "Unpublished", "body": body}).json
    for n in range(6):
        text = f"Trump said thing number {n}."
        claim = {"article_id": article["id"], "text": text, "claimant": "x"}
        assert client.post("/api/v1/claims", json=claim).status_code == 201
    staff_after = client.get("/api/v1/claims", query_string={"q": "Trump", "limit": 2}).json
    assert staff_after["next"] != staff_before["next"], "staff rank over every claim"
    assert reader_page(anon, "Trump") == reader_before


def forged(cursor, change):
    """The cursor with its signed content changed and its signature kept."""
    payload, mac = cursor.split(".")
    scope, key, row_id = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    text = json.dumps(change(scope, key, row_id), separators=(",", ":")).encode()
    return f"{base64.urlsafe_b64encode(text).decode().rstrip('=')}.{mac}"


def flip(text, at):
    return text[:at] + ("A" if text[at] != "A" else "B") + text[at + 1 :]


TAMPERINGS = {
    "cut short": lambda cursor: cursor[:-3],
    "signature dropped": lambda cursor: cursor.split(".")[0],
    "content flipped": lambda cursor: flip(cursor, 2),
    "signature flipped": lambda cursor: flip(cursor, len(cursor) - 2),
    "id moved back": lambda cursor: forged(cursor, lambda s, k, i: [s, k, i + 1]),
    "key changed": lambda cursor: forged(cursor, lambda s, k, i: [s, 0, i]),
    "another list's": lambda cursor: forged(cursor, lambda s, k, i: ["users:created_at", k, i]),
    "made up": lambda cursor: "WyJ4IiwxLDFd.AAAAAAAAAAAAAAAAAAAAAA",
    "not base64": lambda cursor: "%%%.%%%",
    "two dots": lambda cursor: f"{cursor}.{cursor}",
}
LISTS = [
    ("/api/v1/claims", {}),
    ("/api/v1/claims", {"sort": "-updated_at"}),
    ("/api/v1/claims", {"q": "Trump"}),
    ("/api/v1/articles", {}),
    ("/api/v1/users", {}),
    ("/api/v1/keys", {}),
]


@pytest.mark.parametrize("tampering", TAMPERINGS)
@pytest.mark.parametrize(("path", "params"), LISTS)
def test_altered_cursors_are_400_on_every_list(client, seeded, path, params, tampering):
    client.post("/api/v1/articles", json={"title": "A second", "body": "So there are two."})
    cursor = client.get(path, query_string={**params, "limit": 1}).json["next"]
    assert client.get(path, query_string={**params, "cursor": cursor}).status_code == 200
    bad = TAMPERINGS[tampering](cursor)
    body = assert_problem(client.get(path, query_string={**params, "cursor": bad}), 400)
    assert body["type"] == "/problems/bad-cursor"
    assert_field_error(body, "cursor", "Not a")


@pytest.mark.parametrize("params", [{}, {"q": "Trump"}, {"sort": "-updated_at"}])
def test_a_staff_cursor_is_not_a_readers(client, anon, seeded, params):
    cursor = client.get("/api/v1/claims", query_string={**params, "limit": 1}).json["next"]
    response = anon.get("/api/v1/claims", query_string={**params, "cursor": cursor})
    assert_field_error(assert_problem(response, 400), "cursor", "Not a cursor for this query.")


def test_claims_published_before_the_readers_index_are_in_it(tmp_path, seeded_template):
    step = "0009_public_search_cursor_secret"
    with seeded_before(tmp_path / "old.db", step, seeded_template) as db:
        migrations.apply(db)
        published = {
            row[0] for row in db.execute("SELECT id FROM claims WHERE status = ?", ["published"])
        }
        indexed = {row[0] for row in db.execute("SELECT rowid FROM claims_public_fts")}
        assert db.execute("SELECT length(value) FROM server_secrets").fetchall() == [(32,)]
    assert indexed == published and len(published) == 9


def index_pages(db_path):
    with connect(db_path) as db:
        return db.execute("SELECT id, block FROM claims_fts_data ORDER BY id").fetchall()


def test_moves_leave_the_search_index_alone(as_user, seeded, db_path):
    before = index_pages(db_path)
    for to, note in (("retracted", "Withdrawn."), ("published", "Reinstated.")):
        moved(as_user("eve"), 1, to, public_note=note)
        assert index_pages(db_path) == before, to
