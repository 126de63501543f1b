"""Users, their roles and their API keys. Only a hash of a key is stored."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from factcheck import audit
from factcheck.db import write_transaction
from factcheck.errors import Conflict, Invalid, NotFound
from factcheck.identity import Identity
from factcheck.pagination import id_page
from factcheck.timeutil import now, to_timestamp

KEY_PREFIX = "fck_"
KEY_COLUMNS = "k.id, u.name AS user, u.role, k.prefix, k.created_at, k.expires_at, k.revoked_at"


def _hash(secret):
    # Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(secret.encode()).hexdigest()


def authenticate(db, secret):
    """The identity a key stands for, or None if it is unknown, revoked or expired."""
    row = next(
        db.query(
            "SELECT k.id, k.expires_at, k.revoked_at, u.name, u.role FROM api_keys k "
            "JOIN users u ON u.id = k.user_id WHERE k.secret_hash = ?",
            [_hash(secret)],
        ),
        None,
    )
    if row is None or row["revoked_at"] or (row["expires_at"] and row["expires_at"] <= now()):
        return None
    return Identity(name=row["name"], role=row["role"], key_id=row["id"])


def find_user(db, name):
    """The user's row, or None."""
    return next(
        db.query("SELECT id, name, role, created_at FROM users WHERE name = ?", [name]), None
    )


def _user(db, name):
    """The user's row, or 422 naming the unknown user."""
    user = find_user(db, name)
    if user is None:
        raise Invalid(f"There is no user {name!r}.", {"user": ["Unknown user."]})
    return user


def create_user(db, name, role, actor):
    """Add a user; 409 if the name is taken."""
    with write_transaction(db):
        if find_user(db, name):
            raise Conflict(f"There is already a user {name!r}.")
        user = {"name": name, "role": role, "created_at": now()}
        user_id = db["users"].insert(user).last_pk
        audit.record(db, actor, "user.created", "user", user_id, after=user)
    return {"id": user_id, **user}


def create_user_with_key(db, name, role, actor):
    """Add a user and their first key, both or neither: (user, key listing, secret)."""
    with write_transaction(db):
        user = create_user(db, name, role, actor)
        key, secret = issue_key(db, name, None, actor)
    return user, key, secret


def issue_key(db, user_name, expires_in_days, actor):
    """A new key for the user: (its listing, the secret). The secret is not kept."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    expires_at = None
    if expires_in_days:
        expires_at = to_timestamp(datetime.now(UTC) + timedelta(days=expires_in_days))
    with write_transaction(db):
        user = _user(db, user_name)
        row = {
            "user_id": user["id"],
            "secret_hash": _hash(secret),
            "prefix": secret[: len(KEY_PREFIX) + 6],
            "created_at": now(),
            "expires_at": expires_at,
        }
        key_id = db["api_keys"].insert(row).last_pk
        audit.record(
            db,
            actor,
            "key.issued",
            "api_key",
            key_id,
            after={"user": user_name, "prefix": row["prefix"], "expires_at": expires_at},
        )
    return get_key(db, key_id), secret


def get_key(db, key_id):
    row = next(
        db.query(
            f"SELECT {KEY_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = ?",
            [key_id],
        ),
        None,
    )
    if row is None:
        raise NotFound(f"There is no API key {key_id}.")
    return row


def revoke_key(db, key_id, actor):
    """Revoke a key at once; revoking twice changes nothing."""
    with write_transaction(db):
        key = get_key(db, key_id)
        if key["revoked_at"] is None:
            stamp = now()
            db["api_keys"].update(key_id, {"revoked_at": stamp})
            audit.record(
                db,
                actor,
                "key.revoked",
                "api_key",
                key_id,
                before=key,
                after={**key, "revoked_at": stamp},
            )


def list_users(db, query):
    """One page of users, oldest first, and the next cursor."""
    return id_page(db, "SELECT id, name, role, created_at FROM users", "id", query)


def list_keys(db, query):
    """One page of API keys, oldest first, and the next cursor."""
    select = f"SELECT {KEY_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.user_id"
    return id_page(db, select, "k.id", query)
