"""Promises: what goes in is stored or named in ``failed``; a failed import leaves the store as it was; the same
snapshot twice changes nothing; a corrected file for a stored DeepState id is never "skipped" silently
(issue 15, item 2: it was reported "skipped 1" with no warning)."""

from __future__ import annotations

from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths

from ._import_snapshots import DAY, T0, day_map

TABLES = ("territory_snapshots", "territory_layers")


def content(store) -> list:
    """Everything the territory tables hold, ids aside: what 'unchanged' is compared on."""
    return [store.query("SELECT s.source, s.snapshot_key, s.time_utc, s.content_sha256, l.layer, l.area_km2, "
                        "md5(l.geom_wkb::VARCHAR) AS geom FROM territory_snapshots s JOIN territory_layers l "
                        "ON l.snapshot_id = s.id ORDER BY 2, 5")]


def test_a_corrected_file_for_a_stored_id_is_named_in_failed_and_the_store_kept(tmp_path):
    first, fixed = tmp_path / "first", tmp_path / "fixed"
    first.mkdir(), fixed.mkdir()
    (first / f"{T0}.geojson").write_bytes(day_map(0))
    (fixed / f"{T0}.geojson").write_bytes(day_map(5))  # DeepState corrected the map of that id
    with open_store(tmp_path / "t.duckdb") as store:
        assert import_paths(store, [first / f"{T0}.geojson"], workers=1).imported == 1
        before = content(store)
        report = import_paths(store, [fixed / f"{T0}.geojson"], workers=1)  # a separate run: the case that was silent
        assert (report.imported, report.skipped) == (0, 0)
        [conflict] = report.failed
        assert conflict.code == "conflict" and conflict.path == str(fixed / f"{T0}.geojson")
        assert str(first / f"{T0}.geojson") in conflict.error and "new --db" in conflict.error
        assert content(store) == before


def test_the_same_snapshot_twice_changes_nothing(tmp_path):
    files = [tmp_path / f"{T0 + k * DAY}.geojson" for k in range(3)]
    for k, path in enumerate(files):
        path.write_bytes(day_map(k))
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / files[1].name).write_bytes(files[1].read_bytes())  # same bytes under another path: the same snapshot
    with open_store(tmp_path / "t.duckdb") as store:
        assert import_paths(store, files, workers=1).imported == 3
        before = content(store)
        again = import_paths(store, [*files, copy / files[1].name], workers=1)
        assert again.to_dict() == {"imported": 0, "skipped": 4, "failed": []}
        assert content(store) == before


def test_a_failed_import_leaves_the_store_as_it_was(tmp_path):
    good = tmp_path / f"{T0}.geojson"
    good.write_bytes(day_map(0))
    bad = [tmp_path / f"{T0 + k * DAY}.geojson" for k in (1, 2, 3)]
    bad[0].write_bytes(day_map(1)[:-30])
    bad[1].write_bytes(b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":"x","geometry":null}]}')
    bad[2].write_bytes(b"\x00" * 1000)
    with open_store(tmp_path / "t.duckdb") as store:
        import_paths(store, [good], workers=1)
        before = content(store)
        report = import_paths(store, bad, workers=1)
        assert report.imported == 0 and sorted(f.path for f in report.failed) == sorted(map(str, bad))
        assert content(store) == before
