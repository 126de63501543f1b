"""Articles stored from their address: fetched from a real local HTTP server through the
outbound guard, main text and metadata read from the page, the request's metadata winning;
every failure a problem naming its cause, with nothing stored."""

import socket

import pytest

from tests.concurrency import free_port
from tests.conftest import assert_problem
from tests.receiver import Receiver, Reply

HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = b"""<!doctype html>
<html lang="fr"><head>
<title>Pool to close after council vote | The Riverside Courier</title>
<meta property="og:title" content="Pool to close after council vote">
<meta property="og:site_name" content="The Riverside Courier">
<meta name="author" content="Lena Voss">
<meta property="article:published_time" content="2026-10-02T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<aside class="ad">Subscribe today and save 50%!</aside>
<article>
<h1>Pool to close after council vote</h1>
<p class="byline">By Lena Voss</p>
<p>The council voted 7 to 2 on Tuesday to close the Eastside pool, which cost $1.2 million
a year to run, the city's finance office said.</p>
<p>Councillor Mara Diaz said attendance fell by 40 percent since 2019. "Why now?" asked one
swimmer outside the meeting. The pool opened in 1968 and was last renovated in 1995.</p>
<p>I think the town will miss it. A replacement may be built next year.</p>
</article>
<footer>Copyright 2026 The Riverside Courier. All rights reserved.</footer>
</body></html>"""


@pytest.fixture
def receiver(app):
    app.config["ALLOW_PRIVATE_URLS"] = True  # the test server is on 127.0.0.1
    with Receiver() as server:
        yield server


def _articles(db):
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_an_article_from_its_address(client, receiver):
    receiver.on("/news/pool", Reply(200, body=PAGE, headers=HTML))
    url = receiver.url("/news/pool")
    response = client.post("/api/v1/articles", json={"url": url})
    assert response.status_code == 201, response.json
    article = response.json
    assert article["url"] == url
    assert article["title"] == "Pool to close after council vote"
    assert article["publisher"] == "The Riverside Courier"
    assert article["author"] == "Lena Voss"  # the page's author meta tag
    assert article["published_at"] == "2026-10-02"
    assert article["language"] == "fr"
    # The <h1> repeats the title: it is not the body's first line (nor a claim to propose).
    assert article["body"].startswith("The council voted 7 to 2 on Tuesday")
    assert "renovated in 1995." in article["body"]
    for chrome in ("Home", "Subscribe today", "All rights reserved"):
        assert chrome not in article["body"]
    assert [seen.path for seen in receiver.seen()] == ["/news/pool"]


def test_the_request_metadata_wins_and_extraction_runs(client, receiver):
    receiver.on("/news/pool", Reply(200, body=PAGE, headers=HTML))
    response = client.post(
        "/api/v1/articles?extract=true",
        json={
            "url": receiver.url("/news/pool"),
            "title": "Eastside pool closes",
            "publisher": "Courier",
            "author": "Courier staff",
            "language": "en",
        },
    )
    assert response.status_code == 201, response.json
    article = response.json
    assert (article["title"], article["publisher"], article["author"], article["language"]) == (
        "Eastside pool closes",
        "Courier",
        "Courier staff",
        "en",
    )
    assert article["published_at"] == "2026-10-02"  # not given: the page's
    created = article["extraction"]["created"]
    assert "Councillor Mara Diaz said attendance fell by 40 percent since 2019." in [
        c["text"] for c in created
    ]
    for claim in created:
        assert article["body"][claim["span_start"] : claim["span_end"]] == claim["text"]
    below = [s["text"] for s in article["extraction"]["below_threshold"]]
    assert "I think the town will miss it." in below


@pytest.mark.parametrize(
    ("head", "heading", "first_line"),
    [
        # <title> alone, with the site's name after the headline.
        (b"<title>Pool vote | The Courier</title>", b"Pool vote", "The council voted"),
        # The <h1> in other case and punctuation than the title.
        (b"<title>Pool vote: what next</title>", b"POOL VOTE - what next?", "The council voted"),
    ],
)
def test_a_headline_repeating_the_title_is_not_the_body(
    client, receiver, head, heading, first_line
):
    page = (
        b"<html><head>" + head + b"</head><body><article><h1>" + heading + b"</h1>"
        b"<p>The council voted 7 to 2 on Tuesday to close the Eastside pool, which cost "
        b"$1.2 million a year to run, the city's finance office said.</p><p>Attendance fell "
        b"by 40 percent since 2019, according to the parks department.</p></article></body>"
        b"</html>"
    )
    receiver.on("/news/pool", Reply(200, body=page, headers=HTML))
    response = client.post(
        "/api/v1/articles?extract=true", json={"url": receiver.url("/news/pool")}
    )
    assert response.status_code == 201, response.json
    assert response.json["body"].startswith(first_line)
    extraction = response.json["extraction"]
    proposed = [s["text"] for s in extraction["created"] + extraction["below_threshold"]]
    assert proposed[0].startswith(first_line)


