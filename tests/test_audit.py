"""The audit trail: every change recorded, hash-chained, append-only, verifiable."""

import sqlite3

import pytest

from factcheck import audit


def test_every_kind_of_change_is_recorded(client, claim, source, db):
    client.patch(f"/api/v1/claims/{claim['id']}", json={"claimant": "Someone"})
    client.post(
        f"/api/v1/claims/{claim['id']}/verdicts",
        json={"rating": "false", "explanation": "x", "source_ids": [source["id"]]},
    )
    client.post(f"/api/v1/claims/{claim['id']}/transitions", json={"to": "in_research"})
    extra = client.post(
        f"/api/v1/claims/{claim['id']}/sources", json={"url": "https://e.org", "kind": "primary"}
    ).json
    client.delete(f"/api/v1/claims/{claim['id']}/sources/{extra['id']}")
    key = client.post("/api/v1/keys", json={"user": "rob"}).json
    client.delete(f"/api/v1/keys/{key['id']}")
    actions = [row["action"] for row in db.query("SELECT action FROM audit_events ORDER BY id")]
    for action in (
        "user.created",
        "key.issued",
        "article.created",
        "claim.created",
        "source.added",
        "claim.updated",
        "verdict.added",
        "claim.in_research",
        "source.deleted",
        "key.revoked",
    ):
        assert action in actions
    updated = next(db.query("SELECT * FROM audit_events WHERE action = 'claim.updated'"))
    assert updated["actor"] == "ada" and updated["key_id"]
    assert '"claimant":"The mayor"' in updated["before"]
    assert audit.verify(db) == (db["audit_events"].count, None)


def test_events_cannot_be_changed_or_removed(client, claim, db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE audit_events SET actor = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("DELETE FROM audit_events")


def test_verify_audit_names_the_first_broken_event(client, claim, db, runner):
    assert "audit chain intact" in runner.invoke(args=["verify-audit"]).output
    db.execute("DROP TRIGGER audit_events_no_update")
    target = db.execute("SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 3").fetchone()[0]
    db.execute("UPDATE audit_events SET actor = 'mallory' WHERE id = ?", [target])
    result = runner.invoke(args=["verify-audit"])
    assert result.exit_code == 1
    assert f"broken at event {target}" in result.output


def test_history_is_staff_only_in_full(client, claim, anon):
    events = client.get(f"/api/v1/claims/{claim['id']}/history").json["items"]
    assert events[0]["action"] == "claim.created" and events[0]["actor"] == "ada"
    assert anon.get(f"/api/v1/claims/{claim['id']}/history").status_code == 404


def test_tag_changes_keep_the_old_tags_and_history_names_the_key(client, claim, db, keys):
    client.patch(f"/api/v1/claims/{claim['id']}", json={"tags": ["new-tag"]})
    event = next(db.query("SELECT before, after FROM audit_events WHERE action = 'claim.updated'"))
    assert '"tags":["budget"]' in event["before"] and '"tags":["new-tag"]' in event["after"]
    history = client.get(f"/api/v1/claims/{claim['id']}/history").json["items"]
    key_id = db.execute(
        "SELECT k.id FROM api_keys k JOIN users u ON u.id = k.user_id WHERE u.name = 'ada'"
    ).fetchone()[0]
    assert history[-1]["key_id"] == key_id
