"""Command-line tools: `factcheck migrate`, `factcheck seed`, and Flask's own commands."""

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from factcheck import seed as seed_loader
from factcheck.db import connect
from migrations.migrations import migrations


def open_database():
    return connect(current_app.config["DATABASE"], current_app.config["BUSY_TIMEOUT"])


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
    with open_database() as db:
        counts = seed_loader.load(db, current_app.config)
    click.echo(", ".join(f"{count} {kind} added" for kind, count in counts.items()))


def register_commands(app):
    app.cli.add_command(migrate_command)
    app.cli.add_command(seed_command)


def _create_app():
    from factcheck import create_app

    return create_app()


main = FlaskGroup(create_app=_create_app, help="factcheck: manage the fact-checking service.")
