"""Rate limits on the web side: who the caller is (their address, or their key) and when
each limit is counted. The counting is factcheck/ratelimit.py's.

- No key: every request counts against RATE_LIMIT_ANON, per client address (staff keys are
  not limited by it).
- A key: refused outright while its address has used up RATE_LIMIT_AUTH_FAIL, and each
  401 it earns counts against that limit, so keys cannot be guessed at speed.
- Each POST with a valid key counts against WRITE_QUOTA, per key.
"""

import functools
import ipaddress

from apispec import BasePlugin
from flask import current_app, g, request

from factcheck import ratelimit
from factcheck.errors import PROBLEM_MEDIA_TYPE, TooManyRequests
from factcheck.schemas.base import ProblemSchema

EXEMPT_PATHS = {"/healthz"}  # monitors must not be refused
# The WSGI environ's mark of a keyless request counted: None, or the refusal it earned.
COUNTED = "factcheck.keyless_counted"


@functools.lru_cache(maxsize=8)
def _networks(setting):
    return tuple(ipaddress.ip_network(part.strip()) for part in setting.split(",") if part.strip())


def _trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(environ, config):
    """The caller's address: the peer's, unless the peer is a trusted proxy; then the last
    address in X-Forwarded-For that is not a trusted proxy (what the nearest one saw)."""
    address = environ.get("REMOTE_ADDR") or ""
    networks = _networks(config["TRUSTED_PROXIES"])
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    while hops and _trusted(address, networks):
        address = hops.pop()
    return address


def _limit(step, setting, name, caller_of, config=None):
    """step (hit, check or count) for the caller (caller_of() names it) against the limits
    the setting names; nothing to work out when that limit is off."""
    config = config or current_app.config
    if ratelimit.parse(config[setting]):
        step(ratelimit.counters_path(config["DATABASE"]), config[setting], name, caller_of())


def _exempt(environ):
    return environ.get("PATH_INFO") in EXEMPT_PATHS


def _caller():
    return client_address(request.environ, current_app.config)


def count_keyless(environ, config):
    """Count a request without a key against RATE_LIMIT_ANON, once: the answer cache in
    front of the app (api/answer_cache.py) counts it before it gives a kept answer, and the
    app must then neither count it again nor forget a refusal. TooManyRequests when over."""
    if _exempt(environ):
        return
    if COUNTED not in environ:
        environ[COUNTED] = None
        try:
            caller = functools.partial(client_address, environ, config)
            _limit(ratelimit.hit, "RATE_LIMIT_ANON", "anonymous", caller, config)
        except TooManyRequests as refusal:
            environ[COUNTED] = refusal
    if environ[COUNTED] is not None:
        raise environ[COUNTED]


def limit_callers():
    """Before the key is looked at: count a keyless request, or refuse a key from an
    address that has failed to authenticate too often."""
    if "Authorization" not in request.headers:
        count_keyless(request.environ, current_app.config)
    elif not _exempt(request.environ):
        _limit(ratelimit.check, "RATE_LIMIT_AUTH_FAIL", "failed authentication", _caller)


def limit_writes():
    """After the key is known: count a POST against its key's quota."""
    if request.method == "POST" and g.identity.key_id is not None:
        _limit(ratelimit.hit, "WRITE_QUOTA", "object-creating", lambda: f"key {g.identity.key_id}")


def count_failed_authentication(response):
    """A 401 for a request with a key counts; the answer stays the 401 (failures that
    arrive together may all pass the check, and go over the limit here)."""
    if response.status_code == 401 and "Authorization" in request.headers:
        _limit(ratelimit.count, "RATE_LIMIT_AUTH_FAIL", "failed authentication", _caller)
    return response


class DocumentTooManyRequests(BasePlugin):
    """Any request can meet a limit (keyless, a failed key, a quota), so every operation in
    the OpenAPI document lists the 429 answer and its Retry-After header."""

    def init_spec(self, spec):
        retry_after = {
            "description": "Seconds until the window that refused the request ends.",
            "schema": {"type": "integer", "minimum": 1},
        }
        spec.components.response(
            "TOO_MANY_REQUESTS_LIMITED",
            {
                "description": "A rate limit or write quota is used up (when configured).",
                "headers": {"Retry-After": retry_after},
                "content": {PROBLEM_MEDIA_TYPE: {"schema": ProblemSchema}},
            },
            lazy=True,
        )

    def operation_helper(self, path=None, operations=None, **kwargs):
        for operation in (operations or {}).values():
            operation.setdefault("responses", {})["429"] = "TOO_MANY_REQUESTS_LIMITED"


def init_app(app):
    for setting in ("RATE_LIMIT_ANON", "RATE_LIMIT_AUTH_FAIL", "WRITE_QUOTA"):
        ratelimit.parse(app.config[setting])  # a typo fails at start-up, not per request
    _networks(app.config["TRUSTED_PROXIES"])
    # Runs before the key is looked up (auth's hook, registered earlier), so a guesser is
    # refused before any key is checked; the quota needs the key, so it runs after.
    app.before_request_funcs.setdefault(None, []).insert(0, limit_callers)
    app.before_request(limit_writes)
    app.after_request(count_failed_authentication)
