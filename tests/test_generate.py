"""factcheck generate: the bulk-written desk equals the same story told through the domain
functions (row for row, audit hashes included), reads right through the API, refuses a
database that holds claims, and is the same for the same seed."""

import json
import sqlite3
from datetime import date

import pytest

from factcheck import (
    accounts,
    articles,
    audit,
    claims,
    desk_story,
    generate,
    sources,
    transitions,
    verdicts,
)
from factcheck.db import connect
from factcheck.identity import COMMAND_LINE, Identity
from factcheck.schemas.articles import ArticleCreateSchema
from factcheck.schemas.claims import ClaimCreateSchema
from factcheck.schemas.sources import SourceCreateSchema
from factcheck.schemas.verdicts import VerdictCreateSchema
from factcheck.timeutil import now
from tests.conftest import client_as

UNTIL = date(2026, 11, 1)
CLAIMS = 300
# Every module whose writes stamp the time: the replay gives each the story's clock.
CLOCKED = (accounts, articles, audit, claims, sources, transitions, verdicts)
# Tables compared row for row (the FTS indexes are compared by their vocabularies).
TABLES = (
    "users",
    "articles",
    "claims",
    "claim_tags",
    "sources",
    "verdicts",
    "verdict_sources",
    "transitions",
    "status_spells",
    "audit_events",
    "claim_status_counts",
    "sqlite_sequence",
)
FTS = ("claims_fts", "claim_words_fts", "claims_public_fts")


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of about 60 claims, so a small desk crosses several batch boundaries."""
    monkeypatch.setattr(generate, "BATCH_CLAIMS", 60)


def run_generate(runner, *args):
    until = ["--until", UNTIL.isoformat()]
    return runner.invoke(args=["generate", *args, *until], catch_exceptions=False)


class Replay:
    """The desk's story told through the domain functions and their schemas."""

    article_schema = ArticleCreateSchema()
    claim_schema = ClaimCreateSchema()
    source_schema = SourceCreateSchema()
    verdict_schema = VerdictCreateSchema()

    def __init__(self, db, scale):
        self.db, self.scale = db, scale
        self.articles, self.claims, self.sources, self.roles = {}, {}, {}, {}

    def user(self, actor, name, role, byline):
        self.roles[name] = role
        accounts.create_user(self.db, name, role, actor, display_name=byline)

    def article(self, actor, key, row):
        data = self.article_schema.load(row)
        self.articles[key], _ = articles.create(self.db, data, actor)

    def claim(self, actor, key, article_key, data, derived):
        """(`derived`, the columns the writer takes from the story, claims.create computes.)"""
        data = self.claim_schema.load({**data, "article_id": self.articles[article_key]})
        self.claims[key] = claims.create(self.db, data, actor)
        self.sources[key] = []

    def source(self, actor, key, data):
        source = sources.add(self.db, self.claims[key], self.source_schema.load(data), actor)
        self.sources[key].append(source["id"])

    def verdict(self, actor, key, data, cited):
        data = self.verdict_schema.load({**data, "source_ids": self.sources[key][:cited]})
        verdicts.add(self.db, self.claims[key], data, actor, self.scale)

    def move(self, actor, key, request):
        transitions.apply(self.db, self.claims[key], request, actor)


def replay(db, config, claims_count, seed, monkeypatch):
    """Apply the story of `generate --claims claims_count --seed seed`, each operation at
    its own time (the clock of every module that stamps writes is the story's)."""
    clock = []
    for module in CLOCKED:
        monkeypatch.setattr(module, "now", lambda: clock[-1])
    story = Replay(db, config["DEFAULT_SCALE"])
    labels = generate.rating_slugs(db, config["DEFAULT_SCALE"])
    stories = desk_story.stories(claims_count, seed, labels, UNTIL, generate.BATCH_CLAIMS)
    for _, ops in stories:
        for _, when, kind, actor_name, *fields in ops:
            clock.append(when)
            role = story.roles.get(actor_name)
            actor = COMMAND_LINE if actor_name is None else Identity(actor_name, role)
            getattr(story, kind)(actor, *fields)


