"""Article endpoints."""

from flask import url_for

from factcheck import articles
from factcheck.api.auth import current_identity, is_staff
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.schemas.articles import (
    ArticleCreateSchema,
    ArticleDetailSchema,
    ArticleListSchema,
    ArticleQuerySchema,
    ArticleSchema,
)

blp = Blueprint(
    "articles",
    __name__,
    url_prefix="/api/v1/articles",
    description="News articles that claims quote.",
)


@blp.route("", methods=["POST"])
@blp.arguments(ArticleCreateSchema)
@blp.response(201, ArticleSchema)
def create_article(data):
    """Store a news article, its text kept exactly."""
    article_id = articles.create(get_db(), data, current_identity())
    article = articles.get(get_db(), article_id, staff=is_staff())
    return article, {"Location": url_for("articles.get_article", article_id=article_id)}


@blp.route("", methods=["GET"])
@blp.arguments(ArticleQuerySchema, location="query")
@blp.response(200, ArticleListSchema)
@blp.problem(400, "The cursor was altered, cut short or is for another query.")
def list_articles(query):
    """List articles, newest first (readers: those with a published fact-check)."""
    items, next_cursor = articles.newest_first(get_db(), query, staff=is_staff())
    return {"items": items, "next": next_cursor}


@blp.route("/<id:article_id>", methods=["GET"])
@blp.no_query()
@blp.response(200, ArticleDetailSchema)
@blp.problem(404, "No such article.")
def get_article(article_id):
    """One article with the claims quoted from it, in reading order."""
    return articles.get(get_db(), article_id, staff=is_staff())
