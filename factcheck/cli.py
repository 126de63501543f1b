"""Command-line tools: `factcheck migrate`, `factcheck seed`, `factcheck worker`,
`factcheck backup`, ..., and Flask's own commands."""

import signal
import sqlite3
import sys
import threading
import time
from datetime import UTC, datetime

import click
import requests
from flask import current_app
from flask.cli import with_appcontext
from marshmallow import ValidationError

from factcheck import accounts, audit, backup, generate, ingest, linkcheck, worker
from factcheck import seed as seed_loader
from factcheck.db import connect
from factcheck.errors import Problem
from factcheck.identity import COMMAND_LINE
from factcheck.schemas.articles import ArticleCreateSchema
from factcheck.workflow import ROLES
from migrations.migrations import migrations

article_schema = ArticleCreateSchema()


def open_database():
    return connect(current_app.config["DATABASE"], current_app.config["BUSY_TIMEOUT"])


def open_migrated_database():
    """The database, once no migration is pending: on a new or older file a command would
    otherwise stop at "no such table" with a traceback, or write into half a schema."""
    db = open_database()
    pending = migrations.pending(db)
    if pending:
        db.close()
        raise click.ClickException(
            f"the database {current_app.config['DATABASE']} needs migrating "
            f"({len(pending)} pending): run `factcheck migrate` first"
        )
    return db


@click.command("migrate")
@with_appcontext
def migrate_command():
    """Apply pending database migrations (WAL mode on)."""
    with open_database() as db:
        db.enable_wal()
        pending = [migration.name for migration in migrations.pending(db)]
        migrations.apply(db)
    for name in pending:
        click.echo(f"applied {name}")
    click.echo(f"database {current_app.config['DATABASE']} is up to date")


@click.command("seed")
@with_appcontext
def seed_command():
    """Load the seed article, its claims, sources and verdicts (safe to run twice)."""
    with open_migrated_database() as db:
        counts = seed_loader.load(db, current_app.config)
    click.echo(", ".join(f"{count} {kind} added" for kind, count in counts.items()))


@click.command("create-user")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
@with_appcontext
def create_user_command(name, role):
    """Add a user and print their first API key, alone on the last line."""
    with open_migrated_database() as db:
        try:
            _, key, secret = accounts.create_user_with_key(
                db, {"name": name, "role": role}, COMMAND_LINE
            )
        except Problem as problem:
            raise click.ClickException(problem.detail) from problem
    click.echo(f"created {role} {name}; API key {key['id']} (shown once, only a hash is kept):")
    click.echo(secret)


@click.command("create-key")
@click.argument("name")
@click.option("--expires", type=click.IntRange(1, 3650), help="Days until the key stops working.")
@with_appcontext
def create_key_command(name, expires):
    """Issue another API key for user NAME and print it, alone on the last line."""
    with open_migrated_database() as db:
        try:
            key, secret = accounts.issue_key(db, name, expires, COMMAND_LINE)
        except Problem as problem:
            raise click.ClickException(problem.detail) from problem
    until = f"expires {key['expires_at']}" if key["expires_at"] else "does not expire"
    click.echo(f"API key {key['id']} for {name} ({key['role']}), {until}; shown once:")
    click.echo(secret)


@click.command("verify-audit")
@with_appcontext
def verify_audit_command():
    """Check the audit trail's hash chain; name the first broken event."""
    with open_migrated_database() as db:
        count, broken = audit.verify(db)
    if broken is not None:
        raise click.ClickException(f"audit chain broken at event {broken} ({count} events read)")
    click.echo(f"audit chain intact: {count} events")


def _summary(summary):
    return ", ".join(f"{count} {what}" for what, count in summary.items())


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def backup_command(path):
    """Copy the database to PATH while the server runs (checked before it replaces PATH)."""
    database = current_app.config["DATABASE"]
    try:
        summary = backup.backup(database, path, current_app.config["BUSY_TIMEOUT"])
    except (backup.BackupError, sqlite3.Error) as error:
        raise click.ClickException(f"backup failed: {error}") from error
    click.echo(f"backed up {database} to {path}: integrity ok, {_summary(summary)}")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def restore_command(path):
    """Replace the database with the backup at PATH, once checked; the server must be stopped."""
    database = current_app.config["DATABASE"]
    try:
        summary = backup.restore(path, database)
    except (backup.BackupError, sqlite3.Error) as error:
        raise click.ClickException(f"restore refused: {error}") from error
    click.echo(f"restored {path} to {database}: integrity ok, {_summary(summary)}")
    if summary["pending migrations"]:
        click.echo("the backup is from an older version: run `factcheck migrate` next")


