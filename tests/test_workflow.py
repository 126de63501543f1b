"""The editorial workflow: the policy, a claim's whole life, the permission matrix, races."""

import itertools
import re
from functools import partial

import pytest

from factcheck import workflow
from tests.concurrency import race
from tests.conftest import assert_field_error, assert_problem, cases
from tests.flow import bring_to, draft, move, moved
from tests.seed_data import CURATED_TEXTS

# The editorial policy, written out by hand rather than read from factcheck/workflow.py:
# (from, to) -> (the least role that may take the move, its preconditions). Changing the
# policy means changing it there and here; test_the_served_workflow_is_this_policy checks.
POLICY = {
    ("new", "in_research"): ("reviewer", ("valid_assignee",)),
    ("new", "dismissed"): ("editor", ("note",)),
    ("in_research", "in_review"): ("reviewer", ("caller_is_assignee", "draft_cites_source")),
    ("in_research", "in_research"): ("editor", ("note", "names_new_assignee", "valid_assignee")),
    ("in_review", "in_research"): ("editor", ("note", "valid_assignee")),
    ("in_review", "approved"): ("editor", ("approver_is_not_author",)),
    ("approved", "published"): ("editor", ("draft_exists", "correction_has_public_note")),
    ("approved", "in_review"): ("editor", ("note",)),
    ("published", "in_research"): ("editor", ("valid_assignee",)),
    ("published", "retracted"): ("editor", ("public_note",)),
    ("retracted", "published"): ("editor", ("public_note",)),
    ("dismissed", "new"): ("editor", ()),
}
# How the moves that set the assignee set it; every other move leaves it as it is. Only the
# first move into research may fall back to the caller: an editor reopening or sending back
# a claim is not its researcher.
ASSIGNS = {
    ("new", "in_research"): "named_or_caller",
    ("in_research", "in_research"): "named_or_kept",
    ("in_review", "in_research"): "named_or_kept",
    ("published", "in_research"): "named_or_kept",
}
# The public notice each move readers see gives (a publication of a claim published before
# is a correction).
NOTICES = {
    ("approved", "published"): "publication",
    ("published", "retracted"): "retraction",
    ("retracted", "published"): "reinstatement",
}
STATES = ("new", "in_research", "in_review", "approved", "published", "dismissed", "retracted")
# Least to most: each role may do everything the ones before it may (a viewer only reads).
ROLES = ("viewer", "reviewer", "editor", "admin")
# Moves that accept a public_note (readers see it); every other move refuses one.
PUBLIC_NOTE_MOVES = ("published", "retracted")


def test_the_served_workflow_is_this_policy(anon):
    document = anon.get("/api/v1/workflow").json
    assert document["states"] == list(STATES) and document["initial"] == "new"
    assert document["roles"] == list(ROLES)
    served = {
        (t["from"], t["to"]): (t["role"], tuple(p["name"] for p in t["preconditions"]))
        for t in document["transitions"]
    }
    assert served == POLICY
    assigns = {(t["from"], t["to"]): t["assigns"] for t in document["transitions"]}
    assert {move: rule["name"] for move, rule in assigns.items() if rule} == ASSIGNS
    assert "keeps its assignee" in assigns[("published", "in_research")]["description"]
    notices = {(t["from"], t["to"]): t["notice"] for t in document["transitions"]}
    assert {move: kind for move, kind in notices.items() if kind} == NOTICES
    assert document["notice_kinds"] == ["publication", "correction", "retraction", "reinstatement"]


