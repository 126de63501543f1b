"""The editorial workflow: a claim's whole life, the permission matrix, and races."""

import itertools
import threading

import pytest

from factcheck import workflow
from tests.conftest import assert_problem


def move(client, claim_id, to, **fields):
    return client.post(f"/api/v1/claims/{claim_id}/transitions", json={"to": to, **fields})


def draft(client, claim_id, source_id, rating="false"):
    response = client.post(
        f"/api/v1/claims/{claim_id}/verdicts",
        json={"rating": rating, "explanation": "Checked.", "source_ids": [source_id]},
    )
    assert response.status_code == 201, response.json
    return response.json


def test_a_seed_claim_through_its_whole_life(seeded, client, as_user, anon):
    """new, assigned, drafted, in review, sent back, resubmitted, approved by a second
    editor, published, corrected, republished; with what a reader sees at each step."""
    rita, eve, ed, rob = as_user("rita"), as_user("eve"), as_user("ed"), as_user("rob")
    claim = client.get("/api/v1/claims?status=new").json["items"][0]
    claim_id, url = claim["id"], f"/api/v1/claims/{claim['id']}"
    source_id = client.get(f"{url}/sources").json["items"][0]["id"]

    def reader_sees():
        response = anon.get(url)
        if response.status_code == 404:
            assert_problem(response, 404)
            for suffix in ("/sources", "/verdicts", "/history"):
                assert_problem(anon.get(url + suffix), 404)
            return None
        shown = response.json
        assert "draft_verdict" not in shown and "assignee" not in shown
        cited = {s["id"] for s in anon.get(f"{url}/sources").json["items"]}
        assert cited <= {sid for v in shown["published_verdicts"] for sid in v["source_ids"]}
        public = [v["id"] for v in anon.get(f"{url}/verdicts").json["items"]]
        assert public == [v["id"] for v in shown["published_verdicts"]]
        return shown["verdict"]["id"], public, [note["note"] for note in shown["public_notes"]]

    assert reader_sees() is None
    assert move(eve, claim_id, "in_research", assignee="rita").json["assignee"] == "rita"
    assert reader_sees() is None
    first = draft(rita, claim_id, source_id, "false")
    assert reader_sees() is None
    assert move(rita, claim_id, "in_review").status_code == 200
    assert reader_sees() is None
    sent_back = move(eve, claim_id, "in_research", note="Name the members of Congress.")
    assert sent_back.json["status"] == "in_research" and sent_back.json["assignee"] == "rita"
    assert reader_sees() is None
    second = draft(rita, claim_id, source_id, "mostly-true")
    assert move(rita, claim_id, "in_review").status_code == 200
    assert reader_sees() is None
    assert move(ed, claim_id, "approved").status_code == 200
    assert reader_sees() is None
    published = move(ed, claim_id, "published")
    assert published.status_code == 200 and published.json["verdict"]["id"] == second["id"]
    assert reader_sees() == (second["id"], [second["id"]], [])
    assert first["id"] not in reader_sees()[1]

    assert move(eve, claim_id, "in_research", assignee="rob").status_code == 200
    assert reader_sees() == (second["id"], [second["id"]], [])  # stays public meanwhile
    third = draft(rob, claim_id, source_id, "half-true")
    assert reader_sees() == (second["id"], [second["id"]], [])
    assert move(rob, claim_id, "in_review").status_code == 200
    assert move(eve, claim_id, "approved").status_code == 200
    assert reader_sees() == (second["id"], [second["id"]], [])
    no_note = move(eve, claim_id, "published")
    assert "public_note" in assert_problem(no_note, 422)["errors"]
    note = "We first rated this mostly true; the record supports only half of it."
    assert move(eve, claim_id, "published", public_note=note).status_code == 200
    assert reader_sees() == (third["id"], [third["id"], second["id"]], [note])

    history = anon.get(f"{url}/history").json["items"]
    assert [event["action"] for event in history] == ["claim.published", "claim.published"]
    assert history[-1]["public_note"] == note and "actor" not in history[-1]
    staff_history = eve.get(f"{url}/history").json["items"]
    notes = [event["after"].get("note") for event in staff_history if event["after"]]
    assert "Name the members of Congress." in notes


