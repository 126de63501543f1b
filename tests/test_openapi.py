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
