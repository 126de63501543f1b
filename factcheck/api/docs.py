"""A human-readable API reference, rendered from the same OpenAPI document as /openapi.json."""

from flask import Blueprint, current_app, render_template

from factcheck.errors import PROBLEM_TYPES, NotFound

bp = Blueprint("docs", __name__)


def init_app(app, api):
    """Serve the reference for this flask-smorest Api, and what each problem type means."""
    # Kept on the app, so each app renders its own Api's document.
    app.extensions["factcheck.docs"] = api
    app.register_blueprint(bp)


def _schema_name(reference):
    return reference.rsplit("/", 1)[-1] if reference else ""


@bp.get("/docs")
def api_docs():
    """Every endpoint with its parameters, request body and responses; no JavaScript needed."""
    spec = current_app.extensions["factcheck.docs"].spec.to_dict()
    return render_template("docs.html", spec=spec, schema_name=_schema_name)


@bp.get("/problems/<slug>")
def problem_type(slug):
    """What a problem+json `type` means."""
    if slug not in PROBLEM_TYPES:
        raise NotFound(f"There is no problem type {slug!r}.")
    return {"type": f"/problems/{slug}", "description": PROBLEM_TYPES[slug]}
