"""Verdict revisions: appended, listed newest first, validated against scales and sources."""

import pytest

from tests.conftest import assert_field_error, assert_problem, cases
from tests.flow import bring_to, moved


def add(client, claim_id, **payload):
    return client.post(f"/api/v1/claims/{claim_id}/verdicts", json=payload)


def test_revisions_are_kept_newest_first(client, claim, source):
    first = add(
        client, claim["id"], rating="half-true", explanation="Partly.", source_ids=[source["id"]]
    )
    assert first.status_code == 201
    second = add(client, claim["id"], rating="accurate", scale="five-point", explanation="Yes.")
    assert second.status_code == 201
    assert first.json["revision"] == 1 and second.json["revision"] == 2
    assert first.json["scale"] == "six-point" and first.json["rating_name"] == "Half true"
    assert first.json["source_ids"] == [source["id"]]
    assert first.json["author"] == "ada" and first.json["published_at"] is None
    listed = client.get(f"/api/v1/claims/{claim['id']}/verdicts").json["items"]
    assert [verdict["id"] for verdict in listed] == [second.json["id"], first.json["id"]]
    assert listed[1] == first.json


def test_claim_shows_latest_draft_to_staff(client, claim):
    add(client, claim["id"], rating="false", explanation="No.")
    latest = add(client, claim["id"], rating="mostly-false", explanation="Mostly not.").json
    shown = client.get(f"/api/v1/claims/{claim['id']}").json
    assert shown["draft_verdict"] == latest
    assert shown["verdict"] is None


SIX_POINT_LABELS = "Use one of: true, mostly-true, half-true, mostly-false, false, pants-on-fire."


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    cases(
        [
            ({"explanation": "x"}, "rating", "Missing data for required field."),
            ({"rating": "false"}, "explanation", "Missing data for required field."),
            (
                {"rating": "false", "explanation": ""},
                "explanation",
                "Length must be between 1 and 5000.",
            ),
            ({"rating": "sort-of", "explanation": "x"}, "rating", SIX_POINT_LABELS),
            ({"rating": "accurate", "explanation": "x"}, "rating", SIX_POINT_LABELS),
            (
                {"rating": "false", "scale": "ten-point", "explanation": "x"},
                "scale",
                "Unknown scale.",
            ),
            (
                {"rating": "false", "explanation": "x", "source_ids": [999]},
                "source_ids",
                "Not a source of claim",
            ),
            (
                {"rating": "false", "explanation": "x", "source_ids": ["a"]},
                "source_ids.0",
                "Not a valid integer.",
            ),
            (
                {"rating": "false", "explanation": "x", "source_ids": 3},
                "source_ids",
                "Not a valid list.",
            ),
            ({"rating": "false", "explanation": "x", "author": "me"}, "author", "Unknown field."),
        ],
        "payload",
    ),
)
def test_bad_verdicts_are_refused(client, claim, payload, field, message):
    body = assert_problem(add(client, claim["id"], **payload), 422)
    assert_field_error(body, field, message)
    assert client.get(f"/api/v1/claims/{claim['id']}/verdicts").json["items"] == []


def test_a_verdict_cannot_cite_another_claims_source(client, claim, source, article):
    other = client.post(
        "/api/v1/claims",
        json={"article_id": article["id"], "text": "Turnout was 61 percent", "claimant": "x"},
    ).json
    response = add(client, other["id"], rating="true", explanation="x", source_ids=[source["id"]])
    body = assert_problem(response, 422)
    assert_field_error(body, "source_ids", f"Not a source of claim {other['id']}: {source['id']}.")


def test_verdicts_of_unknown_claim_are_404(client):
    assert_problem(add(client, 999, rating="true", explanation="x"), 404)
    assert_problem(client.get("/api/v1/claims/999/verdicts"), 404)


def test_rating_filter_uses_the_published_verdict(client, claim, source, as_user):
    bring_to(as_user, claim["id"], "approved", source["id"])  # its draft is rated false
    assert client.get("/api/v1/claims?rating=false").json["items"] == []
    moved(as_user("eve"), claim["id"], "published")
    items = client.get("/api/v1/claims?rating=false").json["items"]
    assert [item["id"] for item in items] == [claim["id"]]
    assert items[0]["verdict"]["rating"] == "false"
