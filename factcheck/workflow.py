"""The editorial state machine as data: states, the moves between them, who may take each
move, what must be true first and what the move does. Served at GET /api/v1/workflow so
tools can draw it; factcheck/transitions.py carries it out."""

from dataclasses import dataclass

STATES = ("new", "in_research", "in_review", "approved", "published", "dismissed", "retracted")
INITIAL_STATE = "new"
RESEARCH, REVIEW, PUBLISHED, RETRACTED = "in_research", "in_review", "published", "retracted"
ROLES = ("viewer", "reviewer", "editor", "admin")
# Each role can do everything the roles before it can (a viewer only reads).
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
# Statuses in which a verdict revision may be drafted; later ones are under review or public.
DRAFTING_STATES = ("new", RESEARCH)
# Statuses in which a never-published claim's own fields (quote, claimant...) may be edited.
EDITABLE_STATES = ("new", RESEARCH, "dismissed")
# Statuses of claims still being worked on (the queue's stale list looks at these).
OPEN_STATES = ("new", RESEARCH, REVIEW, "approved")

# Preconditions, by name. factcheck/transitions.py checks each through one table whose keys
# must equal these names; an unmet one is a 422 whose `precondition` member names it.
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

# How a move sets the claim's assignee: to the user the request names, or else the caller;
# or only when the request names one (otherwise the assignee stays).
ASSIGNS_NAMED_OR_CALLER, ASSIGNS_NAMED = "named_or_caller", "named"


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    role: str
    preconditions: tuple[str, ...] = ()
    description: str = ""
    # Effects of the move.
    assigns: str | None = None  # ASSIGNS_NAMED_OR_CALLER, ASSIGNS_NAMED or None
    publishes: bool = False  # the draft verdict becomes the published one
    public: bool = False  # readers see it: its public_note, change time and ETag

    def __post_init__(self):
        # A misspelt name here must fail at import, not leave a rule silently unchecked.
        unknown = [p for p in self.preconditions if p not in PRECONDITIONS]
        if unknown:
            raise ValueError(f"{self.source} -> {self.target}: unknown precondition {unknown}")
        if {self.source, self.target} - set(STATES) or self.role not in ROLES:
            raise ValueError(f"{self.source} -> {self.target}: unknown state or role")
        if self.assigns not in (None, ASSIGNS_NAMED_OR_CALLER, ASSIGNS_NAMED):
            raise ValueError(f"{self.source} -> {self.target}: unknown assigns {self.assigns!r}")
        if self.assigns and "valid_assignee" not in self.preconditions:
            raise ValueError(f"{self.source} -> {self.target} assigns without valid_assignee")


TRANSITIONS = (
    Transition(
        "new",
        RESEARCH,
        "reviewer",
        ("valid_assignee",),
        "An editor assigns a reviewer, or a reviewer takes the claim.",
        assigns=ASSIGNS_NAMED_OR_CALLER,
    ),
    Transition(
        "new",
        "dismissed",
        "editor",
        ("note",),
        "Not check-worthy, an opinion, or a duplicate of another claim.",
    ),
    Transition(
        RESEARCH,
        REVIEW,
        "reviewer",
        ("caller_is_assignee", "draft_cites_source"),
        "The assigned reviewer submits the draft verdict.",
    ),
    Transition(
        REVIEW,
        RESEARCH,
        "editor",
        ("note", "valid_assignee"),
        "An editor sends the claim back, saying why (and may name another reviewer).",
        assigns=ASSIGNS_NAMED,
    ),
    Transition(
        REVIEW,
        "approved",
        "editor",
        ("approver_is_not_author",),
        "A second pair of eyes approves the verdict.",
    ),
    Transition(
        "approved",
        PUBLISHED,
        "editor",
        ("draft_exists", "correction_has_public_note"),
        "The verdict becomes public.",
        publishes=True,
        public=True,
    ),
    Transition(
        PUBLISHED,
        RESEARCH,
        "editor",
        ("valid_assignee",),
        "Open a correction; the published verdict stays public meanwhile.",
        assigns=ASSIGNS_NAMED_OR_CALLER,
    ),
    Transition(
        PUBLISHED,
        RETRACTED,
        "editor",
        ("public_note",),
        "Withdraw the fact-check, with a public notice.",
        public=True,
    ),
    Transition("dismissed", "new", "editor", (), "Reopen a dismissed claim."),
)

# Statuses reached by moves readers see (their public notes are shown).
PUBLIC_MOVES = tuple(dict.fromkeys(t.target for t in TRANSITIONS if t.public))


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
