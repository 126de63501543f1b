"""Export schemas: the claim list's filters and sort, without paging (an export is the whole
result), and how its two formats are documented."""

from factcheck.schemas.base import BaseSchema
from factcheck.schemas.claims import ClaimQuerySchema


class ClaimExportQuerySchema(ClaimQuerySchema):
    """Every filter of GET /claims, and its sort; limit and cursor are unknown (422)."""

    class Meta(BaseSchema.Meta):
        exclude = ("limit", "cursor")


CSV_BODY = {
    "type": "string",
    "description": (
        "UTF-8 with a byte order mark, a header row and CRLF line ends; one row per claim. "
        "Tags and source ids are joined with '; '; a nested verdict becomes verdict_* "
        "columns (staff also get draft_* and assignee). A text cell starting with =, +, -, "
        "@, a tab or a line break is prefixed with ' so that no spreadsheet runs it."
    ),
}
NDJSON_BODY = {
    "type": "string",
    "description": (
        "One claim per line, as a JSON object shaped like an item of GET /api/v1/claims "
        "(UTF-8, each line ending in \\n)."
    ),
}
