"""Schemas for users and API keys. A secret appears once, in the answer that issues it."""

from marshmallow import fields, validate

from factcheck.schemas.base import BaseSchema, described, list_schema
from factcheck.schemas.fields import Text, Timestamp
from factcheck.workflow import ROLES

USER_NAME = validate.Regexp(
    r"^[a-z0-9][a-z0-9._-]*$", error="Use lowercase letters, digits, dots, dashes, underscores."
)


class UserCreateSchema(BaseSchema):
    name = Text(
        min_length=1, max_length=64, required=True, validate=USER_NAME, **described("Login name.")
    )
    role = Text(
        max_length=20,
        required=True,
        validate=validate.OneOf(ROLES),
        **described("reviewer, editor or admin."),
    )


class UserSchema(UserCreateSchema):
    id = fields.Integer(dump_only=True, **described("The user's id."))
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
