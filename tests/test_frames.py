from datetime import UTC, date, datetime

from shapely.geometry import box

from frontwatch.frames import change_to_geodataframe, events_to_geodataframe, to_dataframe
from frontwatch.geodesy import area_km2
from frontwatch.models import AreaChange, Event, Evidence, Place, SnapshotRef


def _ref(day: int) -> SnapshotRef:
    return SnapshotRef(date(2024, 5, day), datetime(2024, 5, day, 20, tzinfo=UTC))


def test_change_as_geodataframe_keeps_areas_and_crs():
    gained, lost = box(37.0, 48.0, 37.1, 48.1), box(36.0, 48.0, 36.05, 48.05)
    change = AreaChange("occupied", "deepstate", _ref(8), _ref(15), area_km2(gained), area_km2(lost),
                        gained=gained, lost=lost)
    frame = change_to_geodataframe(change)
    assert frame.crs.to_epsg() == 4326
    assert list(frame["change"]) == ["gained", "lost"]
    assert frame.loc[0, "area_km2"] > frame.loc[1, "area_km2"] > 0


def test_events_as_geodataframe_with_and_without_coordinates():
    ev = Evidence("x", 0, 1)
    events = [Event("Battles", "Armed clash", ev, location=Place("Kharkiv", 49.99, 36.23)),
              Event("Battles", "Armed clash", ev, location=None)]
    frame = events_to_geodataframe(events)
    assert len(frame) == 2
    assert frame.geometry.iloc[0].x == 36.23 and frame.geometry.iloc[1] is None
    assert to_dataframe(events)["sub_event_type"].tolist() == ["Armed clash", "Armed clash"]
