"""Schemas for users and API keys. A secret appears once, in the answer that issues it."""

from marshmallow import fields, validate

from factcheck.schemas.base import BaseSchema, described, list_schema
from factcheck.schemas.fields import Text, Timestamp
from factcheck.workflow import ROLES

USER_NAME = validate.Regexp(
    r"^[a-z0-9][a-z0-9._-]*$", error="Use lowercase letters, digits, dots, dashes, underscores."
)


# A byline: printable, and not only spaces.
DISPLAY_NAME = validate.Regexp(
    r"^(?=.*\S)[^\x00-\x1f\x7f]+$", error="Use printable characters, not only spaces."
)


class StrictBoolean(fields.Boolean):
    """JSON true or false only: not "yes", 1, 0 or "off"."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def _role(**kwargs):
    return Text(
        max_length=20,
        validate=validate.OneOf(ROLES),
        **described("viewer (reads what staff read, writes nothing), reviewer, editor or admin."),
        **kwargs,
    )


def _display_name(**kwargs):
    return Text(
        min_length=1,
        max_length=100,
        validate=DISPLAY_NAME,
        allow_none=True,
        **described(
            "The byline readers see on the user's verdicts; null (or the login name) shows "
            "the login name."
        ),
        **kwargs,
    )


class UserCreateSchema(BaseSchema):
    name = Text(
        min_length=1, max_length=64, required=True, validate=USER_NAME, **described("Login name.")
    )
    role = _role(required=True)
    display_name = _display_name(load_default=None)


class UserUpdateSchema(BaseSchema):
    """What an admin may change; every field optional (PATCH)."""

    role = _role()
    display_name = _display_name()
    active = StrictBoolean(
        **described(
            "false deactivates the user: their keys are revoked at once and their open claims "
            "show in the editors' queue as unassigned. true lets an admin issue them keys again."
        ),
    )


class UserSchema(UserCreateSchema):
    id = fields.Integer(dump_only=True, **described("The user's id (never reused)."))
    active = fields.Boolean(dump_only=True, **described("false once an admin deactivated them."))
    deactivated_at = Timestamp(
        dump_only=True, allow_none=True, **described("When they were deactivated; null if active.")
    )
    created_at = Timestamp(dump_only=True, **described("When the user was added."))
    key = fields.String(dump_only=True, **described("On creation only: the user's first API key."))


class KeyCreateSchema(BaseSchema):
    user = Text(min_length=1, max_length=64, required=True, **described("Name of the key's user."))
    expires_in_days = fields.Integer(
        strict=True,
        allow_none=True,
        load_default=None,
        validate=validate.Range(min=1, max=3650),
        **described("Days until the key stops working; null for no expiry."),
    )


class KeySchema(BaseSchema):
    id = fields.Integer(**described("The key's id."))
    user = fields.String(**described("Name of the key's user."))
    role = fields.String(**described("The user's role, which the key acts with."))
    prefix = fields.String(**described("The key's first characters, to tell keys apart."))
    created_at = Timestamp(**described("When the key was issued."))
    expires_at = Timestamp(allow_none=True, **described("When it stops working; null for never."))
    revoked_at = Timestamp(allow_none=True, **described("When it was revoked; null if it was not."))
    key = fields.String(**described("On creation only: the secret. It is not stored; keep it."))


UserListSchema = list_schema(UserSchema, "UserListSchema")
KeyListSchema = list_schema(KeySchema, "KeyListSchema")
