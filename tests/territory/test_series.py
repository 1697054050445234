from datetime import date, timedelta

import pytest
from shapely.geometry import box

from frontwatch.errors import DataUnavailable, InputError
from frontwatch.territory.changes import change
from frontwatch.territory.series import series, windows

from .conftest import fill

D1 = date(2024, 4, 29)  # a Monday


def strip(k: int):
    """Occupied ground growing east by 0.01 degree a day, with a retreat on day 10."""
    east = 38.0 + 0.01 * k
    west = 37.0 if k != 10 else 37.05
    return {"occupied": box(west, 48.0, east, 48.5)}


@pytest.fixture
def growing(store):
    fill(store, D1, [strip(k) for k in range(40)])
    return store


def test_daily_points_equal_direct_changes(growing):
    points = series(growing, freq="day")
    assert points[0].start == D1 + timedelta(days=1) and points[-1].end == D1 + timedelta(days=39)
    assert len(points) == 39
    for p in [*points[::7], points[9], points[10]]:
        direct = change(growing, start=p.start - timedelta(days=1), end=p.end)
        assert (p.gained_km2, p.lost_km2) == pytest.approx((direct.gained_km2, direct.lost_km2), rel=1e-9)
        assert p.net_km2 == pytest.approx(p.gained_km2 - p.lost_km2)
    assert points[9].lost_km2 > 0 and points[10].gained_km2 > points[11].gained_km2  # retreat, then retaken


def test_weeks_and_months_are_exact_not_sums_of_days(growing):
    weeks = series(growing, freq="week")
    assert [(w.start.weekday(), w.end.weekday()) for w in weeks[1:-1]] == [(0, 6)] * (len(weeks) - 2)
    days = series(growing, freq="day")
    week2 = weeks[1]  # holds day 10's retreat and day 11's return
    in_week = [d for d in days if week2.start <= d.start <= week2.end]
    # nets add up (to the planar-cut sliver on 0.5-degree edges, see test_changes); gross figures do not
    assert week2.net_km2 == pytest.approx(sum(d.net_km2 for d in in_week), rel=1e-6)
    assert week2.lost_km2 == pytest.approx(0.0, abs=1e-9)  # the retaken strip is not gross loss over the week
    assert sum(d.lost_km2 for d in in_week) > 1.0
    months = series(growing, freq="month")
    assert [m.start.month for m in months] == [4, 5, 6]


def test_rolling_window(growing):
    points = series(growing, freq="day", window=7)
    assert all((p.end - p.start).days == 6 for p in points)
    assert points[0].end == D1 + timedelta(days=7)
    direct = change(growing, start=points[5].end - timedelta(days=7), end=points[5].end)
    assert points[5].net_km2 == pytest.approx(direct.net_km2, rel=1e-9)


def test_range_and_bad_input(growing):
    points = series(growing, freq="day", start=date(2024, 5, 10), end=date(2024, 5, 12))
    assert [p.end for p in points] == [date(2024, 5, 10), date(2024, 5, 11), date(2024, 5, 12)]
    with pytest.raises(InputError, match="frequency"):
        series(growing, freq="hour")
    with pytest.raises(InputError, match="window"):
        series(growing, window=0)
    with pytest.raises(InputError, match="inverted"):
        series(growing, start=date(2024, 5, 12), end=date(2024, 5, 10))
    with pytest.raises(DataUnavailable):
        series(growing, start=date(2024, 1, 1), end=date(2024, 5, 10))


def test_windows_clip_to_the_range():
    got = list(windows("month", date(2024, 1, 15), date(2024, 3, 3)))
    assert got == [(date(2024, 1, 15), date(2024, 1, 31)), (date(2024, 2, 1), date(2024, 2, 29)),
                   (date(2024, 3, 1), date(2024, 3, 3))]


@pytest.mark.slow
def test_full_daily_series_from_the_store(deepstate_store):
    points = series(deepstate_store, freq="day", layer="occupied")
    assert len(points) > 1200
    by_end = {p.end: p for p in points}
    for day in (date(2022, 10, 1), date(2024, 5, 10), date(2025, 3, 1)):
        direct = change(deepstate_store, start=day - timedelta(days=1), end=day)
        assert by_end[day].net_km2 == pytest.approx(direct.net_km2, abs=1e-6)
    months = {p.start: p for p in series(deepstate_store, freq="month", layer="occupied")}
    assert months[date(2024, 3, 1)].net_km2 == pytest.approx(39.0, abs=1.0)
