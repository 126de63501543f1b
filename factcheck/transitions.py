"""Moving a claim through the editorial workflow declared in factcheck/workflow.py:
validate the move, compute the change, record it."""

from dataclasses import dataclass

from factcheck import accounts, audit, claims, verdicts, workflow
from factcheck.db import insert_row, update_row, write_transaction
from factcheck.errors import Conflict, Forbidden, Invalid
from factcheck.identity import Identity
from factcheck.timeutil import now


@dataclass(frozen=True)
class Move:
    """One requested move and everything its checks look at."""

    claim: dict  # the claim's row before the move
    transition: workflow.Transition
    request: dict  # {"to", "note", "public_note", "assignee"}
    actor: Identity
    draft: dict | None  # the claim's draft verdict (verdicts.draft_of)
    assignee: str | None  # who researches the claim after the move, if the move assigns

    def text(self, name):
        return (self.request.get(name) or "").strip()


def _unmet(precondition, field, detail):
    """422 naming the precondition and the field that would satisfy it."""
    return Invalid(detail, {field: [detail]}, extra={"precondition": precondition})


def _has_text(name):
    def check(db, move):
        if not move.text(name):
            detail = f"This move needs {workflow.PRECONDITIONS[name]}."
            raise _unmet(name, name, detail)

    return check


def _names_new_assignee(db, move):
    named = move.request.get("assignee")
    if not named or named == move.claim["assignee"]:
        detail = f"Name the user who takes over from {move.claim['assignee'] or 'nobody'}."
        raise _unmet("names_new_assignee", "assignee", detail)


def _valid_assignee(db, move):
    if move.assignee is None:
        return
    # Before the lookup, so that a reviewer cannot tell which user names exist.
    if move.assignee != move.actor.name and not move.actor.has_role("editor"):
        raise Forbidden("A reviewer can only take a claim for themselves; an editor assigns.")
    if accounts.find_user(db, move.assignee) is None:
        raise Invalid(
            f"There is no user {move.assignee!r}.",
            {"assignee": ["Unknown user."]},
            extra={"precondition": "valid_assignee"},
        )


def _caller_is_assignee(db, move):
    if move.claim["assignee"] != move.actor.name:
        detail = f"Only the assigned reviewer ({move.claim['assignee']}) can submit this claim."
        raise _unmet("caller_is_assignee", "assignee", detail)


def _draft_cites_source(db, move):
    if not (move.draft and move.draft["cited"]):
        detail = "Submitting for review needs a draft verdict citing at least one source."
        raise _unmet("draft_cites_source", "verdict", detail)


def _approver_is_not_author(db, move):
    if move.draft and move.draft["author"] == move.actor.name:
        detail = "Four eyes: the verdict's author cannot approve it; ask another editor."
        raise _unmet("approver_is_not_author", "verdict", detail)


def _draft_exists(db, move):
    if move.draft is None:
        raise _unmet("draft_exists", "verdict", "There is no draft verdict to publish.")


def _correction_has_public_note(db, move):
    if move.claim["published_verdict_id"] is not None and not move.text("public_note"):
        detail = f"This move needs {workflow.PRECONDITIONS['correction_has_public_note']}."
        raise _unmet("correction_has_public_note", "public_note", detail)


def _one_check_per_precondition(checks):
    """The table, if it checks exactly the preconditions workflow.py declares."""
    if checks.keys() != workflow.PRECONDITIONS.keys():
        missing = sorted(workflow.PRECONDITIONS.keys() - checks.keys())
        unknown = sorted(checks.keys() - workflow.PRECONDITIONS.keys())
        raise ValueError(f"precondition checks: missing {missing}, undeclared {unknown}")
    return checks


CHECKS = _one_check_per_precondition(
    {
        "note": _has_text("note"),
        "public_note": _has_text("public_note"),
        "names_new_assignee": _names_new_assignee,
        "valid_assignee": _valid_assignee,
        "caller_is_assignee": _caller_is_assignee,
        "draft_cites_source": _draft_cites_source,
        "approver_is_not_author": _approver_is_not_author,
        "draft_exists": _draft_exists,
        "correction_has_public_note": _correction_has_public_note,
    }
)


def _caller_may(db, claim, transition, actor, draft):
    """Whether this caller passes the move's checks about who asks (role, assignee, author)."""
    move = Move(claim, transition, {}, actor, draft, assignee=None)
    for precondition in set(transition.preconditions) & set(workflow.CALLER_PRECONDITIONS):
        try:
            CHECKS[precondition](db, move)
        except Invalid:
            return False
    return True


