"""Source link checks against real local link targets: the worker checks a source when it is
added and when asked, through the outbound guard (HEAD, GET when needed, redirects followed
and recorded, a timeout), records what it found on the source, and a published fact-check
citing a broken source shows in the editors' queue."""

import os
import subprocess
from datetime import datetime

import pytest

from factcheck import accounts, linkcheck
from factcheck.config import PROJECT_ROOT
from factcheck.db import connect
from factcheck.identity import COMMAND_LINE
from migrations.migrations import migrations
from tests.concurrency import free_port
from tests.conftest import assert_problem, client_as
from tests.flow import bring_to, moved
from tests.receiver import Receiver, Reply
from tests.test_server import BIN

SETTINGS = {
    "ALLOW_PRIVATE_URLS": True,
    "LINK_CHECK_TIMEOUT": 1.0,
    "LINK_CHECK_DAYS": 30.0,
    "WORKER_POLL_INTERVAL": 0.05,
}
PAGE = b"<html><head><title>\n  Council  minutes &amp; votes </title></head><body>x</body></html>"
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def checks(app):
    app.config.update(SETTINGS)
    return app


@pytest.fixture
def target():
    with Receiver() as server:
        server.on("/page", Reply(200, PAGE, HTML))
        server.on("/moved", Reply(301, headers={"Location": "/page"}))
        server.on("/twice", Reply(302, headers={"Location": "/moved"}))
        server.on("/gone", Reply(404, b"<title>Not found</title>", HTML))
        server.on("/fails", Reply(500))
        server.on("/moved-away", Reply(301, headers={"Location": "/gone"}))
        server.on("/hang", Reply(200, PAGE, HTML, delay=3))
        server.on(
            "/report.pdf", Reply(200, b"%PDF-1.7 " * 2000, {"Content-Type": "application/pdf"})
        )
        yield server


def work(runner):
    """One `factcheck worker --once`: what it printed."""
    result = runner.invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    return result.output


def add_source(client, claim_id, url):
    response = client.post(
        f"/api/v1/claims/{claim_id}/sources", json={"url": url, "kind": "primary"}
    )
    assert response.status_code == 201, response.json
    return response.json


def check_of(client, claim_id, source_id):
    response = client.get(f"/api/v1/claims/{claim_id}/sources/{source_id}")
    assert response.status_code == 200, response.json
    return response.json["check"]


@pytest.mark.parametrize(
    ("path", "state", "status", "final", "redirects", "title", "media_type", "methods"),
    [
        ("/page", "ok", 200, "/page", [], "Council minutes & votes", "text/html", ["HEAD", "GET"]),
        ("/moved", "redirected", 200, "/page", [(301, "/page")], "Council minutes & votes",
         "text/html", ["HEAD", "GET"]),
        ("/twice", "redirected", 200, "/page", [(302, "/moved"), (301, "/page")],
         "Council minutes & votes", "text/html", ["HEAD", "GET"]),
        ("/gone", "broken", 404, "/gone", [], "Not found", "text/html", ["HEAD", "GET"]),
        ("/fails", "broken", 500, "/fails", [], None, None, ["HEAD", "GET"]),
        ("/moved-away", "broken", 404, "/gone", [(301, "/gone")], "Not found", "text/html",
         ["HEAD", "GET"]),
        ("/report.pdf", "ok", 200, "/report.pdf", [], None, "application/pdf", ["HEAD"]),
    ],
)  # fmt: skip
def test_the_worker_checks_a_new_source_and_records_what_it_found(
    checks, client, claim, target, runner, path, state, status, final, redirects, title,
    media_type, methods
):  # fmt: skip
    source = add_source(client, claim["id"], target.url(path))
    assert source["check"]["state"] is None  # due, not yet checked
    assert "1 source links checked" in work(runner)
    check = check_of(client, claim["id"], source["id"])
    assert check["state"] == state
    assert check["http_status"] == status
    assert check["final_url"] == target.url(final)
    assert check["redirects"] == [{"status": s, "url": target.url(to)} for s, to in redirects]
    assert check["title"] == title
    assert check["content_type"] == media_type
    assert check["error"] is None and check["checked_at"] and check["next_check_at"]
    assert [seen.method for seen in target.seen(path)] == methods
    assert target.seen(path)[0].headers["User-Agent"].startswith("factcheck-linkcheck/")


def test_a_server_that_refuses_head_is_asked_with_get(checks, client, claim, target, runner):
    target.on("/no-head", Reply(405), Reply(200, PAGE, HTML))
    source = add_source(client, claim["id"], target.url("/no-head"))
    work(runner)
    check = check_of(client, claim["id"], source["id"])
    assert (check["state"], check["http_status"]) == ("ok", 200)
    assert [seen.method for seen in target.seen("/no-head")] == ["HEAD", "GET"]


