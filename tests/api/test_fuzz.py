"""Fuzz the API from its own OpenAPI document (schemathesis): no 5xx, every answer as documented.

Bounded: a few examples per operation and no deadline, so it stays within seconds on 2 cores. The
operations are driven through hypothesis directly (schemathesis's pytest plugin does not run on
this pytest version).
"""

from __future__ import annotations

import importlib.util

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance


@pytest.fixture(scope="module")
def api_schema(client):
    return schemathesis.openapi.from_asgi("/openapi.json", client.app)


def _check(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text)
    if response.status_code >= 400:
        body = response.json()
        assert {"error", "message", "status"} <= set(body) and body["status"] == response.status_code
    # Schema-valid requests may still be refused with a 400 for what a schema cannot say (an inverted date
    # range, a box outside the world), so the check that they are accepted is left out; the rest all run.
    case.validate_response(response, excluded_checks=[positive_data_acceptance])


#: Operations served by another area's library, fuzzed once that library is in the package.
NEEDS = {"/territory/record": "frontwatch.territory.records", "/claims": "frontwatch.claims.check"}


def test_every_operation_answers_as_documented(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        needed = NEEDS.get(operation.path)
        if needed and importlib.util.find_spec(needed) is None:
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case) -> None:  # type: ignore[no-untyped-def]
            _check(case)

        run()