def rows(path, table):
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


def vocabulary(path, table):
    with sqlite3.connect(path) as conn:
        conn.execute(f"CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, {table}, instance)")
        return conn.execute("SELECT * FROM temp.v ORDER BY 1, 2, 3, 4").fetchall()


def test_bulk_desk_equals_the_story_told_through_the_domain_functions(
    app, runner, tmp_path, migrated_template, monkeypatch, small_batches
):
    result = run_generate(runner, "--claims", str(CLAIMS), "--seed", "7")
    assert result.exit_code == 0, result.output
    replayed = tmp_path / "replayed.db"
    replayed.write_bytes(migrated_template.read_bytes())
    with connect(replayed) as db:
        replay(db, app.config, CLAIMS, 7, monkeypatch)
    generated = app.config["DATABASE"]
    for table in TABLES:
        assert rows(generated, table) == rows(replayed, table), table
    for table in FTS:
        assert vocabulary(generated, table) == vocabulary(replayed, table), table
    assert len(rows(generated, "claims")) == CLAIMS


@pytest.fixture
def desk(app, runner, small_batches):
    result = run_generate(runner, "--claims", str(CLAIMS), "--seed", "3")
    assert result.exit_code == 0, result.output
    assert f"{CLAIMS} claims" in result.output
    with connect(app.config["DATABASE"]) as db:
        common = generate.bench_words(db)["common"][:5]
    assert f"words readers find in many claims: {', '.join(common)}\n" in result.output
    return app


def test_generated_desk_passes_every_check_sqlite_and_the_audit_have(desk, runner):
    result = runner.invoke(args=["verify-audit"])
    assert result.exit_code == 0 and "audit chain intact" in result.output
    with connect(desk.config["DATABASE"]) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in FTS:
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        spans = db.execute(
            "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE substr(a.body, c.span_start + 1, c.span_end - c.span_start) != c.text"
        ).fetchone()
        assert spans == (0,)


def claim_ids(db, where="1"):
    return [row[0] for row in db.execute(f"SELECT id FROM claims WHERE {where} ORDER BY id")]


def test_every_generated_claim_reads_through_the_api(desk, keys):
    staff, reader = client_as(desk, keys["eve"]), client_as(desk, None)
    with connect(desk.config["DATABASE"]) as db:
        everything = claim_ids(db)
        public = set(claim_ids(db, "published_verdict_id IS NOT NULL"))
        published = claim_ids(db, "status = 'published'")
    assert len(everything) == CLAIMS and 0.35 * CLAIMS < len(published) < 0.65 * CLAIMS
    for claim_id in everything:
        staff_view = staff.get(f"/api/v1/claims/{claim_id}")
        assert staff_view.status_code == 200, staff_view.json
        reader_view = reader.get(f"/api/v1/claims/{claim_id}")
        assert reader_view.status_code == (200 if claim_id in public else 404)
        if claim_id in published:
            assert reader_view.json["verdict"]["rating"] == staff_view.json["verdict"]["rating"]


def test_readers_find_generated_claims_by_word_and_by_exact_text(desk):
    reader = client_as(desk, None)
    with connect(desk.config["DATABASE"]) as db:
        words = generate.bench_words(db)
    for name in ("common", "rare", "published_ids", "lookup_texts"):
        assert 0 < len(words[name]) <= 200, name
    found = reader.get("/api/v1/claims", query_string={"q": words["common"][0], "limit": 100})
    assert found.status_code == 200 and len(found.json["items"]) >= 10
    rare = reader.get("/api/v1/claims", query_string={"q": words["rare"][0]})
    assert 1 <= len(rare.json["items"]) < len(found.json["items"])
    for claim_id, text in list(zip(words["published_ids"], words["lookup_texts"], strict=True))[
        :20
    ]:
        hits = reader.get("/api/v1/lookup", query_string={"text": text}).json["items"]
        assert hits and hits[0]["id"] == claim_id and hits[0]["match"] == "exact", hits[:1]


