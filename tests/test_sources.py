"""Sources under a claim: add, list, delete, and bad input."""

import pytest

from tests.conftest import assert_field_error, assert_problem, cases
from tests.flow import bring_to


def test_add_and_list(client, claim):
    payload = {
        "url": "https://www.cisa.gov/statement",
        "title": "Joint statement",
        "publisher": "CISA",
        "published_at": "2020-11-12",
        "archived_url": "https://web.archive.org/web/2020/https://www.cisa.gov/statement",
        "kind": "primary",
        "note": "Says the election was the most secure in American history.",
    }
    response = client.post(f"/api/v1/claims/{claim['id']}/sources", json=payload)
    assert response.status_code == 201
    source = response.json
    assert {key: source[key] for key in payload} == payload
    assert source["claim_id"] == claim["id"]
    assert source["accessed_at"].endswith("Z")
    listed = client.get(f"/api/v1/claims/{claim['id']}/sources").json
    assert listed == {"items": [source], "next": None}


GOOD = {"url": "https://example.org", "kind": "primary"}


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    cases(
        [
            ({"kind": "primary"}, "url", "Missing data for required field."),
            ({"url": "https://example.org"}, "kind", "Missing data for required field."),
            ({**GOOD, "kind": "tertiary"}, "kind", "Must be one of: primary, secondary."),
            ({**GOOD, "url": "javascript:alert(1)"}, "url", "Not a valid URL."),
            ({**GOOD, "accessed_at": "now"}, "accessed_at", "Not a valid ISO 8601 date-time."),
            ({**GOOD, "archived_url": "x"}, "archived_url", "Not a valid URL."),
            (
                {**GOOD, "archived_url": "https://e.org/\udfff"},
                "archived_url",
                "Not valid Unicode text.",
            ),
            (
                {**GOOD, "accessed_at": "0001-01-01T00:00:00+01:00"},
                "accessed_at",
                "Give a year between 1000 and 9998.",
            ),
            ({**GOOD, "note": ["a"]}, "note", "Not a valid string."),
            ({**GOOD, "id": 4}, "id", "Unknown field."),
        ],
        "payload",
    ),
)
def test_add_rejects_bad_sources(client, claim, payload, field, message):
    body = assert_problem(client.post(f"/api/v1/claims/{claim['id']}/sources", json=payload), 422)
    assert_field_error(body, field, message)
    assert client.get(f"/api/v1/claims/{claim['id']}/sources").json["items"] == []


def test_sources_of_unknown_claim_are_404(client):
    payload = {"url": "https://example.org", "kind": "primary"}
    assert_problem(client.post("/api/v1/claims/999/sources", json=payload), 404)
    assert_problem(client.get("/api/v1/claims/999/sources"), 404)


def test_delete_an_uncited_source(client, claim, source):
    assert client.delete(f"/api/v1/claims/{claim['id']}/sources/{source['id']}").status_code == 204
    assert client.get(f"/api/v1/claims/{claim['id']}/sources").json["items"] == []


def test_delete_a_cited_source_is_409(client, claim, source):
    client.post(
        f"/api/v1/claims/{claim['id']}/verdicts",
        json={"rating": "true", "explanation": "Budget says so.", "source_ids": [source["id"]]},
    )
    body = assert_problem(
        client.delete(f"/api/v1/claims/{claim['id']}/sources/{source['id']}"), 409
    )
    assert "cited" in body["detail"]
    assert len(client.get(f"/api/v1/claims/{claim['id']}/sources").json["items"]) == 1


def test_delete_a_source_of_another_claim_is_404(client, claim, source, article):
    other = client.post(
        "/api/v1/claims",
        json={"article_id": article["id"], "text": "Turnout was 61 percent", "claimant": "x"},
    ).json
    assert_problem(client.delete(f"/api/v1/claims/{other['id']}/sources/{source['id']}"), 404)
    assert len(client.get(f"/api/v1/claims/{claim['id']}/sources").json["items"]) == 1


def test_stale_if_match_on_sources_is_412(client, claim, source):
    url = f"/api/v1/claims/{claim['id']}/sources"
    stale = {"If-Match": '"claim-1-v0"'}
    assert_problem(
        client.post(url, json={"url": "https://e.org", "kind": "primary"}, headers=stale), 412
    )
    assert_problem(client.delete(f"{url}/{source['id']}", headers=stale), 412)
    assert len(client.get(url).json["items"]) == 1


# Who may add or delete a claim's sources: the same rule as drafting its verdict.
SOURCE_RIGHTS = [
    # (the claim's state, its assignee, caller, expected status of add and of delete)
    ("new", None, "rob", 201, 204),
    ("in_research", "rita", "rita", 201, 204),
    ("in_research", "rita", "rob", 403, 403),
    ("in_research", "rita", "eve", 201, 204),
    ("in_review", "rita", "rita", 409, 409),
    ("published", "rita", "eve", 409, 409),
    ("retracted", "rita", "rob", 409, 409),
    ("retracted", "rita", "eve", 409, 409),
]


@pytest.mark.parametrize(("state", "assignee", "caller", "add", "delete"), SOURCE_RIGHTS)
def test_sources_change_only_in_research_by_its_researcher(
    claim, source, as_user, db, state, assignee, caller, add, delete
):
    spare = (
        as_user("ada")
        .post(
            f"/api/v1/claims/{claim['id']}/sources",
            json={"url": "https://e.org/s", "kind": "primary"},
        )
        .json
    )
    assert bring_to(as_user, claim["id"], state, source["id"]).get("assignee") == assignee
    before = db.execute("SELECT count(*) FROM sources").fetchone()[0]
    url = f"/api/v1/claims/{claim['id']}/sources"
    added = as_user(caller).post(url, json={"url": "https://e.org/new", "kind": "secondary"})
    removed = as_user(caller).delete(f"{url}/{spare['id']}")
    assert (added.status_code, removed.status_code) == (add, delete), (added.json, removed.json)
    if add != 201:
        assert_problem(added, add)
        assert_problem(removed, delete)
        assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == before
