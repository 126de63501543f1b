"""Webhook subscriptions and their delivery log: admins only."""

from flask import current_app, url_for

from factcheck import webhooks
from factcheck.api.auth import require_role
from factcheck.api.blueprint import Blueprint
from factcheck.api.database import get_db
from factcheck.outbound import OutboundConfig
from factcheck.schemas.base import PageQuerySchema
from factcheck.schemas.webhooks import (
    DeliveryListSchema,
    DeliverySchema,
    RedeliverSchema,
    WebhookCreateSchema,
    WebhookListSchema,
    WebhookSchema,
    WebhookUpdateSchema,
)

blp = Blueprint(
    "webhooks",
    __name__,
    url_prefix="/api/v1/webhooks",
    description="Webhook subscriptions and their deliveries (admin).",
    public_reads=False,
)


@blp.before_request
def admins_only():
    require_role("admin")


@blp.route("", methods=["POST"])
@blp.arguments(WebhookCreateSchema)
@blp.response(201, WebhookSchema)
def create_webhook(data):
    """Subscribe a URL to events; a generated secret is in this answer only."""
    config = OutboundConfig.from_app(current_app.config)
    webhook = webhooks.create(get_db(), data, require_role("admin"), config)
    return webhook, 201, {"Location": url_for("webhooks.get_webhook", webhook_id=webhook["id"])}


@blp.route("", methods=["GET"])
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, WebhookListSchema)
def list_webhooks(query):
    """Subscriptions, oldest first, a page at a time (without secrets)."""
    items, next_cursor = webhooks.list_webhooks(get_db(), query)
    return {"items": items, "next": next_cursor}


@blp.route("/<id:webhook_id>", methods=["GET"])
@blp.no_query()
@blp.response(200, WebhookSchema)
@blp.problem(404, "No such webhook.")
def get_webhook(webhook_id):
    """One subscription: its events, whether active, and why not."""
    return webhooks.require(get_db(), webhook_id)


@blp.route("/<id:webhook_id>", methods=["PATCH"])
@blp.arguments(WebhookUpdateSchema)
@blp.response(200, WebhookSchema)
@blp.problem(404, "No such webhook.")
def update_webhook(changes, webhook_id):
    """Pause a subscription, or enable it again after it was disabled."""
    return webhooks.set_active(get_db(), webhook_id, changes["active"], require_role("admin"))


@blp.route("/<id:webhook_id>", methods=["DELETE"])
@blp.response(204)
@blp.problem(404, "No such webhook.")
def delete_webhook(webhook_id):
    """Unsubscribe; its delivery log goes with it."""
    webhooks.delete(get_db(), webhook_id, require_role("admin"))


@blp.route("/<id:webhook_id>/deliveries", methods=["GET"])
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, DeliveryListSchema)
@blp.problem(404, "No such webhook.")
def list_deliveries(query, webhook_id):
    """Its deliveries, newest first, each with every attempt (time, status, error, duration)."""
    items, next_cursor = webhooks.deliveries(get_db(), webhook_id, query)
    return {"items": items, "next": next_cursor}


@blp.route("/<id:webhook_id>/deliveries/<id:delivery_id>/redeliver", methods=["POST"])
@blp.arguments(RedeliverSchema)
@blp.response(202, DeliverySchema)
@blp.problem(404, "No such webhook or delivery.")
@blp.problem(409, "The webhook is disabled.")
def redeliver(_body, webhook_id, delivery_id):
    """Send a delivery's event again (body: {}): a new delivery, due now."""
    return webhooks.redeliver(get_db(), webhook_id, delivery_id, require_role("admin"))
