"""Bringing in fact-checks published elsewhere (ClaimReview), each stored as an external
review of the desk's claim that says the same thing (the lookup's exact match, in any
state) or of a new claim of origin `imported`, with no article.

    claimreview_import.run(db, document, actor)        # parsed JSON-LD
    claimreview_import.run_html(db, html, actor, base_url=...)
    claimreview_import.run_url(db, session, url, actor, outbound_config=...)

Each answers {"items": [...], "stored", "already_there", "skipped"}: per ClaimReview found,
its outcome (`stored`, `already_there`, `skipped` with a reason). Each item is written in
its own transaction, so an item is stored whole or not at all, and one that fails to store
never undoes those before it. A review URL already stored changes nothing.
"""

import json

from factcheck import audit, claimreview_parse, claims, matching, outbound, wording, workflow
from factcheck.db import write_transaction
from factcheck.errors import Invalid
from factcheck.timeutil import now

STORED, ALREADY_THERE, SKIPPED = "stored", "already_there", "skipped"
IMPORTED = claims.ORIGINS[2]
# A review of no stated language: BCP 47's "undetermined".
UNDETERMINED = "und"
NO_WORDS = "claimReviewed has no words"
# What a page fetched for import may be: HTML, or JSON-LD itself.
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Review fields stored as they are (the rest: appearances as JSON, who and when).
STORED_FIELDS = (
    "url",
    "claim_reviewed",
    "publisher_name",
    "publisher_site",
    "textual_rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "review_date",
    "title",
    "claimant",
    "claim_date",
    "language",
)


def _exact_claim(db, text):
    """The claim, in any state, whose text is this one's (the lookup's exact match; the
    oldest if the desk holds two)."""
    return min(matching.exact(db, text, staff=True), default=None)


def _new_claim(db, review, actor):
    """A claim of origin `imported`: the reviewed sentence, no article, no span."""
    text, stamp = review["claim_reviewed"], now()
    row = {
        "article_id": None,
        "text": text,
        "text_normalised": wording.normalised(text),
        "text_words": wording.indexed_words(text),
        "claimant": review["claimant"],
        "claimant_folded": claims.folded(review["claimant"]),
        "claim_date": review["claim_date"],
        "language": review["language"] or UNDETERMINED,
        "status": workflow.INITIAL_STATE,
        "origin": IMPORTED,
        "created_at": stamp,
        "updated_at": stamp,
    }
    claim_id = db["claims"].insert(row).last_pk
    after = {key: row[key] for key in ("text", "claimant", "claim_date", "language", "origin")}
    audit.record(db, actor, "claim.created", "claim", claim_id, claim_id=claim_id, after=after)
    return claim_id


def _store(db, review, actor):
    """One review in one transaction: (outcome, claim id, review id)."""
    with write_transaction(db):
        existing = db.execute(
            "SELECT id, claim_id FROM external_reviews WHERE url = ?", [review["url"]]
        ).fetchone()
        if existing:
            return ALREADY_THERE, existing[1], existing[0]
        claim_id = _exact_claim(db, review["claim_reviewed"])
        if claim_id is None:
            claim_id = _new_claim(db, review, actor)
        else:
            claims.touch(db, claim_id)  # its staff answer changed: a new version and ETag
        row = {field: review[field] for field in STORED_FIELDS}
        row |= {
            "claim_id": claim_id,
            "appearances": json.dumps(review["appearances"]),
            "imported_by": actor.name,
            "imported_at": now(),
        }
        review_id = db["external_reviews"].insert(row).last_pk
        audit.record(
            db,
            actor,
            "claimreview.imported",
            "external_review",
            review_id,
            claim_id=claim_id,
            after=row,
        )
    return STORED, claim_id, review_id


def _outcome(db, node, actor):
    review, reason = claimreview_parse.review_of(node)
    url = review["url"] if review else claimreview_parse.url_of(node.get("url"))
    if review and not wording.words(review["claim_reviewed"]):
        review, reason = None, NO_WORDS
    if review is None:
        return {"status": SKIPPED, "url": url, "reason": reason}
    status, claim_id, review_id = _store(db, review, actor)
    return {"status": status, "url": url, "claim_id": claim_id, "review_id": review_id}


def _run_nodes(db, nodes, actor):
    if not nodes:
        raise Invalid(
            "Found no ClaimReview in what was sent.",
            {"body": ["Send ClaimReview as JSON-LD, or a page carrying it."]},
        )
    items = [_outcome(db, node, actor) for node in nodes]
    counts = {
        status: sum(item["status"] == status for item in items)
        for status in (STORED, ALREADY_THERE, SKIPPED)
    }
    return {"items": items, **counts}


def run(db, document, actor):
    """Import every ClaimReview of a parsed JSON-LD document."""
    return _run_nodes(db, claimreview_parse.nodes_from_json(document), actor)


def run_html(db, html, actor, *, base_url=None):
    """Import every ClaimReview of an HTML page (JSON-LD blocks and microdata)."""
    nodes = claimreview_parse.nodes_from_html(html, base_url)
    return _run_nodes(db, nodes, actor)


def _fetched(session, url, outbound_config):
    try:
        page = outbound.fetch(session, url, config=outbound_config)
    except outbound.FetchError as error:
        raise Invalid(f"The URL could not be fetched: {error}", {"url": [str(error)]}) from error
    if not page.ok:
        message = f"The URL answered HTTP {page.status}."
        raise Invalid(message, {"url": [message]})
    return page


def run_url(db, session, url, actor, *, outbound_config):
    """Fetch a page or JSON-LD document through the guard and import what it carries."""
    page = _fetched(session, url, outbound_config)
    kind = page.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind.endswith("json"):
        try:
            document = json.loads(page.text)
        except ValueError as error:
            raise Invalid("The URL's JSON is malformed.", {"url": [str(error)]}) from error
        return run(db, document, actor)
    return run_html(db, page.text, actor, base_url=page.final_url)


def run_sent(db, kind, value, actor, *, session, outbound_config):
    """Import what a request sent: kind "url", "json" (parsed) or "html"."""
    if kind == "url":
        return run_url(db, session, value, actor, outbound_config=outbound_config)
    if kind == "html":
        return run_html(db, value, actor)
    return run(db, value, actor)
