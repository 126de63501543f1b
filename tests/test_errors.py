"""Every kind of bad request gets a problem+json 4xx and changes nothing."""

import pytest

from factcheck import create_app
from factcheck.errors import OtherHttpError, Problem, by_slug, for_status
from tests.conftest import assert_field_error, assert_problem, cases

WRITES = [
    ("post", "/api/v1/articles"),
    ("post", "/api/v1/claims"),
    ("patch", "/api/v1/claims/{claim}"),
    ("post", "/api/v1/claims/{claim}/sources"),
    ("post", "/api/v1/claims/{claim}/verdicts"),
]


def row_counts(db):
    tables = ("articles", "claims", "claim_tags", "sources", "verdicts", "verdict_sources")
    return {table: db[table].count for table in tables}


@pytest.fixture
def write_paths(claim):
    return [(method, path.format(claim=claim["id"])) for method, path in WRITES]


JSON = "application/json"
NOT_JSON = "The request body is not valid JSON."
NOT_AN_OBJECT = "Invalid input type."  # under errors._schema
SEND_JSON = "Send the body as JSON with Content-Type: application/json."


@pytest.mark.parametrize(
    ("data", "content_type", "status", "message"),
    cases(
        [
            ("{not json", JSON, 400, NOT_JSON),
            ("[" * 100_000, JSON, 400, NOT_JSON),
            ('{"a":' * 50_000 + "1" + "}" * 50_000, JSON, 400, NOT_JSON),
            (b"\xff\xfe{}", JSON, 400, NOT_JSON),
            ('{"article_id": ' + "9" * 4301 + "}", JSON, 400, NOT_JSON),
            ('{"a": 1', JSON, 400, NOT_JSON),
            ("", JSON, 400, "The request body is empty; send a JSON object."),
            ("[]", JSON, 422, NOT_AN_OBJECT),
            ('"text"', JSON, 422, NOT_AN_OBJECT),
            ("null", JSON, 422, NOT_AN_OBJECT),
            ("title=x", "application/x-www-form-urlencoded", 415, SEND_JSON),
            ("<a/>", "text/xml", 415, SEND_JSON),
        ],
        "data",
    ),
)
def test_bodies_that_are_not_json_objects(
    client, db, write_paths, data, content_type, status, message
):
    before = row_counts(db)
    for method, path in write_paths:
        response = getattr(client, method)(path, data=data, content_type=content_type)
        body = assert_problem(response, status)
        if status == 422:
            assert_field_error(body, "_schema", message)
        else:
            assert body["detail"] == message
    assert row_counts(db) == before


def test_oversized_body_is_413_naming_the_limit(client, db, write_paths):
    before = row_counts(db)
    big = '{"title": "T", "body": "' + "x" * (1024 * 1024) + '"}'
    for method, path in write_paths:
        response = getattr(client, method)(path, data=big, content_type="application/json")
        body = assert_problem(response, 413)
        assert body["type"] == "/problems/too-large"
        assert "1048576 bytes" in body["detail"]
    assert row_counts(db) == before


def test_chunked_bodies_need_a_length(client, db, write_paths):
    before = row_counts(db)
    for method, path in write_paths:
        response = getattr(client, method)(
            path,
            data=b'{"title": "T", "body": "B"}',
            content_type="application/json",
            headers={"Transfer-Encoding": "chunked"},
        )
        assert_problem(response, 411)
    assert row_counts(db) == before


@pytest.mark.parametrize("who", ["client", "anon"])
def test_unknown_route_and_method(request, who):
    client = request.getfixturevalue(who)
    for path in ("/api/v1/nothing", "/nothing", "/api/v1/claims/abc"):
        assert assert_problem(client.get(path), 404)["type"] == "/problems/not-found"
    assert_problem(client.post("/api/v1/nothing", json={}), 404)
    for method in ("put", "trace"):
        response = client.open("/api/v1/claims", method=method.upper(), json={})
        assert assert_problem(response, 405)["type"] == "/problems/method-not-allowed"
        assert "GET" in response.headers["Allow"]


