"""Claims: quotes from an article, located by their character span; storing, editing and
deleting them (reading is factcheck/claim_reads.py)."""

import json
import unicodedata

from factcheck import audit, spans, visibility, wording, workflow
from factcheck.db import read_one, write_transaction
from factcheck.errors import Conflict, Forbidden, Invalid, NotFound, PreconditionFailed
from factcheck.timeutil import now


def folded(name):
    """A claimant's name as the claimant filter compares it: Unicode case-folded (None: no
    claimant)."""
    return None if name is None else unicodedata.normalize("NFC", name).casefold()


# Where a claim came from (claims.origin): typed in, extracted from its article, imported.
ORIGINS = ("manual", "extracted", "imported")


# Columns computed from others, for the filters and the lookup: not part of an edit's record.
DERIVED_COLUMNS = ("claimant_folded", "text_normalised", "text_words")


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


def _origin(data):
    """Where a claim came from: typed in (the API's schema takes none of these), or
    proposed by extraction with its score and reasons."""
    reasons = data.get("check_worthiness_reasons")
    return {
        "origin": data.get("origin", "manual"),
        "check_worthiness": data.get("check_worthiness"),
        "check_worthiness_reasons": None if reasons is None else json.dumps(reasons),
    }


def create(db, data, actor):
    """Store a new claim and return its id."""
    with write_transaction(db):
        article = _article_for(db, data["article_id"])
        start, end = spans.locate(article["body"], data["text"], _given_span(data))
        # The article's own characters: the quote may differ from them in typography.
        data = {**data, "text": article["body"][start:end]}
        stamp = now()
        claim_id = (
            db["claims"]
            .insert(
                {
                    "article_id": article["id"],
                    "text": data["text"],
                    "text_normalised": wording.normalised(data["text"]),
                    "text_words": wording.indexed_words(data["text"]),
                    "claimant": data["claimant"],
                    "claimant_folded": folded(data["claimant"]),
                    "claim_date": data["claim_date"],
                    "span_start": start,
                    "span_end": end,
                    "language": data.get("language") or article["language"],
                    "status": workflow.INITIAL_STATE,
                    "created_at": stamp,
                    "updated_at": stamp,
                    **_origin(data),
                }
            )
            .last_pk
        )
        _write_tags(db, claim_id, data["tags"])
        audit.record(db, actor, "claim.created", "claim", claim_id, claim_id=claim_id, after=data)
    return claim_id


def require(db, claim_id, if_match=None):
    """The claim's row, or 404; 412 if If-Match tags were sent and none is current."""
    row = read_one(db, "SELECT * FROM claims WHERE id = ?", [claim_id])
    if row is None:
        raise NotFound(f"There is no claim {claim_id}.")
    check_if_match(row, if_match)
    return row


def require_research(claim, actor, work, verb):
    """The rule for research work on a claim (its verdict drafts and its sources): only while
    it is new or in research (409), and once assigned only by the assignee or an editor (403)."""
    if claim["status"] not in workflow.DRAFTING_STATES:
        # The way back is read from the declared moves, so it always names moves that exist.
        route = " -> ".join(workflow.route(claim["status"], workflow.DRAFTING_STATES))
        raise Conflict(
            f"The claim is {claim['status']}: {work} only while it is "
            f"{' or '.join(workflow.DRAFTING_STATES)} (move it {route} first)."
        )
    assigned = claim["assignee"]
    if assigned and assigned != actor.name and not actor.has_role("editor"):
        raise Forbidden(f"The claim is assigned to {assigned}; only they or an editor {verb}.")


def touch(db, claim_id, changes=None):
    """Mark the claim changed: a new version (for ETags) and updated_at, with the column
    values of changes set in the same statement (the code's own column names, never a
    caller's)."""
    changes = changes or {}
    columns = "".join(f"{name} = :{name}, " for name in changes)
    db.execute(
        f"UPDATE claims SET {columns}version = version + 1, updated_at = :_at WHERE id = :_id",
        {**changes, "_at": now(), "_id": claim_id},
    )


def check_if_match(claim, if_match):
    """412 unless the If-Match tags (None when not sent) name the claim's current version."""
    if if_match is None:
        return
    # Only the staff tag: the reader's changes only on publication, so a writer holding it
    # could overwrite every change made since.
    current = {visibility.etag(claim, staff=True), "*"}
    if not current & if_match:
        raise PreconditionFailed(
            "The claim has changed since you read it; fetch it again and retry.",
            headers={"ETag": visibility.etag(claim, staff=True)},
        )


def _require_editable(claim):
    if claim["published_verdict_id"] is not None:
        raise Conflict(
            "A published claim's quote and details are part of the public record: "
            "retract it and store the claim again, or correct the verdict."
        )
    if claim["status"] not in workflow.EDITABLE_STATES:
        raise Conflict(f"The claim is {claim['status']}; send it back to research to edit it.")


def _changed_columns(db, claim, changes):
    """The claim's columns a patch sets: the quote's span located again, the claimant folded."""
    row = {key: value for key, value in changes.items() if key != "tags"}
    if {"text", "span_start"} & changes.keys():
        body = _article_for(db, claim["article_id"])["body"]
        text = changes.get("text", claim["text"])
        row["span_start"], row["span_end"] = spans.locate(body, text, _given_span(changes))
        row["text"] = body[row["span_start"] : row["span_end"]]
        row["text_normalised"] = wording.normalised(row["text"])
        row["text_words"] = wording.indexed_words(row["text"])
    if "claimant" in row:
        row["claimant_folded"] = folded(row["claimant"])
    return row


def update(db, claim_id, changes, actor, if_match=None):
    """Apply a partial update; the quote and its span must still agree."""
    with write_transaction(db):
        claim = require(db, claim_id, if_match)
        if not changes:
            return  # an empty patch changes nothing, not even the version
        _require_editable(claim)
        row = _changed_columns(db, claim, changes)
        before = {key: claim[key] for key in row if key not in DERIVED_COLUMNS}
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
            after={**changes, **{key: row[key] for key in ("text",) if key in row}},
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
