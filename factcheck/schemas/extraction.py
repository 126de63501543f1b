"""Extraction schemas: sentences of a text with their check-worthiness, claimant and span;
what an extraction run created, found already stored, and left below the threshold."""

from marshmallow import fields, validate

from factcheck.schemas.base import BaseSchema, described
from factcheck.schemas.fields import Id, Text

MAX_TEXT_CHARACTERS = 100_000


class CheckWorthinessRequestSchema(BaseSchema):
    text = Text(
        required=True,
        min_length=1,
        max_length=MAX_TEXT_CHARACTERS,
        **described("The text to score: a draft, a paragraph, a sentence."),
    )


class SentenceSchema(BaseSchema):
    text = fields.String(**described("The sentence, exactly as in the text."))
    span_start = fields.Integer(
        **described("Where it starts in the text (Unicode code points, from 0).")
    )
    span_end = fields.Integer(**described("Where it ends (exclusive): text[start:end] is it."))
    check_worthiness = fields.Float(
        **described("How worth checking it is, from 0 (not at all) to 1.")
    )
    check_worthiness_reasons = fields.List(
        fields.String(), **described("What drove the score, strongest first.")
    )
    claimant = fields.String(
        allow_none=True, **described("Who the text says made the claim; null if nobody.")
    )


class CheckWorthinessSchema(BaseSchema):
    threshold = fields.Float(
        **described("The score from which extraction stores a sentence as a claim.")
    )
    sentences = fields.List(
        fields.Nested(SentenceSchema), **described("Every sentence, in reading order.")
    )


class ExtractedSentenceSchema(SentenceSchema):
    claim_id = Id(
        allow_none=True,
        **described("The claim this sentence is (created now, or stored before); null if none."),
    )


class ExtractionSchema(BaseSchema):
    article_id = Id(**described("The article the sentences are from."))
    threshold = fields.Float(**described("The score from which a sentence became a claim."))
    created = fields.List(
        fields.Nested(ExtractedSentenceSchema),
        **described("Sentences stored now as claims (status new, origin extracted)."),
    )
    existing = fields.List(
        fields.Nested(ExtractedSentenceSchema),
        **described("Sentences a claim of the article quotes already (whole or in part)."),
    )
    below_threshold = fields.List(
        fields.Nested(ExtractedSentenceSchema),
        **described("Sentences scored below the threshold: not stored (promote by hand)."),
    )


class ExtractRequestSchema(BaseSchema):
    threshold = fields.Float(
        load_default=None,
        validate=validate.Range(min=0, max=1),
        **described("This run's threshold instead of the configured one (0..1)."),
    )


class ExtractQuerySchema(BaseSchema):
    extract = fields.Boolean(
        load_default=False,
        **described("Also propose its claims (as POST /articles/{id}/extract) once stored."),
    )
