"""Migrations from an empty file, connection pragmas, indexes behind every filter, and what
commands and requests answer before the database is migrated."""

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


@pytest.mark.parametrize(
    "command",
    [
        ["seed"],
        ["create-user", "carla", "--role", "editor"],
        ["create-key", "carla"],
        ["verify-audit"],
        ["worker", "--once"],
        ["ingest", "--no-extract", "{article}"],
    ],
    ids=lambda command: command[0],
)
def test_commands_on_a_database_not_yet_migrated_say_so_and_write_nothing(tmp_path, command):
    path = tmp_path / "new.db"
    article = tmp_path / "article.txt"
    article.write_text("A title\n\nA body of one sentence.")
    runner = create_app({"DATABASE": str(path)}).test_cli_runner()
    result = runner.invoke(args=[part.format(article=article) for part in command])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert "needs migrating" in result.output
    assert "run `factcheck migrate` first" in result.output
    with connect(path) as db:
        assert db.table_names() == []


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


REBUILT = ("articles", "claims", "sources", "verdicts", "users")


def _fill_at_step_0004(db):
    """Rows in every rebuilt table and in those pointing at them, written as step 0004 left
    the schema; claim 3 (the newest) is then deleted, as the API deletes, leaving its events."""
    db.executescript(
        """
        INSERT INTO users (name, role, created_at) VALUES ('rita', 'reviewer', '2024-01-01');
        INSERT INTO api_keys (user_id, secret_hash, prefix, created_at)
            VALUES (1, 'h', 'p', '2024-01-01');
        INSERT INTO articles (title, body, language, created_at, updated_at)
            VALUES ('T', 'Bridges cost money. Tunnels cost more. Roads are cheap.', 'en',
                    '2024-01-01', '2024-01-01');
        INSERT INTO claims (article_id, text, claimant, span_start, span_end, language,
                            created_at, updated_at, claimant_folded)
            VALUES (1, 'Bridges cost money.', 'A', 0, 19, 'en', '2024-01-01', '2024-01-01', 'a'),
                   (1, 'Tunnels cost more.', 'B', 20, 38, 'en', '2024-01-01', '2024-01-01', 'b'),
                   (1, 'Roads are cheap.', 'C', 39, 55, 'en', '2024-01-01', '2024-01-01', 'c');
        INSERT INTO claim_tags VALUES (1, 'budget'), (2, 'budget'), (3, 'roads');
        INSERT INTO sources (claim_id, url, kind, note, created_at)
            VALUES (1, 'https://e.org/1', 'primary', '', '2024-01-01'),
                   (2, 'https://e.org/2', 'primary', '', '2024-01-01');
        INSERT INTO verdicts (claim_id, revision, scale_id, rating, explanation, author,
                              created_at, published_at)
            VALUES (1, 1, 1, 'true', 'e', 'rita', '2024-01-01', '2024-01-01'),
                   (2, 1, 1, 'false', 'e', 'rita', '2024-01-01', NULL);
        INSERT INTO verdict_sources VALUES (1, 1), (2, 2);
        UPDATE claims SET published_verdict_id = 1, rating = 'true' WHERE id = 1;
        INSERT INTO transitions (claim_id, from_status, to_status, actor, verdict_id, created_at)
            VALUES (1, 'approved', 'published', 'eve', 1, '2024-01-01');
        DELETE FROM claims WHERE id = 3;
        INSERT INTO audit_events (created_at, actor, action, entity, entity_id, claim_id,
                                  prev_hash, hash)
            VALUES ('2024-01-01', 'eve', 'claim.deleted', 'claim', 3, 3, 'p', 'h');
        """
    )


def _schema(db, kind):
    return {
        name: sql
        for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL", [kind]
        )
    }


def _rows(db):
    tables = [name for name in db.table_names() if not name.startswith(("_", "sqlite_"))]
    return {
        table: sorted(db.execute(f"SELECT * FROM [{table}]").fetchall(), key=repr)
        for table in tables
    }


