"""Work queues and workflow statistics, computed from claims and their recorded moves."""

from datetime import UTC, datetime, timedelta

from factcheck import claim_reads, linkcheck, verdicts, workflow
from factcheck.errors import Invalid
from factcheck.timeutil import now, to_timestamp

QUEUE_LIMIT = 100


def _claims_where(db, where, params):
    return claim_reads.staff_list(db, where, params, order="c.updated_at, c.id", limit=QUEUE_LIMIT)


def queue(db, actor, stale_days):
    """What is waiting for the caller, oldest first (at most 100 of each). Editors, and
    viewers (dashboards), also see the desk's shared work: reviews and unassigned claims."""
    cutoff = to_timestamp(datetime.now(UTC) - timedelta(days=stale_days))
    open_states = ", ".join(f"'{state}'" for state in workflow.OPEN_STATES)
    awaiting, unassigned, broken = [], [], []
    if actor.has_role("editor") or not actor.may_write:
        awaiting = _claims_where(
            db,
            "c.status = :review AND "
            f"(SELECT author FROM verdicts WHERE id = {verdicts.DRAFT_ID}) IS NOT :me",
            {"review": workflow.REVIEW, "me": actor.name},
        )
        # Work held by someone who can no longer act on it, waiting to be handed on.
        unassigned = _claims_where(
            db,
            f"c.status IN ({open_states}) AND c.assignee IN "
            "(SELECT name FROM users WHERE deactivated_at IS NOT NULL)",
            {},
        )
        broken = _cited_broken_sources(db)
    return {
        "assigned_to_me": _claims_where(
            db,
            "c.assignee = :me AND c.status = :research",
            {"me": actor.name, "research": workflow.RESEARCH},
        ),
        "awaiting_my_review": awaiting,
        "unassigned": unassigned,
        "stale": _claims_where(
            db, f"c.status IN ({open_states}) AND c.updated_at < :cutoff", {"cutoff": cutoff}
        ),
        "broken_sources": broken,
    }


def _cited_broken_sources(db):
    """Published claims whose verdict cites a source found broken: the evidence readers are
    pointed to has gone. The first condition walks the (few) broken sources' index."""
    return _claims_where(
        db,
        "c.id IN (SELECT claim_id FROM sources WHERE check_state = :broken) "
        "AND c.status = :published AND EXISTS (SELECT 1 FROM verdict_sources vs "
        "JOIN sources s ON s.id = vs.source_id "
        "WHERE vs.verdict_id = c.published_verdict_id AND s.check_state = :broken)",
        {"broken": linkcheck.BROKEN, "published": workflow.PUBLISHED},
    )


# The longest period /stats accepts: the medians read every move of the period (about
# 0.6 us each), so the work grows with its length. bench/stats_bench.py: a million moves
# over 1,000 days, the longest period in 50-110 ms on a busy 2-core machine.
MAX_STATS_DAYS = 92
DEFAULT_STATS_DAYS = 30

# Each move's time in the status it left, in microseconds, is recorded in status_spells
# when the move is stored (migration 0011); its index on (from_status, left_at, micros)
# serves both queries, and the sort for the middle one or two stays inside SQLite.
_IN_PERIOD = "from_status = :status AND left_at >= :since AND left_at < :until"
MOVES = f"SELECT count(*) FROM status_spells WHERE {_IN_PERIOD}"
MIDDLE = (
    f"SELECT avg(micros) / 1e6 FROM (SELECT micros FROM status_spells "
    f"WHERE {_IN_PERIOD} ORDER BY micros LIMIT :take OFFSET :skip)"
)


def _median(db, status, since, until):
    """Median seconds in status over the moves out of it in [since, until), or None."""
    params = {"status": status, "since": since, "until": until}
    moves = db.execute(MOVES, params).fetchone()[0]
    if not moves:
        return None
    params.update(take=2 - moves % 2, skip=(moves - 1) // 2)
    return db.execute(MIDDLE, params).fetchone()[0]


def _period(since, until):
    """[since, until): 30 days up to now unless given, at most MAX_STATS_DAYS long."""
    until = until or now()
    end = datetime.fromisoformat(until)
    since = since or to_timestamp(end - timedelta(days=DEFAULT_STATS_DAYS))
    if datetime.fromisoformat(since) >= end:
        raise Invalid("The period is empty.", {"until": ["Must be after since."]})
    if end - datetime.fromisoformat(since) > timedelta(days=MAX_STATS_DAYS):
        raise Invalid(
            f"The period is longer than {MAX_STATS_DAYS} days.",
            {"since": [f"Give a period of at most {MAX_STATS_DAYS} days."]},
        )
    return since, until


def stats(db, since=None, until=None):
    """Counts per status now, and median seconds in each status for moves in [since, until).

    The counts are kept by triggers; the medians read only the period's moves, from a
    covering index."""
    since, until = _period(since, until)
    counts = dict.fromkeys(workflow.STATES, 0)
    counts.update(db.execute("SELECT status, claims FROM claim_status_counts").fetchall())
    medians = {state: _median(db, state, since, until) for state in workflow.STATES}
    return {"since": since, "until": until, "counts": counts, "median_seconds_in_status": medians}
