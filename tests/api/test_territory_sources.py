"""``source=all`` on ``/territory/...``: every source side by side, with the snapshots used and their gap in days.

The store is the sample (DeepState maps of Sundays 20:00 UTC) plus a weekly ``isw`` source of Wednesdays, so
an ISW figure for Sunday to Sunday is of the maps four days earlier, and says so.
"""

from __future__ import annotations

import warnings

import pytest
from shapely.geometry import box

from frontwatch.api import create_app
from frontwatch.config import Settings
from frontwatch.geodesy import area_km2

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the TestClient's httpx2 warning (see conftest)
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def two_sources(backend, new_target, sample_module) -> str:
    return str(sample_module.add_weekly_source(sample_module.fill(new_target(backend))))


@pytest.fixture(scope="module")
def both(two_sources):
    with TestClient(create_app(two_sources, settings=Settings.load(environ={}))) as c:
        yield c


def _isw_strip(sample, west_week: int, east_week: int) -> float:
    return area_km2(box(sample.front_lon(west_week) - 0.01, 47.8, sample.front_lon(east_week) - 0.01, 49.2))


def test_change_of_every_source_with_the_states_used(both, sample_module):
    response = both.get("/territory/changes", params={"from": "2024-04-14", "to": "2024-04-28", "source": "all"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from"], body["to"], body["failed"]) == ("2024-04-14", "2024-04-28", [])
    rows = {r["source"]: r for r in body["sources"]}
    assert set(rows) == {"deepstate", "isw"}
    isw = rows["isw"]
    # the weekly source's states at 14 and 28 April are its maps of Wednesday 10 and 24 April
    assert (isw["from"]["snapshot_date"], isw["from"]["gap_days"]) == ("2024-04-10", 4)
    assert (isw["to"]["snapshot_date"], isw["to"]["gap_days"]) == ("2024-04-24", 4)
    assert isw["from"]["snapshot_time"] == "2024-04-10T00:00:00Z"
    assert (isw["cadence"], isw["cadence_days"]) == ("weekly", 7.0)
    assert isw["gained_km2"] == pytest.approx(_isw_strip(sample_module, 3, 1), rel=1e-3)
    assert "10 April" not in isw["note"] and "2024-04-10 (4 d earlier)" in isw["note"]
    ds = rows["deepstate"]
    assert (ds["from"]["gap_days"], ds["to"]["gap_days"], ds["note"]) == (0, 0, None)
    single = both.get("/territory/changes",
                      params={"from": "2024-04-14", "to": "2024-04-28", "source": "deepstate"}).json()
    assert ds["net_km2"] == single["net_km2"] and ds["gained_km2"] == single["gained_km2"]


def test_single_source_answer_keeps_its_shape(both):
    body = both.get("/territory/changes", params={"from": "2024-04-14", "to": "2024-04-28", "source": "isw"}).json()
    assert body["source"] == "isw" and "sources" not in body
    assert body["from"] == {"date": "2024-04-14", "snapshot_time": "2024-04-10T00:00:00Z"}


def test_series_of_every_source_gives_no_figure_where_a_weekly_map_has_no_new_state(both):
    params = {"freq": "day", "from": "2024-04-15", "to": "2024-04-21", "source": "all"}
    response = both.get("/territory/series", params=params)
    assert response.status_code == 200, response.text
    rows = response.json()
    isw = [r for r in rows if r["source"] == "isw"]
    ds = [r for r in rows if r["source"] == "deepstate"]
    assert len(isw) == len(ds) == 7
    # ISW's only new map in that week is Wednesday 17 April; DeepState's is Sunday 21 April
    assert [r["end"] for r in isw if r["net_km2"] is not None] == ["2024-04-17"]
    assert [r["end"] for r in ds if r["net_km2"] is not None] == ["2024-04-21"]
    quiet = next(r for r in isw if r["end"] == "2024-04-20")
    assert quiet["gained_km2"] is None and quiet["to"]["gap_days"] == 3 and "no new isw state" in quiet["note"]


def test_record_of_every_source(both):
    response = both.get("/territory/record", params={"at": "2024-05-19", "source": "all"})
    assert response.status_code == 200, response.text
    body = response.json()
    rows = {r["source"]: r for r in body["sources"]}
    assert set(rows) == {"deepstate", "isw"} and body["window_days"] == 7
    assert rows["isw"]["to"] == {"date": "2024-05-19", "snapshot_time": "2024-05-15T00:00:00Z",
                                 "snapshot_date": "2024-05-15", "gap_days": 4}
    assert rows["deepstate"]["to"]["gap_days"] == 0 and isinstance(rows["isw"]["net_km2"], float)


@pytest.mark.parametrize("path,params", [
    ("/territory/changes", {"from": "2024-04-14", "to": "2024-04-28", "source": "nosuch"}),
    ("/territory/series", {"source": "nosuch"}),
    ("/territory/record", {"at": "2024-05-19", "source": "nosuch"}),
    ("/territory/changes", {"from": "2024-04-14", "to": "2024-04-28", "source": "all isw"}),
    ("/territory/changes", {"from": "2024-04-14", "to": "2024-04-28", "source": "all", "layer": "nosuch"}),
    ("/territory/changes", {"from": "2024-04-28", "to": "2024-04-14", "source": "all"}),
    ("/territory/record", {"at": "2024-04-08", "source": "all"}),  # no 7-day window ends there in any source
])
def test_bad_requests_are_one_json_error(both, check_error, path, params):
    body = check_error(both.get(path, params=params))
    if params["source"] == "nosuch":
        assert "nosuch" in body["message"]


def test_overlay_bound_counts_every_source(two_sources, check_error):
    app = create_app(two_sources, settings=Settings.load({"overlay_budget": 1}, environ={}))
    with TestClient(app) as c:
        params = {"freq": "day", "window": 14, "from": "2024-04-22", "to": "2024-05-20", "source": "all"}
        body = check_error(c.get("/territory/series", params=params), 400)
        assert "every source" in body["message"] and "bound of 1" in body["message"]


def test_regions_fall_back_to_the_bundled_oblasts(backend, new_target, sample_module):
    target = sample_module.add_weekly_source(new_target(backend))  # maps, no imported regions
    with TestClient(create_app(target, settings=Settings.load(environ={}))) as c:
        fc = c.get("/territory/regions").json()
    names = {f["properties"]["name"] for f in fc["features"]}
    assert fc["properties"]["origin"].startswith("bundled") and fc["properties"]["fallback"] is False
    assert len(names) >= 24 and any("Donetsk" in n for n in names)


@pytest.mark.parametrize("path,params", [
    ("/territory/changes", {"from": "2024-04-14", "to": "2024-04-28", "source": "all", "by_region": "true"}),
    ("/territory/series", {"freq": "day", "from": "2024-04-15", "to": "2024-04-21", "source": "all"}),
    ("/territory/series", {"source": "all"}),
    ("/territory/record", {"at": "2024-05-19", "source": "all", "layer": "occupied+contested"}),
])
def test_every_source_answer_is_as_documented(both, path, params):
    """The answers validate against the OpenAPI document (the fuzz test's check, for source=all)."""
    import schemathesis

    schema = schemathesis.openapi.from_asgi("/openapi.json", both.app)
    case = schema[path]["GET"].Case(query=params)
    response = case.call()
    assert response.status_code == 200, response.text
    case.validate_response(response)


def test_fuzzed_every_source_requests_answer_as_documented(both):
    """Schemathesis's generated requests on the two-source store with ``source=all``: no 5xx, 4xx is the JSON
    error body, and every answer matches the documented schema (as tests/api/test_fuzz.py, for this value)."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    schema = schemathesis.openapi.from_asgi("/openapi.json", both.app)
    for path in ("/territory/changes", "/territory/series", "/territory/record"):

        @given(case=schema[path]["GET"].as_strategy())
        @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case) -> None:  # type: ignore[no-untyped-def]
            case.query = {**(case.query or {}), "source": "all"}
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text)
            if response.status_code >= 400:
                body = response.json()
                assert {"error", "message", "status"} <= set(body) and body["status"] == response.status_code
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

        run()