def test_a_seed_claim_through_its_whole_life(seeded, client, as_user, anon):
    """new, assigned, drafted, in review, sent back, resubmitted, approved by a second
    editor, published, corrected, republished; with what a reader sees at each step."""
    rita, eve, ed, rob = as_user("rita"), as_user("eve"), as_user("ed"), as_user("rob")
    new = client.get("/api/v1/claims?status=new").json["items"]
    [claim] = [claim for claim in new if claim["text"] in CURATED_TEXTS]  # it has sources
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
    assert moved(eve, claim_id, "in_research", assignee="rita")["assignee"] == "rita"
    assert reader_sees() is None
    first = draft(rita, claim_id, [source_id], "false")
    assert reader_sees() is None
    moved(rita, claim_id, "in_review")
    assert reader_sees() is None
    sent_back = moved(eve, claim_id, "in_research", note="Name the members of Congress.")
    assert sent_back["assignee"] == "rita"
    assert reader_sees() is None
    second = draft(rita, claim_id, [source_id], "mostly-true")
    moved(rita, claim_id, "in_review")
    assert reader_sees() is None
    moved(ed, claim_id, "approved")
    assert reader_sees() is None
    assert moved(ed, claim_id, "published")["verdict"]["id"] == second["id"]
    assert reader_sees() == (second["id"], [second["id"]], [])
    assert first["id"] not in reader_sees()[1]

    moved(eve, claim_id, "in_research", assignee="rob")
    assert reader_sees() == (second["id"], [second["id"]], [])  # stays public meanwhile
    third = draft(rob, claim_id, [source_id], "half-true")
    assert reader_sees() == (second["id"], [second["id"]], [])
    moved(rob, claim_id, "in_review")
    moved(eve, claim_id, "approved")
    assert reader_sees() == (second["id"], [second["id"]], [])
    no_note = assert_problem(move(eve, claim_id, "published"), 422)
    assert_field_error(no_note, "public_note", "public note")
    note = "We first rated this mostly true; the record supports only half of it."
    moved(eve, claim_id, "published", public_note=note)
    assert reader_sees() == (third["id"], [third["id"], second["id"]], [note])

    history = anon.get(f"{url}/history").json["items"]
    assert [event["action"] for event in history] == ["claim.published", "claim.corrected"]
    kinds = [note["kind"] for note in anon.get(url).json["public_notes"]]
    assert kinds == ["correction"]
    assert history[-1]["public_note"] == note and "actor" not in history[-1]
    staff_history = eve.get(f"{url}/history").json["items"]
    notes = [event["after"].get("note") for event in staff_history if event["after"]]
    assert "Name the members of Congress." in notes


def claim_ids(client, query):
    return [item["id"] for item in client.get(f"/api/v1/claims?{query}").json["items"]]


def test_a_retraction_withdraws_the_verdict_and_a_reinstatement_restores_it(
    claim, source, as_user, anon, db
):
    ed, url = as_user("ed"), f"/api/v1/claims/{claim['id']}"
    published = bring_to(as_user, claim["id"], "published", source["id"])["verdict"]
    for reader in (anon, ed):
        assert claim_ids(reader, "rating=false") == [claim["id"]]
    refused = assert_problem(move(ed, claim["id"], "retracted"), 422)
    assert_field_error(refused, "public_note", "This move needs a public note for readers.")
    moved(ed, claim["id"], "retracted", public_note="Withdrawn: wrong claimant.")

    shown = anon.get(url).json
    assert shown["status"] == "retracted" and shown["verdict"] is None
    assert [v["id"] for v in shown["published_verdicts"]] == [published["id"]]
    notice = shown["public_notes"][0]
    assert notice["kind"] == "retraction" and notice["status"] == "retracted"
    assert notice["note"] == "Withdrawn: wrong claimant." and notice["created_at"]
    assert shown["updated_at"] == notice["created_at"]
    for reader in (anon, ed):
        assert claim_ids(reader, "rating=false") == []
        assert claim_ids(reader, "status=retracted") == [claim["id"]]
        assert reader.get("/api/v1/claims?status=retracted").json["items"][0]["verdict"] is None
    assert ed.get(url).json["verdict"] is None

    before = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    refused = assert_problem(move(ed, claim["id"], "published", note="Our mistake."), 422)
    assert refused["precondition"] == "public_note"
    assert db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone() == before
    assert_problem(move(as_user("rita"), claim["id"], "published", public_note="x"), 403)

    moved(ed, claim["id"], "published", public_note="Retracted in error; the check stands.")
    shown = anon.get(url).json
    assert shown["status"] == "published" and shown["verdict"]["id"] == published["id"]
    kinds = [note["kind"] for note in shown["public_notes"]]
    assert kinds == ["reinstatement", "retraction"]
    assert claim_ids(anon, "rating=false") == [claim["id"]]
    actions = [event["action"] for event in anon.get(f"{url}/history").json["items"]]
    assert actions == ["claim.published", "claim.retracted", "claim.reinstated"]