def test_stats_and_queue_agree_with_the_generated_desk(desk, keys):
    editor = client_as(desk, keys["eve"])
    with connect(desk.config["DATABASE"]) as db:
        counted = dict(db.execute("SELECT status, count(*) FROM claims GROUP BY status"))
        reviews = len(claim_ids(db, "status = 'in_review'"))
    stats = editor.get("/api/v1/stats", query_string={"until": now()}).json
    assert {k: v for k, v in stats["counts"].items() if v} == counted
    queue = editor.get("/api/v1/queue").json
    assert len(queue["awaiting_my_review"]) == min(reviews, 100)


def test_a_generated_claim_moves_on_through_the_api(desk, keys):
    """The generated rows are what the app expects: its own workflow carries on from them."""
    with connect(desk.config["DATABASE"]) as db:
        (claim_id,) = db.execute(
            "SELECT id FROM claims WHERE status = 'in_review' ORDER BY id LIMIT 1"
        ).fetchone()
    editor = client_as(desk, keys["eve"])
    for status in ("approved", "published"):
        moved = editor.post(f"/api/v1/claims/{claim_id}/transitions", json={"to": status})
        assert moved.status_code == 200, moved.json
    assert client_as(desk, None).get(f"/api/v1/claims/{claim_id}").json["status"] == "published"
    with connect(desk.config["DATABASE"]) as db:
        assert audit.verify(db)[1] is None


@pytest.mark.parametrize(
    "existing, message",
    [
        ("claims", "holds 1 claims already"),
        ("users", "users exist already: amara"),
        ("webhooks", "1 active webhook subscriptions"),
    ],
)
def test_generate_refuses_a_database_with_claims_or_its_users(
    app, runner, client, article, keys, existing, message
):
    if existing == "claims":
        client.post(
            "/api/v1/claims",
            json={"article_id": article["id"], "text": "the bridge cost $4 million"},
        )
    elif existing == "users":
        with connect(app.config["DATABASE"]) as db:
            accounts.create_user(db, "amara", "reviewer", COMMAND_LINE)
    else:
        with connect(app.config["DATABASE"]) as db:
            row = {"url": "https://hooks.example/in", "events": '["*"]', "secret": "s"}
            db["webhooks"].insert({**row, "created_by": "ada", "created_at": now()})
    before = {table: rows(app.config["DATABASE"], table) for table in TABLES}
    result = run_generate(runner, "--claims", "50")
    assert result.exit_code == 1 and message in result.output
    assert {table: rows(app.config["DATABASE"], table) for table in TABLES} == before


def test_a_failure_where_the_rows_are_made_stops_generate_and_writes_nothing(
    app, runner, small_batches
):
    """The story and the rows are made in other processes: an error there (here, a scale
    without labels to draw verdicts from) ends the command, and its one transaction
    leaves the database as it was."""
    with connect(app.config["DATABASE"]) as db:
        db["rating_scales"].insert({"slug": "empty", "name": "Empty", "description": "None."})
    app.config["DEFAULT_SCALE"] = "empty"
    before = {table: rows(app.config["DATABASE"], table) for table in TABLES}
    with pytest.raises(RuntimeError, match=r"(?s)making the desk's rows failed.*IndexError"):
        run_generate(runner, "--claims", str(CLAIMS))
    assert {table: rows(app.config["DATABASE"], table) for table in TABLES} == before
    with connect(app.config["DATABASE"]) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_same_seed_same_desk_other_seed_other_desk(app, runner, tmp_path, small_batches):
    outputs = {}
    for name, seed in (("a", "5"), ("b", "5"), ("c", "6")):
        app.config["DATABASE"] = str(tmp_path / f"{name}.db")
        result = run_generate(runner, "--claims", "120", "--seed", seed)
        assert result.exit_code == 0, result.output
        outputs[name] = {table: rows(app.config["DATABASE"], table) for table in TABLES}
    assert outputs["a"] == outputs["b"]
    assert outputs["a"]["claims"] != outputs["c"]["claims"]
    assert json.dumps(outputs["a"]["audit_events"][-1][-1]) != json.dumps(
        outputs["c"]["audit_events"][-1][-1]
    )
