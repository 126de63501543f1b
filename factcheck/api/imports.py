"""POST /api/v1/imports/claimreview: fact-checks published elsewhere, brought in (editors)."""

import json

import requests
from flask import current_app, request

from factcheck import claimreview_import
from factcheck.api.auth import require_role
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.errors import Invalid, Problem, UnsupportedMediaType
from factcheck.outbound import OutboundConfig
from factcheck.schemas.imports import ImportResultSchema, ImportUrlSchema

blp = Blueprint(
    "imports",
    __name__,
    url_prefix="/api/v1/imports",
    description="Import fact-checks published elsewhere as ClaimReview (editor).",
    public_reads=False,
)

# This endpoint takes HTML too: the app-wide JSON-only check (api/__init__.py) leaves it be.
OWN_BODY_TYPES = {"imports.import_claimreview"}
JSON_LD = "JSON-LD: a ClaimReview, a list, an @graph or a schema.org DataFeed."
EXAMPLE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://verify.example/factchecks/2026/nov/02/bridge-cost/",
    "claimReviewed": "The bridge cost $4 million.",
    "datePublished": "2026-11-02",
    "author": {"@type": "Organization", "name": "Example Verify", "url": "https://verify.example/"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "The mayor"}},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 6,
        "alternateName": "False",
    },
}
REQUEST_BODY = {
    "required": True,
    "description": (
        "ClaimReview as JSON-LD (application/json or application/ld+json), an HTML page "
        'carrying it (text/html: JSON-LD blocks or microdata), or `{"url": ...}` of such a '
        "page or document, fetched through the outbound guard."
    ),
    "content": {
        "application/json": {
            "schema": {
                "anyOf": [
                    ImportUrlSchema,
                    {"type": "object", "description": JSON_LD},
                    {"type": "array", "description": JSON_LD},
                ]
            },
        },
        "application/ld+json": {"schema": {"description": JSON_LD}, "example": EXAMPLE},
        "text/html": {
            "schema": {"type": "string", "description": "An HTML page."},
            "example": (
                '<html><head><script type="application/ld+json">'
                f"{json.dumps(EXAMPLE)}</script></head><body>...</body></html>"
            ),
        },
    },
}


@blp.before_request
def editors_only():
    require_role("editor")


def _sent():
    """(kind, value): ("url", url), ("json", document) or ("html", text); 415 otherwise."""
    kind = request.mimetype
    if kind in claimreview_import.HTML_TYPES:
        return "html", request.get_data(as_text=True)
    if not request.is_json:
        raise UnsupportedMediaType(
            "Send JSON-LD (application/json or application/ld+json) or text/html."
        )
    try:
        document = json.loads(request.get_data())
    except (ValueError, RecursionError) as error:
        raise Problem(f"The body is not valid JSON: {error}") from error
    if isinstance(document, dict) and document and set(document) <= {"url"}:
        errors = ImportUrlSchema().validate(document)
        if errors:
            raise Invalid("The URL is invalid.", errors)
        return "url", document["url"]
    return "json", document


@blp.route("/claimreview", methods=["POST"])
@blp.doc(requestBody=REQUEST_BODY)
@blp.response(200, ImportResultSchema)
@blp.problem(415, "Neither JSON(-LD) nor HTML.")
@blp.problem(422, "No ClaimReview found, or a URL that is refused or cannot be fetched.")
def import_claimreview():
    """Store each ClaimReview sent as an external review of its claim; answer per item."""
    outbound_config = OutboundConfig.from_app(current_app.config)
    with requests.Session() as session:
        return claimreview_import.run_sent(
            get_db(),
            *_sent(),
            require_role("editor"),
            session=session,
            outbound_config=outbound_config,
        )