def test_a_correction_without_a_public_note_names_the_declared_precondition(claim, source, as_user):
    eve = as_user("eve")
    bring_to(as_user, claim["id"], "published", source["id"])
    moved(eve, claim["id"], "in_research", assignee="rita")
    draft(as_user("rita"), claim["id"], [source["id"]], "true")
    moved(as_user("rita"), claim["id"], "in_review")
    moved(eve, claim["id"], "approved")
    body = assert_problem(move(eve, claim["id"], "published"), 422)
    assert body["precondition"] == "correction_has_public_note"


@pytest.mark.parametrize(
    ("assignee", "status", "researcher"),
    [(None, 200, "rita"), ("rob", 200, "rob"), ("nobody", 422, "rita")],
)
def test_sending_back_may_name_another_reviewer(
    claim, source, as_user, assignee, status, researcher
):
    bring_to(as_user, claim["id"], "in_review", source["id"])
    eve = as_user("eve")
    response = move(eve, claim["id"], "in_research", note="Redo.", assignee=assignee)
    assert response.status_code == status, response.json
    if status == 422:
        assert assert_problem(response, 422)["precondition"] == "valid_assignee"
    assert eve.get(f"/api/v1/claims/{claim['id']}").json["assignee"] == researcher


def test_dismiss_needs_a_reason_and_can_be_reopened(claim, as_user):
    eve = as_user("eve")
    refused = assert_problem(move(eve, claim["id"], "dismissed"), 422)
    assert_field_error(refused, "note", "This move needs an internal note giving the reason.")
    moved(eve, claim["id"], "dismissed", note="Opinion, not checkable.")
    moved(eve, claim["id"], "new")


# What a 409 lists as allowed_moves: (status, who asks) -> the moves they could make. rita
# is the assignee and wrote the draft; an editor never submits another's claim, nor approves
# their own draft (the next test).
ALLOWED_MOVES = {
    ("new", "rita"): ["in_research"],
    ("new", "eve"): ["in_research", "dismissed"],
    ("in_research", "rita"): ["in_review"],
    ("in_research", "rob"): [],
    ("in_research", "eve"): ["in_research"],
    ("in_review", "rita"): [],
    ("in_review", "eve"): ["in_research", "approved"],
    ("approved", "eve"): ["published", "in_review"],
    ("published", "rita"): [],
    ("published", "eve"): ["in_research", "retracted"],
    ("retracted", "eve"): ["published"],
    ("dismissed", "ada"): ["new"],
}


def impossible_move(state):
    return next(target for target in STATES if (state, target) not in POLICY)


@pytest.mark.parametrize(("state", "name"), list(ALLOWED_MOVES))
def test_invalid_move_lists_the_moves_this_caller_could_make(claim, source, as_user, state, name):
    bring_to(as_user, claim["id"], state, source["id"])
    body = assert_problem(move(as_user(name), claim["id"], impossible_move(state)), 409)
    assert body["status_now"] == state
    assert body["allowed_moves"] == ALLOWED_MOVES[(state, name)]


def test_allowed_moves_leave_out_approving_ones_own_draft(claim, source, as_user):
    bring_to(as_user, claim["id"], "in_research")
    draft(as_user("eve"), claim["id"], [source["id"]])
    moved(as_user("rita"), claim["id"], "in_review")
    for name, allowed in (("eve", ["in_research"]), ("ed", ["in_research", "approved"])):
        body = assert_problem(move(as_user(name), claim["id"], "published"), 409)
        assert body["allowed_moves"] == allowed


