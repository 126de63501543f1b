"""Migrations from an empty file, connection pragmas, and indexes behind every filter."""

import sqlite3

import pytest

from factcheck import create_app
from factcheck.db import connect
from migrations.migrations import migrations


def test_migrate_command_builds_an_empty_database(tmp_path):
    path = tmp_path / "new" / "factcheck.db"
    runner = create_app({"DATABASE": str(path)}).test_cli_runner()
    result = runner.invoke(args=["migrate"])
    assert result.exit_code == 0, result.output
    assert "applied 0001_rating_scales" in result.output
    with connect(path) as db:
        assert migrations.pending(db) == []
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert {"articles", "claims", "claims_fts", "sources", "verdicts"} <= set(db.table_names())
        assert db["rating_labels"].count == 12
    again = runner.invoke(args=["migrate"])
    assert "applied" not in again.output


def test_migration_names_are_numbered_and_unique():
    names = [migration.name for migration in migrations._migrations]
    assert names == sorted(set(names))
    assert all(name[:4].isdigit() and name[4] == "_" for name in names)


def test_connections_enforce_foreign_keys_and_strict_types(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO claims (article_id, text, claimant, span_start, span_end, language, "
            "created_at, updated_at) VALUES (999, 't', 'c', 0, 1, 'en', 'x', 'x')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO sources (claim_id, url, kind, note, created_at) "
            "VALUES ('one', 'u', 'primary', '', 'x')"
        )
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    # Test databases are copies of one migrated file: they must still be in WAL mode.
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("where", "params"),
    [
        ("c.status = ?", ["new"]),
        ("c.claimant_folded = ?", ["x"]),
        ("c.article_id = ?", [1]),
        ("c.updated_at >= ?", ["2020"]),
        ("c.id IN (SELECT claim_id FROM claim_tags WHERE tag = ?)", ["x"]),
        ("c.rating = ?", ["x"]),
        ("c.rating_bucket = ?", ["false"]),
    ],
)
def test_every_filter_uses_an_index(db, where, params):
    plan = " | ".join(
        row[3]
        for row in db.execute(f"EXPLAIN QUERY PLAN SELECT * FROM claims c WHERE {where}", params)
    )
    assert "USING" in plan and "SCAN c" not in plan.replace("USING", ""), plan


def test_folded_claimants_are_filled_in_for_claims_stored_before(tmp_path):
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0004_claimant_folded")
        db.execute(
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('T', 'Ça va', 'fr', 'x', 'x')"
        )
        db.execute(
            "INSERT INTO claims (article_id, text, claimant, span_start, span_end, language, "
            "status, created_at, updated_at) "
            "VALUES (1, 'Ça va', 'ÉMILE', 0, 5, 'fr', 'new', 'x', 'x')"
        )
        migrations.apply(db)
        assert db.execute("SELECT claimant_folded FROM claims").fetchone()[0] == "émile"
