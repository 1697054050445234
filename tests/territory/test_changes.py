from datetime import date

import pytest
from pyproj import Geod
from shapely.geometry import box

from frontwatch.errors import DataUnavailable, InputError, UnknownLayer
from frontwatch.territory.changes import change

from .conftest import add_day, fill

GEOD = Geod(ellps="WGS84")


def km2(geom) -> float:
    """Expected areas through pyproj's own shapely helper, not frontwatch.geodesy."""
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


D1 = date(2024, 5, 1)
A = box(37.0, 48.0, 38.0, 48.5)
B = box(37.0, 48.0, 38.2, 48.5)  # A plus a strip to the east
C = box(37.1, 48.0, 38.2, 48.5)  # B less a strip to the west


@pytest.fixture
def boxes(store):
    fill(store, D1, [{"occupied": A, "contested": box(38.0, 48.0, 38.3, 48.5)}, {"occupied": B}, {"occupied": C}])
    return store


def test_gained_lost_net_against_independent_areas(boxes):
    r = change(boxes, start=D1, end=date(2024, 5, 3))
    assert r.gained_km2 == pytest.approx(km2(box(38.0, 48.0, 38.2, 48.5)), rel=1e-9)
    assert r.lost_km2 == pytest.approx(km2(box(37.0, 48.0, 37.1, 48.5)), rel=1e-9)
    # Overlay is planar in lon/lat while areas are geodesic: a box cut at a vertex that is not on its
    # 1-degree geodesic edge differs from the whole by a sliver (~5e-6 of the box here; DeepState's
    # edges are far shorter), so the net matches the difference of the areas only that closely.
    assert r.net_km2 == pytest.approx(km2(C) - km2(A), abs=1e-5 * km2(B))
    d = r.to_dict()
    assert d["from"] == {"date": "2024-05-01", "snapshot_time": "2024-05-01T12:00:00Z"}
    assert d["to"]["date"] == "2024-05-03"
    assert set(d) >= {"layer", "from", "to", "gained_km2", "lost_km2", "net_km2", "regions", "settlements"}


def test_same_answer_with_and_without_precomputed_steps(store, tmp_path):
    fill(store, D1, [{"occupied": A}, {"occupied": B}, {"occupied": C}], refresh=False)
    cold = change(store, start=D1, end=date(2024, 5, 2))
    from frontwatch.territory.steps import refresh_steps

    assert refresh_steps(store, "test") > 0
    warm = change(store, start=D1, end=date(2024, 5, 2))
    assert (cold.gained_km2, cold.lost_km2) == pytest.approx((warm.gained_km2, warm.lost_km2), rel=1e-12)
    assert refresh_steps(store, "test") == 0  # idempotent


def test_layer_sum_is_a_union_not_a_sum(boxes):
    # day 1: occupied A and contested east of it; day 2: occupied B covers part of that contested strip
    r = change(boxes, start=D1, end=date(2024, 5, 2), layer="occupied+contested")
    union_1 = A.union(box(38.0, 48.0, 38.3, 48.5))
    assert r.gained_km2 == pytest.approx(0.0, abs=1e-9)
    assert r.lost_km2 == pytest.approx(km2(union_1.difference(B)), rel=1e-9)
    assert r.layer == "occupied+contested"


def test_state_at_a_date_is_the_latest_snapshot_of_that_day(store):
    add_day(store, D1, {"occupied": A}, hour=6)
    add_day(store, D1, {"occupied": B}, hour=22)
    add_day(store, date(2024, 5, 2), {"occupied": B}, hour=6)
    r = change(store, start=D1, end=date(2024, 5, 2))
    assert r.start.snapshot_time.hour == 22
    assert r.gained_km2 == 0.0 and r.lost_km2 == 0.0
    # in Kyiv time (UTC+3) the 22:00 UTC snapshot already belongs to 2 May
    r = change(store, start=D1, end=date(2024, 5, 2), tz="Europe/Kyiv")
    assert r.start.snapshot_time.hour == 6
    assert r.gained_km2 == pytest.approx(km2(box(38.0, 48.0, 38.2, 48.5)), rel=1e-9)


def test_a_date_against_itself_is_zero(boxes):
    r = change(boxes, start=date(2024, 5, 2), end=date(2024, 5, 2))
    assert (r.gained_km2, r.lost_km2, r.net_km2) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("day", [date(2024, 4, 30), date(2024, 5, 4)])
def test_dates_outside_the_data(boxes, day):
    start, end = (day, date(2024, 5, 2)) if day < D1 else (D1, day)
    with pytest.raises(DataUnavailable, match="2024-05-01 to 2024-05-03"):
        change(boxes, start=start, end=end)


def test_unknown_layer_names_the_stored_ones(boxes):
    with pytest.raises(UnknownLayer, match="contested, occupied"):
        change(boxes, start=D1, end=date(2024, 5, 2), layer="liberated")
    with pytest.raises(UnknownLayer, match="bad layer expression"):
        change(boxes, start=D1, end=date(2024, 5, 2), layer="occupied+")


def test_empty_store_and_unknown_source(store, boxes):
    with pytest.raises(DataUnavailable, match="no snapshots of source 'isw'"):
        change(boxes, start=D1, end=date(2024, 5, 2), source="isw")


def test_no_snapshots_at_all(tmp_path):
    from frontwatch.store import open_store

    with open_store(tmp_path / "empty.duckdb") as empty, pytest.raises(DataUnavailable, match="territory import"):
        change(empty, start=D1, end=date(2024, 5, 2))


def test_inverted_dates(boxes):
    with pytest.raises(InputError, match="inverted"):
        change(boxes, start=date(2024, 5, 3), end=D1)


def test_geometry_returned_on_request(boxes):
    r = change(boxes, start=D1, end=date(2024, 5, 3), geometry=True)
    assert r.gained.equals(box(38.0, 48.0, 38.2, 48.5))
    assert r.lost.equals(box(37.0, 48.0, 37.1, 48.5))


# ------------------------------------------------------------------ the real archive (acceptance)


@pytest.mark.slow
def test_march_2024_matches_deepstate_published_39_km2(deepstate_store):
    from frontwatch.territory.periods import resolve_period

    start, end = resolve_period(period="2024-03")
    r = change(deepstate_store, start=start, end=end, layer="occupied")
    assert abs(r.net_km2 - 39.0) <= 1.0


@pytest.mark.slow
def test_may_8_to_15_2024(deepstate_store):
    r = change(deepstate_store, start=date(2024, 5, 8), end=date(2024, 5, 15), by_region=True)
    assert r.net_km2 == pytest.approx(160.9, rel=0.01)
    kharkiv = next(x for x in r.regions if x.iso == "UA-63")
    assert kharkiv.net_km2 == pytest.approx(135, rel=0.01)
    both = change(deepstate_store, start=date(2024, 5, 8), end=date(2024, 5, 15), layer="occupied+contested")
    assert both.net_km2 == pytest.approx(232, rel=0.01)
