from datetime import date, timedelta

import pytest
import shapely
from shapely.geometry import box

from frontwatch.errors import DataUnavailable, InputError
from frontwatch.territory.records import record

from .conftest import fill

D1 = date(2024, 1, 1)
# daily eastward advance in degrees: a big week early on, small weeks, a bigger week at the end
STEPS = [0.001] * 10 + [0.02] * 7 + [0.001] * 40 + [0.01] * 7 + [0.001] * 5


def states():
    east = 38.0
    for k, step in enumerate(STEPS):
        east += step if k else 0.0
        # edges of ~1 km as in real maps, so planar cuts and geodesic edges agree (see test_changes)
        yield {"occupied": shapely.segmentize(box(37.0, 48.0, east, 48.5), 0.01)}


@pytest.fixture
def advancing(store):
    fill(store, D1, list(states()))
    return store


def test_largest_since_the_earlier_bigger_week(advancing):
    last_big = D1 + timedelta(days=63)  # the 7 days of 0.01 degree end here
    r = record(advancing, window=7, at=last_big)
    d = r.to_dict()
    assert d["start"] == (last_big - timedelta(days=6)).isoformat()
    assert d["from"]["date"] == (last_big - timedelta(days=7)).isoformat()
    # the latest earlier window at least as large (7 x 0.01 degree) ends on day 19: days 13..19 hold
    # four 0.02-degree days (0.083); the window ending on day 20 holds three (0.064)
    assert d["previous_larger"]["end"] == (D1 + timedelta(days=19)).isoformat()
    assert d["largest_since"] == d["previous_larger"]["end"]
    assert d["previous_larger"]["net_km2"] > d["net_km2"] > 0
    assert not d["largest_on_record"]
    assert d["gained_km2"] == pytest.approx(d["net_km2"], abs=1e-3) and d["lost_km2"] == pytest.approx(0.0)
    assert d["rank_in_last_365_days"] > 1


def test_largest_on_record(advancing):
    r = record(advancing, window=7, at=D1 + timedelta(days=16))
    assert r.largest_on_record and r.rank_in_last_365_days == 1
    assert r.to_dict()["previous_larger"] is None


def test_bad_window_and_dates(advancing):
    with pytest.raises(InputError, match="window"):
        record(advancing, window=0, at=D1 + timedelta(days=20))
    with pytest.raises(DataUnavailable):
        record(advancing, window=7, at=D1 + timedelta(days=3))  # no 7-day window ends yet
    with pytest.raises(DataUnavailable):
        record(advancing, window=7, at=date(2025, 1, 1))


@pytest.mark.slow
def test_may_2024_week_is_the_largest_since_october_2022(deepstate_store):
    r = record(deepstate_store, window=7, at=date(2024, 5, 16), layer="occupied")
    d = r.to_dict()
    assert d["net_km2"] > 150
    assert d["largest_since"].startswith("2022-10"), d
    assert d["rank_in_last_365_days"] == 1
