"""Article schemas: what a client sends to store or edit an article, and what it gets back.

Lists never carry bodies (a body can be 500,000 characters, and a page holds up to 100
articles); a single article does, with the first page of its claims.
"""

from marshmallow import ValidationError, fields, validates_schema

from factcheck.schemas.base import BaseSchema, PageQuerySchema, described, list_schema
from factcheck.schemas.claims import ClaimSchema
from factcheck.schemas.extraction import ExtractionSchema
from factcheck.schemas.fields import DayOrTimestamp, Id, Language, Text, Timestamp, Url
from factcheck.urls import url_key

MAX_BODY_CHARACTERS = 500_000
MISSING = "Missing data for required field."


class ArticleUrl(Url):
    """An article's address: an absolute http(s) URL that has a normalised key."""

    def _deserialize(self, value, attr, data, **kwargs):
        url = super()._deserialize(value, attr, data, **kwargs)
        try:
            url_key(url)
        except ValueError as error:
            raise ValidationError("Not a valid URL.") from error
        return url


# Each field is declared once: the create schema adds what a new article must have and its
# defaults; the update schema (PATCH) takes them as they are, so a patch changes only
# what it names.
def _title(**options):
    return Text(min_length=1, max_length=500, **described("The headline."), **options)


def _body(**options):
    return Text(
        min_length=1,
        max_length=MAX_BODY_CHARACTERS,
        **described("The full text, kept exactly; claim spans index into it."),
        **options,
    )


def _url(**options):
    return ArticleUrl(
        allow_none=True,
        **described(
            "Where it was published; null if unknown. Two articles cannot share an address "
            "(compared normalised: see GET /articles?url=)."
        ),
        **options,
    )


def _publisher(**options):
    return Text(max_length=300, allow_none=True, **described("Null if unknown."), **options)


def _author(**options):
    return Text(
        max_length=300,
        allow_none=True,
        **described("Who wrote it (the byline, several names as one text); null if unknown."),
        **options,
    )


def _published_at(**options):
    return DayOrTimestamp(
        allow_none=True,
        **described("YYYY-MM-DD when only the day is known, else a date-time; null if unknown."),
        **options,
    )


def _language(**options):
    return Language(**described("BCP 47 tag of the text (default en)."), **options)


class ArticleUpdateSchema(BaseSchema):
    """The editable fields, every one optional (PATCH). The body only while no claim quotes it."""

    title = _title()
    body = _body()
    url = _url()
    publisher = _publisher()
    author = _author()
    published_at = _published_at()
    language = _language()


class ArticleCreateSchema(ArticleUpdateSchema):
    """A body with its title, or only a url: the page is then fetched (factcheck/ingest.py)
    and its main text and metadata fill in what the request leaves out."""

    title = _title(load_default=None)
    body = _body(load_default=None)
    url = _url(load_default=None)
    publisher = _publisher(load_default=None)
    author = _author(load_default=None)
    published_at = _published_at(load_default=None)
    # No default here: a fetched page's own language beats it (articles.create sets "en").
    language = _language(load_default=None)

    @validates_schema
    def _body_or_url(self, data, **kwargs):
        if data.get("body") is None and data.get("url") is None:
            errors = {"body": [f"{MISSING} Give the body (with a title), or a url to fetch."]}
            if data.get("title") is None:
                errors["title"] = [MISSING]
            raise ValidationError(errors)
        if data.get("body") is not None and data.get("title") is None:
            raise ValidationError(MISSING, "title")


class ArticleSummarySchema(BaseSchema):
    """An article in a list: everything but the body."""

    id = Id(dump_only=True, **described("The article's id."))
    title = _title()
    url = _url()
    publisher = _publisher()
    author = _author()
    published_at = _published_at()
    language = _language()
    created_at = Timestamp(dump_only=True, **described("When it was stored."))
    updated_at = Timestamp(dump_only=True, **described("When it last changed."))


class ArticleSchema(ArticleSummarySchema):
    body = _body()


class ArticleCreatedSchema(ArticleSchema):
    extraction = fields.Nested(
        ExtractionSchema,
        dump_only=True,
        allow_none=True,
        **described("With ?extract=true: the claims proposed (as POST /articles/{id}/extract)."),
    )


class ArticleDetailSchema(ArticleSchema):
    claims = fields.List(
        fields.Nested(ClaimSchema),
        dump_only=True,
        **described("The first page of the claims quoted from it, in reading order."),
    )
    claims_next = fields.String(
        allow_none=True,
        dump_only=True,
        **described("Link to the rest of its claims, in reading order; null if none is left."),
    )


class ArticleQuerySchema(PageQuerySchema):
    url = ArticleUrl(
        **described(
            "Only the article at this address, compared normalised: http and https, the host's "
            "case, a default port, trailing slashes, tracking parameters (utm_*, fbclid, gclid "
            "and the like) and the fragment make no difference."
        )
    )


ArticleListSchema = list_schema(ArticleSummarySchema, "ArticleListSchema")
