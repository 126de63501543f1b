"""Property-based: inputs generated from the OpenAPI document never make a server error,
and every answer matches what the document says (content type, body schema)."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from factcheck import create_app
from tests.conftest import NO_LIMITS

CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]
# Examples per operation; raise it for a deeper run: FUZZ_EXAMPLES=500 make test
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
# The document is read from the app once, at collection; each test points the same app at
# its own copy of the seeded database.
APP = create_app({"DATABASE": "/nonexistent/collection-only.db", "TESTING": True, **NO_LIMITS})
schema = schemathesis.openapi.from_wsgi("/openapi.json", APP)


@pytest.fixture
def fuzzed_app(seeded, keys):
    APP.config["DATABASE"] = seeded.config["DATABASE"]
    return keys


@schema.parametrize()
@FUZZ
def test_generated_requests_as_admin(case, fuzzed_app):
    case.call_and_validate(headers={"Authorization": f"Bearer {fuzzed_app['ada']}"}, checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_generated_requests_as_a_reader(case, fuzzed_app):
    case.call_and_validate(checks=CHECKS)
