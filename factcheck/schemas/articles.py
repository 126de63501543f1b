"""Article schemas: what a client sends to store an article, and what it gets back."""

from marshmallow import fields

from factcheck.schemas.base import BaseSchema, PageQuerySchema, described, list_schema
from factcheck.schemas.claims import ClaimSchema
from factcheck.schemas.fields import DayOrTimestamp, Id, Language, Text, Timestamp, Url

MAX_BODY_CHARACTERS = 500_000


class ArticleCreateSchema(BaseSchema):
    title = Text(min_length=1, max_length=500, required=True, **described("The headline."))
    body = Text(
        min_length=1,
        max_length=MAX_BODY_CHARACTERS,
        required=True,
        **described("The full text, kept exactly; claim spans index into it."),
    )
    url = Url(
        allow_none=True, load_default=None, **described("Where it was published; null if unknown.")
    )
    publisher = Text(
        max_length=300, allow_none=True, load_default=None, **described("Null if unknown.")
    )
    published_at = DayOrTimestamp(
        allow_none=True,
        load_default=None,
        **described("YYYY-MM-DD when only the day is known, else a date-time; null if unknown."),
    )
    language = Language(load_default="en", **described("BCP 47 tag of the text (default en)."))


class ArticleSchema(ArticleCreateSchema):
    id = Id(dump_only=True, **described("The article's id."))
    created_at = Timestamp(dump_only=True, **described("When it was stored."))
    updated_at = Timestamp(dump_only=True, **described("When it last changed."))


class ArticleDetailSchema(ArticleSchema):
    claims = fields.List(
        fields.Nested(ClaimSchema), dump_only=True, **described("The claims quoted from it.")
    )


class ArticleQuerySchema(PageQuerySchema):
    pass


ArticleListSchema = list_schema(ArticleSchema, "ArticleListSchema")
