"""Configuration: defaults, overridden by FACTCHECK_* environment variables."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = {
    # Path of the SQLite file; empty means instance/factcheck.db under the project.
    "DATABASE": "",
    # Seconds a connection waits for a write lock before giving up.
    "BUSY_TIMEOUT": 5.0,
    # Rating scale used when a verdict names none.
    "DEFAULT_SCALE": "six-point",
    "SEED_DIR": str(PROJECT_ROOT / "seeds"),
    # An open claim with no movement for this many days shows as stale in the queue.
    "STALE_DAYS": 7,
    # Claims read per query while streaming an export (memory is bounded by one batch).
    "EXPORT_BATCH": 500,
    # The worker checks each source's link when it is added and again after this many days.
    "LINK_CHECK_DAYS": 30.0,
    # Seconds one link check may take (each of its HEAD and GET requests).
    "LINK_CHECK_TIMEOUT": 10.0,
    # Request bodies above this many bytes are refused with 413.
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    # Answers up to this many bytes are collected, then sent from gunicorn's event loop (a
    # slow reader holds no thread); longer ones (exports) stream from their thread.
    "STREAM_AFTER": 1024 * 1024,
    # Rate limits in flask-limiter's syntax ("300/minute", "10/second;1000/day"); empty: off.
    # Requests without a key, per client address:
    "RATE_LIMIT_ANON": "300/minute",
    # Requests with a wrong, revoked or expired key, per client address:
    "RATE_LIMIT_AUTH_FAIL": "10/minute",
    # POSTs (each creates one object) per API key:
    "WRITE_QUOTA": "120/minute",
    # Proxies (addresses or networks, comma-separated) whose X-Forwarded-For is believed.
    "TRUSTED_PROXIES": "",
    # Outbound HTTP (factcheck/outbound.py). Private addresses (127.0.0.1, 10/8, ...) are
    # refused unless this is set: for tests and development against local servers.
    "ALLOW_PRIVATE_URLS": False,
    "OUTBOUND_CONNECT_TIMEOUT": 5.0,
    "OUTBOUND_READ_TIMEOUT": 10.0,
    # Seconds one fetch may take in all, redirects and body included.
    "OUTBOUND_DEADLINE": 30.0,
    "OUTBOUND_MAX_BYTES": 5 * 1024 * 1024,
    "OUTBOUND_MAX_REDIRECTS": 5,
    # Webhook delivery (factcheck/worker.py). The first retry waits about BASE_DELAY seconds
    # (it may be under a second), each later one twice as long, up to MAX_DELAY.
    "WEBHOOK_BASE_DELAY": 5.0,
    "WEBHOOK_MAX_DELAY": 3600.0,
    "WEBHOOK_MAX_ATTEMPTS": 8,
    # A subscription whose attempts fail this many times in a row is disabled.
    "WEBHOOK_DISABLE_AFTER": 20,
    # Seconds one delivery attempt may take in all (connect, send, answer).
    "WEBHOOK_TIMEOUT": 10.0,
    # Days a finished delivery (succeeded or failed) and its attempts stay in the log before
    # the worker removes them, with events no delivery refers to any more; 0 keeps them all.
    "WEBHOOK_LOG_DAYS": 30.0,
    # Seconds the worker sleeps when nothing is due.
    "WORKER_POLL_INTERVAL": 1.0,
    # Seconds a browser or CDN may keep a public read (staff answers are never stored).
    "PUBLIC_MAX_AGE": 60,
    # Bytes of readers' answers each server process keeps, shared by its threads, until the
    # database changes (factcheck/api/answer_cache.py); 0 turns the cache off.
    "READ_CACHE_BYTES": 8 * 1024 * 1024,
    # The lookup's scores (0..1) from which a match is `likely`, and `possible` (lower ones
    # are not returned): set from bench/lookup_eval.py's figures, see the README.
    "MATCH_LIKELY": 0.8,
    "MATCH_POSSIBLE": 0.65,
    # Who publishes these fact-checks, as reviews name them (the Fact Check Tools search);
    # an empty URL means the address the service is reached at.
    "PUBLISHER_NAME": "factcheck",
    # Article extraction (factcheck/extraction.py): sentences scoring at least this (0..1)
    # become claims; set from bench/extraction.py's figures, see the README.
    "CHECKWORTHY_THRESHOLD": 0.5,
    "PUBLISHER_URL": "",
}


def _cast(name, raw, default):
    """Turn an environment string into the type of its default."""
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        return type(default)(raw)
    except ValueError as error:
        raise ValueError(
            f"FACTCHECK_{name}={raw!r} is not a valid {type(default).__name__}"
        ) from error


def from_environment(environ=None):
    """Return the defaults with every FACTCHECK_<NAME> variable applied."""
    environ = os.environ if environ is None else environ
    config = dict(DEFAULTS)
    for name, default in DEFAULTS.items():
        raw = environ.get(f"FACTCHECK_{name}")
        if raw is not None:
            config[name] = _cast(name, raw, default)
    return config
