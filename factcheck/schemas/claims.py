"""Claim schemas: the quote, who said it, where it sits in its article, and its verdicts."""

from marshmallow import ValidationError, fields, validate, validates_schema

from factcheck.claims import ORIGINS
from factcheck.ratings import BUCKETS
from factcheck.schemas.base import BaseSchema, PageQuerySchema, described, list_schema
from factcheck.schemas.fields import Day, Id, Language, Offset, Since, Slug, Text, Timestamp
from factcheck.schemas.imports import ExternalReviewSchema
from factcheck.schemas.lookup import LookupHitSchema
from factcheck.schemas.verdicts import VerdictSchema
from factcheck.workflow import NOTICE_KINDS, STATES

CLAIM_SORTS = (
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "claim_date",
    "-claim_date",
    "relevance",
    "position",
)


class PublicNoteSchema(BaseSchema):
    status = fields.String(**described("The status the claim moved to (published or retracted)."))
    kind = fields.String(**described(f"What the notice is: one of {', '.join(NOTICE_KINDS)}."))
    note = fields.String(**described("What readers are told."))
    created_at = Timestamp(**described("When."))


# The fields a claim's create and update schemas share, each declared once: the create
# schema adds what a new claim must name and the defaults it starts with; the update
# schema (PATCH) takes them as they are, so an update changes only what it names.
def _text(**options):
    return Text(
        min_length=1, max_length=5000, **described("The exact quote from the article."), **options
    )


def _claimant(**options):
    return Text(
        min_length=1,
        max_length=300,
        allow_none=True,
        **described("Who made the claim; null when the text names nobody (as ClaimReview allows)."),
        **options,
    )


def _claim_date(**options):
    return Day(
        allow_none=True,
        **described("When the claim was made (YYYY-MM-DD); null if unknown."),
        **options,
    )


def _tags(**options):
    return fields.List(
        Slug(),
        validate=validate.Length(max=20),
        **described("Topic tags, lowercase slugs."),
        **options,
    )


class ClaimUpdateSchema(BaseSchema):
    """The editable fields; every one optional (PATCH)."""

    text = _text()
    claimant = _claimant()
    claim_date = _claim_date()
    span_start = Offset(
        **described("Start of the quote in the article body (characters, counted from 0).")
    )
    span_end = Offset(**described("End of the quote in the article body (exclusive)."))
    tags = _tags()
    language = Language(**described("BCP 47 tag; defaults to the article's language."))

    @validates_schema
    def _span_is_ordered(self, data, **kwargs):
        start, end = data.get("span_start"), data.get("span_end")
        if (start is None) != (end is None):
            raise ValidationError("Give span_start and span_end together.", "span_end")
        if start is not None and end <= start:
            raise ValidationError("span_end must be greater than span_start.", "span_end")


class ClaimCreateSchema(ClaimUpdateSchema):
    article_id = Id(required=True, **described("The article the claim is quoted from."))
    text = _text(required=True)
    claimant = _claimant(load_default=None)
    claim_date = _claim_date(load_default=None)
    tags = _tags(load_default=list)


class ClaimSchema(ClaimCreateSchema):
    """A claim as served (span fields are located by the server when omitted on create)."""

    id = Id(dump_only=True, **described("The claim's id."))
    status = fields.String(
        dump_only=True, **described(f"Editorial status: one of {', '.join(STATES)}.")
    )
    verdict = fields.Nested(
        VerdictSchema,
        dump_only=True,
        allow_none=True,
        **described(
            "The current published verdict; null before publication and once retracted "
            "(published_verdicts keeps the earlier ones)."
        ),
    )
    draft_verdict = fields.Nested(
        VerdictSchema,
        dump_only=True,
        allow_none=True,
        **described("Staff only: the latest unpublished revision, or null."),
    )
    assignee = fields.String(
        dump_only=True, allow_none=True, **described("Staff only: who is researching it.")
    )
    published_verdicts = fields.List(
        fields.Nested(VerdictSchema),
        dump_only=True,
        **described("Single claim only: every published revision, newest first (corrections)."),
    )
    public_notes = fields.List(
        fields.Nested(PublicNoteSchema),
        dump_only=True,
        **described(
            "Single claim only: publication, correction, retraction and reinstatement notices, "
            "newest first."
        ),
    )
    origin = fields.String(
        dump_only=True,
        **described(
            f"Where the claim came from: one of {', '.join(ORIGINS)} (typed in by hand, "
            "proposed by extraction from its article, imported from another fact-checker)."
        ),
    )
    check_worthiness = fields.Float(
        dump_only=True,
        allow_none=True,
        **described("Staff only: the extracted sentence's check-worthiness in [0, 1], or null."),
    )
    check_worthiness_reasons = fields.List(
        fields.String(),
        dump_only=True,
        allow_none=True,
        **described("Staff only: what drove that score (short phrases), or null."),
    )
    external_reviews = fields.List(
        fields.Nested(ExternalReviewSchema),
        dump_only=True,
        **described(
            "Single claim, staff only: other fact-checkers' reviews of it, imported as "
            "ClaimReview (POST /api/v1/imports/claimreview), oldest import first."
        ),
    )
    created_at = Timestamp(dump_only=True, **described("When it was stored."))
    updated_at = Timestamp(dump_only=True, **described("When it last changed."))


class ClaimCreatedSchema(ClaimSchema):
    """A claim just stored, with the claims it probably repeats."""

    duplicates = fields.List(
        fields.Nested(LookupHitSchema),
        dump_only=True,
        **described(
            "Claims already stored, in any state, that this one probably repeats (exact or "
            "likely matches of its text, best first); the claim is stored all the same."
        ),
    )


class ClaimQuerySchema(PageQuerySchema):
    status = Text(max_length=20, validate=validate.OneOf(STATES), **described("Only this status."))
    # Any text: an unknown (or wrongly cased) label is refused with the labels listed.
    rating = Text(
        min_length=1,
        max_length=64,
        **described(
            "Only claims whose current verdict has this rating slug (retracted claims have none)."
        ),
    )
    bucket = Text(
        max_length=20,
        validate=validate.OneOf(BUCKETS),
        **described(
            "Only claims whose published verdict's rating falls in this normalised bucket, "
            f"whatever its scale: one of {', '.join(BUCKETS)}."
        ),
    )
    claimant = Text(max_length=300, **described("Only this claimant (case-insensitive)."))
    tag = Slug(**described("Only claims with this tag."))
    article_id = Id(strict=False, **described("Only claims quoted from this article."))
    updated_since = Since(
        **described("Only claims changed at or after this time (a bare date: UTC midnight).")
    )
    q = Text(min_length=1, max_length=500, **described("Full-text search over the claim text."))
    sort = Text(
        max_length=20,
        validate=validate.OneOf(CLAIM_SORTS),
        **described(
            "Order: a field, `-` for descending; default relevance with q, else -created_at. "
            "`position` is reading order within the article given by article_id."
        ),
    )


ClaimListSchema = list_schema(ClaimSchema, "ClaimListSchema")