# Reassigning a claim in research: (who, the move's fields, status, precondition refused).
REASSIGNMENTS = [
    ("eve", {"note": "Rita is away.", "assignee": "rob"}, 200, None),
    ("eve", {"assignee": "rob"}, 422, "note"),
    ("eve", {"note": "Rita is away."}, 422, "names_new_assignee"),
    ("eve", {"note": "Rita is away.", "assignee": "rita"}, 422, "names_new_assignee"),
    ("eve", {"note": "Rita is away.", "assignee": "nobody"}, 422, "valid_assignee"),
    ("rob", {"note": "Rita is away.", "assignee": "rob"}, 403, None),
    ("rita", {"note": "I am away.", "assignee": "rob"}, 403, None),
]


@pytest.mark.parametrize(("name", "fields", "status", "precondition"), REASSIGNMENTS)
def test_an_editor_reassigns_a_claim_in_research(
    claim, source, as_user, db, name, fields, status, precondition
):
    bring_to(as_user, claim["id"], "in_research")
    before = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    moves = db["transitions"].count
    response = move(as_user(name), claim["id"], "in_research", **fields)
    if status != 200:
        body = assert_problem(response, status)
        assert body.get("precondition") == precondition
        assert db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone() == before
        assert db["transitions"].count == moves
        return
    assert response.status_code == 200 and response.json["assignee"] == "rob"
    event = as_user("eve").get(f"/api/v1/claims/{claim['id']}/history").json["items"][-1]
    assert event["action"] == "claim.in_research" and event["actor"] == "eve"
    assert event["before"]["assignee"] == "rita" and event["after"]["assignee"] == "rob"
    assert event["after"]["note"] == "Rita is away."
    # The new assignee carries on; the old one no longer may.
    body = {"rating": "false", "explanation": "x", "source_ids": [source["id"]]}
    assert_problem(as_user("rita").post(f"/api/v1/claims/{claim['id']}/verdicts", json=body), 403)
    draft(as_user("rob"), claim["id"], [source["id"]])
    moved(as_user("rob"), claim["id"], "in_review")


@pytest.mark.parametrize(("assignee", "researcher"), [(None, "rita"), ("rob", "rob")])
def test_reopening_keeps_the_researcher_unless_another_is_named(
    claim, source, as_user, assignee, researcher
):
    bring_to(as_user, claim["id"], "published", source["id"])
    reopened = moved(as_user("eve"), claim["id"], "in_research", assignee=assignee)
    assert reopened["assignee"] == researcher
    draft(as_user(researcher), claim["id"], [source["id"]], "true")
    moved(as_user(researcher), claim["id"], "in_review")


def test_an_approval_can_be_withdrawn_before_publication(claim, source, as_user, db):
    bring_to(as_user, claim["id"], "approved", source["id"])
    eve, rita = as_user("eve"), as_user("rita")
    before = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    refused = assert_problem(move(eve, claim["id"], "in_review"), 422)
    assert refused["precondition"] == "note"
    assert_problem(move(rita, claim["id"], "in_review", note="Not ready."), 403)
    assert db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone() == before
    moved(eve, claim["id"], "in_review", note="The budget figures were revised today.")
    moved(eve, claim["id"], "in_research", note="Use the revised figures.")
    draft(rita, claim["id"], [source["id"]], "true")


