"""`factcheck backup` under write load and `factcheck restore`, through the command line."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.served import BIN, Writers, factcheck, prepare, start, stop, wait_for


def run(env, *arguments):
    """Run `factcheck`, returning the finished process whatever its exit code."""
    return subprocess.run(
        [BIN / "factcheck", *arguments], env=env, capture_output=True, text=True, timeout=120
    )


def rows(path, sql):
    with sqlite3.connect(path) as db:
        found = db.execute(sql).fetchall()
    db.close()
    return found


def test_backup_under_write_load_holds_every_acknowledged_write(tmp_path):
    env, admin_key = prepare(tmp_path)
    process, base = start(env, tmp_path)
    copy = tmp_path / "copy.db"
    try:
        writers = Writers(base, admin_key, 3)
        try:
            wait_for(lambda: len(writers.acknowledged) >= 30, 120, "writes before the backup")
            before = list(writers.acknowledged)
            made = run(env, "backup", str(copy))
            after = len(writers.acknowledged)
        finally:
            writers.stop()
    finally:
        stop(process)
    assert made.returncode == 0, made.stderr
    assert after > len(before), "the writers did not keep writing during the backup"
    assert not (tmp_path / "copy.db-wal").exists()  # one self-contained file
    assert rows(copy, "PRAGMA integrity_check") == [("ok",)]
    for collection, item_id, _word in before:
        assert rows(copy, f"SELECT count(*) FROM {collection} WHERE id = {item_id}") == [(1,)]
    copy_env = {**env, "FACTCHECK_DATABASE": str(copy)}
    assert "audit chain intact" in factcheck(copy_env, "verify-audit")


def test_restore_puts_the_backup_back_and_the_service_serves_it(tmp_path):
    env, _ = prepare(tmp_path)
    live = env["FACTCHECK_DATABASE"]
    factcheck(env, "backup", str(tmp_path / "copy.db"))
    claims_at_backup = rows(live, "SELECT count(*) FROM claims")
    factcheck(env, "create-user", "later", "--role", "editor")  # a change after the backup

    restored = run(env, "restore", str(tmp_path / "copy.db"))

    assert restored.returncode == 0, restored.stderr
    assert "integrity ok" in restored.stdout
    assert rows(live, "SELECT count(*) FROM users WHERE name = 'later'") == [(0,)]
    assert rows(live, "SELECT count(*) FROM claims") == claims_at_backup
    assert rows(live, "PRAGMA journal_mode") == [("wal",)]
    assert "audit chain intact" in factcheck(env, "verify-audit")
    process, _base = start(env, tmp_path)
    stop(process)


def corrupt(path):
    with open(path, "r+b") as file:
        file.seek(4096 * 3)
        file.write(b"\xff" * 4096 * 4)


def break_audit_chain(path):
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET actor = 'mallory' WHERE id = 2")
    db.close()


def from_a_newer_version(path):
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('factcheck', '9999_from_the_future', '2030-01-01')"
        )
    db.close()


def not_factcheck(path):
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE other (x)")
    db.close()


def not_sqlite(path):
    path.write_bytes(b"just some text, not a database" * 100)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A database (self-contained, no -wal) and a backup of it made before its last change."""
    folder = tmp_path_factory.mktemp("prepared")
    env, _ = prepare(folder)
    factcheck(env, "backup", str(folder / "copy.db"))
    factcheck(env, "create-user", "later", "--role", "editor")
    with sqlite3.connect(env["FACTCHECK_DATABASE"]) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return folder


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (corrupt, "restore refused:"),
        (not_sqlite, "not a readable SQLite database"),
        (not_factcheck, "not a factcheck database"),
        (from_a_newer_version, "unknown migrations 9999_from_the_future"),
        (break_audit_chain, "audit chain broken at event 2"),
    ],
)
def test_restore_refuses_a_backup_that_fails_its_checks(prepared, tmp_path, spoil, message):
    for name in ("served.db", "copy.db"):
        shutil.copyfile(prepared / name, tmp_path / name)
    env = {**os.environ, "FACTCHECK_DATABASE": str(tmp_path / "served.db")}
    live = env["FACTCHECK_DATABASE"]
    spoil(tmp_path / "copy.db")

    refused = run(env, "restore", str(tmp_path / "copy.db"))

    assert refused.returncode == 1
    assert message in refused.stderr
    assert Path(live).read_bytes() == (prepared / "served.db").read_bytes()


def test_restore_refuses_while_the_server_runs(tmp_path):
    env, _ = prepare(tmp_path)
    live = env["FACTCHECK_DATABASE"]
    factcheck(env, "backup", str(tmp_path / "copy.db"))
    factcheck(env, "create-user", "later", "--role", "editor")
    process, _base = start(env, tmp_path)
    try:
        refused = run(env, "restore", str(tmp_path / "copy.db"))
    finally:
        stop(process)
    assert refused.returncode == 1
    assert "is in use" in refused.stderr and "stop the server" in refused.stderr
    assert rows(live, "SELECT count(*) FROM users WHERE name = 'later'") == [(1,)]
