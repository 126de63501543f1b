"""Storing articles from wherever they come: a body given as is, or a page fetched from its
address through the outbound guard, its main text and metadata found by trafilatura
(request metadata wins over the page's); then, if asked, its claims extracted.

Fetch failures raise UrlRefused or FetchFailed naming the cause, before anything is stored.
"""

import json
import re
from pathlib import Path

import requests

from factcheck import articles, extraction, outbound
from factcheck.errors import FetchFailed, UrlRefused
from factcheck.schemas.articles import MAX_BODY_CHARACTERS

# Less than this is navigation or a stub that trafilatura fell back to, not an article.
MIN_TEXT_CHARACTERS = 100
HTML_TYPES = ("text/html", "application/xhtml+xml")
_LANG = re.compile(rb"<html[^>]*\slang=[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", re.I)
# Metadata the page may give: (article field, trafilatura's name).
PAGE_FIELDS = (
    ("title", "title"),
    ("publisher", "sitename"),
    ("author", "author"),
    ("published_at", "date"),
)


def fetch_page(session, url, config):
    """The page's bytes and headers through the guard; UrlRefused or FetchFailed."""
    try:
        page = outbound.fetch(session, url, config=config)
    except outbound.Refused as error:
        raise UrlRefused(f"This address may not be fetched: {error}", url) from error
    except outbound.TooLarge as error:
        raise FetchFailed(f"The page is too large: {error}", url, "too-large") from error
    except outbound.FetchError as error:
        message = str(error).lower()
        cause = "timeout" if "timed out" in message or "deadline" in message else "unreachable"
        raise FetchFailed(f"The page could not be fetched: {error}", url, cause) from error
    if not page.ok:
        raise FetchFailed(
            f"The page answered HTTP {page.status}.", url, "http-error", upstream_status=page.status
        )
    kind = page.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES:
        raise FetchFailed(f"The page is {kind or 'untyped'}, not HTML.", url, "not-html")
    return page


def read_html(html, url):
    """Main text and metadata of an HTML page: {body, title, publisher, author,
    published_at, language}, missing ones left out; FetchFailed when no main text is found."""
    import trafilatura  # imported when needed: it takes a second to load

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = (document.text or "").strip() if document is not None else ""
    text = _without_headline(text, getattr(document, "title", None))
    if len(text) < MIN_TEXT_CHARACTERS:
        raise FetchFailed("No main text was found on the page.", url, "no-main-text")
    found = {"body": text}
    for name, source in PAGE_FIELDS:
        value = getattr(document, source, None)
        if value:
            found[name] = value
    raw = html if isinstance(html, bytes) else html.encode()
    language = _LANG.search(raw[:5000])
    if language:
        found["language"] = language.group(1).decode()
    return found


_HEADING_NOISE = re.compile(r"[\W_]+")


def _heading(text):
    return _HEADING_NOISE.sub(" ", text).strip().casefold()


def _without_headline(text, title):
    """The main text without its first line when that line is the page's headline
    (trafilatura keeps the <h1>): the title is stored apart, and a headline is no sentence to
    check. A <title> may add the site's name after it ("Headline | Site")."""
    first, _, rest = text.partition("\n")
    headline, page_title = _heading(first), _heading(title or "")
    if not headline or not rest.strip():
        return text
    if page_title == headline or page_title.startswith(headline + " "):
        return rest.strip()
    return text


def complete(data, session, config):
    """The article's fields: as sent, or (with only a url) filled from its page, the
    request's own metadata winning."""
    if data.get("body") is not None:
        return data
    page = fetch_page(session, data["url"], config)
    found = read_html(page.content, page.final_url)
    if len(found["body"]) > MAX_BODY_CHARACTERS:
        raise FetchFailed("The page's text is too long for an article.", data["url"], "too-large")
    given = {name: value for name, value in data.items() if value is not None}
    # A page without a title is still an article: its address stands in for the headline.
    title = given.get("title") or found.get("title") or data["url"]
    return {**data, **found, **given, "title": title}


def options(config, *, extract):
    """store()'s settings from the app's configuration: the outbound guard's, and the
    threshold when claims are to be extracted."""
    return {
        "outbound_config": outbound.OutboundConfig.from_app(config),
        "threshold": config["CHECKWORTHY_THRESHOLD"] if extract else None,
    }


def _fetched(data, session, config):
    if session is not None:
        return complete(data, session, config)
    with requests.Session() as own:
        return complete(data, own, config)


def store(db, data, actor, *, outbound_config, threshold=None, session=None, reuse=False):
    """Store an article (fetched first if only its url is given) and, with a threshold,
    extract its claims: (article id, created?, extraction or None). reuse: an article with
    the same title and body and no address is the one stored already (a batch run again)."""
    if data.get("body") is None:
        data = _fetched(data, session, outbound_config)
    same = articles.find_identical(db, data) if reuse and data.get("url") is None else None
    article_id, created = (same, False) if same else articles.create(db, data, actor)
    found = None
    if threshold is not None:
        found = extraction.extract(db, article_id, actor, threshold)
    return article_id, created, found


# The command line's inputs (factcheck ingest): an address, a .txt or .html file, a folder of
# them, or a JSON-lines file of articles (title, body or url, metadata), one a line.
FILE_KINDS = (".txt", ".html", ".htm")
LINES_KINDS = (".jsonl", ".jsonlines", ".ndjson")


def _from_file(path):
    raw = path.read_bytes()
    if path.suffix.lower() == ".txt":
        text = raw.decode("utf-8")
        title = next((line.strip() for line in text.splitlines() if line.strip()), path.name)
        return {"title": title[:500], "body": text}
    found = read_html(raw, None)
    return {**found, "title": found.get("title") or path.stem}


def _from_lines(path):
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield f"{path}:{number}", lambda line=line: json.loads(line)


def inputs(arguments):
    """(label, read) for each article the arguments name; read() gives its raw fields or
    raises (a bad article fails alone, when it is read)."""
    for argument in arguments:
        if argument.startswith(("http://", "https://")):
            yield argument, lambda url=argument: {"url": url}
            continue
        path = Path(argument)
        if path.is_dir():
            for file in sorted(path.iterdir()):
                if file.suffix.lower() in FILE_KINDS:
                    yield str(file), lambda file=file: _from_file(file)
        elif path.suffix.lower() in LINES_KINDS:
            yield from _from_lines(path)
        else:
            yield argument, lambda path=path: _from_file(path)
