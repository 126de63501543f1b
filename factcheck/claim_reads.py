"""The read side of claims: columns, sort keys, filters, search, one claim, and the shape
an answer takes, each for its audience (reader visibility comes from factcheck/visibility)."""

import json
import unicodedata

from factcheck import claims, external_reviews, ratings, verdicts, visibility
from factcheck.db import read
from factcheck.errors import Invalid, NotFound
from factcheck.pagination import decode_cursor, keyset_page
from factcheck.wording import WORD


def claim_columns(*, staff):
    """The SELECT list of a claim as this audience sees it (tags, and for staff the draft)."""
    return f"""
    c.id, c.article_id, c.text, c.claimant, c.claim_date, c.span_start, c.span_end,
    c.language, {visibility.claim_status(staff=staff)} AS status, c.assignee,
    c.origin, c.check_worthiness, c.check_worthiness_reasons,
    {visibility.CURRENT_VERDICT_ID} AS published_verdict_id,
    c.created_at,
    {visibility.claim_changed_at(staff=staff)} AS updated_at,
    (SELECT json_group_array(tag) FROM (
        SELECT tag FROM claim_tags WHERE claim_id = c.id ORDER BY tag
    )) AS tags{f", {verdicts.DRAFT_ID} AS draft_verdict_id" if staff else ""}
    """


# Reading order inside one article (its claims' spans); only with the article_id filter.
POSITION = "position"


def sort_keys(*, staff):
    """Sort name -> SQL expression; each has a matching index (relevance is FTS5's bm25).

    Claims are inserted one writer at a time, stamped inside the transaction, so id order
    is created_at order, and the id lets every (filter, id) index serve the default sort.
    """
    return {
        "created_at": "c.id",
        "updated_at": visibility.claim_changed_at(staff=staff),
        "claim_date": "ifnull(c.claim_date, '')",
        "relevance": "hits.rank",  # bm25 over what this audience may see
        POSITION: "c.span_start",
    }


def _filters(query, *, staff):
    """WHERE conditions and their parameters: the query's filters, on what this audience
    sees (readers filter on the public status and change time), and its visibility."""
    clauses = {
        "claimant": "c.claimant_folded = :claimant",
        "article_id": "c.article_id = :article_id",
        "tag": "c.id IN (SELECT claim_id FROM claim_tags WHERE tag = :tag)",
        "rating": "c.rating = :rating",
        "bucket": "c.rating_bucket = :bucket",
        "status": f"{visibility.claim_status(staff=staff)} = :status",
        "updated_since": f"{visibility.claim_changed_at(staff=staff)} >= :updated_since",
    }
    where = visibility.where(visibility.CLAIM, staff=staff)
    params = {}
    for name, clause in clauses.items():
        if query.get(name) is not None:
            where.append(clause)
            params[name] = query[name]
    if "claimant" in params:
        params["claimant"] = claims.folded(params["claimant"])
    return where, params


def fts_query(text):
    """An FTS5 query matching every word of text, each a quoted string, so no operator,
    prefix star or column filter in the text is ever live. Words are extracted here, never
    by splitting the raw text (a quote followed by a newline once escaped the quoting)."""
    words = WORD.findall(unicodedata.normalize("NFC", text))
    if not words:
        raise Invalid("The search has no words.", {"q": ["Give at least one word to search for."]})
    return " ".join(f'"{word}"' for word in words)


def _sort(query):
    sort = query.get("sort") or ("relevance" if query.get("q") else "-created_at")
    if sort == "relevance" and not query.get("q"):
        raise Invalid(
            "Sorting by relevance needs a search.", {"sort": ["Give q, or another sort."]}
        )
    if sort == POSITION and query.get("article_id") is None:
        raise Invalid(
            "Reading order is an order within one article.",
            {"sort": ["Give article_id, or another sort."]},
        )
    return sort


# Relevance ranks at most this many matches of a search: the newest that pass its filters.
# bm25 costs about 8 µs a match, so ranking every claim with a common word took a second at
# 1,000,000 claims (300,000 matches); the newest 1,000 take under 10 ms at any size. A word
# that common ranks poorly anyway; sort=-created_at pages through every match.
RANKED_MATCHES = 1000


def search(db, query, *, staff):
    """One page of claims matching the filters, plus the cursor of the next page."""
    sort = _sort(query)
    descending = sort.startswith("-")
    key_sql = sort_keys(staff=staff)[sort.lstrip("-")]
    where, params = _filters(query, staff=staff)
    prefix, source, id_sql = "", "claims c", "c.id"
    if query.get("q"):
        params["q"] = fts_query(query["q"])
        index = visibility.search_index(staff=staff)
        if sort == "relevance":
            # The audience's index holds only claims it may see: what is left is the filters,
            # which the ranked matches pass; the page is picked from those matches alone (at
            # 1,000,000 claims, looking up the 1,000 ranked claims took 11 of 14 ms of SQL).
            seen = visibility.where(visibility.CLAIM, staff=staff)
            prefix = _ranked_matches(index, [rule for rule in where if rule not in seen])
            source, id_sql, where = "hits", "hits.id", []
        else:
            where.append(f"c.id IN (SELECT rowid FROM {index} WHERE {index} MATCH :q)")
    # Sort keys differ by audience (the change time, the index relevance is scored on).
    scope = f"claims:{sort}:{'staff' if staff else 'public'}"
    if query.get("cursor"):
        params["after_key"], params["after_id"] = decode_cursor(db, query["cursor"], scope)
        where.append(f"({key_sql}, {id_sql}) {'<' if descending else '>'} (:after_key, :after_id)")
    direction = "DESC" if descending else "ASC"
    # The page's ids first, then the columns of just those rows: asked for together, SQLite
    # works out the tags and verdicts of every match before it keeps a page of them (a
    # common word at 100,000 claims: 63 ms, against 14 ms in two steps).
    sql = (
        f"{prefix}SELECT {id_sql} AS id, {key_sql} AS sort_key FROM {source} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        f"ORDER BY sort_key {direction}, {id_sql} {direction} LIMIT :limit"
    )
    params["limit"] = query["limit"] + 1
    keys = read(db, sql, params)
    if not keys and query.get("rating"):
        # No claim matched: say so if the rating is no label at all (a typo, a wrong case).
        ratings.require_label(db, query["rating"])
    keys, next_cursor = keyset_page(db, keys, query["limit"], scope, lambda row: row["sort_key"])
    return by_ids(db, [row["id"] for row in keys], staff=staff), next_cursor


