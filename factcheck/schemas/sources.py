"""Source schemas: the evidence a reviewer cites."""

from marshmallow import validate

from factcheck.schemas.base import BaseSchema, described, list_schema
from factcheck.schemas.fields import DayOrTimestamp, Id, Text, Timestamp, Url

SOURCE_KINDS = ("primary", "secondary")


class SourceCreateSchema(BaseSchema):
    url = Url(required=True, **described("Where the source can be read."))
    title = Text(max_length=500, allow_none=True, load_default=None, **described("Its title."))
    publisher = Text(
        max_length=300, allow_none=True, load_default=None, **described("Who published it.")
    )
    published_at = DayOrTimestamp(
        allow_none=True, load_default=None, **described("When it was published, if known.")
    )
    accessed_at = Timestamp(
        allow_none=True,
        load_default=None,
        **described("When the reviewer read it; defaults to now."),
    )
    archived_url = Url(
        allow_none=True, load_default=None, **described("A snapshot, e.g. on the Wayback Machine.")
    )
    kind = Text(
        max_length=20,
        required=True,
        validate=validate.OneOf(SOURCE_KINDS),
        **described("primary (the record itself) or secondary (reporting about it)."),
    )
    note = Text(max_length=2000, load_default="", **described("What this source shows."))


class SourceSchema(SourceCreateSchema):
    id = Id(dump_only=True, **described("The source's id."))
    claim_id = Id(dump_only=True, **described("The claim it belongs to."))
    created_at = Timestamp(dump_only=True, **described("When it was added."))


SourceListSchema = list_schema(SourceSchema, "SourceListSchema")
