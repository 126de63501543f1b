"""Who is making the request: resolved from `Authorization: Bearer <key>` before any view
runs. No key means an anonymous reader, who may only read; a key that is wrong, revoked or
expired is refused outright. A viewer's key reads what staff read and writes nothing."""

from flask import g, request

from factcheck import accounts
from factcheck.api.database import get_db
from factcheck.errors import Forbidden, Unauthorized
from factcheck.identity import ANONYMOUS, Identity

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _from_header():
    header = request.headers.get("Authorization")
    if header is None:
        return ANONYMOUS
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise Unauthorized("Use the header `Authorization: Bearer <API key>`.")
    identity = accounts.authenticate(get_db(), secret.strip())
    if identity is None:
        raise Unauthorized("The API key is wrong, revoked or expired.")
    return identity


def load_identity():
    """Resolve the caller before any view runs; every write needs a key that may write."""
    if request.routing_exception is not None:
        # No view will run: let the 404 or 405 answer, whoever asks.
        g.identity = ANONYMOUS
        return
    g.identity = _from_header()
    if request.method in SAFE_METHODS:
        return
    if not g.identity.is_staff:
        raise Unauthorized("Writes need an API key: send `Authorization: Bearer <key>`.")
    # Checked here, before any view, so that no write can forget it.
    if not g.identity.may_write:
        raise Forbidden(f"{g.identity.name} is a {g.identity.role}: it reads, it writes nothing.")


def current_identity() -> Identity:
    return g.identity


def is_staff() -> bool:
    """Whether the caller sees what staff see (the `staff=` of every read)."""
    return g.identity.is_staff


def require_role(role):
    """401 for an anonymous caller, 403 for one whose role is below `role`."""
    identity = current_identity()
    if not identity.is_staff:
        raise Unauthorized("This needs an API key: send `Authorization: Bearer <key>`.")
    if not identity.has_role(role):
        raise Forbidden(f"This needs the {role} role; {identity.name} is a {identity.role}.")
    return identity


def init_app(app):
    app.before_request(load_identity)
