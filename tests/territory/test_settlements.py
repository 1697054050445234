from datetime import date

from shapely.geometry import box

from frontwatch.territory.changes import change
from frontwatch.territory.settlements import settlements_in

from .conftest import fill

# Vovchansk, Kharkiv Oblast: GeoNames 689558, about 50.29 N 36.94 E
VOVCHANSK = box(36.90, 50.25, 37.00, 50.33)


def test_places_in_gained_and_lost_ground():
    found = settlements_in(VOVCHANSK, None)
    names = {s.name for s in found}
    assert any(n.startswith("Vovchansk") for n in names), names
    assert {s.change for s in found} == {"taken"}
    lost = settlements_in(None, VOVCHANSK)
    assert {s.change for s in lost} == {"lost"} and len(lost) == len(found)
    assert settlements_in(box(0, 0, 0.001, 0.001), None) == []  # the Gulf of Guinea


def test_change_lists_settlements(store):
    fill(store, date(2024, 5, 1), [{"occupied": box(37.0, 50.0, 37.2, 50.1)},
                                   {"occupied": box(36.9, 50.0, 37.2, 50.33)}])
    r = change(store, start=date(2024, 5, 1), end=date(2024, 5, 2), settlements=True)
    d = r.to_dict()["settlements"]
    assert any(s["name"].startswith("Vovchansk") and s["change"] == "taken" for s in d)
    assert {"name", "geonameid", "lat", "lon", "admin1", "change"} <= set(d[0])
    for s in d:
        assert 36.9 <= s["lon"] <= 37.2 and 50.0 <= s["lat"] <= 50.33