@pytest.mark.parametrize(
    ("body", "content_type", "title"),
    [
        ("<title>Café</title>".encode("latin-1"), "text/html; charset=iso-8859-1", "Café"),
        ("<TITLE>Café</TITLE>".encode(), "text/html; charset=no-such-charset", "Café"),
        (b"<p>No title here</p>", "text/html", None),
        (b"<title>" + b"x" * 2000 + b"</title>", "application/xhtml+xml", "x" * 500),
    ],
)
def test_titles_in_any_charset_or_none(
    checks, client, claim, target, runner, body, content_type, title
):
    target.on("/titled", Reply(200, body, {"Content-Type": content_type}))
    source = add_source(client, claim["id"], target.url("/titled"))
    work(runner)
    assert check_of(client, claim["id"], source["id"])["title"] == title


@pytest.mark.parametrize(
    ("url", "allow_private", "error"),
    [
        ("hang", True, "Timed out"),
        ("closed", True, "failed"),
        ("page", False, "loopback"),  # the guard refuses 127.0.0.1 unless allowed
    ],
)
def test_a_link_without_an_answer_is_unreachable(
    checks, client, claim, target, runner, url, allow_private, error
):
    checks.config["ALLOW_PRIVATE_URLS"] = allow_private
    address = {"hang": target.url("/hang"), "page": target.url("/page")}
    address["closed"] = f"http://127.0.0.1:{free_port()}/nothing-listens"
    source = add_source(client, claim["id"], address[url])
    work(runner)
    check = check_of(client, claim["id"], source["id"])
    assert check["state"] == "unreachable"
    assert check["http_status"] is None and check["final_url"] is None
    assert error in check["error"]


def test_checks_come_again_after_the_configured_days_and_when_asked(
    checks, client, claim, target, runner, db
):
    source = add_source(client, claim["id"], target.url("/page"))
    work(runner)
    first = check_of(client, claim["id"], source["id"])
    assert "0 source links checked" in work(runner)  # not due for 30 days
    assert len(target.seen("/page")) == 2
    wait = datetime.fromisoformat(first["next_check_at"]) - datetime.fromisoformat(
        first["checked_at"]
    )
    assert abs(wait.total_seconds() - 30 * 86400) < 60

    target.on("/page", Reply(404))  # the page goes away
    queued = client.post(f"/api/v1/claims/{claim['id']}/sources/{source['id']}/check", json={})
    assert queued.status_code == 202, queued.json
    assert queued.json["check"]["state"] == "ok"  # the last check, until the next is done
    assert queued.json["check"]["next_check_at"] <= linkcheck.now()
    assert "1 source links checked" in work(runner)
    assert check_of(client, claim["id"], source["id"])["state"] == "broken"

    # Thirty days on (the due time moved back), the worker checks it again by itself.
    db.execute("UPDATE sources SET check_due_at = '2000-01-01T00:00:00.000000Z'")
    target.on("/page", Reply(200, PAGE, HTML))
    assert "1 source links checked" in work(runner)
    assert check_of(client, claim["id"], source["id"])["state"] == "ok"


def test_a_taken_check_is_not_taken_twice_until_its_lease_ends(checks, client, claim, db):
    add_source(client, claim["id"], "http://127.0.0.1:9/x")
    config = linkcheck.LinkCheckConfig.from_app(checks.config)
    assert linkcheck.take_due(db, config) is not None
    assert linkcheck.take_due(db, config) is None  # another worker leaves it alone
    db.execute("UPDATE sources SET check_due_at = '2000-01-01T00:00:00.000000Z'")
    assert linkcheck.take_due(db, config) is not None  # the first worker died: taken again


@pytest.mark.parametrize(
    ("who", "path", "headers", "status"),
    [
        (None, "{claim}/sources/{source}/check", {}, 401),
        ("viewer", "{claim}/sources/{source}/check", {}, 403),
        ("rob", "{claim}/sources/{source}/check", {}, 202),
        ("eve", "{claim}/sources/999/check", {}, 404),
        ("eve", "999/sources/{source}/check", {}, 404),
        ("eve", "{other}/sources/{source}/check", {}, 404),
        ("eve", "{claim}/sources/{source}/check", {"If-Match": '"old"'}, 412),
    ],
)
def test_asking_for_a_check(app, as_user, client, claim, source, db, who, path, headers, status):
    other = client.post(
        "/api/v1/claims",
        json={"article_id": claim["article_id"], "text": "Turnout", "claimant": "A"},
    ).json
    db.execute("UPDATE sources SET check_due_at = '2999-01-01T00:00:00.000000Z'")
    if who == "viewer":
        accounts.create_user(db, "vic", "viewer", COMMAND_LINE)
        caller = client_as(app, accounts.issue_key(db, "vic", None, COMMAND_LINE)[1])
    else:
        caller = as_user(who) if who else client_as(app, None)
    url = "/api/v1/claims/" + path.format(claim=claim["id"], source=source["id"], other=other["id"])
    response = caller.post(url, json={}, headers=headers)
    assert response.status_code == status, response.json
    due = db.execute("SELECT check_due_at FROM sources WHERE id = ?", [source["id"]]).fetchone()[0]
    assert (due < "2999") == (status == 202)  # refused: nothing queued
    if status != 202:
        assert_problem(response, status)


