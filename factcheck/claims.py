"""Claims: quotes from an article, located by their character span, listed and searched."""

import json

from factcheck import audit, verdicts, workflow
from factcheck.db import write_transaction
from factcheck.errors import Conflict, Forbidden, Invalid, NotFound, PreconditionFailed
from factcheck.pagination import decode_cursor, keyset_page
from factcheck.timeutil import now

# Readers see a public status and change time: a claim being corrected stays "published",
# and drafts or internal moves do not touch what they see.
READER_STATUS = "CASE c.status WHEN 'retracted' THEN 'retracted' ELSE 'published' END"


def claim_columns(staff):
    """The SELECT list of a claim as this audience sees it (tags and draft id included)."""
    status, updated = (
        ("c.status", "c.updated_at") if staff else (READER_STATUS, "c.public_updated_at")
    )
    return f"""
    c.id, c.article_id, c.text, c.claimant, c.claim_date, c.span_start, c.span_end,
    c.language, {status} AS status, c.assignee, c.published_verdict_id, c.version,
    c.public_updated_at, c.created_at, {updated} AS updated_at,
    (SELECT json_group_array(tag) FROM (
        SELECT tag FROM claim_tags WHERE claim_id = c.id ORDER BY tag
    )) AS tags,
    (SELECT max(v.id) FROM verdicts v
     WHERE v.claim_id = c.id AND v.published_at IS NULL
       AND v.id > ifnull(c.published_verdict_id, 0)) AS draft_verdict_id
    """


def sort_keys(staff):
    """Sort name -> SQL expression; each has a matching index (relevance is FTS5's bm25).

    Claims are inserted one writer at a time, stamped inside the transaction, so id order
    is created_at order, and the id lets every (filter, id) index serve the default sort.
    """
    return {
        "created_at": "c.id",
        "updated_at": "c.updated_at" if staff else "c.public_updated_at",
        "claim_date": "ifnull(c.claim_date, '')",
        "relevance": "hits.rank",
    }


def locate_span(body, text, span):
    """The (start, end) of text in body: the given span if it matches, else the only match."""
    if span is not None:
        start, end = span
        if body[start:end] != text:
            found = body[start:end] if end <= len(body) else None
            raise Invalid(
                "The span does not match the quote in the article.",
                {"span_start": [f"The article has {found!r} at {start}:{end}, not the quote."]},
            )
        return start, end
    start = body.find(text)
    if start < 0:
        raise Invalid(
            "The quote does not appear in the article.",
            {"text": ["Not found in the article body; quote it exactly."]},
        )
    if body.find(text, start + 1) >= 0:
        raise Invalid(
            "The quote appears more than once in the article.",
            {"span_start": ["Give span_start and span_end to say which occurrence."]},
        )
    return start, start + len(text)


def _article_for(db, article_id):
    article = next(
        db.query("SELECT id, body, language FROM articles WHERE id = ?", [article_id]), None
    )
    if article is None:
        raise Invalid(f"There is no article {article_id}.", {"article_id": ["Unknown article."]})
    return article


def _given_span(data):
    return (data["span_start"], data["span_end"]) if "span_start" in data else None


def _tags(db, claim_id):
    return [
        row[0] for row in db.execute("SELECT tag FROM claim_tags WHERE claim_id = ?", [claim_id])
    ]


def _write_tags(db, claim_id, tags):
    db.execute("DELETE FROM claim_tags WHERE claim_id = ?", [claim_id])
    db["claim_tags"].insert_all({"claim_id": claim_id, "tag": tag} for tag in dict.fromkeys(tags))


