"""The API's documentation: the conventions every operation in the OpenAPI document follows
(its operationId, who may call it, the errors and headers that come with that, an example
body), applied in one place to every operation, and the human-readable /docs page.

The conventions are written once here rather than on each view, so an endpoint added later
gets them too; tests/test_openapi.py checks that each one holds against the live service.
"""

import re
from http import HTTPStatus

from apispec import BasePlugin
from flask import Blueprint, current_app, render_template

bp = Blueprint("docs", __name__)

BEARER = "bearerAuth"
WRITES = {"post", "put", "patch", "delete"}
# Writes under these paths honour If-Match with the staff ETag of what they change.
IF_MATCH_PATHS = ("/api/v1/claims/{claim_id}", "/api/v1/articles/{article_id}")
# Answers carrying these schemas carry their ETag (articles: to staff only)...
ETAG_SCHEMAS = {
    "Claim",
    "ClaimCreated",
    "Article",
    "ArticleCreated",
    "ArticleDetail",
    "ClaimReview",
    "ClaimReviewFeed",
}
# ...and GETs of these honour If-None-Match (an article's tag does not cover its claims).
CONDITIONAL_GET_SCHEMAS = {"Claim", "ClaimReview", "ClaimReviewFeed"}

# One example per request body, by operationId (a test checks each validates).
EXAMPLES = {
    "createArticle": {
        "title": "Council approves the bridge budget",
        "body": "The mayor said the bridge cost $4 million. Critics disagreed.",
        "url": "https://news.example/bridge",
        "publisher": "The Example Times",
        "author": "Dana Whitfield",
        "published_at": "2024-05-01",
        "language": "en",
    },
    "createClaim": {
        "article_id": 1,
        "text": "the bridge cost $4 million",
        "claimant": "The mayor",
        "claim_date": "2024-04-30",
        "tags": ["budget"],
    },
    "updateArticle": {"title": "Council approves the bridge budget, 9-2"},
    "extractClaims": {"threshold": 0.5},
    "checkWorthiness": {
        "text": "Turnout fell to 48 percent, the lowest since 1990, the commission said. "
        "Will it recover?"
    },
    "updateClaim": {"claimant": "Mayor Ana Diaz", "tags": ["budget", "transport"]},
    "addSource": {
        "url": "https://council.example/minutes/2024-04",
        "title": "Council minutes, April 2024",
        "kind": "primary",
        "note": "The approved budget line for the bridge is $9.2 million.",
    },
    "addVerdict": {
        "rating": "false",
        "scale": "six-point",
        "explanation": "The council minutes put the cost at $9.2 million.",
        "source_ids": [1],
    },
    "moveClaim": {"to": "in_research", "assignee": "rita"},
    "checkSource": {},
    "createUser": {"name": "nora", "role": "reviewer"},
    "updateUser": {"display_name": "Nora Quill", "role": "editor"},
    "issueKey": {"user": "nora", "expires_in_days": 90},
    "createWebhook": {
        "url": "https://cms.example/factcheck-hook",
        "events": ["verdict.published", "verdict.corrected", "claim.retracted"],
    },
    "updateWebhook": {"active": True},
    "redeliver": {},
    "importClaimreview": {"url": "https://verify.example/factchecks/2026/nov/02/bridge-cost/"},
}

HEADERS = {
    "ETag": "The version of what the answer carries; send it back in If-Match or If-None-Match.",
    "Location": "The URL of the resource just created.",
    "Retry-After": "Seconds to wait before trying again.",
    "WWW-Authenticate": "How to authenticate: `Bearer` with an API key.",
}
CONDITIONS = {
    "If-Match": "Only if the current staff ETag is one of these (else 412, nothing changed).",
    "If-None-Match": "Answer 304 without a body if the ETag is one of these.",
}


def operation_id(endpoint):
    """The operationId of a view: its function name in camelCase (claims.list_claims:
    listClaims), so a client generator names its methods after what the view does."""
    first, *rest = endpoint.rpartition(".")[2].split("_")
    return first + "".join(word.capitalize() for word in rest)


def _add_shared_responses(responses, statuses):
    """Refer to the shared problem+json answer (api/problems.py) of each status the
    operation does not describe itself."""
    for status in statuses:
        if not any(str(code) == str(status) for code in responses):
            responses[status] = HTTPStatus(status).name


def _schema_names(response):
    if not isinstance(response, dict):
        return set()
    refs = [
        media.get("schema", {}).get("$ref", "") for media in response.get("content", {}).values()
    ]
    return {ref.rsplit("/", 1)[-1] for ref in refs if ref}


