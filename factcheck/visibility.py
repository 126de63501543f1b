"""What a reader may see: the one place that rule is written.

Readers (callers without a key) never learn that an unpublished claim exists. A claim is
theirs once a verdict of it has been published, and stays so when it is retracted or while
a correction is prepared; they see its published verdicts, the sources those cite, its
public notes and public events, a public status (published or retracted) and a public
change time. A retracted claim shows no verdict as current (its published ones stay in its
record). An article is theirs once one of its claims is. Staff see everything.

Each rule is an SQL condition on a fixed table alias (`c` claims, `a` articles, `v`
verdicts, `s` sources, `t` transitions, `e` audit events); `where(RULE, staff=...)` gives
the conditions a query adds for its audience.
"""

from factcheck import workflow
from factcheck.errors import NotFound

CLAIM = "c.published_verdict_id IS NOT NULL"
# "Has this been checked?" (the lookup, the Fact Check Tools search) also answers with
# claims known only from other fact-checkers' published reviews (imported ClaimReview):
# public where they were published. Their own record here (GET) stays the desk's until it
# publishes a verdict.
LOOKUP_CLAIM = f"({CLAIM} OR c.origin = 'imported')"
# Until then, that the desk is looking at an article is newsroom business.
ARTICLE = f"EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND {CLAIM})"
VERDICT = "v.published_at IS NOT NULL"
SOURCE = (
    "EXISTS (SELECT 1 FROM verdict_sources vs JOIN verdicts v ON v.id = vs.verdict_id "
    f"WHERE vs.source_id = s.id AND {VERDICT})"
)
# Public moves carry the kind of their notice (publication, correction...); others none.
NOTE = "t.public_note IS NOT NULL AND t.kind IS NOT NULL"
EVENT = "e.public = 1"

# A claim being corrected stays "published" to readers; only a retraction shows. A claim
# known to readers only from other fact-checkers' reviews (the lookup) is "imported": this
# desk has published nothing on it.
IMPORTED = "imported"
READER_STATUS = (
    f"CASE WHEN c.status = '{workflow.RETRACTED}' THEN '{workflow.RETRACTED}' "
    f"WHEN c.published_verdict_id IS NULL THEN '{IMPORTED}' "
    f"ELSE '{workflow.PUBLISHED}' END"
)
# The verdict a claim presents as its own, to staff and readers alike: its published one,
# except once withdrawn (retracted), when the published revisions are only its history.
_withdrawn = ", ".join(f"'{state}'" for state in workflow.WITHDRAWN_STATES)
CURRENT_VERDICT_ID = (
    f"CASE WHEN c.status IN ({_withdrawn}) THEN NULL ELSE c.published_verdict_id END"
)
# Fields of a claim answer that only staff receive.
# The check-worthiness score is a triage aid for the desk, not part of the public record.
STAFF_ONLY_CLAIM_FIELDS = (
    "assignee",
    "draft_verdict",
    "check_worthiness",
    "check_worthiness_reasons",
)
# Fields of a verdict that only staff receive: readers get the byline
# (author_display_name), never a login name.
STAFF_ONLY_VERDICT_FIELDS = ("author",)
# What a reader learns of a public audit event.
READER_EVENT_FIELDS = ("id", "created_at", "action")


def where(rule, *, staff):
    """The conditions a query adds so that this audience sees only what it may."""
    return [] if staff else [rule]


def restrict(conditions, rule, *, staff):
    """A WHERE clause: the query's own conditions, and the rule for this audience."""
    return " AND ".join([*conditions, *where(rule, staff=staff)])


def claim_status(*, staff):
    """SQL for the status this audience sees."""
    return "c.status" if staff else READER_STATUS


def search_index(*, staff):
    """The full-text index this audience searches. Readers' holds only published claims
    (migration 0009 keeps it), so their ranking, and the bm25 score a relevance cursor
    carries, count nothing they cannot see."""
    return "claims_fts" if staff else "claims_public_fts"


def claim_changed_at(*, staff):
    """SQL for the change time this audience sees: drafts and internal moves do not touch
    what readers see."""
    return "c.updated_at" if staff else "c.public_updated_at"


# The columns a claim's ETag is made of (etag below), read with it and not answered.
ETAG_FIELDS = ("version", "public_updated_at")


def etag(claim, *, staff):
    """The entity tag of what this audience sees of a claim: staff see every change, readers
    only publications and retractions."""
    if staff:
        return f'"claim-{claim["id"]}-v{claim["version"]}"'
    return f'"claim-{claim["id"]}-p{claim["public_updated_at"]}"'


def strip_claim(claim, *, staff):
    """The claim answer without what this audience may not see."""
    if not staff:
        for name in STAFF_ONLY_CLAIM_FIELDS:
            claim.pop(name, None)
        strip_verdict(claim.get("verdict"), staff=staff)
    return claim


def strip_verdict(verdict, *, staff):
    """The verdict (or None) without what this audience may not see."""
    if verdict is not None and not staff:
        for name in STAFF_ONLY_VERDICT_FIELDS:
            verdict.pop(name, None)
    return verdict


def reader_event(event, after):
    """A public audit event as readers see it: what happened, when, and its public note."""
    shown = {name: event[name] for name in READER_EVENT_FIELDS}
    return {**shown, "public_note": (after or {}).get("public_note")}


def require_claim(db, claim_id, *, staff):
    """The claim's row if this audience may see the claim, else 404 (never 403: readers must
    not learn that it exists)."""
    clause = restrict(["c.id = ?"], CLAIM, staff=staff)
    row = next(db.query(f"SELECT * FROM claims c WHERE {clause}", [claim_id]), None)
    if row is None:
        raise NotFound(f"There is no claim {claim_id}.")
    return row
