"""API keys, roles, the admin endpoints for users and keys, and the CLI that issues keys."""

import pytest

from factcheck import accounts
from factcheck.identity import COMMAND_LINE
from tests.conftest import assert_field_error, assert_problem, cases, client_as
from tests.paging import every_item

USE_BEARER = "Use the header `Authorization: Bearer <API key>`."


@pytest.mark.parametrize(
    ("header", "detail"),
    cases(
        [
            ("Bearer wrong", "The API key is wrong, revoked or expired."),
            ("Bearer ", USE_BEARER),
            ("Basic YWRhOnB3", USE_BEARER),
            ("bearer", USE_BEARER),
            ("Token fck_abc", USE_BEARER),
        ],
        "header",
    ),
)
def test_bad_credentials_are_401_even_for_reads(app, keys, header, detail):
    client = app.test_client()
    response = client.get("/api/v1/claims", headers={"Authorization": header})
    assert assert_problem(response, 401)["detail"] == detail
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


WRITES = [
    ("post", "/api/v1/articles", {"title": "T", "body": "B"}),
    ("post", "/api/v1/claims", {}),
    ("patch", "/api/v1/claims/{claim}", {"claimant": "x"}),
    ("delete", "/api/v1/claims/{claim}", None),
    ("post", "/api/v1/claims/{claim}/sources", {"url": "https://e.org", "kind": "primary"}),
    ("post", "/api/v1/claims/{claim}/verdicts", {"rating": "true", "explanation": "x"}),
    ("post", "/api/v1/claims/{claim}/transitions", {"to": "in_research"}),
    ("post", "/api/v1/users", {"name": "zed", "role": "reviewer"}),
    ("patch", "/api/v1/users/rita", {"active": False}),
    ("post", "/api/v1/keys", {"user": "rita"}),
    ("delete", "/api/v1/keys/1", None),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_every_write_needs_a_key(anon, claim, db, method, path, body):
    events = db["audit_events"].count
    response = getattr(anon, method)(path.format(claim=claim["id"]), json=body)
    assert_problem(response, 401)
    assert db["audit_events"].count == events


@pytest.mark.parametrize(
    ("path", "method", "body"),
    [
        ("/api/v1/users", "get", None),
        ("/api/v1/users", "post", {"name": "zed", "role": "admin"}),
        ("/api/v1/users/rita", "get", None),
        ("/api/v1/users/rita", "patch", {"role": "admin"}),
        ("/api/v1/keys", "get", None),
        ("/api/v1/keys", "post", {"user": "eve"}),
        ("/api/v1/keys/1", "delete", None),
    ],
)
@pytest.mark.parametrize("name", ["eve", "rita"])
def test_admin_endpoints_refuse_other_roles(as_user, db, path, method, body, name):
    before = (db["users"].count, db["api_keys"].count)
    assert_problem(getattr(as_user(name), method)(path, json=body), 403)
    assert (db["users"].count, db["api_keys"].count) == before


def test_staff_endpoints_refuse_anonymous(anon):
    for path in ("/api/v1/queue", "/api/v1/stats"):
        assert_problem(anon.get(path), 401)


def test_admin_creates_a_user_whose_key_works(client, app):
    response = client.post("/api/v1/users", json={"name": "newbie", "role": "reviewer"})
    assert response.status_code == 201
    key = response.json["key"]
    assert key.startswith("fck_")
    assert client_as(app, key).get("/api/v1/queue").status_code == 200
    listed = client.get("/api/v1/users").json["items"]
    assert "newbie" in [user["name"] for user in listed]
    assert all("key" not in user for user in listed)
    assert_problem(client.post("/api/v1/users", json={"name": "newbie", "role": "admin"}), 409)


@pytest.mark.parametrize(
    ("body", "field", "message"),
    cases(
        [
            ({"name": "Has Spaces", "role": "reviewer"}, "name", "Use lowercase letters, digits"),
            ({"name": "x", "role": "owner"}, "role", "Must be one of: viewer, reviewer, editor"),
            ({"name": "x", "role": "viewer", "display_name": " "}, "display_name", "only spaces"),
            ({"name": "x"}, "role", "Missing data for required field."),
        ],
        "body",
    ),
)
def test_bad_users_are_refused(client, body, field, message):
    refused = assert_problem(client.post("/api/v1/users", json=body), 422)
    assert_field_error(refused, field, message)


def test_keys_are_issued_listed_without_secret_and_revoked(client, app):
    issued = client.post("/api/v1/keys", json={"user": "rita", "expires_in_days": 30})
    assert issued.status_code == 201
    secret, key_id = issued.json["key"], issued.json["id"]
    assert issued.json["expires_at"] and issued.json["role"] == "reviewer"
    listing = client.get("/api/v1/keys").get_data(as_text=True)
    assert secret not in listing and "secret_hash" not in listing
    rita = client_as(app, secret)
    assert rita.get("/api/v1/queue").status_code == 200
    assert client.delete(f"/api/v1/keys/{key_id}").status_code == 204
    assert_problem(rita.get("/api/v1/queue"), 401)
    assert_problem(client.delete("/api/v1/keys/999"), 404)
    refused = assert_problem(client.post("/api/v1/keys", json={"user": "nobody"}), 422)
    assert_field_error(refused, "user", "Unknown user.")


def test_expired_key_is_401(app, db):
    accounts.create_user(db, "temp", "editor", COMMAND_LINE)
    key, secret = accounts.issue_key(db, "temp", 1, COMMAND_LINE)
    db.execute(
        "UPDATE api_keys SET expires_at = '2000-01-01T00:00:00.000000Z' WHERE id = ?", [key["id"]]
    )
    assert_problem(client_as(app, secret).get("/api/v1/claims"), 401)


def test_only_a_hash_of_the_key_is_stored(db, keys):
    stored = " ".join(str(value) for row in db["api_keys"].rows for value in row.values())
    assert all(secret not in stored for secret in keys.values())


def test_cli_prints_the_key_alone_on_the_last_line(runner, app):
    result = runner.invoke(args=["create-user", "carla", "--role", "editor"])
    assert result.exit_code == 0, result.output
    key = result.output.splitlines()[-1]
    assert key.startswith("fck_") and " " not in key
    assert client_as(app, key).get("/api/v1/queue").status_code == 200
    again = runner.invoke(args=["create-key", "carla", "--expires", "7"])
    assert again.exit_code == 0 and "expires" in again.output
    assert client_as(app, again.output.splitlines()[-1]).get("/api/v1/queue").status_code == 200
    assert runner.invoke(args=["create-key", "nobody"]).exit_code != 0
    assert runner.invoke(args=["create-user", "carla", "--role", "editor"]).exit_code != 0
    assert runner.invoke(args=["create-user", "x", "--role", "owner"]).exit_code != 0


@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/keys"])
def test_users_and_keys_come_a_page_at_a_time(client, path):
    for number in range(7):
        client.post("/api/v1/users", json={"name": f"extra-{number}", "role": "reviewer"})
    everything = client.get(path, query_string={"limit": 100}).json
    assert everything["next"] is None and len(everything["items"]) == 12
    paged = every_item(client, path, limit=5)
    assert [item["id"] for item in paged] == [item["id"] for item in everything["items"]]
    assert client.get(path).json["next"] is None  # 12 fit the default page of 20
    for bad in ({"limit": 101}, {"limit": 0}, {"sort": "name"}):
        assert_problem(client.get(path, query_string=bad), 422)
    assert_problem(client.get(path, query_string={"cursor": "not-a-cursor"}), 400)
