"""The OpenAPI document is generated from the schemas, valid, and true to the service; a
readable page renders it."""

import json

from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from factcheck.api import docs
from tests.conftest import assert_problem, client_as


def test_openapi_document_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    expected = {
        "/api/v1/articles": {"get", "post"},
        "/api/v1/articles/{article_id}": {"get", "patch", "delete"},
        "/api/v1/claims": {"get", "post"},
        "/api/v1/claims/{claim_id}": {"get", "patch", "delete"},
        "/api/v1/claims/{claim_id}/sources": {"get", "post"},
        "/api/v1/claims/{claim_id}/sources/{source_id}": {"delete"},
        "/api/v1/claims/{claim_id}/verdicts": {"get", "post"},
        "/api/v1/rating-scales": {"get"},
    }
    for path, methods in expected.items():
        assert methods <= set(paths[path]), path


def test_schemas_carry_descriptions_and_problem_errors(client):
    spec = client.get("/openapi.json").json
    claim = spec["components"]["schemas"]["Claim"]
    assert claim["properties"]["span_start"]["description"]
    assert claim["properties"]["created_at"]["format"] == "date-time"
    query = {p["name"] for p in spec["paths"]["/api/v1/claims"]["get"]["parameters"]}
    assert {
        "status",
        "rating",
        "claimant",
        "tag",
        "article_id",
        "updated_since",
        "q",
        "sort",
    } <= query
    assert "Problem" in spec["components"]["schemas"] or "Error" in spec["components"]["schemas"]


