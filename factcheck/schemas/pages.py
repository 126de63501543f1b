"""The reader pages' query parameters (the HTML site, not the JSON API)."""

from factcheck.schemas.base import BaseSchema, described
from factcheck.schemas.fields import Text


class FrontPageQuerySchema(BaseSchema):
    q = Text(min_length=1, max_length=500, **described("A claim in any wording: the search."))
    cursor = Text(max_length=500, **described("The next page, from the page before."))
