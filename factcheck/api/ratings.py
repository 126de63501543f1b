"""Rating scale endpoints."""

from flask import current_app

from factcheck import ratings
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.schemas.ratings import RatingScaleListSchema

blp = Blueprint(
    "ratings",
    __name__,
    url_prefix="/api/v1/rating-scales",
    description="Scales verdicts rate claims on.",
)


@blp.route("", methods=["GET"])
@blp.no_query()
@blp.response(200, RatingScaleListSchema)
def list_rating_scales():
    """Every rating scale and its labels, truest first."""
    scales = ratings.list_scales(get_db(), current_app.config["DEFAULT_SCALE"])
    return {"items": scales, "next": None}
