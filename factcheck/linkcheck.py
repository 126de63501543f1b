"""Source link checks: whether each cited URL still answers, done by the worker through the
outbound guard when a source is added, again every FACTCHECK_LINK_CHECK_DAYS, and at once
when asked (POST .../sources/{sid}/check).

A check asks HEAD first: it tells the status and the type without the body, which for a
PDF or a video may be large. It asks GET instead when HEAD was answered with an error
(servers that do not allow HEAD, or answer it differently), and when the page is HTML, to
read its title from the first TITLE_BYTES. Redirects are followed by the guard, each one
checked again, and recorded. States: `ok` (2xx at the URL itself), `redirected` (2xx after
redirects), `broken` (the server answered with anything else, such as 404 or 500) and
`unreachable` (no answer: no such host, refused connection, timeout, an address the
guard refuses, too many redirects).

Scheduling is one column, `check_due_at`: the worker takes the next source due (pushing
its due time a lease ahead, so another worker leaves it alone meanwhile), checks it, and
sets the next due time from the check. A check requested now sets it to now.
"""

import json
import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

from factcheck import outbound
from factcheck.db import write_transaction
from factcheck.timeutil import now, to_timestamp

log = logging.getLogger(__name__)

OK, REDIRECTED, BROKEN, UNREACHABLE = "ok", "redirected", "broken", "unreachable"
STATES = (OK, REDIRECTED, BROKEN, UNREACHABLE)
USER_AGENT = "factcheck-linkcheck/0.1 (claim fact-checking service; checking a cited source)"
# A page's title is in its head, near the top.
TITLE_BYTES = 64 * 1024
TITLE_LENGTH = 500
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class LinkCheckConfig:
    outbound: outbound.OutboundConfig
    every_days: float = 30.0
    # A taken check not recorded by then (its worker died) is taken again.
    lease: float = 120.0

    @classmethod
    def from_app(cls, config):
        timeout = config["LINK_CHECK_TIMEOUT"]
        return cls(
            outbound=outbound.OutboundConfig.for_job(config, timeout, USER_AGENT),
            every_days=config["LINK_CHECK_DAYS"],
            # Two requests, each of which may overrun its deadline by one read timeout.
            lease=4 * timeout + 30.0,
        )


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.inside, self.done = [], False, False

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "title" and not self.done

    def handle_endtag(self, tag):
        if tag == "title" and self.inside:
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.inside:
            self.parts.append(data)


def page_title(fetched):
    """The text of the page's first <title>, white space collapsed, or None."""
    try:
        text = fetched.text
    except LookupError:  # a charset Python does not know: read it as UTF-8 at best
        text = fetched.content.decode("utf-8", errors="replace")
    parser = _TitleParser()
    parser.feed(text)
    title = re.sub(r"\s+", " ", "".join(parser.parts)).strip()
    return title[:TITLE_LENGTH] or None


def _media_type(fetched):
    return fetched.headers.get("Content-Type", "").split(";")[0].strip().lower() or None


def _fetch(session, url, config):
    """HEAD, then GET when HEAD was refused or the page's title is wanted."""
    answer = outbound.fetch(session, url, config=config.outbound, method="HEAD")
    if answer.ok and _media_type(answer) not in HTML_TYPES:
        return answer
    return outbound.fetch(
        session, url, config=config.outbound, max_bytes=TITLE_BYTES, truncate=True
    )


def check(session, url, config):
    """What checking url finds: the fields a source records."""
    try:
        answer = _fetch(session, url, config)
    except outbound.FetchError as error:
        return {"state": UNREACHABLE, "error": str(error)}
    media_type = _media_type(answer)
    state = BROKEN
    if answer.ok:
        state = REDIRECTED if answer.redirects else OK
    return {
        "state": state,
        "http_status": answer.status,
        "final_url": answer.final_url,
        "redirects": [{"status": status, "url": to} for status, to in answer.redirects],
        "content_type": media_type,
        "title": page_title(answer) if media_type in HTML_TYPES and answer.content else None,
    }


def _later(seconds):
    return to_timestamp(datetime.now(UTC) + timedelta(seconds=seconds))


def take_due(db, config):
    """The next source whose check is due, taken for a lease: (id, url), or None."""
    with write_transaction(db):
        row = db.execute(
            "UPDATE sources SET check_due_at = :lease WHERE id = ("
            "  SELECT id FROM sources WHERE check_due_at <= :now"
            "  ORDER BY check_due_at, id LIMIT 1"
            ") RETURNING id, url",
            {"lease": _later(config.lease), "now": now()},
        ).fetchone()
    return tuple(row) if row else None


def record(db, source_id, found, config):
    """Store a check's findings on the source and when the next one is due."""
    with write_transaction(db):
        db.execute(
            "UPDATE sources SET check_state = :state, check_http_status = :http_status, "
            "check_final_url = :final_url, check_title = :title, "
            "check_content_type = :content_type, check_redirects = :redirects, "
            "check_error = :error, checked_at = :checked_at, check_due_at = :due WHERE id = :id",
            {
                "http_status": None,
                "final_url": None,
                "title": None,
                "content_type": None,
                "error": None,
                **found,
                "redirects": json.dumps(found.get("redirects", [])),
                "checked_at": now(),
                "due": _later(config.every_days * 86400),
                "id": source_id,
            },
        )


def run_due(db, session, config, stop=None):
    """Check every source that is due (until stop is set); how many were checked."""
    done = 0
    while not (stop and stop.is_set()):
        taken = take_due(db, config)
        if taken is None:
            break
        source_id, url = taken
        record(db, source_id, check(session, url, config), config)
        done += 1
    return done


def run(db, session, config, stop, poll_interval):
    """Check what is due, then again every poll_interval seconds, until stop is set.

    The worker runs this in a thread of its own, on its own connection and session, so a
    slow link never holds up webhook deliveries (nor they the checks)."""
    while not stop.is_set():
        try:
            run_due(db, session, config, stop)
        except sqlite3.OperationalError as error:
            # Locked past the busy timeout: try again later. A source taken but not
            # recorded is taken again when its lease runs out.
            log.warning("link checks: database busy (%s); trying again", error)
        stop.wait(poll_interval)
