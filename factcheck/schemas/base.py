"""The schema base class and the pieces every resource shares (lists, paging, problems)."""

from marshmallow import RAISE, Schema, fields, validate

from factcheck.schemas.fields import Text


class BaseSchema(Schema):
    class Meta:
        unknown = RAISE


def described(description, **kwargs):
    """Field keyword arguments with the description the OpenAPI document shows."""
    return {"metadata": {"description": description}, **kwargs}


class NoQuerySchema(BaseSchema):
    """An operation that takes no query parameters: any one sent is unknown (422)."""


class PageQuerySchema(BaseSchema):
    limit = fields.Integer(
        strict=False,
        load_default=20,
        validate=validate.Range(min=1, max=100),
        **described("How many items to return (1 to 100; default 20)."),
    )
    cursor = Text(max_length=500, **described("The `next` value of the previous page."))


def list_schema(item_schema, name):
    """A `{"items": [...], "next": cursor}` envelope around item_schema."""
    return type(
        name,
        (BaseSchema,),
        {
            "items": fields.List(fields.Nested(item_schema), **described("This page's items.")),
            "next": fields.String(
                allow_none=True,
                **described("Cursor for the next page, or null on the last page."),
            ),
        },
    )


class ProblemSchema(BaseSchema):
    type = fields.String(**described("A URI naming the kind of problem."))
    title = fields.String(**described("Short summary of the kind of problem."))
    status = fields.Integer(**described("The HTTP status code."))
    detail = fields.String(**described("What went wrong with this request."))
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        **described("Messages per field (dotted path), for invalid input."),
    )
    status_now = fields.String(**described("For a refused status move: the claim's status."))
    allowed_moves = fields.List(
        fields.String(), **described("For a refused status move: where this caller may move it.")
    )
    precondition = fields.String(**described("For an unmet precondition of a move: its name."))
    article_id = fields.Integer(
        **described("For an article stored at the same address already: its id.")
    )
    article = fields.String(**described("For an article stored at the same address: its link."))
    cause = fields.String(
        **described(
            "For an article address that could not be used: why (refused, timeout, unreachable, "
            "http-error, not-html, too-large, no-main-text)."
        )
    )
    url = fields.String(**described("For an article address that could not be used: it."))
    upstream_status = fields.Integer(
        **described("For an article page that answered an HTTP error: its status.")
    )


class ProblemTypeSchema(BaseSchema):
    type = fields.String(**described("The `type` an error answer carries."))
    title = fields.String(**described("Its usual title."))
    status = fields.Integer(
        allow_none=True, **described("The HTTP status it comes with (null: any other error).")
    )
    description = fields.String(**described("What it means and what to do about it."))


ProblemTypeListSchema = list_schema(ProblemTypeSchema, "ProblemTypeListSchema")


class HealthSchema(BaseSchema):
    status = fields.String(**described("`ok` when the service can answer."))
    database = fields.String(**described("`ok` when the database answers and is migrated."))