def test_an_unexpected_fault_is_a_problem_too(session_app):
    """A bug (an exception no handler expects) answers 500 problem+json, not an HTML page."""
    app = create_app({"DATABASE": session_app.app.config["DATABASE"]})

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    body = assert_problem(app.test_client().get("/boom"), 500)
    assert body["type"] == "/problems/internal-error"
    assert "a bug" not in str(body)


def test_writes_without_a_body_are_400(client, db, write_paths):
    before = row_counts(db)
    for method, path in write_paths:
        assert_problem(getattr(client, method)(path), 400)
    assert row_counts(db) == before


def test_problem_types_are_stable(client, article):
    assert client.get("/api/v1/claims/999").json["type"] == "/problems/not-found"
    response = client.post("/api/v1/articles", json={})
    assert response.json["type"] == "/problems/invalid"
    domain = client.post("/api/v1/claims", json={"article_id": 999, "text": "x", "claimant": "x"})
    assert domain.json["title"] == response.json["title"] == "Invalid request"
    assert set(response.json["errors"]) == {"title", "body"}


def problem_classes(kind=Problem):
    """kind and every class under it, however deep (walked here, apart from the code's walk)."""
    return [kind, *(sub for child in kind.__subclasses__() for sub in problem_classes(child))]


def test_every_problem_type_is_described(anon):
    kinds = problem_classes()
    slugs = [kind.slug for kind in kinds]
    assert len(slugs) == len(set(slugs)), "two problem classes share a slug"
    assert set(by_slug()) == set(slugs)
    for status in (400, 401, 403, 404, 405, 409, 411, 412, 413, 415, 422, 500, 503):
        assert for_status(status).status == status
    assert for_status(418) is OtherHttpError
    for kind in kinds:
        assert kind.description.strip(), kind.__name__
        response = anon.get(f"/problems/{kind.slug}")
        assert response.status_code == 200
        assert response.json == {
            "type": f"/problems/{kind.slug}",
            "title": kind.title,
            "status": kind.status,
            "description": kind.description,
        }
    assert_problem(anon.get("/problems/nothing"), 404)
    listed = anon.get("/problems")
    assert listed.status_code == 200 and listed.mimetype == "application/json"
    listed_types = [item["type"] for item in listed.json["items"]]
    assert sorted(listed_types) == sorted(f"/problems/{s}" for s in slugs)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("delete", "/api/v1/claims/{claim}"),
        ("delete", "/api/v1/claims/{claim}/sources/{source}"),
        ("delete", "/api/v1/keys/{key}"),
    ],
)
def test_no_content_answers_have_no_body_type(client, db, claim, source, method, path):
    key = db.execute("SELECT max(id) FROM api_keys").fetchone()[0]
    url = path.format(claim=claim["id"], source=source["id"], key=key)
    if "sources" not in path:
        client.delete(f"/api/v1/claims/{claim['id']}/sources/{source['id']}")
    response = getattr(client, method)(url)
    assert response.status_code == 204
    assert response.data == b"" and "Content-Type" not in response.headers


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/{claim}",
        "/api/v1/claims/{claim}/sources",
        "/api/v1/claims/{claim}/sources/{source}",
        "/api/v1/claims/{claim}/verdicts",
        "/api/v1/claims/{claim}/history",
        "/api/v1/articles/{article}",
        "/api/v1/queue",
        "/api/v1/workflow",
        "/api/v1/rating-scales",
        "/api/v1/users",
        "/api/v1/keys",
        "/api/v1/claims",
        "/api/v1/stats",
    ],
)
def test_unknown_query_parameters_are_refused_everywhere(client, claim, source, path):
    url = path.format(claim=claim["id"], source=source["id"], article=claim["article_id"])
    assert client.get(url).status_code == 200
    body = assert_problem(client.get(url, query_string={"colour": "blue"}), 422)
    assert_field_error(body, "colour", "Unknown field.")
