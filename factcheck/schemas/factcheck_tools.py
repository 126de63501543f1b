"""Schemas of the Google Fact Check Tools-compatible search: Google's parameter and field
names (camelCase), as its API and client library use them."""

from marshmallow import EXCLUDE, fields, validate

from factcheck.factcheck_tools import MAX_OFFSET
from factcheck.schemas.base import BaseSchema, described
from factcheck.schemas.fields import Language, Text


class GoogleSearchQuerySchema(BaseSchema):
    class Meta:
        # Google's client always sends `key` (and may send alt, fields, prettyPrint...):
        # a tool written for Google must work unchanged, so unknown parameters are ignored
        # (the view's parser is told so too: it refuses them everywhere else).
        unknown = EXCLUDE

    query = Text(
        max_length=1000,
        **described("The claim, in any wording. Required unless reviewPublisherSiteFilter."),
    )
    language_code = Language(
        data_key="languageCode",
        **described("Only claims in this language (BCP 47); the region is not considered."),
    )
    review_publisher_site_filter = Text(
        max_length=300,
        data_key="reviewPublisherSiteFilter",
        **described("Only reviews by this site (every review here is this publisher's)."),
    )
    max_age_days = fields.Integer(
        strict=False,
        data_key="maxAgeDays",
        validate=validate.Range(min=1, max=36500),
        **described("Only claims whose claim or review date, the newer, is this recent."),
    )
    page_size = fields.Integer(
        strict=False,
        data_key="pageSize",
        load_default=10,
        validate=validate.Range(min=1, max=100),
        **described("How many claims to return (1 to 100; default 10)."),
    )
    page_token = Text(
        max_length=20,
        data_key="pageToken",
        **described("The nextPageToken of the previous page (takes precedence over offset)."),
    )
    offset = fields.Integer(
        strict=False,
        validate=validate.Range(min=0, max=MAX_OFFSET),
        **described("Where to start, counted from 0 (when no pageToken is given)."),
    )


class GooglePublisherSchema(BaseSchema):
    name = fields.String(**described("The publishing organisation (FACTCHECK_PUBLISHER_NAME)."))
    site = fields.String(**described("Its site (from FACTCHECK_PUBLISHER_URL)."))


class GoogleClaimReviewSchema(BaseSchema):
    publisher = fields.Nested(GooglePublisherSchema, **described("Who reviewed the claim."))
    url = fields.String(**described("The reader page of the fact-check."))
    title = fields.String(**described("Its title: the claim as quoted."))
    reviewDate = fields.String(**described("When the verdict was published."))
    textualRating = fields.String(
        **described("The rating's name (Retracted once the claim is retracted).")
    )
    languageCode = fields.String(**described("The claim's language (BCP 47)."))


class GoogleClaimSchema(BaseSchema):
    text = fields.String(**described("The claim as quoted."))
    claimant = fields.String(**described("Who made the claim; absent if nobody is named."))
    claimDate = fields.String(
        **described("When the claim was made (midnight UTC of its day); absent if unknown.")
    )
    claimReview = fields.List(
        fields.Nested(GoogleClaimReviewSchema), **described("Its review (one here).")
    )


class GoogleSearchSchema(BaseSchema):
    claims = fields.List(fields.Nested(GoogleClaimSchema), **described("This page's claims."))
    nextPageToken = fields.String(
        **described("Pass as pageToken for the next page; absent on the last.")
    )
