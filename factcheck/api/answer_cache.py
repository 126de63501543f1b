"""Readers' answers kept in memory until the database changes.

When a claim goes viral, readers ask for the same few URLs over and over: the same claim,
the same search, the same lookup. An anonymous GET of a hot read (Blueprint.shaped_response)
is answered from here while nothing at all has been committed to the database since it was
computed, so a cached answer is never one commit out of date, whatever the change was (a
publication, a correction, a byline, a source's link check).

"Nothing committed" is SQLite's own counting: `PRAGMA data_version` changes when another
connection commits, and the connection's total_changes when it writes itself. The state is
read before an answer is computed and again before it is kept, so an answer computed while
something committed is not kept. Answers are kept per connection, that is per server
thread, since each connection numbers its own data_version; each keeps at most
READ_CACHE_BYTES of bodies (FACTCHECK_READ_CACHE_BYTES; 0 turns it off), the oldest used
dropped first.

Answers to a key are never kept (staff see drafts), nor conditional requests (the view
answers those itself), nor anything but a 200.
"""

import weakref
from collections import OrderedDict

from flask import Response, current_app, g, request

_caches = weakref.WeakKeyDictionary()


class _Cache:
    def __init__(self):
        self.version = None
        self.answers = OrderedDict()  # URL -> (body, headers)
        self.size = 0

    def keep(self, key, body, headers, budget):
        if len(body) > budget // 4:
            return  # one large answer would push out many small ones
        self.answers[key] = (body, headers)
        self.size += len(body)
        while self.size > budget:
            _, (dropped, _) = self.answers.popitem(last=False)
            self.size -= len(dropped)


def _usable():
    return (
        request.method == "GET"
        and "Authorization" not in request.headers
        and "If-None-Match" not in request.headers
        and current_app.config["READ_CACHE_BYTES"] > 0
    )


def _state(db):
    return db.conn.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


def _cache_of(db):
    """This connection's cache, emptied if the database has changed since it was filled."""
    cache = _caches.get(db)
    if cache is None:
        cache = _caches[db] = _Cache()
    state = _state(db)
    if cache.version != state:
        cache.version, cache.answers, cache.size = state, OrderedDict(), 0
    return cache


def cached(db):
    """The kept answer to this request, or None (and the database's state is noted)."""
    if not _usable():
        return None
    cache = _cache_of(db)
    g.answer_cache_state = cache.version
    kept = cache.answers.get(request.full_path)
    if kept is None:
        return None
    cache.answers.move_to_end(request.full_path)
    body, headers = kept
    return Response(body, 200, headers, mimetype="application/json")


def keep(db, response):
    """Keep this request's answer (a 200 the view built) if readers' answers may be kept."""
    if _usable() and response.status_code == 200:
        cache = _cache_of(db)
        if cache.version != g.pop("answer_cache_state", None):
            return response  # something was committed while it was computed
        headers = {name: value for name, value in response.headers if name == "ETag"}
        cache.keep(
            request.full_path, response.get_data(), headers, current_app.config["READ_CACHE_BYTES"]
        )
    return response
