"""A human-readable API reference, rendered from the same OpenAPI document as /openapi.json."""

from flask import Blueprint, current_app, render_template

bp = Blueprint("docs", __name__)


def _schema_name(reference):
    return reference.rsplit("/", 1)[-1] if reference else ""


@bp.get("/docs")
def api_docs():
    """Every endpoint with its parameters, request body and responses; no JavaScript needed."""
    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    return render_template("docs.html", spec=spec, schema_name=_schema_name)