@pytest.mark.parametrize("state", ["in_review", "approved", "published", "dismissed", "retracted"])
def test_drafting_outside_research_names_a_way_back_that_exists(claim, source, as_user, state):
    bring_to(as_user, claim["id"], state, source["id"])
    body = {"rating": "true", "explanation": "x", "source_ids": [source["id"]]}
    refused = assert_problem(
        as_user("eve").post(f"/api/v1/claims/{claim['id']}/verdicts", json=body), 409
    )
    route = re.search(r"move it (.+) first", refused["detail"]).group(1).split(" -> ")
    assert route[0] == state and route[-1] in ("new", "in_research")
    steps = list(itertools.pairwise(route))
    # Every step is a declared move, and publishing the draft is never the way back to it.
    assert all(step in POLICY for step in steps) and ("approved", "published") not in steps


@pytest.mark.parametrize(
    ("payload", "status", "field", "message"),
    cases(
        [
            ({"to": "somewhere"}, 422, "to", "Must be one of: new, in_research, in_review"),
            ({}, 422, "to", "Missing data for required field."),
            ({"to": "in_research", "assignee": "nobody"}, 422, "assignee", "Unknown user."),
            ({"to": "in_research", "extra": 1}, 422, "extra", "Unknown field."),
            ({"to": "in_research", "note": 5}, 422, "note", "Not a valid string."),
        ],
        "payload",
    ),
)
def test_bad_transition_requests(claim, as_user, payload, status, field, message):
    response = as_user("eve").post(f"/api/v1/claims/{claim['id']}/transitions", json=payload)
    assert_field_error(assert_problem(response, status), field, message)
    assert as_user("eve").get(f"/api/v1/claims/{claim['id']}").json["status"] == "new"


def test_reviewer_cannot_assign_someone_else(claim, as_user):
    assert_problem(move(as_user("rita"), claim["id"], "in_research", assignee="rob"), 403)


def test_a_reviewer_cannot_tell_which_user_names_exist(claim, as_user):
    """Naming a real user and naming nobody answer a reviewer alike."""
    answers = [
        assert_problem(move(as_user("rita"), claim["id"], "in_research", assignee=name), 403)
        for name in ("ada", "nobody-by-this-name")
    ]
    assert answers[0] == answers[1]


def test_only_the_assignee_submits(claim, source, as_user):
    bring_to(as_user, claim["id"], "in_research")
    draft(as_user("rita"), claim["id"], [source["id"]])
    for name in ("rob", "eve"):
        body = assert_problem(move(as_user(name), claim["id"], "in_review"), 422)
        assert body["precondition"] == "caller_is_assignee"
        assert_field_error(body, "assignee", "Only the assigned reviewer (rita) can submit")


def test_submitting_needs_a_draft_citing_a_source(claim, as_user):
    rita = as_user("rita")
    bring_to(as_user, claim["id"], "in_research")
    needs = "Submitting for review needs a draft verdict citing at least one source."
    assert_field_error(assert_problem(move(rita, claim["id"], "in_review"), 422), "verdict", needs)
    draft(rita, claim["id"], explanation="x")
    assert_field_error(assert_problem(move(rita, claim["id"], "in_review"), 422), "verdict", needs)


def test_four_eyes_the_author_cannot_approve(claim, source, as_user):
    eve = as_user("eve")
    moved(eve, claim["id"], "in_research")
    draft(eve, claim["id"], [source["id"]])
    moved(eve, claim["id"], "in_review")
    body = assert_problem(move(eve, claim["id"], "approved"), 422)
    assert body["precondition"] == "approver_is_not_author" and "Four eyes" in body["detail"]
    moved(as_user("ed"), claim["id"], "approved")


def test_no_new_revision_while_under_review(claim, source, as_user):
    rita = as_user("rita")
    bring_to(as_user, claim["id"], "in_review", source["id"])
    response = rita.post(
        f"/api/v1/claims/{claim['id']}/verdicts", json={"rating": "true", "explanation": "x"}
    )
    assert_problem(response, 409)


# Who asks, for each role, in the permission matrix. rita is also the assignee and author.
USERS = {"reviewer": "rita", "editor": "ed", "admin": "ada"}


