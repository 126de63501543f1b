"""Lookup schemas: "has this been checked?", a sentence in, the matching fact-checks out."""

from marshmallow import fields, validate

from factcheck.matching import EXACT, LIKELY, POSSIBLE
from factcheck.schemas.base import BaseSchema, described
from factcheck.schemas.fields import Day, Id, Language, Text
from factcheck.schemas.imports import ExternalReviewSchema
from factcheck.schemas.verdicts import VerdictSchema


class LookupQuerySchema(BaseSchema):
    text = Text(
        required=True,
        min_length=1,
        max_length=1000,
        **described("The claim as you have it, in any wording."),
    )
    language = Language(
        **described("Only claims in this language (BCP 47; `en` also finds `en-GB`).")
    )
    limit = fields.Integer(
        strict=False,
        load_default=10,
        validate=validate.Range(min=1, max=50),
        **described("At most this many matches (1 to 50; default 10)."),
    )


class LookupHitSchema(BaseSchema):
    """A matching claim as a reader sees it, and how well it matches."""

    id = Id(**described("The claim's id."))
    text = fields.String(**described("The claim as the desk quoted it."))
    claimant = fields.String(
        allow_none=True, **described("Who made the claim; null if nobody is named.")
    )
    claim_date = Day(allow_none=True, **described("When the claim was made; null if unknown."))
    language = fields.String(**described("The claim's language (BCP 47)."))
    status = fields.String(
        **described(
            "published or retracted; imported when only other fact-checkers' reviews "
            "(external_reviews) are known and this desk has published nothing on it."
        )
    )
    origin = fields.String(
        **described(
            "manual, extracted or imported (a claim known here only from another "
            "fact-checker's review: no verdict of the desk's own, see external_reviews)."
        )
    )
    verdict = fields.Nested(
        VerdictSchema,
        allow_none=True,
        **described("The current published verdict (rating, rating_name); null once retracted."),
    )
    external_reviews = fields.List(
        fields.Nested(ExternalReviewSchema),
        **described("Other fact-checkers' reviews of the claim, imported as ClaimReview."),
    )
    score = fields.Float(**described("How well it matches, 0 to 1 (1: exact)."))
    match = fields.String(
        **described(
            f"`{EXACT}` (the same text after normalising typography, case and spacing), "
            f"`{LIKELY}` or `{POSSIBLE}` (scores from FACTCHECK_MATCH_LIKELY and "
            "FACTCHECK_MATCH_POSSIBLE)."
        )
    )


class LookupSchema(BaseSchema):
    items = fields.List(
        fields.Nested(LookupHitSchema), **described("The matches, best first; may be empty.")
    )
