"""Work queues and workflow statistics, computed from claims and their recorded moves."""

import statistics
from datetime import UTC, datetime, timedelta

from factcheck import claim_reads, linkcheck, verdicts, workflow
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


def stats(db, since=None, until=None):
    """Counts per status now, and median seconds in each status for moves in [since, until)."""
    until = until or now()
    since = since or to_timestamp(datetime.fromisoformat(until) - timedelta(days=30))
    counts = dict.fromkeys(workflow.STATES, 0)
    for row in db.query("SELECT status, count(*) AS n FROM claims GROUP BY status"):
        counts[row["status"]] = row["n"]
    durations = {state: [] for state in workflow.STATES}
    moves = db.query(
        """
        SELECT t.from_status, t.created_at AS left_at,
               ifnull((SELECT max(p.created_at) FROM transitions p
                       WHERE p.claim_id = t.claim_id AND p.id < t.id),
                      c.created_at) AS entered_at
        FROM transitions t JOIN claims c ON c.id = t.claim_id
        WHERE t.created_at >= ? AND t.created_at < ?
        """,
        [since, until],
    )
    for move in moves:
        spent = datetime.fromisoformat(move["left_at"]) - datetime.fromisoformat(move["entered_at"])
        durations[move["from_status"]].append(spent.total_seconds())
    medians = {state: statistics.median(d) if d else None for state, d in durations.items()}
    return {"since": since, "until": until, "counts": counts, "median_seconds_in_status": medians}
