"""schemathesis against /openapi.json: generated requests to every operation get no 5xx, and every
answer matches the documented status codes, content types and schemas."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from thucydides.api import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 40


@pytest.fixture(scope="module")
def operations(desk_db):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(desk_db))
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_covered(operations):
    assert {op.label for op in operations} >= {"GET /api/events", "GET /api/events/{event_id}", "GET /api/entities",
                                               "GET /api/entities/{entity_id}", "GET /api/documents",
                                               "GET /api/documents/{document_id}", "GET /api/search",
                                               "GET /api/export", "POST /api/reports", "GET /api/config"}


def test_no_server_errors_and_no_schema_violations(operations):
    """Each operation in turn (schemathesis' pytest plugin does not run on pytest 9: its own loop here)."""
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate(checks=CHECKS)

        check()
