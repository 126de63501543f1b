"""Backups and restores of the SQLite file with SQLite's online backup API. No Flask.

A backup is one self-contained file (no -wal beside it) that passed integrity_check; a
restore refuses a file that is not an intact factcheck database, and refuses to run while
anything else has the live database open (the server must be stopped).
"""

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from factcheck import audit
from migrations.migrations import migrations


class BackupError(Exception):
    """A backup or restore that was refused or failed; the message says why."""


def backup(database, target, busy_timeout=5.0):
    """Copy database to target while the service keeps writing; return the copy's summary.

    One backup step copies every page inside one read transaction: in WAL mode that is a
    snapshot of every commit made before it started, and writers go on meanwhile. (Copying
    in several steps would restart whenever a writer commits, forever under load.) The copy
    is written beside target and renamed over it only once checked.
    """
    target = Path(target)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(read_only(database), uri=True, timeout=busy_timeout)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)
        # A backup is one file: the copy keeps the source's WAL mode unless told otherwise.
        copy.execute("PRAGMA journal_mode = DELETE")
        summary = check(copy)
    except (sqlite3.Error, BackupError):
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    copy.close()
    os.replace(partial, target)
    return summary


def restore(backup_path, database):
    """Put the checked backup in place of database; return its summary.

    Refused while another connection has the database open: in exclusive locking mode
    SQLite needs every other connection gone, even idle ones that hold no transaction.
    The pages are written through SQLite (the backup API again), so the live file keeps
    its WAL mode and a failure rolls back.
    """
    if not Path(backup_path).is_file():
        raise BackupError(f"{backup_path} is not a file")
    source = sqlite3.connect(read_only(backup_path), uri=True)
    try:
        summary = check(source)
        live = _open_alone(database)
        try:
            source.backup(live)
            live.execute("PRAGMA journal_mode = WAL")
        finally:
            live.close()
    finally:
        source.close()
    return summary


def read_only(path):
    """The URI that opens path read-only (a path with ? or # in it stays a path)."""
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def _open_alone(database):
    """A connection that holds the database to itself; BackupError if anything else has it."""
    Path(database).parent.mkdir(parents=True, exist_ok=True)
    live = sqlite3.connect(database, timeout=0, isolation_level=None)
    live.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        live.execute("BEGIN EXCLUSIVE")
        live.execute("SELECT count(*) FROM sqlite_master").fetchone()
        live.execute("COMMIT")  # the exclusive locking mode keeps the lock after it
    except sqlite3.OperationalError as error:
        live.close()
        raise BackupError(
            f"{database} is in use ({error}): stop the server (and any other factcheck "
            "command) before restoring"
        ) from error
    return live


def check(conn):
    """Summary of an intact factcheck database; BackupError naming what is wrong otherwise."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"not a readable SQLite database: {error}") from error
    if problems != ["ok"]:
        raise BackupError(f"integrity_check failed: {'; '.join(problems[:5])}")
    db = Database(conn, execute_plugins=False)
    applied = {migration.name for migration in migrations.applied(db)}
    empty = Database(memory=True, execute_plugins=False)
    known = {migration.name for migration in migrations.pending(empty)}
    if not applied:
        raise BackupError("not a factcheck database: no migration was ever applied to it")
    if unknown := sorted(applied - known):
        raise BackupError(f"made by a newer factcheck: unknown migrations {', '.join(unknown)}")
    events, broken = audit.verify(db)
    if broken is not None:
        raise BackupError(f"audit chain broken at event {broken}")
    return {
        "claims": conn.execute("SELECT count(*) FROM claims").fetchone()[0],
        "audit events": events,
        "pending migrations": len(known - applied),
    }
