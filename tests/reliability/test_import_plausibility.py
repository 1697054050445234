"""Promise: a snapshot whose layers are implausible is refused with the figures, not believed (issue 15, item 1)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from shapely.geometry import box, mapping

from frontwatch.store import open_store
from frontwatch.territory.changes import change
from frontwatch.territory.formats import layer_map_from_dict
from frontwatch.territory.importer import import_paths

from ._import_snapshots import BIG, DAY, T0, day_map, real_snapshots, snapshot_bytes

MARCH_31, APRIL_2 = 1711917948, 1712089235  # real DeepState snapshots of 2024-03-31 and 2024-04-02


def write(folder, k: int, body: bytes):
    path = folder / f"{T0 + k * DAY}.geojson"
    path.write_bytes(body)
    return path


@pytest.mark.slow
def test_a_real_day_in_unknown_colours_is_refused_and_change_across_it_stays_right(tmp_path):
    good = real_snapshots(tmp_path, [MARCH_31, APRIL_2])
    doc = json.loads(good[0].read_bytes())
    for feature in doc["features"]:
        feature["properties"]["fill"] = "#123456"  # a legend nobody knows
    bad = tmp_path / "1712000000.geojson"  # 2024-04-01T19:33:20Z
    bad.write_bytes(json.dumps(doc).encode())
    with open_store(tmp_path / "ref.duckdb") as ref:
        assert import_paths(ref, good, workers=1).imported == 2
        expected = change(ref, start=date(2024, 3, 31), end=date(2024, 4, 2)).to_dict()
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_paths(store, [good[0], bad, good[1]], workers=1)
        assert report.imported == 2
        [refused] = report.failed
        assert refused.path == str(bad) and refused.code == "implausible"
        assert "unmapped_123456" in refused.error and "--layer-map" in refused.error
        assert [s.key for s in store.list_snapshots("deepstate")] == [str(MARCH_31), str(APRIL_2)]
        across = change(store, start=date(2024, 3, 31), end=date(2024, 4, 2)).to_dict()
        into = change(store, start=date(2024, 3, 31), end=date(2024, 4, 1)).to_dict()
    assert across["lost_km2"] == expected["lost_km2"] < 100 and across["net_km2"] == expected["net_km2"]
    assert into["lost_km2"] == 0  # the refused day is not a loss of the whole occupied layer (64,777 km²)


def test_a_layer_vanishing_against_its_neighbours_is_refused_and_can_be_forced(tmp_path):
    files = [write(tmp_path, k, day_map(k)) for k in range(4)]
    files[2].write_bytes(snapshot_bytes((box(38.4, 48, 38.5, 48.1), "#bcaaa4")))  # occupied layer gone
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_paths(store, files, workers=1)
        assert report.imported == 3
        [refused] = report.failed
        assert refused.path == str(files[2]) and refused.code == "implausible"
        assert "layer occupied is 0 km²" in refused.error and "--no-plausibility-check" in refused.error
        forced = import_paths(store, [files[2]], workers=1, plausibility=False)
        assert (forced.imported, forced.failed) == (1, [])


def test_a_bad_stored_neighbour_does_not_lock_out_good_snapshots(tmp_path):
    files = [write(tmp_path, k, day_map(k)) for k in range(3)]
    files[0].write_bytes(snapshot_bytes((box(35.0, 47.0, 35.1, 47.1), "#a52714")))  # a bad first day, forced in
    with open_store(tmp_path / "t.duckdb") as store:
        assert import_paths(store, [files[0], files[2]], workers=1, plausibility=False).imported == 2
        report = import_paths(store, [files[1]], workers=1)  # jumps against day 0, agrees with day 2
        assert (report.imported, report.failed) == (1, [])


def test_real_sized_daily_changes_pass(tmp_path):
    """A change of 2,500 km² in a day, the largest in the real archive (2022-04-16), is believed."""
    grow = [BIG, box(35.0, 47.0, 38.3, 49.5).union(box(38.3, 47.0, 38.42, 49.5))]
    files = [write(tmp_path, k, snapshot_bytes((poly, "#a52714"))) for k, poly in enumerate(grow)]
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_paths(store, files, workers=1)
        assert (report.imported, report.failed) == (2, [])


def test_other_sources_are_not_judged_by_deepstate_thresholds(tmp_path):
    """A generic file whose layer map leaves most of the area unmapped on purpose is imported, as documented."""
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"status": "occupied"}, "geometry": mapping(box(36, 48, 36.1, 48.1))},
        {"type": "Feature", "properties": {"status": "held"}, "geometry": mapping(BIG)}]}
    path = tmp_path / "map-2024-05-16.geojson"
    path.write_text(json.dumps(doc))
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_paths(store, [path], workers=1, layer_map=layer_map_from_dict({"occupied": "occupied"}))
    assert (report.imported, report.failed) == (1, [])
