"""``/territory/...`` on the sample maps: the CLI's computations, checked against areas computed here."""

from __future__ import annotations

import pytest
from shapely.geometry import box, shape

from frontwatch.geodesy import area_km2
from frontwatch.store import open_store
from frontwatch.territory.changes import change


def _strip(sample, west_week: int, east_week: int) -> float:
    return area_km2(box(sample.front_lon(west_week), 47.8, sample.front_lon(east_week), 49.2))


def test_change_between_dates_matches_the_geometry(client, sample_module):
    # states: week 1 is 2024-04-14 20:00 UTC, week 3 is 2024-04-28; the front moved 0.08 degree west
    body = client.get("/territory/changes", params={"from": "2024-04-14", "to": "2024-04-28"}).json()
    assert body["gained_km2"] == pytest.approx(_strip(sample_module, 3, 1), rel=1e-3)
    assert body["lost_km2"] == pytest.approx(0.0, abs=1e-6)
    assert body["from"]["snapshot_time"] == "2024-04-14T20:00:00Z"


def test_lost_ground_is_counted(client, sample_module):
    body = client.get("/territory/changes", params={"from": "2024-05-05", "to": "2024-05-12"}).json()
    assert body["lost_km2"] == pytest.approx(_strip(sample_module, 4, 5), rel=1e-3)
    assert body["net_km2"] < 0


def test_change_is_the_cli_computation(client, sample_db):
    params = {"from": "2024-04-20", "to": "2024-05-20", "layer": "occupied+contested", "by_region": "true"}
    body = client.get("/territory/changes", params=params).json()
    with open_store(sample_db, read_only=True) as store:
        expected = change(store, layer="occupied+contested", start=body_date(body, "from"),
                          end=body_date(body, "to"), by_region=True).to_dict()
    assert body == expected
    assert body["regions"], "the sample store has regions"


def body_date(body, key):  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(body[key]["date"])


def test_snapshot_has_every_layer_and_the_weeks_lost_ground(client, sample_module):
    fc = client.get("/territory/snapshot", params={"date": "2024-05-12", "since_days": 7}).json()
    layers = {f["properties"]["layer"] for f in fc["features"] if f["properties"]["kind"] == "layer"}
    assert layers == {"occupied", "contested", "occupied_pre2022"}
    lost = [f for f in fc["features"] if f["properties"]["kind"] == "lost"]
    assert len(lost) == 1
    assert area_km2(shape(lost[0]["geometry"])) == pytest.approx(_strip(sample_module, 4, 5), rel=0.02)
    assert fc["properties"]["snapshot_time"] == "2024-05-12T20:00:00Z"


def test_regions_are_the_stored_boundaries(client):
    fc = client.get("/territory/regions").json()
    assert sorted(f["properties"]["name"] for f in fc["features"]) == ["Sample North", "Sample South"]
    assert fc["properties"]["fallback"] is False


def test_info_lists_the_source_and_its_layers(client):
    (src,) = client.get("/territory/info").json()["sources"]
    assert src["source"] == "deepstate" and src["snapshots"] == 8
    assert set(src["layers"]) == {"occupied", "contested", "occupied_pre2022"}


def test_weekly_series_sums_to_the_whole_change(client):
    points = client.get("/territory/series", params={"freq": "week", "from": "2024-04-08", "to": "2024-05-26"})
    assert points.status_code == 200, points.text
    whole = client.get("/territory/changes", params={"from": "2024-04-07", "to": "2024-05-26"}).json()
    assert sum(p["net_km2"] for p in points.json()) == pytest.approx(whole["net_km2"], abs=0.5)


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2024-05-12", "to": "2024-04-14"},  # inverted
        {"period": "2024-13"},
        {"period": "2024-05", "from": "2024-05-01"},  # both forms
        {"from": "2024-05-01"},  # half a range
        {"from": "2019-01-01", "to": "2019-02-01"},  # before the data
        {"period": "2024-05", "layer": "occupied'; DROP TABLE events; --"},
        {"from": "2024-04-20", "to": "2024-05-20", "layer": "no_such_layer"},
        {"from": "2024-04-20", "to": "2024-05-20", "source": "nowhere"},
        {"from": "2024-04-20", "to": "2024-05-20", "tz": "Mars/Olympus"},
    ],
)
def test_bad_territory_parameters_get_a_json_4xx(client, check_error, params):
    check_error(client.get("/territory/changes", params=params))
