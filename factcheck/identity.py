"""Who is making the request: the one place views and domain code learn it.

A request carries `Authorization: Bearer <key>` or nothing. No key means an anonymous
reader, who may only read; a key that is wrong, revoked or expired is refused outright.
"""

from dataclasses import dataclass

from flask import g, request

from factcheck import workflow
from factcheck.errors import Forbidden, Unauthorized

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass(frozen=True)
class Identity:
    name: str
    role: str | None
    key_id: int | None = None

    @property
    def is_staff(self):
        return self.role is not None

    def has_role(self, role):
        return workflow.has_role(self.role, role)


ANONYMOUS = Identity(name="anonymous", role=None)
# Changes made from the command line (seed, create-user) are recorded as this actor.
COMMAND_LINE = Identity(name="command-line", role="admin")


def _from_header():
    header = request.headers.get("Authorization")
    if header is None:
        return ANONYMOUS
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise Unauthorized("Use the header `Authorization: Bearer <API key>`.")
    # Imported here: accounts builds Identity objects, so it imports this module.
    from factcheck import accounts
    from factcheck.db import get_db

    identity = accounts.authenticate(get_db(), secret.strip())
    if identity is None:
        raise Unauthorized("The API key is wrong, revoked or expired.")
    return identity


def load_identity():
    """Resolve the caller before any view runs; every write needs a key."""
    if request.routing_exception is not None:
        # No view will run: let the 404 or 405 answer, whoever asks.
        g.identity = ANONYMOUS
        return
    g.identity = _from_header()
    if request.method not in SAFE_METHODS and not g.identity.is_staff:
        raise Unauthorized("Writes need an API key: send `Authorization: Bearer <key>`.")


def current_identity() -> Identity:
    return g.identity


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
