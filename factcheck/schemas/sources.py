"""Source schemas: the evidence a reviewer cites."""

from marshmallow import fields, validate

from factcheck.linkcheck import STATES
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


class RedirectSchema(BaseSchema):
    status = fields.Integer(**described("The redirect's HTTP status (301, 302, 307...)."))
    url = fields.String(**described("Where it pointed."))


class SourceCheckSchema(BaseSchema):
    state = fields.String(
        allow_none=True,
        **described(
            f"What the last check found: one of {', '.join(STATES)} (ok: 2xx at the URL; "
            "redirected: 2xx after redirects; broken: any other answer, such as 404 or 500; "
            "unreachable: no answer). Null until the first check."
        ),
    )
    http_status = fields.Integer(
        allow_none=True, **described("The final answer's HTTP status (null if none).")
    )
    final_url = fields.String(allow_none=True, **described("The URL after redirects."))
    redirects = fields.List(
        fields.Nested(RedirectSchema), **described("Each redirect followed, in order.")
    )
    title = fields.String(allow_none=True, **described("The page's <title>, for HTML pages."))
    content_type = fields.String(
        allow_none=True, **described("The media type answered (text/html, application/pdf...).")
    )
    error = fields.String(allow_none=True, **described("Why it was unreachable."))
    checked_at = Timestamp(allow_none=True, **described("When it was last checked."))
    next_check_at = Timestamp(
        allow_none=True,
        **described("When the worker checks it next (now or past: queued, due at once)."),
    )


class SourceSchema(SourceCreateSchema):
    id = Id(dump_only=True, **described("The source's id."))
    claim_id = Id(dump_only=True, **described("The claim it belongs to."))
    created_at = Timestamp(dump_only=True, **described("When it was added."))
    check = fields.Nested(
        SourceCheckSchema,
        dump_only=True,
        **described("The worker's last check of the link, and when the next is due."),
    )


class SourceCheckRequestSchema(BaseSchema):
    """Asking for a check now takes no fields: send {}."""


SourceListSchema = list_schema(SourceSchema, "SourceListSchema")
