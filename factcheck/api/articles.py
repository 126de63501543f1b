"""Article endpoints: store, find by address, read with a page of claims, edit, delete."""

from flask import current_app, url_for

from factcheck import articles, claim_reads, ingest
from factcheck.api.auth import current_identity, is_staff
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.api.etags import if_match
from factcheck.schemas.articles import (
    ArticleCreatedSchema,
    ArticleCreateSchema,
    ArticleDetailSchema,
    ArticleListSchema,
    ArticleQuerySchema,
    ArticleUpdateSchema,
)
from factcheck.schemas.extraction import ExtractQuerySchema

blp = Blueprint(
    "articles",
    __name__,
    url_prefix="/api/v1/articles",
    description="News articles that claims quote.",
)


def article_response(article, status=200, *, located=False):
    """An article answer: the link to the rest of its claims, its Location if asked, and for
    staff its ETag (the version of its own fields, for If-Match; readers cannot write, so
    they get none)."""
    cursor = article.get("claims_next")
    if cursor is not None:
        article["claims_next"] = url_for(
            "claims.list_claims",
            article_id=article["id"],
            sort=claim_reads.POSITION,
            cursor=cursor,
        )
    headers = {}
    if located:
        headers["Location"] = url_for("articles.get_article", article_id=article["id"])
    if is_staff():
        headers["ETag"] = articles.etag(article)
    return article, status, headers


@blp.route("", methods=["POST"])
@blp.arguments(ArticleCreateSchema)
@blp.arguments(ExtractQuerySchema, location="query")
@blp.response(201, ArticleCreatedSchema)
@blp.alt_response(200, schema=ArticleCreatedSchema, description="The same text is stored already.")
@blp.problem(409, "Another text is stored at this address: `article_id` names it.")
@blp.problem(
    422,
    "Invalid fields, or the page at `url` may not be fetched or could not be used "
    "(`cause`: refused, timeout, unreachable, http-error, not-html, too-large, no-main-text); "
    "nothing was stored.",
)
def create_article(data, query):
    """Store a news article, its text kept exactly (or, given only `url`, fetched from its
    page); never a second copy of an address. ?extract=true also proposes its claims."""
    article_id, created, found = ingest.store(
        get_db(),
        data,
        current_identity(),
        **ingest.options(current_app.config, extract=query["extract"]),
    )
    article = {**articles.get(get_db(), article_id, staff=True), "extraction": found}
    return article_response(article, 201 if created else 200, located=True)


@blp.route("", methods=["GET"])
@blp.arguments(ArticleQuerySchema, location="query")
@blp.response(200, ArticleListSchema)
@blp.problem(400, "The cursor was altered, cut short or is for another query.")
def list_articles(query):
    """List articles, newest first, without their bodies (readers: those with a published
    fact-check); `url` finds the one at an address."""
    items, next_cursor = articles.newest_first(get_db(), query, staff=is_staff())
    return {"items": items, "next": next_cursor}


@blp.route("/<id:article_id>", methods=["GET"])
@blp.no_query()
@blp.response(200, ArticleDetailSchema)
@blp.problem(404, "No such article.")
def get_article(article_id):
    """One article with the first page of the claims quoted from it, in reading order."""
    return article_response(articles.get(get_db(), article_id, staff=is_staff()))


@blp.route("/<id:article_id>", methods=["PATCH"])
@blp.arguments(ArticleUpdateSchema)
@blp.response(200, ArticleDetailSchema)
@blp.problem(404, "No such article.")
@blp.problem(409, "The body is quoted by claims, or another article has the address.")
@blp.problem(412, "If-Match names an older version.")
def update_article(changes, article_id):
    """Edit an article's fields; the body only while no claim quotes it."""
    articles.update(get_db(), article_id, changes, current_identity(), if_match())
    return article_response(articles.get(get_db(), article_id, staff=True))


@blp.route("/<id:article_id>", methods=["DELETE"])
@blp.response(204)
@blp.problem(404, "No such article.")
@blp.problem(409, "Claims quote the article.")
@blp.problem(412, "If-Match names an older version.")
def delete_article(article_id):
    """Delete an article that no claim quotes."""
    articles.delete(get_db(), article_id, current_identity(), if_match())
