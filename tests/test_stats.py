"""GET /api/v1/stats: counts per status and median time in each status, checked against a
brute-force computation over the moves, and the longest period it accepts."""

import statistics
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import desk, workflow
from factcheck.desk import MAX_STATS_DAYS
from factcheck.timeutil import to_timestamp
from migrations.migrations import migrations
from tests.conftest import assert_field_error, assert_problem
from tests.migrating import seeded_before
from tests.seed_data import claim_count

T0 = datetime(2026, 1, 1, tzinfo=UTC)
ROUTE = ["new", "in_research", "in_review", "approved", "published", "retracted"]


def at(seconds):
    return to_timestamp(T0 + timedelta(seconds=seconds))


def store(db, histories):
    """Replace every claim with one per history: (created, [move times]), as seconds after
    T0, moving along ROUTE. Stored with SQL: the API stamps moves with the present."""
    db.execute("DELETE FROM claims")
    if not db.execute("SELECT 1 FROM articles").fetchone():
        db.execute(
            "INSERT INTO articles (title, body, language, created_at, updated_at) "
            "VALUES ('T', 'x', 'en', 'x', 'x')"
        )
    article_id = db.execute("SELECT min(id) FROM articles").fetchone()[0]
    for created, moves in histories:
        claim_id = db.execute(
            "INSERT INTO claims (article_id, text, claimant, span_start, span_end, language, "
            "status, created_at, updated_at) VALUES (?, 'x', 'x', 0, 1, 'en', 'new', ?, ?)",
            [article_id, at(created), at(created)],
        ).lastrowid
        for step, moment in enumerate(moves):
            db.execute(
                "INSERT INTO transitions (claim_id, from_status, to_status, actor, created_at) "
                "VALUES (?, ?, ?, 'x', ?)",
                [claim_id, ROUTE[step], ROUTE[step + 1], at(moment)],
            )
            db.execute("UPDATE claims SET status = ? WHERE id = ?", [ROUTE[step + 1], claim_id])
    db.conn.commit()


def brute_force(db, since, until):
    """The definition, computed the slow way: every move in [since, until), the time since
    the claim's previous move (or its creation), the median per status left."""
    spells = {state: [] for state in workflow.STATES}
    moves = db.execute("SELECT id, claim_id, from_status, created_at FROM transitions").fetchall()
    for move_id, claim_id, from_status, left in moves:
        if not since <= left < until:
            continue
        earlier = [m[3] for m in moves if m[1] == claim_id and m[0] < move_id]
        entered = max(earlier) if earlier else db["claims"].get(claim_id)["created_at"]
        spent = datetime.fromisoformat(left) - datetime.fromisoformat(entered)
        spells[from_status].append(spent.total_seconds())
    counts = dict.fromkeys(workflow.STATES, 0)
    counts.update(db.execute("SELECT status, count(*) FROM claims GROUP BY status").fetchall())
    medians = {state: statistics.median(s) if s else None for state, s in spells.items()}
    return counts, medians


def assert_matches(eve, db, since, until):
    answer = eve.get("/api/v1/stats", query_string={"since": since, "until": until})
    assert answer.status_code == 200, answer.json
    counts, medians = brute_force(db, since, until)
    assert_same(answer.json, counts, medians)


def assert_same(answer, counts, medians):
    assert answer["counts"] == counts
    got = answer["median_seconds_in_status"]
    assert {state for state, m in got.items() if m is None} == {
        state for state, m in medians.items() if m is None
    }
    # Equal but for float rounding in the mean of two (the answer adds microseconds).
    assert {s: m for s, m in got.items() if m is not None} == pytest.approx(
        {s: m for s, m in medians.items() if m is not None}, rel=1e-12
    )


CASES = {
    "one move": ([(0, [10])], 0, 100),
    "odd count": ([(0, [5]), (0, [1]), (0, [9])], 0, 100),
    "even count: the mean of the middle two": ([(0, [4]), (0, [1]), (0, [9]), (0, [2])], 0, 100),
    "equal times": ([(0, [3]), (0, [3]), (1, [4])], 0, 100),
    "several moves of one claim": ([(0, [1, 3, 7, 15, 31])], 0, 100),
    "entered before the period, left in it": ([(0, [50, 150])], 100, 200),
    "a move at since counts, one at until does not": ([(0, [100, 200]), (0, [150])], 100, 200),
    "no move in the period": ([(0, [10, 20])], 50, 60),
    "microseconds": ([(0, [0.000001]), (0.5, [0.500003]), (0, [0.000002])], 0, 1),
    "days and fractions": ([(0, [86400 * 3.25]), (7, [86400 * 9 + 0.123456])], 0, 86400 * 30),
    "statuses left later along the route": (
        [(0, [1, 2, 4, 8, 16]), (1, [3, 5, 9, 17]), (2, [6, 10])],
        5,
        17,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_stats_match_a_brute_force_computation(db, as_user, case):
    histories, start, end = CASES[case]
    store(db, histories)
    assert_matches(as_user("eve"), db, at(start), at(end))


HISTORIES = st.lists(
    st.tuples(
        st.integers(0, 10**9),
        st.lists(st.integers(0, 10**11), max_size=len(ROUTE) - 1).map(
            lambda gaps: [sum(gaps[: n + 1]) for n in range(len(gaps))]
        ),
    ),
    max_size=25,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories=HISTORIES, start=st.integers(0, 10**11), length=st.integers(1, 10**11))
def test_stats_match_brute_force_on_any_history(db, as_user, histories, start, length):
    micro = 1e-6  # generated in microseconds
    store(db, [(c * micro, [c * micro + m * micro for m in ms]) for c, ms in histories])
    assert_matches(as_user("eve"), db, at(start * micro), at((start + length) * micro))


def test_counts_follow_deletions_and_moves(db, as_user, claim):
    store(db, [(0, [1, 2]), (0, [1]), (0, [])])
    db.execute("DELETE FROM claims WHERE id = (SELECT min(id) FROM claims)")
    db.execute("UPDATE claims SET status = 'dismissed' WHERE status = 'new'")
    db.conn.commit()
    assert_matches(as_user("eve"), db, at(0), at(10))


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"since": at(0), "until": at(86400 * (MAX_STATS_DAYS + 1))}, "since", "at most 92"),
        ({"since": "2000-01-01T00:00:00Z"}, "since", "at most 92 days"),
        ({"since": at(10), "until": at(10)}, "until", "Must be after since."),
        ({"since": at(10), "until": at(5)}, "until", "Must be after since."),
    ],
)
def test_periods_beyond_the_longest_or_empty_are_422(as_user, query, field, message):
    body = assert_problem(as_user("eve").get("/api/v1/stats", query_string=query), 422)
    assert_field_error(body, field, message)


def test_the_longest_period_is_accepted(as_user):
    query = {"since": at(0), "until": at(86400 * MAX_STATS_DAYS)}
    assert as_user("eve").get("/api/v1/stats", query_string=query).status_code == 200


def test_moves_stored_before_the_summary_are_counted(tmp_path, seeded_template):
    with seeded_before(tmp_path / "old.db", "0011_stats_summary", seeded_template) as db:
        migrations.apply(db)
        today = datetime.now(UTC)
        since, until = (to_timestamp(today + timedelta(days=d)) for d in (-1, 1))
        counts, medians = brute_force(db, since, until)
        assert sum(counts.values()) == claim_count(db) and medians["in_research"] is not None
        assert_same(desk.stats(db, since, until), counts, medians)