def test_retraction_keeps_the_claim_public_with_its_notice(claim, source, as_user, anon):
    rita, eve, ed = as_user("rita"), as_user("eve"), as_user("ed")
    move(rita, claim["id"], "in_research")
    draft(rita, claim["id"], source["id"])
    for client, to in ((rita, "in_review"), (eve, "approved"), (eve, "published")):
        assert move(client, claim["id"], to).status_code == 200
    assert "public_note" in assert_problem(move(ed, claim["id"], "retracted"), 422)["errors"]
    assert (
        move(ed, claim["id"], "retracted", public_note="Withdrawn: wrong claimant.").status_code
        == 200
    )
    shown = anon.get(f"/api/v1/claims/{claim['id']}").json
    assert shown["status"] == "retracted" and shown["verdict"]
    assert shown["public_notes"][0] == {**shown["public_notes"][0], "status": "retracted"}


def test_dismiss_needs_a_reason_and_can_be_reopened(claim, as_user):
    eve = as_user("eve")
    assert "note" in assert_problem(move(eve, claim["id"], "dismissed"), 422)["errors"]
    assert move(eve, claim["id"], "dismissed", note="Opinion, not checkable.").status_code == 200
    assert move(eve, claim["id"], "new").json["status"] == "new"


def test_invalid_move_lists_the_callers_moves(claim, as_user):
    body = assert_problem(move(as_user("rita"), claim["id"], "published"), 409)
    assert body["allowed_moves"] == ["in_research"]
    body = assert_problem(move(as_user("eve"), claim["id"], "approved"), 409)
    assert body["allowed_moves"] == ["in_research", "dismissed"]


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"to": "somewhere"}, 422, "to"),
        ({}, 422, "to"),
        ({"to": "in_research", "assignee": "nobody"}, 422, "assignee"),
        ({"to": "in_research", "extra": 1}, 422, "extra"),
        ({"to": "in_research", "note": 5}, 422, "note"),
    ],
)
def test_bad_transition_requests(claim, as_user, payload, status, field):
    response = as_user("eve").post(f"/api/v1/claims/{claim['id']}/transitions", json=payload)
    assert field in assert_problem(response, status)["errors"]
    assert as_user("eve").get(f"/api/v1/claims/{claim['id']}").json["status"] == "new"


def test_reviewer_cannot_assign_someone_else(claim, as_user):
    assert_problem(move(as_user("rita"), claim["id"], "in_research", assignee="rob"), 403)


def test_only_the_assignee_submits(claim, source, as_user):
    move(as_user("rita"), claim["id"], "in_research")
    draft(as_user("rita"), claim["id"], source["id"])
    for name in ("rob", "eve"):
        body = assert_problem(move(as_user(name), claim["id"], "in_review"), 422)
        assert body["precondition"] == "caller_is_assignee" and "assignee" in body["errors"]


def test_submitting_needs_a_draft_citing_a_source(claim, as_user):
    rita = as_user("rita")
    move(rita, claim["id"], "in_research")
    assert "verdict" in assert_problem(move(rita, claim["id"], "in_review"), 422)["errors"]
    rita.post(
        f"/api/v1/claims/{claim['id']}/verdicts", json={"rating": "false", "explanation": "x"}
    )
    assert "verdict" in assert_problem(move(rita, claim["id"], "in_review"), 422)["errors"]


def test_four_eyes_the_author_cannot_approve(claim, source, as_user):
    eve = as_user("eve")
    move(eve, claim["id"], "in_research")
    draft(eve, claim["id"], source["id"])
    assert move(eve, claim["id"], "in_review").status_code == 200
    body = assert_problem(move(eve, claim["id"], "approved"), 422)
    assert body["precondition"] == "approver_is_not_author" and "Four eyes" in body["detail"]
    assert move(as_user("ed"), claim["id"], "approved").status_code == 200


def test_no_new_revision_while_under_review(claim, source, as_user):
    rita = as_user("rita")
    move(rita, claim["id"], "in_research")
    draft(rita, claim["id"], source["id"])
    move(rita, claim["id"], "in_review")
    response = rita.post(
        f"/api/v1/claims/{claim['id']}/verdicts", json={"rating": "true", "explanation": "x"}
    )
    assert_problem(response, 409)


# Who may take which move, from every state: the roles that satisfy each transition.
ALLOWED = {(t.source, t.target): t.role for t in workflow.TRANSITIONS}
USERS = {"reviewer": "rita", "editor": "ed", "admin": "ada"}


