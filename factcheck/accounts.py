"""Users, their roles and their API keys. Only a hash of a key is stored."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from factcheck import audit, workflow
from factcheck.db import read_one, write_transaction
from factcheck.errors import Conflict, Invalid, NotFound
from factcheck.identity import WRITE_ROLE, Identity
from factcheck.pagination import id_page
from factcheck.timeutil import now, to_timestamp

KEY_PREFIX = "fck_"
USER_COLUMNS = (
    "id, name, role, ifnull(display_name, name) AS display_name, "
    "deactivated_at IS NULL AS active, deactivated_at, created_at"
)
KEY_COLUMNS = "k.id, u.name AS user, u.role, k.prefix, k.created_at, k.expires_at, k.revoked_at"


def _hash(secret):
    # Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(secret.encode()).hexdigest()


def authenticate(db, secret):
    """The identity a key stands for, or None if it is unknown, revoked or expired, or its
    user was deactivated."""
    row = read_one(
        db,
        "SELECT k.id, k.expires_at, k.revoked_at, u.name, u.role FROM api_keys k "
        "JOIN users u ON u.id = k.user_id "
        "WHERE k.secret_hash = ? AND u.deactivated_at IS NULL",
        [_hash(secret)],
    )
    if row is None or row["revoked_at"] or (row["expires_at"] and row["expires_at"] <= now()):
        return None
    return Identity(name=row["name"], role=row["role"], key_id=row["id"])


def _shaped(user):
    if user is not None:
        user["active"] = bool(user["active"])
    return user


def get_user(db, name):
    """The user's row, whether active or not, or None."""
    return _shaped(next(db.query(f"SELECT {USER_COLUMNS} FROM users WHERE name = ?", [name]), None))


def require_user(db, name):
    """The user's row, or 404."""
    user = get_user(db, name)
    if user is None:
        raise NotFound(f"There is no user {name!r}.")
    return user


def find_user(db, name):
    """The user if they can be given work (active, and may write), or None."""
    user = get_user(db, name)
    if user is None or not user["active"] or not workflow.has_role(user["role"], WRITE_ROLE):
        return None
    return user


def _user(db, name):
    """The user's row, or 422 naming the unknown user."""
    user = get_user(db, name)
    if user is None:
        raise Invalid(f"There is no user {name!r}.", {"user": ["Unknown user."]})
    return user


def create_user(db, name, role, actor, display_name=None):
    """Add a user; 409 if the name is taken."""
    row = {"name": name, "role": role, "display_name": display_name, "created_at": now()}
    if display_name == name:
        row["display_name"] = None  # null shows the login name
    with write_transaction(db):
        if get_user(db, name):
            raise Conflict(f"There is already a user {name!r}.")
        user_id = db["users"].insert(row).last_pk
        user = _by_id(db, user_id)
        audit.record(db, actor, "user.created", "user", user_id, after=user)
    return user


def create_user_with_key(db, data, actor):
    """Add a user (name, role, display_name) and their first key, both or neither:
    (user, key listing, secret)."""
    with write_transaction(db):
        user = create_user(db, data["name"], data["role"], actor, data.get("display_name"))
        key, secret = issue_key(db, data["name"], None, actor)
    return user, key, secret


def issue_key(db, user_name, expires_in_days, actor):
    """A new key for the user: (its listing, the secret). The secret is not kept."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    expires_at = None
    if expires_in_days:
        expires_at = to_timestamp(datetime.now(UTC) + timedelta(days=expires_in_days))
    with write_transaction(db):
        user = _user(db, user_name)
        if not user["active"]:
            raise Conflict(f"{user_name} is deactivated: reactivate the user first.")
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
    users, next_cursor = id_page(db, f"SELECT {USER_COLUMNS} FROM users", "id", query)
    return [_shaped(user) for user in users], next_cursor


def list_keys(db, query):
    """One page of API keys, oldest first, and the next cursor."""
    select = f"SELECT {KEY_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.user_id"
    return id_page(db, select, "k.id", query)


def _by_id(db, user_id):
    return _shaped(next(db.query(f"SELECT {USER_COLUMNS} FROM users WHERE id = ?", [user_id])))


def update_user(db, name, changes, actor):
    """Change a user's role, display name or whether they are active. Deactivating revokes
    their keys at once; reactivating restores none (issue a new key). Refused (409) if no
    active admin would be left."""
    with write_transaction(db):
        before = require_user(db, name)
        columns = _changed_columns(before, changes)
        if not columns:
            return before
        db["users"].update(before["id"], columns)
        after = _by_id(db, before["id"])
        _keep_an_admin(db, before, after)
        if not after["active"]:
            _revoke_keys_of(db, before["id"], actor)
        if "display_name" in columns:
            _bylines_changed(db, name)
        audit.record(db, actor, "user.updated", "user", before["id"], before=before, after=after)
    return after


def _changed_columns(user, changes):
    """The columns to write for `changes`, leaving out what already holds."""
    columns = {}
    if changes.get("role", user["role"]) != user["role"]:
        columns["role"] = changes["role"]
    if "display_name" in changes:
        # Null, or the login name itself, means "show the login name" (stored as null).
        shown, wanted = user["display_name"], changes["display_name"]
        stored = None if shown == user["name"] else shown
        wanted = None if wanted == user["name"] else wanted
        if wanted != stored:
            columns["display_name"] = wanted
    if changes.get("active", user["active"]) != user["active"]:
        columns["deactivated_at"] = None if changes["active"] else now()
    return columns


def _keep_an_admin(db, before, after):
    if before["role"] != "admin" or not before["active"]:
        return
    if after["role"] == "admin" and after["active"]:
        return
    (admins,) = db.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND deactivated_at IS NULL"
    ).fetchone()
    if admins == 0:
        raise Conflict(f"{before['name']} is the last active admin: make another admin first.")


def _revoke_keys_of(db, user_id, actor):
    live = db.execute(
        "SELECT id FROM api_keys WHERE user_id = ? AND revoked_at IS NULL", [user_id]
    ).fetchall()
    for (key_id,) in live:
        revoke_key(db, key_id, actor)


def _bylines_changed(db, name):
    """Claims showing this author's byline show a new one: give them new ETags, so that a
    cached copy is not confirmed (304) with the old byline. The staff tag follows the
    version; the readers' tag, and their change time, only if readers see the byline."""
    db.execute(
        """
        UPDATE claims SET version = version + 1,
            public_updated_at = CASE WHEN EXISTS (
                SELECT 1 FROM verdicts v
                WHERE v.claim_id = claims.id AND v.author = :name AND v.published_at IS NOT NULL
            ) THEN :now ELSE public_updated_at END
        WHERE id IN (SELECT claim_id FROM verdicts WHERE author = :name)
        """,
        {"name": name, "now": now()},
    )
