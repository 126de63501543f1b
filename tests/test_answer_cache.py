"""Readers' answers kept until the database changes (factcheck/api/answer_cache.py): a kept
answer is never one commit out of date, staff never get one, it is given whole (CORS headers
per origin) and it still counts against the keyless rate limit."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from factcheck.api.answer_cache import SharedAnswers
from factcheck.api.database import get_db
from factcheck.db import connect, write_transaction
from tests.conftest import client_as
from tests.flow import moved

READS = [
    "/api/v1/claims/1",
    "/api/v1/claims?limit=5",
    "/api/v1/claims?q=Krebs",
    "/api/v1/lookup?text=Krebs+said+the+election+was+secure",
]


def statements_of(app, client, path):
    """(the answer, the SQL statements the request ran)."""
    ran = []
    with app.app_context():
        get_db().conn.set_trace_callback(ran.append)
        try:
            response = client.get(path)
        finally:
            get_db().conn.set_trace_callback(None)
    assert response.status_code == 200, response.json
    return response, ran


@pytest.mark.parametrize("path", READS)
def test_a_repeated_read_is_answered_without_reading_claims(app, anon, seeded, path):
    first, _ = statements_of(app, anon, path)
    again, ran = statements_of(app, anon, path)
    assert again.json == first.json and again.headers.get("ETag") == first.headers.get("ETag")
    assert ran == ["PRAGMA data_version"]


def change_elsewhere(as_user, db_path):
    """Another connection (another worker) edits claim 1's claimant."""
    with connect(db_path) as db, write_transaction(db):
        db.execute("UPDATE claims SET claimant = 'Someone Else' WHERE id = 1")


def change_here(as_user, db_path):
    """This thread's connection (an editor's request) retracts claim 1."""
    moved(as_user("eve"), 1, "retracted", public_note="Withdrawn.")


@pytest.mark.parametrize("change", [change_elsewhere, change_here])
@pytest.mark.parametrize("path", ["/api/v1/claims/1", "/api/v1/claims?limit=50"])
def test_any_commit_ends_every_kept_answer(app, anon, as_user, db_path, seeded, change, path):
    before, _ = statements_of(app, anon, path)
    change(as_user, db_path)
    after, ran = statements_of(app, anon, path)
    assert len(ran) > 1 and after.json != before.json


def test_staff_never_get_a_readers_answer(app, anon, client, seeded):
    statements_of(app, anon, "/api/v1/claims/1")
    staff, ran = statements_of(app, client, "/api/v1/claims/1")
    assert "assignee" in staff.json and len(ran) > 1


def test_a_conditional_read_is_answered_by_the_view(app, anon, seeded):
    first, _ = statements_of(app, anon, "/api/v1/claims/1")
    again = anon.get("/api/v1/claims/1", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_the_cache_can_be_turned_off(app, seeded):
    app.config["READ_CACHE_BYTES"] = 0
    reader = client_as(app, None)
    statements_of(app, reader, "/api/v1/claims/1")
    _, ran = statements_of(app, reader, "/api/v1/claims/1")
    assert len(ran) > 1


@pytest.mark.parametrize("path", READS)
@pytest.mark.parametrize(
    "first_origin, then_origin",
    [(None, "https://widget.example"), ("https://widget.example", None)],
)
def test_a_kept_answer_is_given_whole_and_per_origin(anon, seeded, path, first_origin, then_origin):
    def read(origin):
        return anon.get(path, headers={"Origin": origin} if origin else {})

    kept, fresh = read(first_origin), read(then_origin)
    again_kept, again_fresh = read(first_origin), read(then_origin)
    assert sorted(again_kept.headers.items()) == sorted(kept.headers.items())
    assert sorted(again_fresh.headers.items()) == sorted(fresh.headers.items())
    cross_origin = again_kept if first_origin else again_fresh
    assert cross_origin.headers["Access-Control-Allow-Origin"] == "*"
    same_origin = again_fresh if first_origin else again_kept
    assert "Access-Control-Allow-Origin" not in same_origin.headers


def test_kept_answers_count_against_the_keyless_limit(app, anon, seeded):
    app.config["RATE_LIMIT_ANON"] = "3/day"
    for _ in range(3):  # the first is computed and kept, the next two are kept answers
        assert anon.get("/api/v1/claims/1").status_code == 200
    refused = anon.get("/api/v1/claims/1")
    assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
    assert int(refused.headers["Retry-After"]) >= 1


@pytest.fixture
def other_thread(app, anon, seeded):
    """Another server thread (its own connection) that has served a reader already: a
    connection's first look empties the answers, since it cannot tell what changed before."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(statements_of, app, anon, "/api/v1/claims/2").result()
        statements_of(app, anon, "/api/v1/claims/2")  # and so has this one
        yield lambda *args: pool.submit(statements_of, app, anon, *args).result()


@pytest.mark.parametrize("path", READS)
def test_an_answer_kept_by_one_thread_is_given_by_another(app, anon, other_thread, path):
    first, _ = statements_of(app, anon, path)
    again, ran = other_thread(path)
    assert again.json == first.json and ran == ["PRAGMA data_version"]


@pytest.mark.parametrize("path", ["/api/v1/claims/1", "/api/v1/claims?limit=50"])
def test_a_commit_seen_by_any_thread_ends_all_answers(app, anon, db_path, other_thread, path):
    before, _ = statements_of(app, anon, path)
    change_elsewhere(None, db_path)
    after_there, _ = other_thread(path)
    after_here, _ = statements_of(app, anon, path)
    assert after_here.json == after_there.json != before.json
    _, ran = other_thread(path)
    assert ran == ["PRAGMA data_version"]  # and kept again, for both


def test_an_answer_computed_before_another_thread_saw_a_change_is_not_kept(app, seeded):
    answers, key, answer = SharedAnswers(), ("host", "/path"), ("200 OK", [], b"{}")
    with app.app_context():
        _, *since = answers.look(get_db(), key)
    # Another connection's first look: it cannot tell what changed before, so it empties all.
    with connect(app.config["DATABASE"]) as elsewhere:
        answers.look(elsewhere, key)
        with app.app_context():
            answers.keep(get_db(), key, answer, since, budget=1024)
            assert answers.look(get_db(), key)[0] is None
        answers.keep(elsewhere, key, answer, answers.look(elsewhere, key)[1:], budget=1024)
        assert answers.look(elsewhere, key)[0] == answer