def _ranked_matches(index, where):
    """The relevance search's matches `hits` (id, rank): bm25 of the newest RANKED_MATCHES
    matches that pass the filters. A search matching fewer is ranked whole."""
    join = f"JOIN claims c ON c.id = {index}.rowid " if where else ""
    conditions = " AND ".join([f"{index} MATCH :q", *where])
    return (
        f"WITH hits AS (SELECT {index}.rowid AS id, bm25({index}) AS rank FROM {index} "
        f"{join}WHERE {conditions} "
        f"ORDER BY {index}.rowid DESC LIMIT {RANKED_MATCHES}) "
    )


def by_ids(db, claim_ids, *, staff, rule=visibility.CLAIM):
    """These claims, in this order, as this audience sees them: those it may see by rule
    (the lookup's is wider), so ids picked from an index never show it more; one deleted
    since they were picked is left out."""
    conditions = visibility.restrict(
        ["c.id IN (SELECT value FROM json_each(?))"], rule, staff=staff
    )
    sql = f"SELECT {claim_columns(staff=staff)} FROM claims c WHERE {conditions}"
    rows = {row["id"]: row for row in read(db, sql, [json.dumps(claim_ids)])}
    return present(db, [rows[claim_id] for claim_id in claim_ids if claim_id in rows], staff=staff)


def staff_list(db, where, params, *, order, limit):
    """Claims matching raw conditions, as staff see them (the desk's queues)."""
    sql = f"SELECT {claim_columns(staff=True)} FROM claims c WHERE {where} ORDER BY {order}"
    return present(db, list(db.query(f"{sql} LIMIT {int(limit)}", params)), staff=True)


# A claim's public notes, newest first, as one JSON array (a column of the claim's row).
PUBLIC_NOTES = f"""(SELECT json_group_array(json_object(
    'status', status, 'kind', kind, 'note', note, 'created_at', created_at)) FROM (
        SELECT t.to_status AS status, t.kind, t.public_note AS note, t.created_at
        FROM transitions t WHERE t.claim_id = c.id AND {visibility.NOTE} ORDER BY t.id DESC
    ))"""


def get(db, claim_id, *, staff):
    """One claim as this audience may see it, with its public record, or 404: two queries
    (the claim with its notes; its verdicts), plus other fact-checkers' reviews for staff.

    Readers never learn that an unpublished claim exists: it is a 404 to them, not a 403.
    """
    where, params = _filters({}, staff=staff)
    where.append("c.id = :id")
    params["id"] = claim_id
    sql = (
        f"SELECT {claim_columns(staff=staff)}, {PUBLIC_NOTES} AS public_notes, "
        f"{', '.join(f'c.{name}' for name in visibility.ETAG_FIELDS)} "
        f"FROM claims c WHERE {' AND '.join(where)}"
    )
    rows = read(db, sql, params)
    if not rows:
        raise NotFound(f"There is no claim {claim_id}.")
    claim = rows[0]
    published, draft = verdicts.record_of_claim(
        db, claim_id, claim.get("draft_verdict_id"), staff=staff
    )
    known = {verdict["id"]: verdict for verdict in published}
    if draft is not None:
        known[draft["id"]] = draft
    claim = _shaped(claim, known, staff=staff)
    claim["published_verdicts"] = published
    claim["public_notes"] = json.loads(claim["public_notes"])
    if staff:
        # Other fact-checkers' reviews (imported). Staff only here, where the staff ETag
        # (the claim's version, bumped by an import) covers them; readers meet them in the
        # lookup and the Fact Check Tools search.
        external_reviews.attach(db, [claim])
    return claim


def present(db, rows, *, staff):
    """Attach tags and verdicts, and strip what this audience may not see. Two queries for
    a whole page."""
    wanted = [row["published_verdict_id"] for row in rows]
    wanted += [row.get("draft_verdict_id") for row in rows]
    verdicts_by_id = verdicts.by_ids(db, [vid for vid in wanted if vid is not None])
    return [_shaped(row, verdicts_by_id, staff=staff) for row in rows]


def _shaped(row, verdicts_by_id, *, staff):
    """A claim row in the shape of its answer, for this audience."""
    row["tags"] = json.loads(row["tags"])
    reasons = row["check_worthiness_reasons"]
    row["check_worthiness_reasons"] = None if reasons is None else json.loads(reasons)
    row["verdict"] = verdicts_by_id.get(row.pop("published_verdict_id"))
    row["draft_verdict"] = verdicts_by_id.get(row.pop("draft_verdict_id", None))
    row.pop("sort_key", None)
    return visibility.strip_claim(row, staff=staff)
