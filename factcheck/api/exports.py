"""Claim exports: the list's filters over every matching claim, streamed as CSV or NDJSON."""

from flask import Response, current_app

from factcheck import exports
from factcheck.api.auth import is_staff
from factcheck.api.blueprint import Blueprint
from factcheck.db import connect
from factcheck.schemas.claims import ClaimSchema
from factcheck.schemas.exports import CSV_BODY, NDJSON_BODY, ClaimExportQuerySchema

blp = Blueprint(
    "exports",
    __name__,
    url_prefix="/api/v1",
    description="Every claim the list filters match, as a file: streamed, so any size fits.",
)

CSV_TYPE = "text/csv"
NDJSON_TYPE = "application/x-ndjson"
# The list items' shape, so an NDJSON line and a list item never differ.
ITEMS = ClaimSchema(many=True)


def _batches(query):
    """Batches of the matching claims as the caller may see them."""
    config = current_app.config
    own = connect(config["DATABASE"], config["BUSY_TIMEOUT"])  # see exports.claims
    return exports.claims(own, query, staff=is_staff(), batch=config["EXPORT_BATCH"])


@blp.route("/claims.csv", methods=["GET"])
@blp.arguments(ClaimExportQuerySchema, location="query")
@blp.response(200, CSV_BODY, content_type=CSV_TYPE, description="The claims, as CSV.")
def export_claims_csv(query):
    """Every claim the filters match (readers: the published ones), as a CSV file."""
    # The CSV's columns pick what they show from the claims (exports.columns): a dump
    # through ClaimSchema first would only double the time an export takes.
    chunks = exports.csv_chunks(_batches(query), staff=is_staff())
    return Response(
        chunks,
        content_type=f"{CSV_TYPE}; charset=utf-8; header=present",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )


@blp.route("/claims.ndjson", methods=["GET"])
@blp.arguments(ClaimExportQuerySchema, location="query")
@blp.response(200, NDJSON_BODY, content_type=NDJSON_TYPE, description="The claims, as NDJSON.")
def export_claims_ndjson(query):
    """Every claim the filters match (readers: the published ones), one JSON object a line."""
    chunks = exports.ndjson_chunks(ITEMS.dump(batch) for batch in _batches(query))
    return Response(chunks, mimetype=NDJSON_TYPE)
