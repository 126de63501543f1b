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
    "names_new_assignee": "the request names the user who takes over (not the current assignee)",
    "valid_assignee": "the assignee is a user; a reviewer may only take the claim for themselves",
    "caller_is_assignee": "only the assigned reviewer submits the claim for review",
    "draft_cites_source": "a draft verdict citing at least one source",
    "approver_is_not_author": "the approving editor did not write the verdict (four eyes)",
    "draft_exists": "an approved draft verdict to publish",
    "correction_has_public_note": "a public note explaining a correction",
}

# Preconditions that depend on who asks rather than on what the request says: a 409's
# allowed_moves leaves out the moves whose check fails for this caller.
CALLER_PRECONDITIONS = ("caller_is_assignee", "approver_is_not_author")

# How a move sets the claim's assignee, by name (GET /api/v1/workflow serves the rules).
ASSIGNS_NAMED_OR_CALLER, ASSIGNS_NAMED = "named_or_caller", "named_or_kept"
ASSIGNS = {
    ASSIGNS_NAMED_OR_CALLER: "the user the request names, else the caller",
    # Never the caller by default: an editor reopening a claim is not its researcher.
    ASSIGNS_NAMED: "the user the request names, else the claim keeps its assignee "
    "(the reviewer who last researched it)",
}

# The public notice a move gives readers, by kind. A publication of a claim published before
# is a correction (notice_kind); its audit event says claim.corrected.
PUBLICATION, CORRECTION, RETRACTION, REINSTATEMENT = (
    "publication",
    "correction",
    "retraction",
    "reinstatement",
)
NOTICE_KINDS = (PUBLICATION, CORRECTION, RETRACTION, REINSTATEMENT)
NOTICE_ACTIONS = {
    PUBLICATION: "claim.published",
    CORRECTION: "claim.corrected",
    RETRACTION: "claim.retracted",
    REINSTATEMENT: "claim.reinstated",
}
# Statuses in which a claim presents no verdict as its own: its published revisions stay
# in its public record, but `verdict` is null and the rating filter does not match it.
WITHDRAWN_STATES = (RETRACTED,)


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    role: str
    preconditions: tuple[str, ...] = ()
    description: str = ""
    # Effects of the move.
    assigns: str | None = None  # a key of ASSIGNS, or None: the assignee stays
    publishes: bool = False  # the draft verdict becomes the published one
    notice: str | None = None  # a NOTICE_KINDS: readers see it (public_note, change time, ETag)

    @property
    def public(self):
        return self.notice is not None

    def __post_init__(self):
        # A misspelt name here must fail at import, not leave a rule silently unchecked.
        unknown = [p for p in self.preconditions if p not in PRECONDITIONS]
        if unknown:
            raise ValueError(f"{self.source} -> {self.target}: unknown precondition {unknown}")
        if {self.source, self.target} - set(STATES) or self.role not in ROLES:
            raise ValueError(f"{self.source} -> {self.target}: unknown state or role")
        if self.assigns is not None and self.assigns not in ASSIGNS:
            raise ValueError(f"{self.source} -> {self.target}: unknown assigns {self.assigns!r}")
        if self.notice is not None and self.notice not in NOTICE_KINDS:
            raise ValueError(f"{self.source} -> {self.target}: unknown notice {self.notice!r}")
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
        RESEARCH,
        RESEARCH,
        "editor",
        ("note", "names_new_assignee", "valid_assignee"),
        "An editor hands the research to another reviewer, saying why.",
        assigns=ASSIGNS_NAMED,
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
        "The verdict becomes public (a correction, if an earlier one was).",
        publishes=True,
        notice=PUBLICATION,
    ),
    Transition(
        "approved",
        REVIEW,
        "editor",
        ("note",),
        "An editor withdraws the approval before publication, saying why.",
    ),
    Transition(
        PUBLISHED,
        RESEARCH,
        "editor",
        ("valid_assignee",),
        "Open a correction; the published verdict stays public meanwhile.",
        assigns=ASSIGNS_NAMED,
    ),
    Transition(
        PUBLISHED,
        RETRACTED,
        "editor",
        ("public_note",),
        "Withdraw the fact-check, with a public notice; its verdict is no longer shown as current.",
        notice=RETRACTION,
    ),
    Transition(
        RETRACTED,
        PUBLISHED,
        "editor",
        ("public_note",),
        "Reverse a retraction made in error, with a public notice; the verdict is current again.",
        notice=REINSTATEMENT,
    ),
    Transition("dismissed", "new", "editor", (), "Reopen a dismissed claim."),
)


def has_role(role, needed):
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[needed]


def find(source, target):
    return next((t for t in TRANSITIONS if (t.source, t.target) == (source, target)), None)


def moves_from(source, role):
    """The moves a caller with this role may take from source."""
    return [t for t in TRANSITIONS if t.source == source and has_role(role, t.role)]


def notice_kind(transition, claim):
    """The kind of public notice this move gives readers for this claim (its row before the
    move), or None for a move readers do not see."""
    if transition.notice == PUBLICATION and claim["published_verdict_id"] is not None:
        return CORRECTION
    return transition.notice


def route(source, targets):
    """The shortest chain of declared moves from source to one of targets, as statuses
    (source first), or None: what an error names when work needs another status. Publishing
    is never part of a way back: it would make the very draft to be changed public."""
    paths, seen = [[source]], {source}
    while paths:
        path = paths.pop(0)
        if path[-1] in targets:
            return path
        for t in TRANSITIONS:
            if t.source == path[-1] and t.target not in seen and not t.publishes:
                seen.add(t.target)
                paths.append([*path, t.target])
    return None


def as_document():
    """The machine as JSON for GET /api/v1/workflow."""
    return {
        "states": list(STATES),
        "initial": INITIAL_STATE,
        "roles": list(ROLES),
        "notice_kinds": list(NOTICE_KINDS),
        "transitions": [
            {
                "from": t.source,
                "to": t.target,
                "role": t.role,
                "preconditions": [
                    {"name": p, "description": PRECONDITIONS[p]} for p in t.preconditions
                ],
                "assigns": t.assigns and {"name": t.assigns, "description": ASSIGNS[t.assigns]},
                "notice": t.notice,
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
