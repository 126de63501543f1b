"""Field types shared by the schemas: bounded, SQLite-safe, timestamps with a Z."""

import re
from datetime import UTC, date, datetime, time

from marshmallow import ValidationError, fields, validate

from factcheck.timeutil import to_timestamp

MAX_SQLITE_INTEGER = 2**63 - 1
# Date-times outside these years are refused: converting them to UTC could leave the
# calendar, and four-digit years keep text order equal to time order.
MIN_YEAR, MAX_YEAR = 1000, 9998
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# BCP 47 shape: a primary language subtag, then optional subtags (en, en-GB, zh-Hant-TW).
LANGUAGE_PATTERN = r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$"


def _length(min_length, max_length):
    return validate.Length(min=min_length, max=max_length)


class Text(fields.String):
    """A string SQLite can store: valid Unicode (no lone surrogates), length-bounded."""

    def __init__(self, *, max_length, min_length=0, validate=None, **kwargs):
        extra = [] if validate is None else [validate]
        super().__init__(validate=[_length(min_length, max_length), *extra], **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        return storable(super()._deserialize(value, attr, data, **kwargs))


def storable(text):
    """text, if SQLite can store and search it; else a validation error."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError("Not valid Unicode text.") from error
    # NUL ends a string in SQLite's C interfaces (FTS5 queries among them).
    if "\x00" in text:
        raise ValidationError("Text may not contain NUL characters.")
    return text


class Slug(Text):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=64,
            min_length=1,
            validate=validate.Regexp(
                SLUG_PATTERN, error="Use lowercase letters, digits and hyphens."
            ),
            **kwargs,
        )


class Language(Text):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=35,
            min_length=2,
            validate=validate.Regexp(
                LANGUAGE_PATTERN, error="Not a BCP 47 language tag (such as en-GB)."
            ),
            **kwargs,
        )


class Url(fields.Url):
    """An absolute http(s) URL of bounded length."""

    def __init__(self, **kwargs):
        super().__init__(schemes={"http", "https"}, validate=validate.Length(max=2048), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(
            storable(value) if isinstance(value, str) else value, attr, data
        )


class Id(fields.Integer):
    """A row id: a positive integer SQLite can hold."""

    def __init__(self, *, strict=True, **kwargs):
        super().__init__(
            strict=strict, validate=validate.Range(min=1, max=MAX_SQLITE_INTEGER), **kwargs
        )


class Offset(fields.Integer):
    """A character offset into an article body."""

    def __init__(self, **kwargs):
        super().__init__(
            strict=True, validate=validate.Range(min=0, max=MAX_SQLITE_INTEGER), **kwargs
        )


def _with_format(kwargs, fmt, description=None):
    metadata = dict(kwargs.pop("metadata", {}))
    if fmt:
        metadata.setdefault("format", fmt)
    if description:
        metadata.setdefault("description", description)
    return {**kwargs, "metadata": metadata}


class Timestamp(fields.String):
    """An aware ISO 8601 date-time; stored and served as UTC with a Z."""

    def __init__(self, **kwargs):
        super().__init__(**_with_format(kwargs, "date-time"))

    def _serialize(self, value, attr, obj, **kwargs):
        return value

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise ValidationError("Not a valid date-time.")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as error:
            raise ValidationError("Not a valid ISO 8601 date-time.") from error
        if moment.tzinfo is None:
            raise ValidationError("Give a time zone, such as Z for UTC.")
        try:
            utc = moment.astimezone(UTC)
        except OverflowError as error:
            raise ValidationError(f"Give a year between {MIN_YEAR} and {MAX_YEAR}.") from error
        if not MIN_YEAR <= utc.year <= MAX_YEAR:
            raise ValidationError(f"Give a year between {MIN_YEAR} and {MAX_YEAR} (in UTC).")
        return to_timestamp(utc)


class Since(Timestamp):
    """A lower time bound: an aware date-time, or a bare date meaning its midnight in UTC."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(Day()._deserialize(value, attr, data))
            return to_timestamp(datetime.combine(day, time(), UTC))
        return super()._deserialize(value, attr, data, **kwargs)


class Day(fields.String):
    """A calendar date, YYYY-MM-DD."""

    def __init__(self, **kwargs):
        super().__init__(**_with_format(kwargs, "date"))

    def _serialize(self, value, attr, obj, **kwargs):
        return value

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValidationError("Not a valid date (YYYY-MM-DD).")
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError as error:
            raise ValidationError("Not a valid date (YYYY-MM-DD).") from error


class DayOrTimestamp(fields.String):
    """A date (when only the day is known, as for many articles) or an aware date-time."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value) == 10:
            return Day()._deserialize(value, attr, data)
        return Timestamp()._deserialize(value, attr, data)
