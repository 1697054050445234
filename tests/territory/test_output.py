import csv
import json
from datetime import date

import pytest
import shapely
from shapely.geometry import box, shape

from frontwatch.errors import InputError
from frontwatch.models import SeriesPoint
from frontwatch.territory.changes import change
from frontwatch.territory.output import write_change_geojson, write_series_chart, write_series_csv

from .conftest import fill

POINTS = [SeriesPoint(date(2024, 5, d), date(2024, 5, d), 2.0 * d, 1.0, 2.0 * d - 1.0) for d in range(1, 8)]


def test_change_geojson_round_trips(store, tmp_path):
    fill(store, date(2024, 5, 1), [{"occupied": box(37.0, 48.0, 37.5, 48.5)},
                                   {"occupied": box(37.1, 48.0, 37.6, 48.5)}])
    r = change(store, start=date(2024, 5, 1), end=date(2024, 5, 2), geometry=True)
    path = write_change_geojson(r, tmp_path / "change.geojson")
    doc = json.loads(path.read_text())
    by_kind = {f["properties"]["change"]: f for f in doc["features"]}
    assert set(by_kind) == {"gained", "lost"}
    assert shape(by_kind["gained"]["geometry"]).equals(box(37.5, 48.0, 37.6, 48.5))
    assert by_kind["lost"]["properties"]["area_km2"] == pytest.approx(r.lost_km2, abs=1e-3)
    assert by_kind["gained"]["properties"]["from"] == "2024-05-01T12:00:00Z"


def test_change_without_geometry_is_refused(store, tmp_path):
    fill(store, date(2024, 5, 1), [{"occupied": box(37.0, 48.0, 37.5, 48.5)},
                                   {"occupied": box(37.1, 48.0, 37.6, 48.5)}])
    r = change(store, start=date(2024, 5, 1), end=date(2024, 5, 2))
    with pytest.raises(InputError, match="geometry"):
        write_change_geojson(r, tmp_path / "x.geojson")


def test_series_csv(tmp_path):
    path = write_series_csv(POINTS, tmp_path / "s.csv")
    with path.open() as fh:
        rows = list(csv.DictReader(fh))
    assert [r["start"] for r in rows] == [p.start.isoformat() for p in POINTS]
    assert float(rows[3]["net_km2"]) == pytest.approx(7.0)


def test_series_chart_is_a_png(tmp_path):
    path = write_series_chart(POINTS, tmp_path / "s.png", title="net")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(InputError, match="empty"):
        write_series_chart([], tmp_path / "e.png")


def test_missing_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        write_series_csv(POINTS, tmp_path / "nope" / "s.csv")


def test_geometry_precision_is_kept_to_a_centimetre(tmp_path):
    # set_precision(1e-7 degree) is ~1 cm; the written ground keeps its area
    g = shapely.Polygon([(37.0000001234, 48.0), (37.3, 48.0), (37.3, 48.2)])
    assert shapely.set_precision(g, 1e-7).area == pytest.approx(g.area, rel=1e-6)