def _closed_port_url():
    port = free_port()
    with socket.socket() as probe:  # nothing listens there
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    return f"http://127.0.0.1:{port}/news"


@pytest.mark.parametrize(
    ("reply", "config", "status", "cause"),
    [
        (
            Reply(404, body=b"<html><body>Not found</body></html>", headers=HTML),
            {},
            422,
            "http-error",
        ),
        (
            Reply(200, body=b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"}),
            {},
            422,
            "not-html",
        ),
        (Reply(200, body=PAGE, headers=HTML), {"OUTBOUND_MAX_BYTES": 1000}, 422, "too-large"),
        (
            Reply(200, body=PAGE, headers=HTML, delay=5),
            {"OUTBOUND_READ_TIMEOUT": 0.5, "OUTBOUND_DEADLINE": 2.0},
            422,
            "timeout",
        ),
        (
            Reply(200, body=b"<html><body><nav>Home</nav></body></html>", headers=HTML),
            {},
            422,
            "no-main-text",
        ),
        (Reply(200, body=PAGE, headers=HTML), {"ALLOW_PRIVATE_URLS": False}, 422, "refused"),
    ],
)
def test_fetch_failures_name_their_cause_and_store_nothing(
    client, app, db, receiver, reply, config, status, cause
):
    receiver.on("/news", reply)
    app.config.update(config)
    url = receiver.url("/news")
    body = assert_problem(client.post("/api/v1/articles", json={"url": url}), status)
    assert body["cause"] == cause and body["url"] == url, body
    assert _articles(db) == 0
    if cause == "refused":
        assert receiver.seen() == []  # refused before any connection


def test_an_unreachable_address(client, app, db):
    app.config["ALLOW_PRIVATE_URLS"] = True
    url = _closed_port_url()
    body = assert_problem(client.post("/api/v1/articles", json={"url": url}), 422)
    assert body["cause"] == "unreachable" and _articles(db) == 0


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1/news", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"]
)
def test_private_addresses_are_refused(client, db, url):
    body = assert_problem(client.post("/api/v1/articles", json={"url": url}), 422)
    assert body["cause"] == "refused" and "url" in body["errors"]
    assert _articles(db) == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [({}, "body"), ({"body": "Text."}, "title"), ({"url": "ftp://x.example/a"}, "url")],
)
def test_a_body_or_an_address_is_needed(client, db, payload, field):
    body = assert_problem(client.post("/api/v1/articles", json=payload), 422)
    assert field in body["errors"] and _articles(db) == 0


# factcheck ingest: the same path from the command line.

STORY = (
    "Budget row\n\nThe county spent $12 million on libraries in 2025, the auditor said. "
    "What happens next is unclear."
)


def test_the_command_line_ingests_folders_and_json_lines_skipping_bad_articles(
    runner, receiver, db, tmp_path
):
    receiver.on("/news/pool", Reply(200, body=PAGE, headers=HTML))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.html").write_bytes(PAGE)
    (folder / "empty.txt").write_text("", encoding="utf-8")  # bad: no body
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text(
        '{"title": "Rates", "body": "Interest rates rose to 5.25 percent in July, '
        'the bank said.", "publisher": "Wire", "author": "Jo Park"}\n'
        "{not json\n"
        '{"title": "No body or url"}\n'
        f'{{"url": "{receiver.url("/news/pool")}", "title": "Pool"}}\n',
        encoding="utf-8",
    )
    result = runner.invoke(args=["ingest", str(folder), str(lines)])
    assert result.exit_code == 1, result.output
    assert "ingest: 4 stored, 0 already stored, 3 failed" in result.output
    assert "empty.txt: skipped" in result.output and "more.jsonl:2: skipped" in result.output
    assert "more.jsonl:3: skipped" in result.output
    stored = dict(db.execute("SELECT title, author FROM articles").fetchall())
    assert stored == {
        "Budget row": None,
        "Pool to close after council vote": "Lena Voss",  # the .html file's author tag
        "Rates": "Jo Park",
        "Pool": "Lena Voss",
    }
    extracted = db.execute("SELECT count(*) FROM claims WHERE origin = 'extracted'").fetchone()
    assert extracted[0] >= 3
    again = runner.invoke(args=["ingest", "--no-extract", str(folder / "a.txt")])
    assert again.exit_code == 0 and "0 stored, 1 already stored" in again.output


def test_the_command_line_fetches_addresses(runner, receiver, db):
    receiver.on("/news/pool", Reply(200, body=PAGE, headers=HTML))
    receiver.on("/gone", Reply(404, body=b"<html></html>", headers=HTML))
    result = runner.invoke(
        args=["ingest", "--no-extract", receiver.url("/news/pool"), receiver.url("/gone")]
    )
    assert result.exit_code == 1
    assert "1 stored" in result.output and "1 failed" in result.output
    assert "HTTP 404" in result.output
    assert db.execute("SELECT count(*) FROM claims").fetchone() == (0,)
