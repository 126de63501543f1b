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
    # Request bodies above this many bytes are refused with 413.
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    # Seconds a browser or CDN may keep a public read (staff answers are never stored).
    "PUBLIC_MAX_AGE": 60,
    # The lookup's scores (0..1) from which a match is `likely`, and `possible` (lower ones
    # are not returned): set from bench/lookup_eval.py's figures, see the README.
    "MATCH_LIKELY": 0.8,
    "MATCH_POSSIBLE": 0.65,
    # Who publishes these fact-checks, as reviews name them (the Fact Check Tools search);
    # an empty URL means the address the service is reached at.
    "PUBLISHER_NAME": "factcheck",
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