@click.command("worker")
@click.option("--once", is_flag=True, help="Deliver and check what is due now, then exit.")
@with_appcontext
def worker_command(once):
    """Deliver webhook events from the outbox and check source links (until stopped, or
    once)."""
    config = worker.WorkerConfig.from_app(current_app.config)

    def purged(deliveries, events):
        click.echo(
            f"worker: removed {deliveries} finished deliveries and {events} events "
            f"older than {config.log_days:g} days"
        )

    link_config = linkcheck.LinkCheckConfig.from_app(current_app.config)
    stop = threading.Event()
    # SIGTERM and Ctrl-C finish the attempt under way, then stop.
    previous = {
        signum: signal.signal(signum, lambda *_: stop.set())
        for signum in (signal.SIGTERM, signal.SIGINT)
    }
    # Link checks run beside the deliveries, on a connection and session of their own.
    with open_migrated_database() as link_db, requests.Session() as link_session:
        checker = threading.Thread(
            target=linkcheck.run,
            args=(link_db, link_session, link_config, stop, config.poll_interval),
            daemon=True,
        )
        try:
            if not once:
                checker.start()
            with open_migrated_database() as db, requests.Session() as session:
                made = worker.run(db, session, config, once=once, stop=stop, purged=purged)
            checked = linkcheck.run_due(link_db, link_session, link_config) if once else None
        finally:
            stop.set()
            if checker.is_alive():
                checker.join()
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    click.echo(f"worker: {made} delivery attempts made")
    if checked is not None:
        click.echo(f"worker: {checked} source links checked")


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--extract/--no-extract", default=True, help="Propose each article's claims (default on)."
)
@with_appcontext
def ingest_command(sources, extract):
    """Store articles from addresses, .txt/.html files, folders of them, or JSON-lines files
    (title, body or url, metadata); a bad article is reported and skipped."""
    options = ingest.options(current_app.config, extract=extract)
    items = list(ingest.inputs(sources))
    counts = {"stored": 0, "already stored": 0, "failed": 0, "claims proposed": 0}
    with (
        open_migrated_database() as db,
        requests.Session() as session,
        click.progressbar(items, label="ingesting", file=sys.stderr) as bar,
    ):
        for label, read in bar:
            _ingest_one(db, session, label, read, options, counts)
    click.echo(f"ingest: {_summary(counts)}")
    if counts["failed"]:
        raise SystemExit(1)


def _ingest_one(db, session, label, read, options, counts):
    try:
        data = article_schema.load(read())
        article_id, created, found = ingest.store(
            db, data, COMMAND_LINE, session=session, reuse=True, **options
        )
    except (Problem, ValidationError, OSError, ValueError) as error:
        counts["failed"] += 1
        detail = getattr(error, "messages", None) or getattr(error, "detail", None) or error
        click.echo(f"\n{label}: skipped: {detail}", err=True)
        return
    counts["stored" if created else "already stored"] += 1
    counts["claims proposed"] += len(found["created"]) if found else 0
    click.echo(f"\n{label}: article {article_id}", err=True)


@click.command("generate")
@click.option("--claims", type=click.IntRange(1), required=True, help="How many claims.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same desk.")
@click.option(
    "--until",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The desk's last day (YYYY-MM-DD); default today (UTC).",
)
@with_appcontext
def generate_command(claims, seed, until):
    """Build a synthetic desk of N claims (articles, sources, verdicts, moves, audit trail)
    for benchmarks, in a database without claims (migrated first)."""
    until = (until or datetime.now(UTC)).date()
    started = time.perf_counter()
    with open_database() as db:
        db.enable_wal()
        migrations.apply(db)
        with click.progressbar(length=claims, label="generating", file=sys.stderr) as bar:
            try:
                generate.generate(
                    db,
                    claims,
                    seed=seed,
                    scale=current_app.config["DEFAULT_SCALE"],
                    until=until,
                    progress=bar.update,
                )
            except Problem as problem:
                raise click.ClickException(problem.detail) from problem
        counts = generate.counts(db)
        words = generate.bench_words(db, limit=5)
    seconds = time.perf_counter() - started
    click.echo(f"words readers find in many claims: {', '.join(words['common'])}")
    click.echo(f"words readers find in few claims: {', '.join(words['rare'])}")
    click.echo(f"generated in {seconds:.1f} s: {_summary(counts)}")


def register_commands(app):
    for command in (
        migrate_command,
        seed_command,
        create_user_command,
        create_key_command,
        verify_audit_command,
        backup_command,
        restore_command,
        worker_command,
        ingest_command,
        generate_command,
    ):
        app.cli.add_command(command)
