"""Fixtures: an app on a fresh SQLite file per test, its client, and seed data on demand.

Each test gets its own database file, copied from a template built once per session
(migrating per test cost ~12 ms, seeding ~35 ms), and the one app of the session pointed
at that file (building the app and its OpenAPI document cost ~30 ms per test).
"""

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from factcheck import accounts, create_app, seed
from factcheck.db import connect
from factcheck.identity import COMMAND_LINE
from migrations.migrations import migrations

# Test users: name -> role. Two editors so that four-eyes approval can be exercised.
STAFF = {"ada": "admin", "eve": "editor", "ed": "editor", "rita": "reviewer", "rob": "reviewer"}

ARTICLE_BODY = (
    "The mayor said the bridge cost $4 million. Critics said the bridge cost $9 million. "
    "Turnout was 61 percent, the highest in a decade."
)


def close_for_copying(db, path):
    """Fold the write-ahead log into the file and close it, so the file alone is the database.

    journal_mode=wal is kept in the file header, so every copy opens in WAL mode too.
    """
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0, "another connection still holds the template open"
    db.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A database file with every migration applied, built once per session."""
    path = tmp_path_factory.mktemp("templates") / "migrated.db"
    db = connect(path)
    db.enable_wal()
    migrations.apply(db)
    close_for_copying(db, path)
    return path


@pytest.fixture(scope="session")
def seeded_template(migrated_template, session_app, tmp_path_factory):
    """The migrated template with the seed article, claims, sources and verdicts loaded."""
    path = tmp_path_factory.mktemp("templates") / "seeded.db"
    shutil.copyfile(migrated_template, path)
    db = connect(path)
    seed.load(db, session_app.config)
    close_for_copying(db, path)
    return path


@pytest.fixture
def db_path(request, tmp_path, migrated_template):
    """A fresh copy of the migrated template; of the seeded one if the test uses `seeded`."""
    template = migrated_template
    if "seeded" in request.fixturenames:
        template = request.getfixturevalue("seeded_template")
    path = tmp_path / "factcheck.db"
    shutil.copyfile(template, path)
    return path


class SessionApp(NamedTuple):
    app: object
    config: dict  # the configuration as built, restored before every test


@pytest.fixture(scope="session")
def session_app():
    """The app, built once; `app` points it at each test's own database."""
    app = create_app({"DATABASE": "/nonexistent/set-per-test.db", "TESTING": True})
    return SessionApp(app, dict(app.config))


@pytest.fixture
def app(session_app, db_path):
    """The session's app with its configuration as built, on this test's database."""
    session_app.app.config.clear()
    session_app.app.config.update(session_app.config, DATABASE=str(db_path))
    return session_app.app


@pytest.fixture
def keys(db_path):
    """An API key for each test user, by name."""
    issued = {}
    with connect(db_path) as db:
        for name, role in STAFF.items():
            accounts.create_user(db, name, role, COMMAND_LINE)
            issued[name] = accounts.issue_key(db, name, None, COMMAND_LINE)[1]
    return issued


def client_as(app, key):
    """A test client that sends this API key (None: an anonymous reader)."""
    client = app.test_client()
    if key:
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client


@pytest.fixture
def client(app, keys):
    """The admin's client: may do everything."""
    return client_as(app, keys["ada"])


@pytest.fixture
def anon(app):
    """An anonymous reader."""
    return client_as(app, None)


@pytest.fixture
def as_user(app, keys):
    """as_user("eve") is a client acting as eve."""
    return lambda name: client_as(app, keys[name])


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def db(db_path):
    with connect(db_path) as database:
        yield database


@pytest.fixture
def seeded(app):
    """The app on a copy of the seeded template (db_path picks it for tests that ask)."""
    return app


@pytest.fixture
def article(client):
    """A stored article with a short, known body."""
    response = client.post(
        "/api/v1/articles",
        json={"title": "Council meeting", "body": ARTICLE_BODY, "publisher": "Gazette"},
    )
    assert response.status_code == 201, response.json
    return response.json


def quote(text, **extra):
    """Fields of a claim quoting text from ARTICLE_BODY."""
    return {"text": text, "claimant": "The mayor", "claim_date": "2026-11-01", **extra}


@pytest.fixture
def claim(client, article):
    response = client.post(
        "/api/v1/claims",
        json={
            **quote("the bridge cost $4 million"),
            "article_id": article["id"],
            "tags": ["budget"],
        },
    )
    assert response.status_code == 201, response.json
    claim = response.json
    assert claim.pop("duplicates") == []  # the create answer's warning; the first repeats none
    return claim


@pytest.fixture
def source(client, claim):
    response = client.post(
        f"/api/v1/claims/{claim['id']}/sources",
        json={"url": "https://example.org/budget.pdf", "kind": "primary", "title": "Budget 2026"},
    )
    assert response.status_code == 201, response.json
    return response.json


def assert_problem(response, status):
    """The response is an RFC 9457 problem with this status."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.json
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    return body


def assert_field_error(body, field, message):
    """The problem's `errors` name this field with a message containing `message`."""
    assert field in body.get("errors", {}), body
    assert any(message in text for text in body["errors"][field]), body["errors"]


def cases(rows, first_name):
    """Parametrize rows whose last column is the expected error message. The ids are the ones
    pytest gives the other columns (as it would without the message), so adding a message
    to a table renames none of its tests: numbers, and strings or bytes of up to 100
    characters, as they are (pytest escapes them); anything else as first_name0, first_name1..."""

    def shown(value, index):
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str | bytes) and len(value) <= 100:
            return value if isinstance(value, str) else value.decode("latin-1")
        return f"{first_name}{index}"

    return [
        pytest.param(*row, id="-".join(shown(value, index) for value in row[:-1]))
        for index, row in enumerate(rows)
    ]
