"""Timestamps: aware UTC, ISO 8601 with a Z, fixed width so that text order is time order."""

from datetime import UTC, datetime

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def to_timestamp(moment: datetime) -> str:
    """Canonical text of an aware datetime."""
    return moment.astimezone(UTC).strftime(TIMESTAMP_FORMAT)


def now() -> str:
    """The current time as a canonical timestamp."""
    return to_timestamp(datetime.now(UTC))
