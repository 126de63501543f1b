"""Readers' answers kept in memory until the database changes, served in front of Flask.

When a claim goes viral, readers ask for the same few URLs over and over: the same claim,
the same search, the same lookup. A keyless GET of such a read (a view marked with
blueprint.readers_may_keep, as every Blueprint.shaped_response is) is answered from here,
before Flask's routing, hooks and response objects, while nothing at all has been committed
to the database since it was computed: a kept answer is never one commit out of date,
whatever the change was (a publication, a correction, a byline, a source's link check).

"Nothing committed" is SQLite's own counting: `PRAGMA data_version` changes when another
connection commits, and the connection's total_changes when it writes itself. The state is
read before an answer is computed and again before it is kept, so an answer computed while
something committed is not kept. The answers are the process's, shared by its server
threads (SharedAnswers says how a commit seen by any thread empties them), at most
READ_CACHE_BYTES of bodies (FACTCHECK_READ_CACHE_BYTES; 0 turns it off), the oldest used
dropped first. An answer is kept whole (status, every header the app wrote, body), by
host, path, query and whether the request came cross-origin (CORS headers differ).

Requests with a key are never answered here (staff see drafts), nor conditional ones (the
view answers those with a 304), nor anything but GET. The keyless rate limit still counts
every request, here, before a kept answer is given (api/ratelimit.count_keyless).
"""

import sqlite3
import threading
import weakref
from collections import OrderedDict

from factcheck.api.database import thread_db
from factcheck.api.ratelimit import count_keyless
from factcheck.errors import TooManyRequests

# The WSGI environ's mark, set by a view, that its answer may be given to readers again.
KEEP = "factcheck.answer_may_be_kept"


def _state(db):
    return db.conn.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


class SharedAnswers:
    """The process's kept answers, shared by its server threads.

    Each connection numbers its own data_version, so no one number says "nothing changed"
    for every thread. Instead each thread, before it reads from here, compares its
    connection's state with the one it saw last; a thread that sees any commit empties the
    cache for all (a new epoch). An answer computed at one epoch is kept only if the epoch
    is still the same and its own connection saw no commit meanwhile; one that slips in
    just after a commit is emptied by the next thread to look, before it is given."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answers = OrderedDict()  # key -> (status, headers, body)
        self.size = 0
        self.epoch = 0
        self.seen = weakref.WeakKeyDictionary()  # connection -> the state it saw last

    def look(self, db, key):
        """(the kept answer or None, the epoch it belongs to, db's state now)."""
        state = _state(db)
        with self.lock:
            if self.seen.get(db) != state:
                self.seen[db] = state
                self.answers.clear()
                self.size = 0
                self.epoch += 1
            kept = self.answers.get(key)
            if kept is not None:
                self.answers.move_to_end(key)
            return kept, self.epoch, state

    def keep(self, db, key, answer, since, budget):
        """Keep answer if nothing was committed since (epoch, state) was looked at."""
        epoch, state = since
        body = answer[2]
        # One large answer would push out many small ones.
        if len(body) > budget // 4 or not _unchanged_since(db, state):
            return
        with self.lock:
            if self.epoch != epoch or key in self.answers:
                return
            self.answers[key] = answer
            self.size += len(body)
            while self.size > budget:
                _, (_, _, dropped) = self.answers.popitem(last=False)
                self.size -= len(dropped)


def _usable(environ):
    return (
        environ["REQUEST_METHOD"] == "GET"
        and "HTTP_AUTHORIZATION" not in environ
        and "HTTP_IF_NONE_MATCH" not in environ
    )


def _key(environ):
    return (
        environ.get("HTTP_HOST"),
        environ["wsgi.url_scheme"],
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
        "HTTP_ORIGIN" in environ,
    )


class AnswerCache:
    """WSGI middleware around the app (app.wsgi_app), reading the app's live config."""

    def __init__(self, app, config):
        self.app = app
        self.config = config
        self.answers = SharedAnswers()

    def __call__(self, environ, start_response):
        budget = self.config["READ_CACHE_BYTES"]
        if budget <= 0 or not _usable(environ):
            return self.app(environ, start_response)
        try:
            count_keyless(environ, self.config)
        except TooManyRequests:
            return self.app(environ, start_response)  # which answers the refusal
        key = _key(environ)
        try:
            db = thread_db(self.config)
            kept, *since = self.answers.look(db, key)
        except sqlite3.Error:
            return self.app(environ, start_response)  # which says what is wrong, as always
        if kept is not None:
            status, headers, body = kept
            start_response(status, list(headers))
            return [body]
        return self._answer_and_keep(environ, start_response, db, key, since)

    def _answer_and_keep(self, environ, start_response, db, key, since):
        started = []

        def noting_start(status, headers, exc_info=None):
            started[:] = [status, list(headers)]
            return start_response(status, headers, exc_info)

        result = self.app(environ, noting_start)
        if not environ.get(KEEP) or not started or not started[0].startswith("200 "):
            return result
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        self.answers.keep(db, key, (*started, body), since, self.config["READ_CACHE_BYTES"])
        return [body]


def _unchanged_since(db, state):
    """Whether nothing was committed since state was read (False if it cannot be told)."""
    try:
        return _state(db) == state
    except sqlite3.Error:
        return False