def create(db, data, actor):
    """Store a new claim and return its id."""
    with write_transaction(db):
        article = _article_for(db, data["article_id"])
        start, end = locate_span(article["body"], data["text"], _given_span(data))
        stamp = now()
        claim_id = (
            db["claims"]
            .insert(
                {
                    "article_id": article["id"],
                    "text": data["text"],
                    "claimant": data["claimant"],
                    "claim_date": data["claim_date"],
                    "span_start": start,
                    "span_end": end,
                    "language": data.get("language") or article["language"],
                    "status": workflow.INITIAL_STATE,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            .last_pk
        )
        _write_tags(db, claim_id, data["tags"])
        audit.record(db, actor, "claim.created", "claim", claim_id, claim_id=claim_id, after=data)
    return claim_id


def require(db, claim_id, if_match=None):
    """The claim's row, or 404; 412 if If-Match tags were sent and none is current."""
    row = next(db.query("SELECT * FROM claims WHERE id = ?", [claim_id]), None)
    if row is None:
        raise NotFound(f"There is no claim {claim_id}.")
    check_if_match(row, if_match)
    return row


def touch(db, claim_id):
    """Mark the claim changed: a new version (for ETags) and updated_at."""
    db.execute(
        "UPDATE claims SET version = version + 1, updated_at = ? WHERE id = ?", [now(), claim_id]
    )


def etag(claim, staff):
    """The entity tag of what this audience sees of a claim: staff see every change, readers
    only publications and retractions."""
    if staff:
        return f'"claim-{claim["id"]}-v{claim["version"]}"'
    return f'"claim-{claim["id"]}-p{claim["public_updated_at"]}"'


def check_if_match(claim, if_match):
    """412 unless the If-Match tags (None when not sent) name the claim's current version."""
    if if_match is None:
        return
    current = {etag(claim, True), etag(claim, False), "*"}
    if not current & if_match:
        raise PreconditionFailed(
            "The claim has changed since you read it; fetch it again and retry.",
            headers={"ETag": etag(claim, True)},
        )


def update(db, claim_id, changes, actor, if_match=None):
    """Apply a partial update; the quote and its span must still agree."""
    with write_transaction(db):
        claim = require(db, claim_id, if_match)
        if not changes:
            return  # an empty patch changes nothing, not even the version
        if claim["published_verdict_id"] is not None:
            raise Conflict(
                "A published claim's quote and details are part of the public record: "
                "retract it and store the claim again, or correct the verdict."
            )
        if claim["status"] not in workflow.EDITABLE_STATES:
            raise Conflict(f"The claim is {claim['status']}; send it back to research to edit it.")
        row = {key: value for key, value in changes.items() if key != "tags"}
        if {"text", "span_start"} & changes.keys():
            body = _article_for(db, claim["article_id"])["body"]
            text = changes.get("text", claim["text"])
            row["span_start"], row["span_end"] = locate_span(body, text, _given_span(changes))
        before = {key: claim[key] for key in row}
        if row:
            db["claims"].update(claim_id, row)
        if "tags" in changes:
            before["tags"] = _tags(db, claim_id)
            _write_tags(db, claim_id, changes["tags"])
        touch(db, claim_id)
        audit.record(
            db,
            actor,
            "claim.updated",
            "claim",
            claim_id,
            claim_id=claim_id,
            before=before,
            after=changes,
        )


def delete(db, claim_id, actor, if_match=None):
    """Delete a claim that was never published, with its sources and verdicts."""
    with write_transaction(db):
        claim = require(db, claim_id, if_match)
        if claim["published_verdict_id"] is not None:
            raise Conflict("A published claim cannot be deleted; retract it instead.")
        if claim["status"] != workflow.INITIAL_STATE and not actor.has_role("editor"):
            raise Forbidden("Once work on a claim has started, only an editor may delete it.")
        db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
        audit.record(db, actor, "claim.deleted", "claim", claim_id, claim_id=claim_id, before=claim)


def _filters(query, staff):
    where, params = [], {}
    simple = {
        "claimant": "c.claimant = :claimant COLLATE NOCASE",
        "article_id": "c.article_id = :article_id",
        "tag": "c.id IN (SELECT claim_id FROM claim_tags WHERE tag = :tag)",
        "rating": "c.rating = :rating",
        "status": "c.status = :status",
        "updated_since": "c.updated_at >= :updated_since",
    }
    if not staff:
        # Readers filter on what they see: the public status and change time.
        simple["status"] = f"{READER_STATUS} = :status"
        simple["updated_since"] = "c.public_updated_at >= :updated_since"
        where.append("c.published_verdict_id IS NOT NULL")
    for name, clause in simple.items():
        if query.get(name) is not None:
            where.append(clause)
            params[name] = query[name]
    return where, params


def _fts_query(db, text):
    quoted = db.quote_fts(text)
    if not quoted.strip():
        raise Invalid("The search has no words.", {"q": ["Give at least one word to search for."]})
    return quoted


def search(db, query, staff):
    """One page of claims matching the filters, plus the cursor of the next page."""
    sort = query.get("sort") or ("relevance" if query.get("q") else "-created_at")
    if sort == "relevance" and not query.get("q"):
        raise Invalid(
            "Sorting by relevance needs a search.", {"sort": ["Give q, or another sort."]}
        )
    descending = sort.startswith("-")
    key_sql = sort_keys(staff)[sort.lstrip("-")]
    where, params = _filters(query, staff)
    prefix, source = "", "claims c"
    if query.get("q"):
        prefix = (
            "WITH hits AS (SELECT rowid AS id, bm25(claims_fts) AS rank "
            "FROM claims_fts WHERE claims_fts MATCH :q) "
        )
        source = "hits JOIN claims c ON c.id = hits.id"
        params["q"] = _fts_query(db, query["q"])
    if query.get("cursor"):
        params["after_key"], params["after_id"] = decode_cursor(query["cursor"], sort)
        where.append(f"({key_sql}, c.id) {'<' if descending else '>'} (:after_key, :after_id)")
    direction = "DESC" if descending else "ASC"
    sql = (
        f"{prefix}SELECT {claim_columns(staff)}, {key_sql} AS sort_key FROM {source} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        f"ORDER BY sort_key {direction}, c.id {direction} LIMIT :limit"
    )
    params["limit"] = query["limit"] + 1
    rows, next_cursor = keyset_page(
        list(db.query(sql, params)), query["limit"], sort, lambda row: row["sort_key"]
    )
    return present(db, rows, staff), next_cursor


def for_article(db, article_id, staff):
    """Every claim quoted from one article, in the order they appear."""
    where, params = _filters({"article_id": article_id}, staff)
    sql = (
        f"SELECT {claim_columns(staff)} FROM claims c WHERE {' AND '.join(where)} "
        "ORDER BY c.span_start, c.id"
    )
    return present(db, list(db.query(sql, params)), staff)


def get(db, claim_id, staff):
    """One claim as its reader may see it, with its public record, or 404.

    Readers never learn that an unpublished claim exists: it is a 404 to them, not a 403.
    """
    where, params = _filters({}, staff)
    where.append("c.id = :id")
    params["id"] = claim_id
    rows = list(
        db.query(f"SELECT {claim_columns(staff)} FROM claims c WHERE {' AND '.join(where)}", params)
    )
    if not rows:
        raise NotFound(f"There is no claim {claim_id}.")
    claim = present(db, rows, staff)[0]
    claim["published_verdicts"] = verdicts.published_for_claim(db, claim_id)
    claim["public_notes"] = list(
        db.query(
            "SELECT to_status AS status, public_note AS note, created_at FROM transitions "
            "WHERE claim_id = ? AND public_note IS NOT NULL "
            "AND to_status IN ('published', 'retracted') ORDER BY id DESC",
            [claim_id],
        )
    )
    return claim


def require_visible(db, claim_id, staff):
    """The claim's row if this reader may see the claim, else 404."""
    claim = require(db, claim_id)
    if not staff and claim["published_verdict_id"] is None:
        raise NotFound(f"There is no claim {claim_id}.")
    return claim


def present(db, rows, staff):
    """Attach tags and verdicts; drafts only for staff. Two queries for a whole page."""
    wanted = [row["published_verdict_id"] for row in rows]
    if staff:
        wanted += [row["draft_verdict_id"] for row in rows]
    verdicts_by_id = verdicts.by_ids(db, [vid for vid in wanted if vid is not None])
    for row in rows:
        row["tags"] = json.loads(row["tags"])
        row["verdict"] = verdicts_by_id.get(row.pop("published_verdict_id"))
        draft_id = row.pop("draft_verdict_id")
        if staff:
            row["draft_verdict"] = verdicts_by_id.get(draft_id)
        else:
            row.pop("assignee")
        row.pop("sort_key", None)
    return rows
