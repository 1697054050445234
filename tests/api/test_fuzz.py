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


#: Values a schema admits that broke the server before (issue 15): dates at the ends of the calendar,
#: a folder of the zone database, a month of year 0.
EXTREME = {"date": ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01", "2024-05-01"],
           "tz": ["Europe", "America/", "Etc/GMT+14", "../../etc/passwd", "UTC", "Europe/Kyiv"],
           "period": ["0000-01", "9999-12", "2024-03"]}
DATE_PARAMS = {"from", "to", "at", "date", "start", "end"}


def test_dated_operations_with_extreme_dates_and_zones(api_schema):

    dated = [op for op in (r.ok() for r in api_schema.get_all_operations())
             if op.method.upper() == "GET" and any(p.name in DATE_PARAMS | {"tz", "period"} for p in op.query)]
    assert {op.path for op in dated} >= {"/events", "/territory/changes", "/territory/series", "/territory/record",
                                         "/territory/snapshot"}
    for operation in dated:
        _extreme_runner(operation, tuple(p.name for p in operation.query))()


def _extreme_runner(operation, names: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """A hypothesis test of ``operation`` whose date, zone and period parameters are often set to EXTREME."""
    from hypothesis import strategies as st

    @given(case=operation.as_strategy(), data=st.data())
    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case, data) -> None:  # type: ignore[no-untyped-def]
        case.query = dict(case.query or {})
        for name in names:
            pool = EXTREME["date"] if name in DATE_PARAMS else EXTREME.get(name)
            if pool and data.draw(st.booleans()):
                case.query[name] = data.draw(st.sampled_from(pool))
        _check(case)

    return run