def expected_status(state, target, role):
    """What POLICY says the answer to this move by this role must be."""
    if (state, target) not in POLICY:
        return 409
    least_role, preconditions = POLICY[(state, target)]
    if ROLES.index(role) < ROLES.index(least_role):
        return 403
    if "caller_is_assignee" in preconditions and USERS[role] != "rita":
        return 422
    return 200


def fields_for(state, target):
    fields = {"note": "why"}
    if target in PUBLIC_NOTE_MOVES:
        fields["public_note"] = "for readers"
    if (state, target) == ("in_research", "in_research"):
        fields["assignee"] = "rob"  # a reassignment names who takes over
    return fields


@pytest.mark.parametrize(
    ("state", "target", "role"), list(itertools.product(STATES, STATES, USERS))
)
def test_permission_matrix(claim, source, as_user, db, state, target, role):
    bring_to(as_user, claim["id"], state, source["id"])
    if (state, target) == ("in_research", "in_review"):
        draft(as_user("rita"), claim["id"], [source["id"]])
    before = {
        "claim": db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone(),
        "moves": db["transitions"].count,
    }
    response = move(as_user(USERS[role]), claim["id"], target, **fields_for(state, target))
    expected = expected_status(state, target, role)
    if expected == 200:
        assert response.status_code == 200, response.json
        assert response.json["status"] == target
        return
    body = assert_problem(response, expected)
    if expected == 422:
        assert body["precondition"] == "caller_is_assignee"
    after = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    assert after == before["claim"] and db["transitions"].count == before["moves"]


def test_two_editors_approving_at_once_exactly_one_wins(claim, source, as_user):
    bring_to(as_user, claim["id"], "in_review", source["id"])
    approvals = [partial(move, as_user(name), claim["id"], "approved") for name in ("eve", "ed")]
    assert sorted(response.status_code for response in race(*approvals)) == [200, 409]


def test_readme_diagram_is_the_declared_machine():
    from factcheck.config import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{workflow.as_mermaid()}\n```" in readme


@pytest.mark.parametrize("state", ["in_review", "approved", "published"])
def test_claim_details_are_frozen_past_research(claim, source, as_user, db, state):
    bring_to(as_user, claim["id"], state, source["id"])
    before = db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone()
    response = as_user("eve").patch(f"/api/v1/claims/{claim['id']}", json={"claimant": "Someone"})
    assert_problem(response, 409)
    assert db.execute("SELECT * FROM claims WHERE id = ?", [claim["id"]]).fetchone() == before


def test_a_corrected_claim_keeps_its_published_details(claim, source, as_user):
    bring_to(as_user, claim["id"], "published", source["id"])
    eve = as_user("eve")
    moved(eve, claim["id"], "in_research")
    response = eve.patch(f"/api/v1/claims/{claim['id']}", json={"tags": ["changed"]})
    assert_problem(response, 409)


def test_only_editors_delete_claims_once_work_started(claim, as_user):
    bring_to(as_user, claim["id"], "in_research")
    assert_problem(as_user("rob").delete(f"/api/v1/claims/{claim['id']}"), 403)
    assert_problem(as_user("rita").delete(f"/api/v1/claims/{claim['id']}"), 403)
    assert as_user("eve").delete(f"/api/v1/claims/{claim['id']}").status_code == 204


def test_only_the_assignee_or_an_editor_drafts_in_research(claim, source, as_user):
    bring_to(as_user, claim["id"], "in_research")
    body = {"rating": "false", "explanation": "x", "source_ids": [source["id"]]}
    url = f"/api/v1/claims/{claim['id']}/verdicts"
    assert_problem(as_user("rob").post(url, json=body), 403)
    assert as_user("rita").post(url, json=body).status_code == 201
    assert as_user("eve").post(url, json=body).status_code == 201


def test_public_note_only_on_moves_that_show_it(claim, as_user):
    response = move(as_user("eve"), claim["id"], "dismissed", note="dup", public_note="x")
    refused = assert_problem(response, 422)
    assert_field_error(refused, "public_note", "Not shown for this move; use note for staff.")
