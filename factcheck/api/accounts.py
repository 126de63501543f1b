"""Users and API keys: admins only."""

from flask import url_for

from factcheck import accounts
from factcheck.api.auth import require_role
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.schemas.accounts import (
    KeyCreateSchema,
    KeyListSchema,
    KeySchema,
    UserCreateSchema,
    UserListSchema,
    UserSchema,
    UserUpdateSchema,
)
from factcheck.schemas.base import PageQuerySchema

blp = Blueprint(
    "accounts",
    __name__,
    url_prefix="/api/v1",
    description="Users and API keys (admin).",
    public_reads=False,
)


@blp.before_request
def admins_only():
    require_role("admin")


@blp.route("/users", methods=["GET"])
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, UserListSchema)
@blp.problem(400, "The cursor was altered, cut short or is for another query.")
def list_users(query):
    """Users and their roles, oldest first, a page at a time."""
    items, next_cursor = accounts.list_users(get_db(), query)
    return {"items": items, "next": next_cursor}


@blp.route("/users", methods=["POST"])
@blp.arguments(UserCreateSchema)
@blp.response(201, UserSchema)
@blp.problem(409, "The name is taken.")
def create_user(data):
    """Add a user; the answer holds their first API key, shown this once."""
    actor = require_role("admin")
    user, _, secret = accounts.create_user_with_key(get_db(), data, actor)
    return (
        {**user, "key": secret},
        201,
        {"Location": url_for("accounts.get_user", name=user["name"])},
    )


@blp.route("/users/<name>", methods=["GET"])
@blp.no_query()
@blp.response(200, UserSchema)
@blp.problem(404, "No such user.")
def get_user(name):
    """One user: role, byline, whether active."""
    return accounts.require_user(get_db(), name)


@blp.route("/users/<name>", methods=["PATCH"])
@blp.arguments(UserUpdateSchema)
@blp.response(200, UserSchema)
@blp.problem(404, "No such user.")
@blp.problem(409, "No active admin would be left.")
def update_user(changes, name):
    """Change a user's role or byline, deactivate or reactivate them (audited)."""
    return accounts.update_user(get_db(), name, changes, require_role("admin"))


@blp.route("/keys", methods=["GET"])
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, KeyListSchema)
@blp.problem(400, "The cursor was altered, cut short or is for another query.")
def list_keys(query):
    """API keys without their secrets, oldest first, a page at a time."""
    items, next_cursor = accounts.list_keys(get_db(), query)
    return {"items": items, "next": next_cursor}


@blp.route("/keys", methods=["POST"])
@blp.arguments(KeyCreateSchema)
@blp.response(201, KeySchema)
@blp.problem(422, "Unknown user.")
def issue_key(data):
    """Issue a key for a user; its secret is in this answer only."""
    actor = require_role("admin")
    key, secret = accounts.issue_key(get_db(), data["user"], data["expires_in_days"], actor)
    return {**key, "key": secret}


@blp.route("/keys/<id:key_id>", methods=["DELETE"])
@blp.response(204)
@blp.problem(404, "No such key.")
def revoke_key(key_id):
    """Revoke a key; it stops working at once."""
    accounts.revoke_key(get_db(), key_id, require_role("admin"))
