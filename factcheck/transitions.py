"""Moving a claim through the editorial workflow declared in factcheck/workflow.py."""

from factcheck import accounts, audit, claims, workflow
from factcheck.db import write_transaction
from factcheck.errors import Conflict, Forbidden, Invalid
from factcheck.timeutil import now


def _draft(db, claim):
    """The latest revision written since the last publication, or None."""
    return next(
        db.query(
            "SELECT id, author, rating, "
            "(SELECT count(*) FROM verdict_sources WHERE verdict_id = v.id) "
            "AS cited FROM verdicts v WHERE claim_id = ? AND published_at IS NULL "
            "AND id > ifnull(?, 0) ORDER BY id DESC LIMIT 1",
            [claim["id"], claim["published_verdict_id"]],
        ),
        None,
    )


def _assignee(db, claim, move, actor):
    """Who researches the claim after a move into research."""
    name = move.get("assignee") or actor.name
    user = accounts.find_user(db, name)
    if user is None:
        raise Invalid(f"There is no user {name!r}.", {"assignee": ["Unknown user."]})
    if name != actor.name and not actor.has_role("editor"):
        raise Forbidden("A reviewer can only take a claim for themselves; an editor assigns.")
    return name


def _unmet(precondition, field, detail):
    """422 naming the precondition and the field that would satisfy it."""
    return Invalid(detail, {field: [detail]}, extra={"precondition": precondition})


def _check(claim, draft, move, actor, precondition):
    """Raise 422 naming the precondition if it does not hold."""
    if precondition in ("note", "public_note") and not (move.get(precondition) or "").strip():
        raise _unmet(
            precondition, precondition, f"This move needs {workflow.PRECONDITIONS[precondition]}."
        )
    if precondition == "caller_is_assignee" and claim["assignee"] != actor.name:
        raise _unmet(
            precondition,
            "assignee",
            f"Only the assigned reviewer ({claim['assignee']}) can submit this claim.",
        )
    if precondition == "draft_cites_source" and not (draft and draft["cited"]):
        raise _unmet(
            precondition,
            "verdict",
            "Submitting for review needs a draft verdict citing at least one source.",
        )
    if precondition == "approver_is_not_author" and draft and draft["author"] == actor.name:
        raise _unmet(
            precondition,
            "verdict",
            "Four eyes: the verdict's author cannot approve it; ask another editor.",
        )
    if precondition == "draft_exists" and draft is None:
        raise _unmet(precondition, "verdict", "There is no draft verdict to publish.")
    is_correction = claim["published_verdict_id"] is not None
    if precondition == "correction_has_public_note" and is_correction:
        _check(claim, draft, move, actor, "public_note")


def _publish(db, draft, stamp):
    db["verdicts"].update(draft["id"], {"published_at": stamp})
    return {"published_verdict_id": draft["id"], "rating": draft["rating"]}


def apply(db, claim_id, move, actor, if_match=None):
    """Take one move ({"to", "note", "public_note", "assignee"}) and record it."""
    with write_transaction(db):
        claim = claims.require(db, claim_id, if_match)
        transition = workflow.find(claim["status"], move["to"])
        if transition is None:
            allowed = workflow.moves_from(claim["status"], actor.role)
            raise Conflict(
                f"A claim that is {claim['status']} cannot move to {move['to']}.",
                extra={"status_now": claim["status"], "allowed_moves": allowed},
            )
        if not actor.has_role(transition.role):
            raise Forbidden(
                f"Moving {transition.source} to {transition.target} needs an {transition.role}."
            )
        if move.get("public_note") and transition.target not in workflow.PUBLIC_MOVES:
            raise Invalid(
                "Readers see a public note only with a publication or a retraction.",
                {"public_note": ["Not shown for this move; use note for staff."]},
            )
        draft = _draft(db, claim)
        for precondition in transition.preconditions:
            _check(claim, draft, move, actor, precondition)
        stamp = now()
        changes = {"status": transition.target}
        assigns = "valid_assignee" in transition.preconditions or move.get("assignee")
        if transition.target == "in_research" and assigns:
            changes["assignee"] = _assignee(db, claim, move, actor)
        if transition.target == "published":
            changes.update(_publish(db, draft, stamp))
        if transition.target in workflow.PUBLIC_MOVES:
            changes["public_updated_at"] = stamp
        db["claims"].update(claim_id, changes)
        claims.touch(db, claim_id)
        record = {
            "claim_id": claim_id,
            "from_status": claim["status"],
            "to_status": transition.target,
            "actor": actor.name,
            "note": move.get("note"),
            "public_note": move.get("public_note"),
            "verdict_id": changes.get("published_verdict_id"),
            "created_at": stamp,
        }
        transition_id = db["transitions"].insert(record).last_pk
        audit.record(
            db,
            actor,
            f"claim.{transition.target}",
            "claim",
            claim_id,
            claim_id=claim_id,
            before={"status": claim["status"], "assignee": claim["assignee"]},
            after={
                **changes,
                "note": record["note"],
                "public_note": record["public_note"],
                "transition_id": transition_id,
            },
            public=transition.target in workflow.PUBLIC_MOVES,
        )
    return transition_id
