"""Articles: the stored news text that claims quote, kept exactly as published."""

from factcheck import audit, claim_reads, visibility
from factcheck.db import write_transaction
from factcheck.errors import NotFound
from factcheck.pagination import id_page
from factcheck.timeutil import now

ARTICLE_COLUMNS = "id, title, body, url, publisher, published_at, language, created_at, updated_at"
ARTICLE_FIELDS = ("title", "body", "url", "publisher", "published_at", "language")


def create(db, data, actor):
    """Store an article and return its id."""
    stamp = now()
    row = {name: data[name] for name in ARTICLE_FIELDS}
    with write_transaction(db):
        article_id = (
            db["articles"].insert({**row, "created_at": stamp, "updated_at": stamp}).last_pk
        )
        audit.record(db, actor, "article.created", "article", article_id, after=row)
    return article_id


def find_identical(db, data):
    """The id of an article with the same title and body, or None."""
    row = next(
        db.query(
            "SELECT id FROM articles WHERE title = ? AND body = ?", [data["title"], data["body"]]
        ),
        None,
    )
    return row and row["id"]


def get(db, article_id, *, staff):
    """The article with the claims this audience may see, or 404."""
    where = visibility.restrict(["a.id = ?"], visibility.ARTICLE, staff=staff)
    article = next(
        db.query(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {where}", [article_id]), None
    )
    if article is None:
        raise NotFound(f"There is no article {article_id}.")
    article["claims"] = claim_reads.for_article(db, article_id, staff=staff)
    return article


def newest_first(db, query, *, staff):
    """One page of articles, newest first, and the next cursor."""
    select = f"SELECT {ARTICLE_COLUMNS} FROM articles a"
    where = visibility.where(visibility.ARTICLE, staff=staff)
    return id_page(db, select, "a.id", query, where=where, newest_first=True)
