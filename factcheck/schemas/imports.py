"""ClaimReview import schemas: the URL form of the request, the per-item answer, and an
external review as claims, the lookup and the Fact Check Tools search show it."""

from marshmallow import fields

from factcheck.claimreview_import import ALREADY_THERE, SKIPPED, STORED
from factcheck.schemas.base import BaseSchema, described
from factcheck.schemas.fields import Id, Url


class ImportUrlSchema(BaseSchema):
    url = Url(
        required=True,
        **described(
            "A page carrying ClaimReview (JSON-LD blocks or microdata) or a JSON-LD document, "
            "fetched through the outbound guard: an address inside the network is refused "
            "(422)."
        ),
    )


class ImportItemSchema(BaseSchema):
    status = fields.String(
        **described(
            f"`{STORED}`, `{ALREADY_THERE}` (its review URL was imported before) or `{SKIPPED}`."
        )
    )
    url = fields.String(allow_none=True, **described("The review's URL; null if it has none."))
    reason = fields.String(
        **described("Why it was skipped: no claimReviewed, no rating text, no review URL...")
    )
    claim_id = Id(**described("The claim the review is attached to (stored, already there)."))
    review_id = Id(**described("The external review's id (stored, already there)."))


class ImportResultSchema(BaseSchema):
    items = fields.List(
        fields.Nested(ImportItemSchema),
        **described("Each ClaimReview found, in document order (JSON-LD before microdata)."),
    )
    stored = fields.Integer(**described("How many were stored now."))
    already_there = fields.Integer(**described("How many were imported before."))
    skipped = fields.Integer(**described("How many could not be understood."))


class ExternalReviewSchema(BaseSchema):
    """Another fact-checker's published review of the claim, imported as ClaimReview."""

    id = Id(**described("The external review's id."))
    url = fields.String(**described("The review's URL, at its publisher."))
    publisher_name = fields.String(allow_none=True, **described("Who published it, if named."))
    publisher_site = fields.String(**described("The publisher's site (host, without www)."))
    textual_rating = fields.String(**described("The rating in the publisher's words."))
    rating_value = fields.Float(allow_none=True, **described("The rating as a number, if given."))
    best_rating = fields.Float(allow_none=True, **described("The best rating value, if given."))
    worst_rating = fields.Float(allow_none=True, **described("The worst rating value, if given."))
    review_date = fields.String(allow_none=True, **described("When it was published (date)."))
    title = fields.String(allow_none=True, **described("The review's headline, if given."))
    claimant = fields.String(allow_none=True, **described("Who made the claim, per the review."))
    claim_date = fields.String(allow_none=True, **described("When the claim was made (date)."))
    appearances = fields.List(
        fields.String(), **described("Where the claim appeared (URLs), per the review.")
    )
    language = fields.String(allow_none=True, **described("The review's language (BCP 47)."))
    imported_at = fields.String(**described("When it was imported."))
