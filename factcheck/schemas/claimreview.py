"""schema.org ClaimReview and DataFeed, as JSON-LD (https://schema.org/ClaimReview): the
format search engines and fact-check aggregators read. Property names are schema.org's."""

from marshmallow import fields

from factcheck.schemas.base import BaseSchema, PageQuerySchema, described


def _ld(name, description):
    """A JSON-LD keyword (@type, @context): not a valid Python name."""
    return fields.String(data_key=name, attribute=name, **described(description))


class LdThingSchema(BaseSchema):
    type = _ld("@type", "Person or Organization.")
    name = fields.String(**described("Its name."))
    url = fields.String(**described("Its web address, when configured or known."))


class LdAppearanceSchema(BaseSchema):
    type = _ld("@type", "CreativeWork.")
    url = fields.String(**described("Where the claim appeared: the article's address."))
    headline = fields.String(**described("The article's title."))
    author = fields.Nested(
        LdThingSchema, **described("Who wrote the article (its byline), when known.")
    )


class LdClaimSchema(BaseSchema):
    type = _ld("@type", "Claim.")
    author = fields.Nested(LdThingSchema, **described("Who made the claim (the claimant)."))
    datePublished = fields.String(**described("When the claim was made (YYYY-MM-DD), when known."))
    appearance = fields.Nested(
        LdAppearanceSchema, **described("The article quoting it, when its address is known.")
    )


class LdRatingSchema(BaseSchema):
    type = _ld("@type", "Rating.")
    alternateName = fields.String(
        **described("The rating as text: the label's name, or Retracted.")
    )
    ratingValue = fields.Integer(
        **described("The label's place on its scale (higher is truer), if it has one.")
    )
    bestRating = fields.Integer(**described("The scale's truest place."))
    worstRating = fields.Integer(**described("The scale's least true place."))
    ratingExplanation = fields.String(
        **described("The verdict's explanation; for a retracted claim, the retraction notice.")
    )


class ClaimReviewSchema(BaseSchema):
    context = _ld("@context", "https://schema.org (on a review served alone).")
    type = _ld("@type", "ClaimReview.")
    url = fields.String(**described("The fact-check's reader page."))
    claimReviewed = fields.String(**described("The exact quote checked."))
    inLanguage = fields.String(**described("The claim's language (BCP 47)."))
    author = fields.Nested(
        LdThingSchema, **described("The publishing organisation (FACTCHECK_PUBLISHER_NAME, _URL).")
    )
    datePublished = fields.String(**described("When the fact-check was first published."))
    dateModified = fields.String(
        **described("When a correction, retraction or reinstatement last changed it.")
    )
    itemReviewed = fields.Nested(LdClaimSchema, **described("The claim checked."))
    reviewRating = fields.Nested(LdRatingSchema, **described("The verdict."))


class ClaimReviewFeedSchema(BaseSchema):
    context = _ld("@context", "https://schema.org.")
    type = _ld("@type", "DataFeed.")
    name = fields.String(**described("What the feed holds."))
    dateModified = fields.String(
        allow_none=True,
        **described("When any published fact-check last changed (null: none published)."),
    )
    dataFeedElement = fields.List(
        fields.Nested(ClaimReviewSchema),
        **described("This page's ClaimReviews, least recently changed first."),
    )
    next = fields.String(
        allow_none=True, **described("Cursor for the next page, or null on the last page.")
    )


class ClaimReviewFeedQuerySchema(PageQuerySchema):
    """limit and cursor, as on every list."""
