"""The OpenAPI document is generated from the schemas, and a readable page renders it."""


def test_openapi_document_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    expected = {
        "/api/v1/articles": {"get", "post"},
        "/api/v1/articles/{article_id}": {"get"},
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
    for where, parameter in parameters:
        # Path parameters come from the URL rule, named for what they are ({claim_id});
        # query and header parameters come from the schemas, like the fields.
        if "$ref" not in parameter and parameter["in"] != "path" and not parameter.get("description"):
            missing.append(f"{where} {parameter['in']} parameter {parameter['name']}")
    assert not missing, "no description: " + ", ".join(missing)
