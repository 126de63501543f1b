"""Managing users (role, byline, deactivation), the viewer role, verdict bylines, and ids
that are never reused after a delete."""

import pytest

from factcheck import accounts
from factcheck.identity import COMMAND_LINE
from tests.conftest import assert_field_error, assert_problem, cases, client_as, quote
from tests.flow import bring_to


@pytest.fixture
def viewer(app, db, keys):
    """A client acting as vic, a viewer (a dashboard's key)."""
    accounts.create_user(db, "vic", "viewer", COMMAND_LINE)
    return client_as(app, accounts.issue_key(db, "vic", None, COMMAND_LINE)[1])


def users_and_events(db):
    """Everything a refused user change must leave as it was."""
    return (
        db.execute("SELECT * FROM users ORDER BY id").fetchall(),
        db.execute("SELECT * FROM api_keys ORDER BY id").fetchall(),
        db["audit_events"].count,
    )


def test_admin_changes_role_and_byline_and_it_is_audited(client, as_user, db):
    response = client.patch(
        "/api/v1/users/rita", json={"role": "editor", "display_name": "Rita Reyes"}
    )
    assert response.status_code == 200, response.json
    assert response.json | {"id": 0, "created_at": ""} == {
        "id": 0,
        "name": "rita",
        "role": "editor",
        "display_name": "Rita Reyes",
        "active": True,
        "deactivated_at": None,
        "created_at": "",
    }
    assert client.get("/api/v1/users/rita").json == response.json
    # The new role holds at once, with the key she already has.
    assert as_user("rita").get("/api/v1/queue").json["awaiting_my_review"] == []
    event = db.execute(
        "SELECT actor, action, before, after FROM audit_events ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert event[:2] == ("ada", "user.updated")
    assert '"role":"reviewer"' in event[2] and '"display_name":"Rita Reyes"' in event[3]
    # Null (or the login name) goes back to showing the login name.
    cleared = client.patch("/api/v1/users/rita", json={"display_name": None})
    assert cleared.json["display_name"] == "rita"
    events = db["audit_events"].count
    for unchanged in ({}, {"role": "editor"}, {"display_name": "rita"}, {"active": True}):
        assert client.patch("/api/v1/users/rita", json=unchanged).json == cleared.json
    assert db["audit_events"].count == events  # nothing changed, nothing recorded


def test_deactivation_revokes_keys_and_hands_claims_to_the_editors(
    app, client, as_user, keys, claim, source, db
):
    second_key = client.post("/api/v1/keys", json={"user": "rita"}).json["key"]
    bring_to(as_user, claim["id"], "in_research")
    assert as_user("eve").get("/api/v1/queue").json["unassigned"] == []

    response = client.patch("/api/v1/users/rita", json={"active": False})
    assert response.status_code == 200, response.json
    assert response.json["active"] is False and response.json["deactivated_at"]
    for key in (keys["rita"], second_key):
        assert_problem(client_as(app, key).get("/api/v1/claims"), 401)
    listed = [key for key in client.get("/api/v1/keys").json["items"] if key["user"] == "rita"]
    assert len(listed) == 2 and all(key["revoked_at"] for key in listed)
    actions = [row[0] for row in db.execute("SELECT action FROM audit_events ORDER BY id")]
    assert actions[-3:] == ["key.revoked", "key.revoked", "user.updated"]

    unassigned = as_user("eve").get("/api/v1/queue").json["unassigned"]
    assert [(c["id"], c["assignee"]) for c in unassigned] == [(claim["id"], "rita")]
    assert as_user("rob").get("/api/v1/queue").json["unassigned"] == []
    # Her name stays on what she did.
    history = client.get(f"/api/v1/claims/{claim['id']}/history").json["items"]
    assert "rita" in [event["actor"] for event in history]
    # She can no longer be given work, and no key can be issued for her until reactivated.
    refused = assert_problem(
        as_user("eve").post(
            f"/api/v1/claims/{claim['id']}/transitions",
            json={"to": "in_review", "note": "x"},
        ),
        422,
    )
    assert refused["precondition"] == "caller_is_assignee"
    assert_problem(client.post("/api/v1/keys", json={"user": "rita"}), 409)

    back = client.patch("/api/v1/users/rita", json={"active": True})
    assert back.json["active"] is True and back.json["deactivated_at"] is None
    assert_problem(client_as(app, keys["rita"]).get("/api/v1/claims"), 401)  # still revoked
    fresh = client.post("/api/v1/keys", json={"user": "rita"}).json["key"]
    assert client_as(app, fresh).get("/api/v1/queue").json["assigned_to_me"][0]["id"] == claim["id"]
    assert as_user("eve").get("/api/v1/queue").json["unassigned"] == []


def test_a_deactivated_user_cannot_reactivate_themselves_with_an_old_key(app, client, db):
    created = client.post("/api/v1/users", json={"name": "ada2", "role": "admin"}).json
    ada2 = client_as(app, created["key"])
    assert ada2.patch("/api/v1/users/ada2", json={"active": False}).status_code == 200
    before = users_and_events(db)
    assert_problem(ada2.patch("/api/v1/users/ada2", json={"active": True}), 401)
    assert_problem(ada2.post("/api/v1/keys", json={"user": "ada2"}), 401)
    assert users_and_events(db) == before
    assert client.get("/api/v1/users/ada2").json["active"] is False


@pytest.mark.parametrize(
    "change", [{"active": False}, {"role": "editor"}, {"role": "viewer", "active": False}]
)
def test_the_last_active_admin_stays(client, db, change):
    before = users_and_events(db)
    body = assert_problem(client.patch("/api/v1/users/ada", json=change), 409)
    assert "last active admin" in body["detail"]
    assert users_and_events(db) == before
    client.post("/api/v1/users", json={"name": "ada2", "role": "admin"})
    assert client.patch("/api/v1/users/ada", json=change).status_code == 200


@pytest.mark.parametrize(
    ("body", "field", "message"),
    cases(
        [
            ({"role": "owner"}, "role", "Must be one of: viewer, reviewer, editor, admin."),
            ({"role": None}, "role", "Field may not be null."),
            ({"name": "renamed"}, "name", "Unknown field."),
            ({"key": "fck_x"}, "key", "Unknown field."),
            ({"deactivated_at": "2026-01-01T00:00:00Z"}, "deactivated_at", "Unknown field."),
            ({"active": "false"}, "active", "Not a valid boolean."),
            ({"active": 0}, "active", "Not a valid boolean."),
            ({"active": None}, "active", "Field may not be null."),
            ({"display_name": ""}, "display_name", "Length must be between 1 and 100."),
            ({"display_name": "   "}, "display_name", "not only spaces"),
            ({"display_name": "Rita\nReyes"}, "display_name", "Use printable characters"),
            ({"display_name": "R" * 101}, "display_name", "Length must be between 1 and 100."),
            ({"display_name": 7}, "display_name", "Not a valid string."),
            ({"role": "editor", "active": "no"}, "active", "Not a valid boolean."),
        ],
        "body",
    ),
)
def test_bad_user_changes_change_nothing(client, db, body, field, message):
    before = users_and_events(db)
    refused = assert_problem(client.patch("/api/v1/users/rita", json=body), 422)
    assert_field_error(refused, field, message)
    assert users_and_events(db) == before


@pytest.mark.parametrize(
    ("who", "status"), [(None, 401), ("eve", 403), ("rita", 403), ("vic", 403), ("ada", 404)]
)
def test_only_admins_change_users(app, as_user, viewer, anon, db, who, status):
    client = {None: anon, "vic": viewer}.get(who) or as_user(who)
    name = "nobody" if who == "ada" else "rob"
    before = users_and_events(db)
    assert_problem(client.patch(f"/api/v1/users/{name}", json={"role": "admin"}), status)
    assert_problem(client.get(f"/api/v1/users/{name}"), status)
    assert users_and_events(db) == before


# Every write, with a body that would otherwise be accepted or at least validated.
WRITES = [
    ("post", "/api/v1/articles", {"title": "T", "body": "B"}),
    ("post", "/api/v1/claims", {}),
    ("patch", "/api/v1/claims/{claim}", {"claimant": "x"}),
    ("delete", "/api/v1/claims/{claim}", None),
    ("post", "/api/v1/claims/{claim}/sources", {"url": "https://e.org", "kind": "primary"}),
    ("delete", "/api/v1/claims/{claim}/sources/{source}", None),
    ("post", "/api/v1/claims/{claim}/verdicts", {"rating": "true", "explanation": "x"}),
    ("post", "/api/v1/claims/{claim}/transitions", {"to": "in_research"}),
    ("post", "/api/v1/users", {"name": "zed", "role": "reviewer"}),
    ("patch", "/api/v1/users/vic", {"role": "admin"}),
    ("post", "/api/v1/keys", {"user": "vic"}),
    ("delete", "/api/v1/keys/1", None),
]


def everything(db):
    tables = ("articles", "claims", "sources", "verdicts", "transitions", "users", "api_keys")
    return {table: db.execute(f"SELECT * FROM {table}").fetchall() for table in tables}, db[
        "audit_events"
    ].count


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_a_viewer_writes_nothing(viewer, claim, source, db, method, path, body):
    before = everything(db)
    response = getattr(viewer, method)(
        path.format(claim=claim["id"], source=source["id"]), json=body
    )
    assert "writes nothing" in assert_problem(response, 403)["detail"]
    assert everything(db) == before


STAFF_READS = [
    "/api/v1/claims/{claim}",
    "/api/v1/claims?status=in_review",
    "/api/v1/claims/{claim}/verdicts",
    "/api/v1/claims/{claim}/sources",
    "/api/v1/claims/{claim}/sources/{source}",
    "/api/v1/claims/{claim}/history",
    "/api/v1/articles/{article}",
    "/api/v1/articles",
    "/api/v1/queue",
    "/api/v1/stats?since=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z",
]


@pytest.mark.parametrize("path", STAFF_READS)
def test_a_viewer_reads_what_staff_read(viewer, as_user, anon, claim, source, path):
    bring_to(as_user, claim["id"], "in_review", source["id"])
    path = path.format(claim=claim["id"], source=source["id"], article=claim["article_id"])
    seen = viewer.get(path)
    assert seen.status_code == 200, seen.json
    # What an editor sees (the queue is per caller: the editor's desk-wide lists).
    assert seen.json == as_user("ed").get(path).json
    assert seen.json != anon.get(path).json  # a reader sees less, or a 404


def test_a_viewer_is_created_by_api_and_cli_and_cannot_be_assigned(
    client, runner, app, as_user, claim
):
    created = client.post(
        "/api/v1/users", json={"name": "dash", "role": "viewer", "display_name": "Desk board"}
    )
    assert created.status_code == 201, created.json
    assert (created.json["role"], created.json["display_name"]) == ("viewer", "Desk board")
    result = runner.invoke(args=["create-user", "bot", "--role", "viewer"])
    assert result.exit_code == 0, result.output
    bot = client_as(app, result.output.splitlines()[-1])
    assert bot.get(f"/api/v1/claims/{claim['id']}").status_code == 200
    assert_problem(bot.post("/api/v1/claims/1/transitions", json={"to": "in_research"}), 403)
    for name in ("dash", "bot"):
        refused = assert_problem(
            as_user("eve").post(
                f"/api/v1/claims/{claim['id']}/transitions",
                json={"to": "in_research", "assignee": name},
            ),
            422,
        )
        assert refused["precondition"] == "valid_assignee"
    assert client.get(f"/api/v1/claims/{claim['id']}").json["status"] == "new"


def test_readers_see_the_byline_and_never_the_login_name(client, as_user, anon, claim, source):
    client.patch("/api/v1/users/rita", json={"display_name": "Rita Reyes"})
    bring_to(as_user, claim["id"], "published", source["id"])
    path = f"/api/v1/claims/{claim['id']}"
    answers = {
        "claim": anon.get(path).json,
        "list": anon.get("/api/v1/claims").json,
        "verdicts": anon.get(f"{path}/verdicts").json,
        "article": anon.get(f"/api/v1/articles/{claim['article_id']}").json,
    }
    verdict = answers["claim"]["verdict"]
    assert verdict["author_display_name"] == "Rita Reyes" and "author" not in verdict
    assert answers["claim"]["published_verdicts"][0]["author_display_name"] == "Rita Reyes"
    for answer in answers.values():
        assert '"rita"' not in str(answer).replace("'", '"'), answer
    staff = client.get(f"{path}/verdicts").json["items"][0]
    assert (staff["author"], staff["author_display_name"]) == ("rita", "Rita Reyes")
    # Unset, the byline is the login name; a cached copy with the old byline is not
    # confirmed, for readers or staff.
    tags = {who: c.get(path).headers["ETag"] for who, c in (("anon", anon), ("ada", client))}
    client.patch("/api/v1/users/rita", json={"display_name": None})
    for who, asker in (("anon", anon), ("ada", client)):
        fresh = asker.get(path, headers={"If-None-Match": tags[who]})
        assert fresh.status_code == 200 and fresh.headers["ETag"] != tags[who]
        assert fresh.json["verdict"]["author_display_name"] == "rita"


def test_deleted_ids_are_never_reused_and_keep_their_history(client, anon, article):
    def new_claim():
        response = client.post(
            "/api/v1/claims", json={**quote("Turnout was 61 percent"), "article_id": article["id"]}
        )
        assert response.status_code == 201, response.json
        return response.json["id"], response.headers["ETag"]

    first, first_tag = new_claim()
    assert client.get(f"/api/v1/claims/{first}/history").status_code == 200
    assert client.delete(f"/api/v1/claims/{first}").status_code == 204
    second, second_tag = new_claim()
    assert second == first + 1 and second_tag != first_tag
    history = client.get(f"/api/v1/claims/{first}/history").json["items"]
    assert [event["action"] for event in history] == ["claim.created", "claim.deleted"]
    assert [e["action"] for e in client.get(f"/api/v1/claims/{second}/history").json["items"]] == [
        "claim.created"
    ]
    assert_problem(anon.get(f"/api/v1/claims/{first}/history"), 404)
    assert_problem(client.get(f"/api/v1/claims/{first}"), 404)
    assert_problem(client.get(f"/api/v1/claims/{second + 1}/history"), 404)
    assert_problem(client.get(f"/api/v1/claims/{first}", headers={"If-None-Match": first_tag}), 404)