class Conventions(BasePlugin):
    """An apispec plugin that gives each operation what the conventions say it has."""

    def __init__(self, app):
        self.app = app

    def init_spec(self, spec):
        self.spec = spec
        spec.components.security_scheme(
            BEARER,
            {
                "type": "http",
                "scheme": "bearer",
                "description": "An API key (`fck_...`), from `factcheck create-user` or an admin.",
            },
        )
        for name, description in HEADERS.items():
            spec.components.header(
                name, {"description": description, "schema": {"type": "string"}}, lazy=True
            )
        for name, description in CONDITIONS.items():
            parameter = {"description": description, "schema": {"type": "string"}}
            spec.components.parameter(name, "header", parameter, lazy=True)

    def _public_reads(self, endpoint):
        blueprint = self.app.blueprints.get(endpoint.rpartition(".")[0])
        return getattr(blueprint, "public_reads", True)

    def _item_url(self, rule):
        """Whether a POST to this rule creates something with its own GET URL (Location)."""
        item = re.compile(re.escape(rule.rule) + r"/<[^/>]+>")
        return any(
            item.fullmatch(other.rule) and "GET" in other.methods
            for other in self.app.url_map.iter_rules()
        )

    def operation_helper(self, path=None, operations=None, rule=None, **kwargs):
        for method, operation in operations.items():
            operation.setdefault("operationId", operation_id(rule.endpoint))
            anyone = method not in WRITES and self._public_reads(rule.endpoint)
            self._security(operation, anyone=anyone, write=method in WRITES)
            if "{" in path:
                _add_shared_responses(operation["responses"], [404])  # no such id
            self._conditions(path, method, operation)
            if method == "post" and self._item_url(rule):
                self._location(operation)
            self._example(operation)

    @staticmethod
    def _location(operation):
        for status, response in operation["responses"].items():
            if str(status) == "201" and isinstance(response, dict):
                response.setdefault("headers", {})["Location"] = "Location"

    @staticmethod
    def _example(operation):
        example = EXAMPLES.get(operation["operationId"])
        if example is not None and "requestBody" in operation:
            for media in operation["requestBody"]["content"].values():
                # A body taking other media types too gives their examples itself.
                media.setdefault("example", example)

    @staticmethod
    def _security(operation, *, anyone, write):
        """Readers (no key) may call public reads; everything else needs a key. Any key that
        is wrong, revoked or expired is 401 wherever it is sent."""
        operation["security"] = [{}, {BEARER: []}] if anyone else [{BEARER: []}]
        wanted = [401]
        if not anyone:
            wanted.append(403)
        if write:
            wanted.append(503)  # the database stayed busy: retry after Retry-After
        if "requestBody" in operation:
            wanted += [400, 411, 413, 415]  # malformed, chunked, too large, not JSON
        _add_shared_responses(operation["responses"], wanted)

    @staticmethod
    def _conditions(path, method, operation):
        """If-Match on writes to claims and articles; ETag on their answers (and
        If-None-Match on claim reads)."""
        parameters = operation.setdefault("parameters", [])
        if method in WRITES and path.startswith(IF_MATCH_PATHS):
            parameters.append("If-Match")
            _add_shared_responses(operation["responses"], [412])
        tagged = [
            response
            for status, response in operation["responses"].items()
            if str(status).startswith("2") and _schema_names(response) & ETAG_SCHEMAS
        ]
        conditional = any(_schema_names(r) & CONDITIONAL_GET_SCHEMAS for r in tagged)
        if conditional and method == "get":
            parameters.append("If-None-Match")
            tagged += [r for s, r in operation["responses"].items() if str(s) == "304"]
        for response in tagged:
            response.setdefault("headers", {})["ETag"] = "ETag"
        if not parameters:
            del operation["parameters"]


def init_app(app, api):
    """Serve the reference for this flask-smorest Api."""
    # Kept on the app, so each app renders its own Api's document.
    app.extensions["factcheck.docs"] = api
    app.register_blueprint(bp)


def _schema_name(reference):
    return reference.rsplit("/", 1)[-1] if reference else ""


@bp.get("/docs")
def api_docs():
    """Every endpoint with its parameters, request body and responses; no JavaScript needed."""
    spec = current_app.extensions["factcheck.docs"].spec.to_dict()

    def deref(obj):
        """A component the document refers to ({"$ref": "#/components/kind/name"})."""
        if "$ref" not in obj:
            return obj
        _, _, kind, name = obj["$ref"].split("/")
        return spec["components"][kind][name]

    return render_template("docs.html", spec=spec, schema_name=_schema_name, deref=deref)
