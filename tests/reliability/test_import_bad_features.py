"""Promise: one odd feature fails its file with a reason naming it, and the batch goes on (issue 15, item 4:
a feature whose ``properties`` was a string raised AttributeError and stopped a folder at 64 of 364 files)."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import box, mapping

from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths

from ._import_snapshots import DAY, T0, day_map

POLY = mapping(box(36.0, 48.0, 36.1, 48.1))
ODD_FEATURES = {
    "properties is a string": {"type": "Feature", "properties": "fill=#a52714", "geometry": POLY},
    "properties is a list": {"type": "Feature", "properties": ["#a52714"], "geometry": POLY},
    "properties is a number": {"type": "Feature", "properties": 7, "geometry": POLY},
    "geometry is a string": {"type": "Feature", "properties": {"fill": "#a52714"}, "geometry": "POLYGON((0 0))"},
    "geometry is a list": {"type": "Feature", "properties": {"fill": "#a52714"}, "geometry": [[36, 48]]},
    "geometry has no type": {"type": "Feature", "properties": {"fill": "#a52714"}, "geometry": {"coordinates": []}},
    "coordinates are text": {"type": "Feature", "properties": {"fill": "#a52714"},
                             "geometry": {"type": "Polygon", "coordinates": "36 48, 37 48"}},
    "feature is a string": "Feature",
}


def with_odd_feature(odd, *, compact: bool) -> bytes:
    doc = json.loads(day_map(0))
    doc["features"].insert(1, odd)
    return json.dumps(doc, separators=(",", ":") if compact else (", ", ": ")).encode()


@pytest.mark.parametrize("compact", [True, False], ids=["api-form", "pretty"])  # the fast path and the full parse
@pytest.mark.parametrize("what", list(ODD_FEATURES))
def test_an_odd_feature_fails_its_file_naming_it_and_the_folder_goes_on(tmp_path, what, compact):
    folder = tmp_path / "maps"
    folder.mkdir()
    files = [folder / f"{T0 + k * DAY}.geojson" for k in range(5)]
    for k, path in enumerate(files):
        path.write_bytes(with_odd_feature(ODD_FEATURES[what], compact=compact) if k == 2 else day_map(k))
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_paths(store, [folder], workers=1)
        assert report.imported == 4, report.to_dict()
        [failed] = report.failed
        assert failed.path == str(files[2]) and failed.code != "internal_error", failed
        assert "feature 1" in failed.error or "geometry" in failed.error, failed
        assert len(store.list_snapshots("deepstate")) == 4


def test_null_properties_and_null_geometry_are_valid_geojson(tmp_path):
    doc = json.loads(day_map(0))
    doc["features"] += [{"type": "Feature", "properties": None, "geometry": None},
                        {"type": "Feature", "properties": {"fill": "#a52714"}, "geometry": None}]
    path = tmp_path / f"{T0}.geojson"
    path.write_text(json.dumps(doc))
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_paths(store, [path], workers=1)
    assert (report.imported, report.failed) == (1, [])


def test_with_workers_a_bad_file_among_many_does_not_stop_the_rest(tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    for k in range(60):
        body = with_odd_feature(ODD_FEATURES["properties is a list"], compact=True) if k == 30 else day_map(k)
        (folder / f"{T0 + k * DAY}.geojson").write_bytes(body)
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_paths(store, [folder], workers=2)
    assert report.imported == 59 and [f.path for f in report.failed] == [str(folder / f"{T0 + 30 * DAY}.geojson")]
