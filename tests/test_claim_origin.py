"""Migration 0016: claims may lack a claimant, and imported ones an article and a span;
every claim records its origin. The rebuild keeps rows, ids, indexes, triggers and the
search indexes of other tables that follow claims."""

import sqlite3

import pytest

from migrations.migrations import migrations
from tests.flow import bring_to
from tests.migrating import seeded_before

STEP = "0016_claim_origin"
NEXT_STEP = "0017_external_reviews"
FTS = ("claims_fts", "claims_public_fts", "claim_words_fts")


def _schema(db, kind):
    """Indexes or triggers of the tables that existed before the step (later steps add
    their own tables, with theirs)."""
    sql = (
        "SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL "
        "AND tbl_name NOT IN ('external_reviews')"
    )
    return dict(db.execute(sql, [kind]).fetchall())


def _insert(db, **columns):
    row = {
        "article_id": 1,
        "text": "Roads cost 12 million.",
        "claimant": None,
        "span_start": 0,
        "span_end": 22,
        "language": "en",
        "created_at": "2026-01-01T00:00:00.000000Z",
        "updated_at": "2026-01-01T00:00:00.000000Z",
        "text_words": "roads cost million",
        **columns,
    }
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return db.execute(f"INSERT INTO claims ({names}) VALUES ({marks})", list(row.values()))


@pytest.fixture
def migrated(tmp_path, seeded_template):
    db = seeded_before(tmp_path / "old.db", STEP, seeded_template)
    before = {
        "rows": db.execute("SELECT * FROM claims ORDER BY id").fetchall(),
        "indexes": _schema(db, "index"),
        "triggers": _schema(db, "trigger"),
        "counts": db.execute("SELECT * FROM claim_status_counts ORDER BY status").fetchall(),
        "seq": db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'claims'").fetchone(),
    }
    migrations.apply(db, stop_before=NEXT_STEP)  # the step alone: later ones change triggers
    yield db, before
    db.close()


def test_rows_ids_indexes_triggers_and_search_indexes_survive(migrated):
    db, before = migrated
    assert len(before["rows"]) > 0
    columns = len(before["rows"][0])
    after = db.execute("SELECT * FROM claims ORDER BY id").fetchall()
    assert [row[:columns] for row in after] == before["rows"]
    assert {row[columns:] for row in after} == {("manual", None, None)}
    assert _schema(db, "index") == before["indexes"]
    assert _schema(db, "trigger") == before["triggers"]
    assert (
        db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'claims'").fetchone()
        == (before["seq"])
    )
    for table in FTS:
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_triggers_of_claims_and_of_other_tables_still_fire(migrated):
    db, before = migrated
    claim_id = _insert(db).lastrowid
    assert claim_id == before["seq"][0] + 1
    assert db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'roads'").fetchall() == [
        (claim_id,)
    ]
    assert db.execute(
        "SELECT rowid FROM claim_words_fts WHERE claim_words_fts MATCH 'million'"
    ).fetchall() == [(claim_id,)]
    counts = dict(db.execute("SELECT status, claims FROM claim_status_counts").fetchall())
    assert counts["new"] == dict(before["counts"]).get("new", 0) + 1
    # status_spells_record (on transitions) reads claims: the rename left it working.
    moved = db.execute(
        "INSERT INTO transitions (claim_id, from_status, to_status, actor, created_at) "
        "VALUES (?, 'new', 'research', 'ed', '2026-01-02T00:00:00.000000Z')",
        [claim_id],
    ).lastrowid
    db.execute("UPDATE claims SET status = 'research' WHERE id = ?", [claim_id])
    assert db.execute(
        "SELECT count(*) FROM status_spells WHERE transition_id = ?", [moved]
    ).fetchone() == (1,)
    published = db.execute(
        "SELECT id, published_verdict_id FROM claims WHERE published_verdict_id IS NOT NULL"
    ).fetchone()
    if published:  # the seed publishes: unpublishing leaves the public index
        db.execute("UPDATE claims SET published_verdict_id = NULL WHERE id = ?", [published[0]])
        assert db.execute(
            "SELECT count(*) FROM claims_public_fts WHERE rowid = ?", [published[0]]
        ).fetchone() == (0,)
    for table in FTS:
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


@pytest.mark.parametrize(
    ("columns", "allowed"),
    [
        ({}, True),  # no claimant
        ({"article_id": None, "span_start": None, "span_end": None, "origin": "imported"}, True),
        ({"article_id": None}, False),
        ({"span_start": None}, False),
        ({"span_end": None}, False),
        ({"article_id": None, "span_start": None}, False),
        ({"span_start": 5, "span_end": 5}, False),
        ({"origin": "guessed"}, False),
        ({"origin": "extracted", "check_worthiness": 0.7, "check_worthiness_reasons": "[]"}, True),
        ({"check_worthiness": 1.5}, False),
        ({"check_worthiness_reasons": "not json"}, False),
    ],
)
def test_constraints(migrated, columns, allowed):
    db, _ = migrated
    total = db.execute("SELECT count(*) FROM claims").fetchone()
    if allowed:
        _insert(db, **columns)
    else:
        with pytest.raises(sqlite3.IntegrityError):
            _insert(db, **columns)
        assert db.execute("SELECT count(*) FROM claims").fetchone() == total


# Through the API: claimant optional, origin shown to all, the score to staff only.


def test_a_claim_may_name_no_claimant(client, article):
    payload = {"article_id": article["id"], "text": "the bridge cost $4 million"}
    created = client.post("/api/v1/claims", json=payload)
    assert created.status_code == 201, created.json
    claim = created.json
    assert claim["claimant"] is None and claim["origin"] == "manual"
    assert claim["check_worthiness"] is None and claim["check_worthiness_reasons"] is None
    staff = client.get(f"/api/v1/claims/{claim['id']}").json
    assert staff["claimant"] is None and staff["origin"] == "manual"
    assert "check_worthiness" in staff
    # Named later, and taken away again.
    named = client.patch(f"/api/v1/claims/{claim['id']}", json={"claimant": "The mayor"})
    assert named.json["claimant"] == "The mayor"
    listed = client.get("/api/v1/claims", query_string={"claimant": "the MAYOR"}).json["items"]
    assert [item["id"] for item in listed] == [claim["id"]]
    unnamed = client.patch(f"/api/v1/claims/{claim['id']}", json={"claimant": None})
    assert unnamed.status_code == 200 and unnamed.json["claimant"] is None
    assert client.get("/api/v1/claims", query_string={"claimant": "the mayor"}).json["items"] == []


def test_readers_see_the_origin_but_not_the_score(client, anon, claim, source, as_user):
    bring_to(as_user, claim["id"], "published", source["id"])
    public = anon.get(f"/api/v1/claims/{claim['id']}").json
    assert public["origin"] == "manual"
    assert "check_worthiness" not in public and "check_worthiness_reasons" not in public
    listed = anon.get("/api/v1/claims").json["items"]
    assert "check_worthiness" not in listed[0] and listed[0]["origin"] == "manual"
