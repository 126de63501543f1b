"""Verdict schemas: a revision's rating, explanation and the sources it cites."""

from marshmallow import fields, validate

from factcheck.schemas.base import BaseSchema, described, list_schema
from factcheck.schemas.fields import Id, Slug, Text, Timestamp


class VerdictCreateSchema(BaseSchema):
    # Any text: an unknown (or wrongly cased) label is refused with the scale's labels listed.
    rating = Text(
        min_length=1,
        max_length=64,
        required=True,
        **described("Slug of a label on the scale (see /api/v1/rating-scales)."),
    )
    scale = Slug(
        load_default=None,
        **described("Slug of the rating scale; the configured default if omitted."),
    )
    explanation = Text(
        min_length=1,
        max_length=5000,
        required=True,
        **described("Why the claim earns this rating."),
    )
    source_ids = fields.List(
        Id(),
        load_default=list,
        validate=validate.Length(max=50),
        **described("Ids of this claim's sources that back the verdict."),
    )


class VerdictSchema(VerdictCreateSchema):
    id = Id(dump_only=True, **described("The revision's id."))
    claim_id = Id(dump_only=True, **described("The claim it rates."))
    revision = fields.Integer(
        dump_only=True, **described("1 for the claim's first verdict, then 2, 3...")
    )
    rating_name = fields.String(dump_only=True, **described("Display name of the rating."))
    author = fields.String(
        dump_only=True, **described("Staff only: the login name of who wrote this revision.")
    )
    author_display_name = fields.String(
        dump_only=True,
        **described(
            "The byline: the display name an admin set for the author, else the login name."
        ),
    )
    created_at = Timestamp(dump_only=True, **described("When the revision was written."))
    published_at = Timestamp(
        dump_only=True, allow_none=True, **described("When it was published; null for a draft.")
    )


VerdictListSchema = list_schema(VerdictSchema, "VerdictListSchema")