def bring_to(state, claim_id, source_id, as_user):
    """Walk a claim to `state` as the fixtures' staff would (rita drafts, eve approves)."""
    rita, eve = as_user("rita"), as_user("eve")
    if state == "dismissed":
        assert move(eve, claim_id, "dismissed", note="dup").status_code == 200
        return
    path = ["in_research", "in_review", "approved", "published", "retracted"]
    steps = path[: path.index(state) + 1] if state in path else []
    for step in steps:
        client = rita if step in ("in_research", "in_review") else eve
        if step == "in_review":
            draft(rita, claim_id, source_id)
        notice = {"public_note": "notice"} if step in workflow.PUBLIC_MOVES else {}
        response = move(client, claim_id, step, **notice)
        assert response.status_code == 200, response.json


def fields_for(target):
    fields = {"note": "why"}
    if target in workflow.PUBLIC_MOVES:
        fields["public_note"] = "for readers"
    return fields


@pytest.mark.parametrize(
    ("state", "target", "role"),
    list(itertools.product(workflow.STATES, workflow.STATES, USERS)),
)
def test_permission_matrix(app, claim, source, as_user, db, state, target, role):
    bring_to(state, claim["id"], source["id"], as_user)
    if (state, target) == ("in_research", "in_review"):
        draft(as_user("rita"), claim["id"], source["id"])
    before = {
        "claim": db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone(),
        "moves": db["transitions"].count,
    }
    caller = as_user(USERS[role])
    response = move(caller, claim["id"], target, **fields_for(target))
    needed = ALLOWED.get((state, target))
    if needed is None:
        assert_problem(response, 409)
    elif not workflow.has_role(role, needed):
        assert_problem(response, 403)
    elif (state, target) == ("in_research", "in_review") and USERS[role] != "rita":
        assert assert_problem(response, 422)["precondition"] == "caller_is_assignee"
    elif (state, target) == ("in_review", "approved") and role == "reviewer":
        assert_problem(response, 403)
    else:
        assert response.status_code == 200, response.json
        assert response.json["status"] == target
        return
    after = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    assert after == before["claim"] and db["transitions"].count == before["moves"]


def test_two_editors_approving_at_once_exactly_one_wins(claim, source, as_user, app):
    rita = as_user("rita")
    move(rita, claim["id"], "in_research")
    draft(rita, claim["id"], source["id"])
    move(rita, claim["id"], "in_review")
    barrier, results = threading.Barrier(2), {}

    def approve(name):
        client = as_user(name)
        barrier.wait()
        results[name] = move(client, claim["id"], "approved").status_code

    threads = [threading.Thread(target=approve, args=(name,)) for name in ("eve", "ed")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results.values()) == [200, 409]


def test_readme_diagram_is_the_declared_machine():
    from factcheck.config import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{workflow.as_mermaid()}\n```" in readme


@pytest.mark.parametrize("state", ["in_review", "approved", "published"])
def test_claim_details_are_frozen_past_research(claim, source, as_user, db, state):
    bring_to(state, claim["id"], source["id"], as_user)
    before = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    response = as_user("eve").patch(f"/api/v1/claims/{claim['id']}", json={"claimant": "Someone"})
    assert_problem(response, 409)
    assert db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone() == before


def test_a_corrected_claim_keeps_its_published_details(claim, source, as_user):
    bring_to("published", claim["id"], source["id"], as_user)
    eve = as_user("eve")
    eve.post(f"/api/v1/claims/{claim['id']}/transitions", json={"to": "in_research"})
    response = eve.patch(f"/api/v1/claims/{claim['id']}", json={"tags": ["changed"]})
    assert_problem(response, 409)


def test_only_editors_delete_claims_once_work_started(claim, as_user):
    move(as_user("rita"), claim["id"], "in_research")
    assert_problem(as_user("rob").delete(f"/api/v1/claims/{claim['id']}"), 403)
    assert_problem(as_user("rita").delete(f"/api/v1/claims/{claim['id']}"), 403)
    assert as_user("eve").delete(f"/api/v1/claims/{claim['id']}").status_code == 204


def test_only_the_assignee_or_an_editor_drafts_in_research(claim, source, as_user):
    move(as_user("rita"), claim["id"], "in_research")
    body = {"rating": "false", "explanation": "x", "source_ids": [source["id"]]}
    url = f"/api/v1/claims/{claim['id']}/verdicts"
    assert_problem(as_user("rob").post(url, json=body), 403)
    assert as_user("rita").post(url, json=body).status_code == 201
    assert as_user("eve").post(url, json=body).status_code == 201


def test_public_note_only_on_moves_that_show_it(claim, as_user):
    response = move(as_user("eve"), claim["id"], "dismissed", note="dup", public_note="x")
    assert "public_note" in assert_problem(response, 422)["errors"]