def test_ids_never_reused_keeps_rows_ids_search_indexes_and_constraints(tmp_path):
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0005_ids_never_reused")
        _fill_at_step_0004(db)
        rows, tables = _rows(db), _schema(db, "table")
        indexes, triggers = _schema(db, "index"), _schema(db, "trigger")
        # Later steps change these tables on purpose; compare the rebuild with its own input.
        migrations.apply(db, stop_before="0007_notice_kinds")

        assert _schema(db, "index") == indexes and _schema(db, "trigger") == triggers
        rebuilt = _schema(db, "table")
        for name, sql in tables.items():
            if name in ("articles", "claims", "sources", "verdicts"):
                # The same definition (columns, CHECKs, foreign keys, STRICT), AUTOINCREMENT added.
                sql = sql.replace(f"CREATE TABLE {name}", f'CREATE TABLE "{name}"', 1)
                sql = sql.replace("PRIMARY KEY,", "PRIMARY KEY AUTOINCREMENT,", 1)
            if name != "users":
                assert rebuilt[name] == sql, name
        assert "AUTOINCREMENT" in rebuilt["users"] and "STRICT" in rebuilt["users"]
        after = _rows(db)
        assert {t: r for t, r in after.items() if t != "users"} == {
            t: r for t, r in rows.items() if t != "users"
        }
        assert [row[:4] for row in after["users"]] == rows["users"]
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
        found = db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'tunnel'")
        assert found.fetchall() == [(2,)]

        insert = (
            "INSERT INTO claims (article_id, text, claimant, span_start, span_end, language, "
            "created_at, updated_at) VALUES (1, 'Roads are cheap.', 'C', 39, 55, 'en', 'x', 'x')"
        )
        # Claim 3 was deleted before the step: its id stays taken, as its events name it.
        assert db.execute(insert).lastrowid == 4
        db.execute("DELETE FROM claims WHERE id = 4")
        assert db.execute(insert).lastrowid == 5
        assert db.execute(
            "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'roads'"
        ).fetchall() == [(5,)]
        # Foreign keys still cascade: deleting claim 1 takes its tags, sources and verdicts.
        db.execute("UPDATE claims SET published_verdict_id = NULL WHERE id = 1")
        db.execute("DELETE FROM transitions WHERE claim_id = 1")
        db.execute("DELETE FROM claims WHERE id = 1")
        assert db.execute("SELECT count(*) FROM sources WHERE claim_id = 1").fetchone()[0] == 0
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO users (name, role, created_at) VALUES ('x', 'owner', 'x')")
        db.execute("INSERT INTO users (name, role, created_at) VALUES ('vic', 'viewer', 'x')")


@pytest.mark.parametrize(
    ("table", "insert"),
    [
        (
            "articles",
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('T', 'B', 'en', 'x', 'x')",
        ),
        (
            "users",
            "INSERT INTO users (name, role, created_at) VALUES ('u' || random(), 'viewer', 'x')",
        ),
    ],
)
def test_deleted_ids_are_not_handed_out_again(db, table, insert):
    first = db.execute(insert).lastrowid
    db.execute(f"DELETE FROM {table} WHERE id = ?", [first])
    assert db.execute(insert).lastrowid == first + 1


def test_a_rebuild_that_stopped_before_recording_itself_runs_again_harmlessly(tmp_path):
    # The rebuilding steps run outside sqlite-utils' transaction (foreign keys must be off),
    # so a crash could land between their commit and the record that they ran.
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0005_ids_never_reused")
        _fill_at_step_0004(db)
        migrations.apply(db)
        rows, schema = _rows(db), _schema(db, "table")
        db.execute(
            "DELETE FROM _sqlite_migrations WHERE name IN "
            "('0005_ids_never_reused', '0006_user_profiles')"
        )
        migrations.apply(db)
        assert _rows(db) == rows and _schema(db, "table") == schema
        assert migrations.pending(db) == []


@pytest.mark.parametrize(
    ("method", "path", "key"),
    [
        ("GET", "/api/v1/claims", None),
        ("GET", "/api/v1/claims/1", None),
        ("GET", "/api/v1/lookup?text=anything", None),
        ("POST", "/api/v1/articles", "fc_anykey"),
    ],
)
def test_requests_to_a_database_not_yet_migrated_get_503_saying_so(tmp_path, method, path, key):
    client = create_app({"DATABASE": str(tmp_path / "new.db")}).test_client()
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    body = {"title": "t", "body": "b"} if method == "POST" else None
    answer = client.open(path, method=method, headers=headers, json=body)
    assert answer.status_code == 503, answer.get_data(as_text=True)
    assert answer.content_type == "application/problem+json"
    assert "needs migrating" in answer.get_json()["detail"]
