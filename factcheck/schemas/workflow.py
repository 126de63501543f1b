"""Schemas for status moves, the workflow document, history, queues and stats."""

from marshmallow import fields, validate

from factcheck.schemas.base import BaseSchema, described, list_schema
from factcheck.schemas.claims import ClaimSchema
from factcheck.schemas.fields import Text, Timestamp
from factcheck.workflow import NOTICE_KINDS, STATES


class TransitionCreateSchema(BaseSchema):
    to = Text(
        max_length=20,
        required=True,
        validate=validate.OneOf(STATES),
        **described("The new status."),
    )
    note = Text(
        max_length=5000,
        allow_none=True,
        load_default=None,
        **described("Internal note (staff only); the required reason where a move names one."),
    )
    public_note = Text(
        max_length=5000,
        allow_none=True,
        load_default=None,
        **described("Shown to readers; required to publish a correction and to retract."),
    )
    assignee = Text(
        max_length=64,
        allow_none=True,
        load_default=None,
        **described(
            "Name of the user who researches the claim (moves into in_research); required to "
            "reassign a claim in research. The transition's `assigns` says what happens without it."
        ),
    )


class PreconditionSchema(BaseSchema):
    name = fields.String(**described("What a refused move's `precondition` names."))
    description = fields.String(**described("What must hold."))


class AssignsSchema(BaseSchema):
    name = fields.String(**described("The rule's name."))
    description = fields.String(**described("Who researches the claim after the move."))


class WorkflowTransitionSchema(BaseSchema):
    source = fields.String(
        attribute="from", data_key="from", **described("Status before the move.")
    )
    to = fields.String(**described("Status after the move."))
    role = fields.String(
        **described("The least role that may take it (admin > editor > reviewer).")
    )
    preconditions = fields.List(
        fields.Nested(PreconditionSchema), **described("What must hold before the move.")
    )
    assigns = fields.Nested(
        AssignsSchema,
        allow_none=True,
        **described("How the move sets the assignee; null when it leaves it as it is."),
    )
    notice = fields.String(
        allow_none=True,
        **described(
            "The kind of public notice the move gives readers (a publication of a claim "
            "published before is a correction); null for a move readers do not see."
        ),
    )
    description = fields.String(**described("What the move is for."))


class WorkflowSchema(BaseSchema):
    states = fields.List(fields.String(), **described("Every editorial status."))
    initial = fields.String(**described("The status a new claim starts in."))
    roles = fields.List(
        fields.String(),
        **described("The roles, least first; each may do what those before it may."),
    )
    notice_kinds = fields.List(
        fields.String(),
        **described(f"The kinds of public notice: {', '.join(NOTICE_KINDS)}."),
    )
    transitions = fields.List(
        fields.Nested(WorkflowTransitionSchema), **described("The moves between statuses.")
    )


class EventSchema(BaseSchema):
    id = fields.Integer(**described("The event's position in the audit trail."))
    created_at = Timestamp(**described("When it happened."))
    action = fields.String(
        **described(
            "What happened, e.g. claim.published, claim.corrected, claim.retracted, "
            "claim.reinstated, verdict.added."
        )
    )
    actor = fields.String(**described("Staff only: who did it."))
    key_id = fields.Integer(
        allow_none=True, **described("Staff only: the API key used (null from the command line).")
    )
    entity = fields.String(**described("Staff only: the kind of record changed."))
    entity_id = fields.Integer(allow_none=True, **described("Staff only: its id."))
    public = fields.Boolean(**described("Staff only: whether readers see this event."))
    before = fields.Raw(allow_none=True, **described("Staff only: the record before."))
    after = fields.Raw(allow_none=True, **described("Staff only: the record after."))
    public_note = fields.String(allow_none=True, **described("Readers only: the public note."))


EventListSchema = list_schema(EventSchema, "EventListSchema")


class QueueSchema(BaseSchema):
    assigned_to_me = fields.List(
        fields.Nested(ClaimSchema), **described("Claims in research assigned to the caller.")
    )
    awaiting_my_review = fields.List(
        fields.Nested(ClaimSchema),
        **described("Editors and viewers: claims in review whose draft someone else wrote."),
    )
    unassigned = fields.List(
        fields.Nested(ClaimSchema),
        **described("Editors and viewers: open claims whose assignee was deactivated, to hand on."),
    )
    stale = fields.List(
        fields.Nested(ClaimSchema),
        **described("Open claims with no movement for the configured number of days."),
    )
    broken_sources = fields.List(
        fields.Nested(ClaimSchema),
        **described(
            "Editors and viewers: published claims whose verdict cites a source whose link "
            "the last check found broken."
        ),
    )


class StatsQuerySchema(BaseSchema):
    since = Timestamp(
        **described("Start of the period (default: 30 days before until; at most 92 before).")
    )
    until = Timestamp(**described("End of the period (default: now)."))


class StatsSchema(BaseSchema):
    since = Timestamp(**described("Start of the period the medians cover."))
    until = Timestamp(**described("End of the period (exclusive)."))
    counts = fields.Dict(
        keys=fields.String(), values=fields.Integer(), **described("Claims per status, now.")
    )
    median_seconds_in_status = fields.Dict(
        keys=fields.String(),
        values=fields.Float(allow_none=True),
        **described("Median time claims spent in each status, over moves out of it in the period."),
    )
