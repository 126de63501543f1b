"""Webhook schemas: subscriptions (the secret appears once, when generated), their
deliveries and each delivery's attempts."""

from marshmallow import fields, validate

from factcheck.outbox import ALL, EVENT_TYPES
from factcheck.schemas.accounts import StrictBoolean
from factcheck.schemas.base import BaseSchema, described, list_schema
from factcheck.schemas.fields import Text, Timestamp, Url

EVENT_NAMES = (*EVENT_TYPES, ALL)


class WebhookCreateSchema(BaseSchema):
    url = Url(
        required=True,
        **described(
            "Where events are POSTed (http or https). Refused (422) if its host resolves to a "
            "private, loopback, link-local or other internal address; checked again on "
            "every delivery."
        ),
    )
    events = fields.List(
        Text(max_length=40, validate=validate.OneOf(EVENT_NAMES)),
        required=True,
        validate=validate.Length(min=1, max=len(EVENT_NAMES)),
        **described(f"The events to receive: any of {', '.join(EVENT_NAMES)} (* for all)."),
    )
    secret = Text(
        min_length=16,
        max_length=200,
        **described(
            "The key signing each delivery (X-Factcheck-Signature). Omit it and one is "
            "generated and shown in this answer only."
        ),
    )


class WebhookUpdateSchema(BaseSchema):
    active = StrictBoolean(
        required=True,
        **described(
            "false pauses deliveries; true enables a paused or disabled subscription again "
            "(its count of failures starts over, and waiting deliveries go out)."
        ),
    )


class WebhookSchema(BaseSchema):
    id = fields.Integer(**described("The subscription's id."))
    url = fields.String(**described("Where events are POSTed."))
    events = fields.List(fields.String(), **described("The events it receives (* for all)."))
    active = fields.Boolean(**described("false when paused or disabled: nothing is sent."))
    consecutive_failures = fields.Integer(
        **described(
            "Failed attempts in a row; reaching FACTCHECK_WEBHOOK_DISABLE_AFTER disables it."
        )
    )
    disabled_at = Timestamp(allow_none=True, **described("When it was disabled; null if active."))
    disabled_reason = fields.String(
        allow_none=True, **described("Why it was disabled (the last error), or null.")
    )
    created_by = fields.String(**described("The admin who subscribed it."))
    created_at = Timestamp(**described("When it was subscribed."))
    secret = fields.String(
        **described("Only in the answer that generated it: the signing secret. Keep it.")
    )


class AttemptSchema(BaseSchema):
    attempted_at = Timestamp(**described("When the attempt was made."))
    status_code = fields.Integer(
        allow_none=True, **described("The receiver's HTTP status; null if none came.")
    )
    error = fields.String(
        allow_none=True,
        **described("Why it failed (status, timeout, refused address); null on success."),
    )
    duration_ms = fields.Integer(**described("How long the attempt took, in milliseconds."))


class DeliverySchema(BaseSchema):
    id = fields.Integer(**described("The delivery's id (the X-Factcheck-Delivery header)."))
    event_id = fields.Integer(**described("The event's id (the body's `id`; its idempotency key)."))
    event_type = fields.String(**described("The event's type."))
    state = fields.String(**described("pending, delivering, succeeded or failed."))
    attempts = fields.List(
        fields.Nested(AttemptSchema), **described("Every attempt so far, oldest first.")
    )
    next_attempt_at = Timestamp(
        allow_none=True, **described("When it is (or was) due next; null once finished.")
    )
    redelivery_of = fields.Integer(
        allow_none=True, **described("The delivery this one sends again, if a redelivery.")
    )
    created_at = Timestamp(**described("When it was queued."))
    completed_at = Timestamp(
        allow_none=True, **described("When it succeeded or finally failed; null until then.")
    )


class RedeliverSchema(BaseSchema):
    """An empty object: the delivery to repeat is in the path."""


WebhookListSchema = list_schema(WebhookSchema, "WebhookListSchema")
DeliveryListSchema = list_schema(DeliverySchema, "DeliveryListSchema")
