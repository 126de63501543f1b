"""Who is acting: an Identity is passed to every domain function that changes something.

A request's identity comes from its API key (factcheck/api/auth.py); no key means an
anonymous reader, who may only read. The command line acts as COMMAND_LINE.
"""

from dataclasses import dataclass

from factcheck import workflow

# The least role that may change anything; below it, a viewer reads what staff read.
WRITE_ROLE = "reviewer"


@dataclass(frozen=True)
class Identity:
    name: str
    role: str | None
    key_id: int | None = None

    @property
    def is_staff(self):
        return self.role is not None

    @property
    def may_write(self):
        return self.has_role(WRITE_ROLE)

    def has_role(self, role):
        return workflow.has_role(self.role, role)


ANONYMOUS = Identity(name="anonymous", role=None)
# Changes made from the command line (seed, create-user) are recorded as this actor.
COMMAND_LINE = Identity(name="command-line", role="admin")
