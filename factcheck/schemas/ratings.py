"""Rating scale schemas: the labels a verdict may use."""

from marshmallow import fields

from factcheck.schemas.base import BaseSchema, described, list_schema

BUCKETS = ("true", "mostly_true", "mixed", "mostly_false", "false", "other")


class RatingLabelSchema(BaseSchema):
    slug = fields.String(**described("What a verdict's `rating` holds."))
    name = fields.String(**described("Display name."))
    description = fields.String(**described("When to use this label."))
    ordinal = fields.Integer(
        allow_none=True, **described("Higher is truer; null if off the scale.")
    )
    bucket = fields.String(**described(f"Normalized bucket: one of {', '.join(BUCKETS)}."))


class RatingScaleSchema(BaseSchema):
    slug = fields.String(**described("What a verdict's `scale` holds."))
    name = fields.String(**described("Display name."))
    description = fields.String(**described("What the scale is for."))
    is_default = fields.Boolean(**described("Whether verdicts that name no scale use this one."))
    labels = fields.List(fields.Nested(RatingLabelSchema), **described("Labels, truest first."))


RatingScaleListSchema = list_schema(RatingScaleSchema, "RatingScaleListSchema")
