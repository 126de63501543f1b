"""The editorial state machine as data: states, the moves between them, who may take each
move and what must be true first. Served at GET /api/v1/workflow so tools can draw it."""

from dataclasses import dataclass

STATES = ("new", "in_research", "in_review", "approved", "published", "dismissed", "retracted")
INITIAL_STATE = "new"
ROLES = ("reviewer", "editor", "admin")
# Each role can do everything the roles before it can.
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
# Statuses in which a verdict revision may be drafted; later ones are under review or public.
DRAFTING_STATES = ("new", "in_research")
# Statuses in which a never-published claim's own fields (quote, claimant...) may be edited.
EDITABLE_STATES = ("new", "in_research", "dismissed")
# Moves whose public_note readers see.
PUBLIC_MOVES = ("published", "retracted")

# Preconditions, by name: what each checks is in factcheck/transitions.py. An unmet one
# is a 422 whose `precondition` member names it.
PRECONDITIONS = {
    "note": "an internal note giving the reason",
    "public_note": "a public note for readers",
    "valid_assignee": "the assignee is a user; a reviewer may only take the claim for themselves",
    "caller_is_assignee": "only the assigned reviewer submits the claim for review",
    "draft_cites_source": "a draft verdict citing at least one source",
    "approver_is_not_author": "the approving editor did not write the verdict (four eyes)",
    "draft_exists": "an approved draft verdict to publish",
    "correction_has_public_note": "a public note explaining a correction",
}


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    role: str
    preconditions: tuple[str, ...] = ()
    description: str = ""


TRANSITIONS = (
    Transition(
        "new",
        "in_research",
        "reviewer",
        ("valid_assignee",),
        "An editor assigns a reviewer, or a reviewer takes the claim.",
    ),
    Transition(
        "new",
        "dismissed",
        "editor",
        ("note",),
        "Not check-worthy, an opinion, or a duplicate of another claim.",
    ),
    Transition(
        "in_research",
        "in_review",
        "reviewer",
        ("caller_is_assignee", "draft_cites_source"),
        "The assigned reviewer submits the draft verdict.",
    ),
    Transition(
        "in_review",
        "in_research",
        "editor",
        ("note",),
        "An editor sends the claim back, saying why.",
    ),
    Transition(
        "in_review",
        "approved",
        "editor",
        ("approver_is_not_author",),
        "A second pair of eyes approves the verdict.",
    ),
    Transition(
        "approved",
        "published",
        "editor",
        ("draft_exists", "correction_has_public_note"),
        "The verdict becomes public.",
    ),
    Transition(
        "published",
        "in_research",
        "editor",
        ("valid_assignee",),
        "Open a correction; the published verdict stays public meanwhile.",
    ),
    Transition(
        "published",
        "retracted",
        "editor",
        ("public_note",),
        "Withdraw the fact-check, with a public notice.",
    ),
    Transition("dismissed", "new", "editor", (), "Reopen a dismissed claim."),
)


def has_role(role, needed):
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[needed]


def find(source, target):
    return next((t for t in TRANSITIONS if (t.source, t.target) == (source, target)), None)


def moves_from(source, role):
    """The statuses a caller with this role may move a claim to from source."""
    return [t.target for t in TRANSITIONS if t.source == source and has_role(role, t.role)]


def as_document():
    """The machine as JSON for GET /api/v1/workflow."""
    return {
        "states": list(STATES),
        "initial": INITIAL_STATE,
        "roles": list(ROLES),
        "transitions": [
            {
                "from": t.source,
                "to": t.target,
                "role": t.role,
                "preconditions": [
                    {"name": p, "description": PRECONDITIONS[p]} for p in t.preconditions
                ],
                "description": t.description,
            }
            for t in TRANSITIONS
        ],
    }


def as_mermaid():
    """The machine as a Mermaid state diagram (the README shows it; a test keeps them equal)."""
    lines = ["stateDiagram-v2", f"    [*] --> {INITIAL_STATE}"]
    for t in TRANSITIONS:
        needs = f"; needs {', '.join(t.preconditions)}" if t.preconditions else ""
        lines.append(f"    {t.source} --> {t.target}: {t.role}{needs}")
    return "\n".join(lines)