def test_docs_page_is_html_built_from_the_spec(client):
    response = client.get("/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "/api/v1/claims/{claim_id}/verdicts" in page
    assert "span_start" in page


def test_error_answers_are_documented_as_problem_json(client):
    spec = client.get("/openapi.json").json
    get_claim = spec["paths"]["/api/v1/claims/{claim_id}"]["get"]["responses"]
    assert "application/problem+json" in get_claim["404"]["content"]
    shared = spec["components"]["responses"]
    for name in ("DEFAULT_ERROR", "UNPROCESSABLE_ENTITY"):
        assert list(shared[name]["content"]) == ["application/problem+json"]
    assert "application/json" in get_claim["200"]["content"]


def undescribed(properties, where):
    """Each property (of an inline object too, however deep) without a description."""
    missing = []
    for name, prop in properties.items():
        # A bare {"$ref": ...} is a field with no description: described, apispec wraps the
        # reference in allOf/anyOf beside the description, so it is caught here too.
        if not prop.get("description"):
            missing.append(f"{where}.{name}")
        missing += undescribed(prop.get("properties", {}), f"{where}.{name}")
    return missing


def test_every_field_and_parameter_is_described(client):
    spec = client.get("/openapi.json").json
    missing = []
    for name, schema in spec["components"]["schemas"].items():
        missing += undescribed(schema.get("properties", {}), name)
    parameters = [("components", p) for p in spec["components"].get("parameters", {}).values()]
    for path, item in spec["paths"].items():
        parameters += [(path, p) for p in item.get("parameters", [])]
        for method, operation in item.items():
            if method != "parameters":
                where = f"{method.upper()} {path}"
                parameters += [(where, p) for p in operation.get("parameters", [])]
    # Path parameters come from the URL rule, named for what they are ({claim_id}); query and
    # header parameters come from the schemas, like the fields. A reference ($ref) is to a
    # shared header parameter, checked among the components.
    missing += [
        f"{where} {parameter['in']} parameter {parameter['name']}"
        for where, parameter in parameters
        if "$ref" not in parameter
        and parameter["in"] != "path"
        and not parameter.get("description")
    ]
    assert not missing, "no description: " + ", ".join(missing)


def operations(spec):
    """(path, method, operation) for every operation in the document."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield path, method, operation


def test_document_is_valid_openapi(client):
    validate(client.get("/openapi.json").json)


def test_every_operation_has_a_unique_operation_id(client):
    spec = client.get("/openapi.json").json
    ids = [operation.get("operationId") for _, _, operation in operations(spec)]
    assert all(ids)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert {"listClaims", "getClaim", "createClaim", "moveClaim", "healthz"} <= set(ids)
    assert {"listProblemTypes", "getProblemType"} <= set(ids)


def test_no_orphan_components(client):
    """Every component is referred to from somewhere else in the document."""
    spec = client.get("/openapi.json").json
    text = json.dumps(spec)
    orphans = [
        f"{kind}/{name}"
        for kind, entries in spec["components"].items()
        if kind != "securitySchemes"
        for name in entries
        if text.count(json.dumps(f"#/components/{kind}/{name}")) == 0
    ]
    assert not orphans
    assert "PaginationMetadata" not in spec["components"]["schemas"]
    used = {name for _, _, op in operations(spec) for need in op["security"] for name in need}
    assert used == set(spec["components"]["securitySchemes"]) == {"bearerAuth"}


def path_values(claim, source):
    return {
        "claim_id": claim["id"],
        "source_id": source["id"],
        "article_id": claim["article_id"],
        "key_id": 1,
        "name": "rita",
        "slug": "stale",
        "webhook_id": 1,
        "delivery_id": 1,
    }


def call(client, path, method, operation, values, **kwargs):
    body = docs.EXAMPLES.get(operation["operationId"]) if method in docs.WRITES else None
    return client.open(path.format(**values), method=method.upper(), json=body, **kwargs)


def test_security_and_auth_answers_match_the_service(app, anon, as_user, claim, source):
    """Anonymous callers are refused (401) exactly where the document asks for a key; a
    wrong key is 401 everywhere; 401 and 403 are listed wherever the service gives them."""
    spec = anon.get("/openapi.json").json
    values = path_values(claim, source)
    wrong_key = client_as(app, "fck_wrong")
    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        keyless = {} in operation["security"]
        assert operation["security"] in ([{}, {"bearerAuth": []}], [{"bearerAuth": []}]), where
        anonymous = call(anon, path, method, operation, values)
        assert (anonymous.status_code == 401) != keyless, where
        assert call(wrong_key, path, method, operation, values).status_code == 401, where
        statuses = {anonymous.status_code, 401}
        if method == "get":  # a reviewer reading what only admins may: 403
            statuses.add(call(as_user("rita"), path, method, operation, values).status_code)
        for status in statuses & {401, 403}:
            assert str(status) in operation["responses"], f"{where} does not list {status}"
        assert keyless or "403" in operation["responses"], where


def resolved(spec, schema):
    """A schema that may $ref the document's components, as a JSON Schema validator takes it."""
    return {**schema, "components": spec["components"]}


def test_every_request_body_has_an_example_that_fits_it(client):
    spec = client.get("/openapi.json").json
    for path, method, operation in operations(spec):
        if "requestBody" not in operation:
            continue
        media = operation["requestBody"]["content"]["application/json"]
        assert "example" in media, f"{method.upper()} {path}: add one to api/docs.py EXAMPLES"
        OAS30Validator(resolved(spec, media["schema"])).validate(media["example"])


# The request examples in an order in which each one works on an empty database.
EXAMPLE_RUN = [
    ("post", "/api/v1/articles"),
    ("post", "/api/v1/claims"),
    ("patch", "/api/v1/claims/{claim_id}"),
    ("post", "/api/v1/claims/{claim_id}/sources"),
    ("post", "/api/v1/claims/{claim_id}/verdicts"),
    ("post", "/api/v1/claims/{claim_id}/transitions"),
    ("post", "/api/v1/users"),
    ("post", "/api/v1/keys"),
]


def test_request_examples_work_and_answers_carry_the_documented_headers(client):
    """Each example, sent in turn, is accepted; ETag and Location are there exactly where
    the document says, and where it names If-None-Match, the ETag gets a 304."""
    spec = client.get("/openapi.json").json
    for method, path in EXAMPLE_RUN:
        operation = spec["paths"][path][method]
        url = path.format(claim_id=1)
        response = client.open(url, method=method.upper(), json=media_example(operation))
        assert response.status_code < 300, (path, response.json)
        documented = operation["responses"][str(response.status_code)].get("headers", {})
        for header in ("ETag", "Location"):
            assert (header in response.headers) == (header in documented), (path, header)
        if "Location" in response.headers:
            assert client.get(response.headers["Location"]).status_code == 200
    get_claim = spec["paths"]["/api/v1/claims/{claim_id}"]["get"]
    assert {"$ref": "#/components/parameters/If-None-Match"} in get_claim["parameters"]
    tag = client.get("/api/v1/claims/1").headers["ETag"]
    not_modified = client.get("/api/v1/claims/1", headers={"If-None-Match": tag})
    assert not_modified.status_code == 304 and not_modified.headers["ETag"] == tag


def media_example(operation):
    return operation["requestBody"]["content"]["application/json"]["example"]


def test_writes_documenting_if_match_refuse_a_stale_one(client, db, claim, source):
    spec = client.get("/openapi.json").json
    values = path_values(claim, source)
    conditional = [
        (path, method, operation)
        for path, method, operation in operations(spec)
        if {"$ref": "#/components/parameters/If-Match"} in operation.get("parameters", [])
    ]
    assert len(conditional) >= 6
    before = db.execute("SELECT count(*) FROM audit_events").fetchone()
    for path, method, operation in conditional:
        response = call(client, path, method, operation, values, headers={"If-Match": '"old"'})
        assert_problem(response, 412)
        assert "412" in operation["responses"]
    assert db.execute("SELECT count(*) FROM audit_events").fetchone() == before
