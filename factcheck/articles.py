"""Articles: the stored news text that claims quote, kept exactly as published; found by
id or by address, edited while nothing depends on what changes."""

from factcheck import audit, claim_reads, visibility
from factcheck.db import write_transaction
from factcheck.errors import ArticleExists, Conflict, NotFound, PreconditionFailed
from factcheck.pagination import id_page
from factcheck.timeutil import now
from factcheck.urls import url_key

# Lists never carry bodies: a page of 100 articles could otherwise be 50 MB.
SUMMARY_COLUMNS = (
    "a.id, a.title, a.url, a.publisher, a.author, a.published_at, a.language, a.created_at, "
    "a.updated_at"
)
DEFAULT_LANGUAGE = "en"
ARTICLE_FIELDS = ("title", "body", "url", "publisher", "author", "published_at", "language")
# How many of its claims an article answer embeds; claims_next pages through the rest.
CLAIMS_PAGE = 20


def _key(url):
    return None if url is None else url_key(url)


def _at_address(db, key, *, other_than=None):
    """The article stored under this normalised address (not other_than), or None."""
    if key is None:
        return None
    return next(
        db.query(
            "SELECT id, body FROM articles WHERE url_key = ? AND id IS NOT ?", [key, other_than]
        ),
        None,
    )


def create(db, data, actor):
    """Store an article: (its id, True). If one is stored at the same address: (that id,
    False) when the body is the same (a retry), else 409 naming it. Never a second copy."""
    row = {name: data.get(name) for name in ARTICLE_FIELDS}
    row["language"] = row["language"] or DEFAULT_LANGUAGE
    key = _key(row["url"])
    with write_transaction(db):
        existing = _at_address(db, key)
        if existing is not None:
            if existing["body"] != row["body"]:
                raise ArticleExists(existing["id"])
            return existing["id"], False
        stamp = now()
        article_id = (
            db["articles"]
            .insert({**row, "url_key": key, "created_at": stamp, "updated_at": stamp})
            .last_pk
        )
        audit.record(db, actor, "article.created", "article", article_id, after=row)
    return article_id, True


def find_identical(db, data):
    """The id of an article with the same title and body, or None."""
    row = next(
        db.query(
            "SELECT id FROM articles WHERE title = ? AND body = ?", [data["title"], data["body"]]
        ),
        None,
    )
    return row and row["id"]


def etag(article):
    """The entity tag of an article's own fields (not of the claims quoting it)."""
    return f'"article-{article["id"]}-v{article["version"]}"'


def require(db, article_id, if_match=None):
    """The article's row, or 404; 412 if If-Match tags were sent and none is current."""
    row = next(db.query("SELECT * FROM articles WHERE id = ?", [article_id]), None)
    if row is None:
        raise NotFound(f"There is no article {article_id}.")
    if if_match is not None and not {etag(row), "*"} & if_match:
        raise PreconditionFailed(
            "The article has changed since you read it; fetch it again and retry.",
            headers={"ETag": etag(row)},
        )
    return row


def get(db, article_id, *, staff):
    """The article with the first page of the claims this audience may see, in reading
    order, and the cursor of the next page (claims_next), or 404."""
    where = visibility.restrict(["a.id = ?"], visibility.ARTICLE, staff=staff)
    article = next(
        db.query(
            f"SELECT {SUMMARY_COLUMNS}, a.body, a.version FROM articles a WHERE {where}",
            [article_id],
        ),
        None,
    )
    if article is None:
        raise NotFound(f"There is no article {article_id}.")
    page = {"article_id": article_id, "sort": claim_reads.POSITION, "limit": CLAIMS_PAGE}
    article["claims"], article["claims_next"] = claim_reads.search(db, page, staff=staff)
    return article


def newest_first(db, query, *, staff):
    """One page of articles (without their bodies), newest first, and the next cursor;
    `url` narrows it to the article at that address."""
    where = visibility.where(visibility.ARTICLE, staff=staff)
    params = {}
    if query.get("url") is not None:
        where.append("a.url_key = :url_key")
        params["url_key"] = url_key(query["url"])
    select = f"SELECT {SUMMARY_COLUMNS} FROM articles a"
    return id_page(db, select, "a.id", query, where=where, params=params, newest_first=True)


def _claim_count(db, article_id):
    sql = "SELECT count(*) FROM claims WHERE article_id = ?"
    return db.execute(sql, [article_id]).fetchone()[0]


def _check_changes(db, article, changes):
    """The body only while no claim quotes it (their spans index into it); the address
    only if no other article has it."""
    if "body" in changes and changes["body"] != article["body"]:
        quoted = _claim_count(db, article["id"])
        if quoted:
            raise Conflict(
                f"{quoted} claims quote this article and their spans index into its body: "
                "the body can change only while no claim quotes it."
            )
    if "url" in changes:
        existing = _at_address(db, _key(changes["url"]), other_than=article["id"])
        if existing is not None:
            raise ArticleExists(existing["id"])


def update(db, article_id, changes, actor, if_match=None):
    """Apply a partial update of the article's fields."""
    with write_transaction(db):
        article = require(db, article_id, if_match)
        if not changes:
            return  # an empty patch changes nothing, not even the version
        _check_changes(db, article, changes)
        row = {**changes, "version": article["version"] + 1, "updated_at": now()}
        if "url" in changes:
            row["url_key"] = _key(changes["url"])
        db["articles"].update(article_id, row)
        before = {name: article[name] for name in changes}
        audit.record(
            db, actor, "article.updated", "article", article_id, before=before, after=changes
        )


def delete(db, article_id, actor, if_match=None):
    """Delete an article that no claim quotes."""
    with write_transaction(db):
        article = require(db, article_id, if_match)
        quoted = _claim_count(db, article_id)
        if quoted:
            raise Conflict(
                f"{quoted} claims quote this article: delete them first (a published one is "
                "part of the public record and stays)."
            )
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        before = {name: article[name] for name in ARTICLE_FIELDS}
        audit.record(db, actor, "article.deleted", "article", article_id, before=before)
