"""Timestamps: aware UTC, ISO 8601 with a Z, fixed width so that text order is time order."""

from datetime import UTC, datetime


def to_timestamp(moment: datetime) -> str:
    """Canonical text of an aware datetime: 2026-11-25T15:49:49.000000Z."""
    # isoformat, unlike strftime("%Y"), always writes four-digit years.
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def now() -> str:
    """The current time as a canonical timestamp."""
    return to_timestamp(datetime.now(UTC))
