"""Moving claims through the editorial workflow, through the API, asserting every step.

The fixtures' staff take the moves as a newsroom would: rita (a reviewer) takes the claim,
drafts a verdict citing a source and submits it; eve (an editor) approves, publishes,
dismisses and retracts. Four eyes holds because the draft's author is not its approver.
"""

NOTE = "Internal reason for the move."
PUBLIC_NOTE = "A notice for readers."
DRAFT = "draft"  # a step that drafts a verdict instead of moving the claim

_TO_REVIEW = (("rita", "in_research", {}), ("rita", DRAFT, {}), ("rita", "in_review", {}))
_TO_PUBLIC = (*_TO_REVIEW, ("eve", "approved", {}), ("eve", "published", {}))
# The steps that bring a new claim to each status: (who, move or DRAFT, the move's fields).
ROUTES = {
    "new": (),
    "in_research": _TO_REVIEW[:1],
    "in_review": _TO_REVIEW,
    "approved": _TO_PUBLIC[:-1],
    "published": _TO_PUBLIC,
    "dismissed": (("eve", "dismissed", {"note": NOTE}),),
    "retracted": (*_TO_PUBLIC, ("eve", "retracted", {"public_note": PUBLIC_NOTE})),
}


def move(client, claim_id, to, *, note=None, public_note=None, assignee=None, headers=None):
    """POST a move with the fields given; the response as it is, for tests of refusals."""
    fields = {"note": note, "public_note": public_note, "assignee": assignee}
    body = {"to": to, **{name: value for name, value in fields.items() if value is not None}}
    return client.post(f"/api/v1/claims/{claim_id}/transitions", json=body, headers=headers)


def moved(client, claim_id, to, **fields):
    """Take a move that must succeed; the claim after it."""
    response = move(client, claim_id, to, **fields)
    assert response.status_code == 200, response.json
    assert response.json["status"] == to, response.json
    return response.json


def draft(client, claim_id, source_ids=(), rating="false", explanation="Checked."):
    """Draft a verdict revision that must be accepted; the revision."""
    response = client.post(
        f"/api/v1/claims/{claim_id}/verdicts",
        json={"rating": rating, "explanation": explanation, "source_ids": list(source_ids)},
    )
    assert response.status_code == 201, response.json
    return response.json


def bring_to(as_user, claim_id, state, source_id=None):
    """Take a new claim to `state` by the moves in ROUTES, each asserted; the claim then.

    A draft verdict is needed from in_review on; it cites source_id.
    """
    for name, step, fields in ROUTES[state]:
        if step == DRAFT:
            assert source_id is not None, f"bringing a claim to {state} needs a source to cite"
            draft(as_user(name), claim_id, [source_id])
        else:
            moved(as_user(name), claim_id, step, **fields)
    claim = as_user("eve").get(f"/api/v1/claims/{claim_id}").json
    assert claim["status"] == state, claim
    return claim
