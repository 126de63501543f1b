"""Cross-origin use: any site may read what anyone may read, and nothing more."""

import pytest

from tests.conftest import cases

ORIGIN = {"Origin": "https://widget.example"}


def preflight(method):
    return {**ORIGIN, "Access-Control-Request-Method": method}


def cors_headers(response):
    return {k: v for k, v in response.headers.items() if k.startswith("Access-Control-")}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims",
        "/api/v1/claims/{claim}",
        "/api/v1/claims/{claim}/sources",
        "/api/v1/claims/{claim}/verdicts",
        "/api/v1/claims/{claim}/history",
        "/api/v1/articles",
        "/api/v1/rating-scales",
        "/api/v1/workflow",
        "/problems",
        "/healthz",
    ],
)
@pytest.mark.parametrize("who", ["anon", "client"])
def test_public_reads_are_open_to_any_origin_without_credentials(request, claim, path, who):
    caller = request.getfixturevalue(who)
    url = path.format(claim=claim["id"])
    for method in ("GET", "HEAD"):
        response = caller.open(url, method=method, headers=ORIGIN)
        assert response.status_code in (200, 404)  # readers: the claim is not published yet
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response.headers["Access-Control-Expose-Headers"]
        assert "Access-Control-Allow-Credentials" not in response.headers
    asked = caller.options(url, headers=preflight("GET"))
    assert asked.status_code == 200
    assert asked.headers["Access-Control-Allow-Origin"] == "*"
    assert asked.headers["Access-Control-Allow-Methods"] == "GET, HEAD"
    # No Authorization: a browser never sends a key across origins.
    assert asked.headers["Access-Control-Allow-Headers"] == "If-None-Match"
    assert "Access-Control-Allow-Credentials" not in asked.headers


@pytest.mark.parametrize(
    ("method", "path"),
    cases(
        [
            ("POST", "/api/v1/claims"),
            ("PATCH", "/api/v1/claims/{claim}"),
            ("DELETE", "/api/v1/claims/{claim}"),
            ("POST", "/api/v1/claims/{claim}/transitions"),
            ("POST", "/api/v1/articles"),
            ("POST", "/api/v1/users"),
            ("GET", "/api/v1/queue"),
            ("GET", "/api/v1/stats"),
            ("GET", "/api/v1/users"),
            ("GET", "/api/v1/keys"),
        ],
        "method",
    ),
)
def test_writes_and_staff_reads_are_not_opened(client, db, claim, method, path):
    url = path.format(claim=claim["id"])
    asked = client.options(url, headers=preflight(method))
    assert not cors_headers(asked)
    before = db.execute("SELECT count(*) FROM audit_events").fetchone()
    if method == "GET":
        assert client.get(url, headers=ORIGIN).status_code == 200
        assert not cors_headers(client.get(url, headers=ORIGIN))
    assert db.execute("SELECT count(*) FROM audit_events").fetchone() == before


def test_a_cross_origin_write_gets_no_cors_headers(client, db, claim):
    """Even sent (a browser would not, after the preflight), it is not readable cross-origin."""
    response = client.patch(
        f"/api/v1/claims/{claim['id']}", json={"claimant": "Another"}, headers=ORIGIN
    )
    assert response.status_code == 200 and not cors_headers(response)


def test_same_origin_answers_carry_no_cors_headers(anon):
    assert not cors_headers(anon.get("/api/v1/claims"))