def publish_citing(as_user, claim_id, source_id):
    bring_to(as_user, claim_id, "approved", source_id)
    moved(as_user("eve"), claim_id, "published")


def test_a_published_fact_check_citing_a_broken_source_is_in_the_editors_queue(
    checks, client, as_user, anon, claim, target, runner
):
    cited = add_source(as_user("rita"), claim["id"], target.url("/gone"))
    publish_citing(as_user, claim["id"], cited["id"])
    work(runner)
    queue = as_user("eve").get("/api/v1/queue").json
    assert [c["id"] for c in queue["broken_sources"]] == [claim["id"]]
    assert as_user("rob").get("/api/v1/queue").json["broken_sources"] == []  # editors' work
    # Readers see the check on the published source too.
    assert check_of(anon, claim["id"], cited["id"])["state"] == "broken"

    target.on("/gone", Reply(200, PAGE, HTML))  # fixed at the other end
    client.post(f"/api/v1/claims/{claim['id']}/sources/{cited['id']}/check", json={})
    work(runner)
    assert as_user("eve").get("/api/v1/queue").json["broken_sources"] == []


def test_a_broken_source_no_published_verdict_cites_is_not_in_the_queue(
    checks, client, as_user, claim, target, runner
):
    cited = add_source(as_user("rita"), claim["id"], target.url("/page"))
    add_source(as_user("rita"), claim["id"], target.url("/gone"))  # attached, not cited
    publish_citing(as_user, claim["id"], cited["id"])
    other = client.post(
        "/api/v1/claims",
        json={"article_id": claim["article_id"], "text": "Turnout", "claimant": "A"},
    ).json
    add_source(client, other["id"], target.url("/gone"))  # cited by nothing published
    assert "3 source links checked" in work(runner)
    assert as_user("eve").get("/api/v1/queue").json["broken_sources"] == []


def test_the_long_running_worker_checks_links_beside_deliveries(
    checks, client, claim, target, db_path
):
    """`factcheck worker` as `make run` starts it: link checks run in a thread of their own
    until the worker is stopped."""
    source = add_source(client, claim["id"], target.url("/page"))
    env = {
        **os.environ,
        "FACTCHECK_DATABASE": str(db_path),
        "FACTCHECK_ALLOW_PRIVATE_URLS": "1",
        "FACTCHECK_WORKER_POLL_INTERVAL": "0.05",
    }
    with subprocess.Popen(
        [BIN / "factcheck", "worker"], cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE
    ) as process:
        try:
            assert len(target.wait_for(2, "/page", timeout=30)) == 2
        finally:
            process.terminate()
            output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert check_of(client, claim["id"], source["id"])["state"] == "ok"


def test_sources_stored_before_link_checks_are_due_at_once(tmp_path):
    with connect(tmp_path / "old.db") as db:
        migrations.apply(db, stop_before="0015_source_link_checks")
        db.execute(
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('T', 'It is so.', 'en', 'x', 'x')"
        )
        db.execute(
            "INSERT INTO claims (article_id, text, claimant, span_start, span_end, language, "
            "status, created_at, updated_at) VALUES (1, 'It', 'A', 0, 2, 'en', 'new', 'x', 'x')"
        )
        db.execute(
            "INSERT INTO sources (claim_id, url, kind, note, created_at) "
            "VALUES (1, 'https://e.org/a', 'primary', '', '2020-01-01T00:00:00.000000Z')"
        )
        migrations.apply(db)
        row = db.execute("SELECT url, check_state, check_due_at FROM sources").fetchone()
        assert row == ("https://e.org/a", None, "2020-01-01T00:00:00.000000Z")
        plan = " ".join(
            str(step)
            for step in db.execute(
                "EXPLAIN QUERY PLAN SELECT claim_id FROM sources WHERE check_state = 'broken'"
            )
        )
        assert "sources_broken" in plan
