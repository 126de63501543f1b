"""Who is making the request: the one place views and domain code learn it.

Until accounts and API keys exist, every request acts for the newsroom as staff.
"""

from dataclasses import dataclass

from flask import g


@dataclass(frozen=True)
class Identity:
    name: str
    role: str | None

    @property
    def is_staff(self):
        return self.role is not None


NEWSROOM = Identity(name="newsroom", role="editor")


def load_identity():
    """Resolve the caller before any view runs."""
    g.identity = NEWSROOM


def current_identity() -> Identity:
    return g.identity


def init_app(app):
    app.before_request(load_identity)
