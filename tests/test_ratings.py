"""Rating scales shipped by the migrations."""


def test_two_scales_with_ordered_labels(client):
    response = client.get("/api/v1/rating-scales")
    assert response.status_code == 200
    scales = {scale["slug"]: scale for scale in response.json["items"]}
    assert set(scales) == {"six-point", "five-point"}
    six = scales["six-point"]
    assert six["is_default"] and not scales["five-point"]["is_default"]
    assert [label["slug"] for label in six["labels"]] == [
        "true",
        "mostly-true",
        "half-true",
        "mostly-false",
        "false",
        "pants-on-fire",
    ]
    ordinals = [label["ordinal"] for label in six["labels"]]
    assert ordinals == sorted(ordinals, reverse=True)
    unproven = scales["five-point"]["labels"][-1]
    assert unproven["ordinal"] is None and unproven["bucket"] == "other"


def test_default_scale_is_configurable(db_path, keys):
    from factcheck import create_app
    from tests.conftest import client_as

    app = create_app({"DATABASE": str(db_path), "DEFAULT_SCALE": "five-point"})
    client = client_as(app, keys["ada"])
    scales = {
        scale["slug"]: scale["is_default"]
        for scale in client.get("/api/v1/rating-scales").json["items"]
    }
    assert scales == {"six-point": False, "five-point": True}
    article = client.post("/api/v1/articles", json={"title": "T", "body": "It is so."}).json
    claim = client.post(
        "/api/v1/claims", json={"article_id": article["id"], "text": "It is so.", "claimant": "x"}
    ).json
    verdict = client.post(
        f"/api/v1/claims/{claim['id']}/verdicts", json={"rating": "accurate", "explanation": "Yes."}
    ).json
    assert verdict["scale"] == "five-point"