def allowed_moves(db, claim, actor):
    """The statuses this caller could move the claim to from here."""
    draft = verdicts.draft_of(db, claim["id"])
    return [
        t.target
        for t in workflow.moves_from(claim["status"], actor.role)
        if _caller_may(db, claim, t, actor, draft)
    ]


def _transition(db, claim, request, actor):
    """The declared move from the claim's status to the requested one, if this caller may."""
    transition = workflow.find(claim["status"], request["to"])
    if transition is None:
        raise Conflict(
            f"A claim that is {claim['status']} cannot move to {request['to']}.",
            extra={"status_now": claim["status"], "allowed_moves": allowed_moves(db, claim, actor)},
        )
    if not actor.has_role(transition.role):
        raise Forbidden(
            f"Moving {transition.source} to {transition.target} needs an {transition.role}."
        )
    if request.get("public_note") and not transition.public:
        raise Invalid(
            "Readers see a public note only with a publication, correction, retraction or "
            "reinstatement.",
            {"public_note": ["Not shown for this move; use note for staff."]},
        )
    return transition


def _assignee(transition, request, actor):
    if transition.assigns == workflow.ASSIGNS_NAMED_OR_CALLER:
        return request.get("assignee") or actor.name
    if transition.assigns == workflow.ASSIGNS_NAMED:
        return request.get("assignee")
    return None


def validate(db, claim, request, actor):
    """The move, once every rule for it holds; else the Problem naming the first that fails."""
    transition = _transition(db, claim, request, actor)
    move = Move(
        claim=claim,
        transition=transition,
        request=request,
        actor=actor,
        draft=verdicts.draft_of(db, claim["id"]),
        assignee=_assignee(transition, request, actor),
    )
    for precondition in transition.preconditions:
        CHECKS[precondition](db, move)
    return move


def _published_rating(db, claim):
    row = db.execute("SELECT rating FROM verdicts WHERE id = ?", [claim["published_verdict_id"]])
    return row.fetchone()[0]


def change(db, move, stamp):
    """The claim's new column values after the move."""
    changes = {"status": move.transition.target}
    if move.assignee is not None:
        changes["assignee"] = move.assignee
    if move.transition.publishes:
        changes.update(published_verdict_id=move.draft["id"], rating=move.draft["rating"])
    if move.transition.target in workflow.WITHDRAWN_STATES:
        changes["rating"] = None  # the rating filter no longer matches it
    elif move.claim["status"] in workflow.WITHDRAWN_STATES:
        changes["rating"] = _published_rating(db, move.claim)
    if move.transition.public:
        changes["public_updated_at"] = stamp
    return changes


def record(db, move, changes, stamp):
    """Write the change, the move and its audit event; return the move's id."""
    claim_id = move.claim["id"]
    kind = workflow.notice_kind(move.transition, move.claim)
    if move.transition.publishes:
        update_row(db, "verdicts", move.draft["id"], {"published_at": stamp})
    claims.touch(db, claim_id, changes)
    row = {
        "claim_id": claim_id,
        "from_status": move.claim["status"],
        "to_status": move.transition.target,
        "actor": move.actor.name,
        "note": move.request.get("note"),
        "public_note": move.request.get("public_note"),
        "verdict_id": changes.get("published_verdict_id"),
        "kind": kind,
        "created_at": stamp,
    }
    transition_id = insert_row(db, "transitions", row)
    audit.record(
        db,
        move.actor,
        workflow.NOTICE_ACTIONS.get(kind, f"claim.{move.transition.target}"),
        "claim",
        claim_id,
        claim_id=claim_id,
        before={"status": move.claim["status"], "assignee": move.claim["assignee"]},
        after={
            **changes,
            "note": row["note"],
            "public_note": row["public_note"],
            "kind": kind,
            "transition_id": transition_id,
        },
        public=move.transition.public,
    )
    return transition_id


def apply(db, claim_id, request, actor, if_match=None):
    """Take one move ({"to", "note", "public_note", "assignee"}) and record it."""
    with write_transaction(db):
        claim = claims.require(db, claim_id, if_match)
        move = validate(db, claim, request, actor)
        stamp = now()
        return record(db, move, change(db, move, stamp), stamp)
