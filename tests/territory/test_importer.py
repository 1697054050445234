"""import_paths and ``frontwatch territory import``: idempotence, bad input, atomicity, the real archive."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from datetime import UTC, date, datetime

import pytest
import shapely
from shapely.geometry import box, mapping

from frontwatch.errors import ConfigError, NotFound
from frontwatch.geodesy import area_km2
from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths
from tests.conftest import REPO, shared_path

T0 = 1715817600  # 2024-05-16T00:00:00Z


def snapshot_bytes(*polys_and_fills) -> bytes:
    features = [{"type": "Feature", "properties": {"fill": fill}, "geometry": mapping(p)}
                for p, fill in polys_and_fills]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode()


def good(i: int = 0) -> bytes:
    return snapshot_bytes((box(36.0, 48.0, 36.2 + i * 0.01, 48.2), "#a52714"), (box(37, 47, 37.1, 47.1), "#bcaaa4"))


def write_tar(path, members: dict[str, bytes], mode="w:xz"):
    with tarfile.open(path, mode) as tar:
        for name, body in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return path


def count(store) -> tuple[int, int]:
    return (store.scalar("SELECT count(*) FROM territory_snapshots"),
            store.scalar("SELECT count(*) FROM territory_layers"))


def test_a_folder_of_archives_imports_once_and_skips_the_second_time(store, tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    write_tar(folder / "a.tar.xz", {f"{T0 + i * 86400}.geojson": good(i) for i in range(3)})
    (folder / "INDEX.csv").write_text("archive,file\n")
    (folder / f"{T0 + 3 * 86400}.geojson").write_bytes(good(3))
    report = import_paths(store, [folder])
    assert report.to_dict() == {"imported": 4, "skipped": 0, "failed": []}
    assert report.ignored == [str(folder / "INDEX.csv")]
    assert store.layer_names("deepstate") == ["contested", "occupied"]
    [occupied] = store.load_layers(store.list_snapshots("deepstate")[-1].id, ["occupied"])
    assert occupied.area_km2 == pytest.approx(area_km2(box(36.0, 48.0, 36.23, 48.2)))
    before = count(store)
    again = import_paths(store, [folder])
    assert again.to_dict() == {"imported": 0, "skipped": 4, "failed": []}
    assert count(store) == before


def test_bad_files_fail_one_by_one_and_the_batch_goes_on(store, tmp_path):
    mercator = snapshot_bytes((box(4_000_000, 6_100_000, 4_010_000, 6_110_000), "#a52714"))
    points = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"fill": "#a52714"},
         "geometry": {"type": "Point", "coordinates": [36, 48]}}]})
    members = {
        f"{T0}.geojson": good(),
        f"{T0 + 1}.geojson": good()[:-40],  # truncated
        f"{T0 + 2}.geojson": b"<html>not json</html>",
        f"{T0 + 3}.geojson": points.encode(),
        f"{T0 + 4}.geojson": mercator,
        "map-without-time.geojson": good(),
        f"{T0 + 5}.geojson": good(5),
    }
    archive = write_tar(tmp_path / "mixed.tar.gz", members, "w:gz")
    empty = write_tar(tmp_path / "empty.tar", {})
    report = import_paths(store, [archive, empty])
    assert report.imported == 2 and report.skipped == 0
    errors = {f.path.rsplit("!", 1)[-1]: f.error for f in report.failed}
    assert "truncated" in errors[f"{T0 + 1}.geojson"]
    assert "not JSON" in errors[f"{T0 + 2}.geojson"]
    assert "no polygons" in errors[f"{T0 + 3}.geojson"]
    assert "EPSG:4326" in errors[f"{T0 + 4}.geojson"]
    assert "--time" in errors["map-without-time.geojson"]
    assert "no snapshot files" in errors[str(empty)]
    assert {key for _, key in store.snapshot_digests()} == {str(T0), str(T0 + 5)}  # failures wrote nothing


def test_an_unknown_colour_is_stored_apart_with_one_warning_line(store, tmp_path, caplog):
    files = []
    for i in range(3):
        path = tmp_path / f"{T0 + i}.geojson"
        path.write_bytes(snapshot_bytes((box(36, 48, 36.2, 48.2), "#a52714"), (box(37, 47, 37.1, 47.1), "#ce93d8")))
        files.append(path)
    report = import_paths(store, files)
    assert report.imported == 3 and not report.failed
    assert len(report.warnings) == 1 and "unmapped_ce93d8" in report.warnings[0] and "2 more" in report.warnings[0]
    assert "unmapped_ce93d8" in caplog.text
    assert "unmapped_ce93d8" in store.layer_names("deepstate")


def test_a_duplicate_is_skipped_and_a_conflicting_one_named_as_failed(store, tmp_path):
    one, two = tmp_path / "a", tmp_path / "b"
    one.mkdir(), two.mkdir()
    (one / f"{T0}.geojson").write_bytes(good())
    (two / f"{T0}.geojson").write_bytes(good(7))  # same DeepState id, other content
    report = import_paths(store, [one / f"{T0}.geojson", one / f"{T0}.geojson", two / f"{T0}.geojson"],
                          source="deepstate")
    assert (report.imported, report.skipped) == (1, 1)
    [conflict] = report.failed
    assert conflict.code == "conflict" and conflict.path == str(two / f"{T0}.geojson")
    assert str(one / f"{T0}.geojson") in conflict.error and "different content" in conflict.error
    # a wrapper file with the same id is read, then compared
    wrapped = tmp_path / "last.json"
    wrapped.write_text(json.dumps({"id": T0, "map": json.loads(good(7))}))
    report = import_paths(store, [wrapped])
    assert report.skipped == 0 and [f.code for f in report.failed] == ["conflict"]


def test_a_path_that_does_not_exist_stops_before_anything_is_written(store, tmp_path):
    (tmp_path / f"{T0}.geojson").write_bytes(good())
    with pytest.raises(NotFound, match="nope"):
        import_paths(store, [tmp_path / f"{T0}.geojson", tmp_path / "nope"])
    assert count(store) == (0, 0)


def test_bad_options_are_config_errors(store, tmp_path):
    with pytest.raises(ConfigError, match="--source"):
        import_paths(store, [tmp_path], source="bbc")
    with pytest.raises(ConfigError, match="--time"):
        import_paths(store, [tmp_path], time="yesterday")
    bad_map = tmp_path / "map.json"
    bad_map.write_text('{"#a52714": "Occupied Land"}')
    with pytest.raises(ConfigError, match="lower-case"):
        import_paths(store, [tmp_path], layer_map=bad_map)


def test_isw_layer_files_of_one_date_become_one_snapshot(store, tmp_path):
    def layer_file(name, poly):
        path = tmp_path / name
        path.write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": mapping(poly)}]}))
        return path

    control = layer_file("isw-control-2024-05-15.geojson", box(36, 48, 36.2, 48.2))
    advances = layer_file("isw-advances-2024-05-15.geojson", box(36.2, 48, 36.3, 48.2))
    report = import_paths(store, [control, advances])
    assert report.to_dict() == {"imported": 1, "skipped": 0, "failed": []}
    [snap] = store.list_snapshots("isw")
    layers = {layer.layer: layer.area_km2 for layer in store.load_layers(snap.id)}
    # issue 16: assessed control is ISW's occupied layer, assessed advances its contested layer
    assert layers == {"occupied": pytest.approx(area_km2(box(36, 48, 36.2, 48.2))),
                      "contested": pytest.approx(area_km2(box(36.2, 48, 36.3, 48.2)))}


def test_two_workers_store_what_one_does(tmp_path):
    members = {f"{T0 + i * 3600}.geojson": good(i % 5) for i in range(60)}
    archive = write_tar(tmp_path / "many.tar.xz", members)
    results = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.duckdb") as st:
            assert import_paths(st, [archive], workers=workers).imported == 60
            results.append(st.query("SELECT s.snapshot_key, l.layer, l.area_km2 FROM territory_layers l "
                                    "JOIN territory_snapshots s ON s.id = l.snapshot_id ORDER BY 1, 2"))
    assert results[0] == results[1]


# ---------------------------------------------------------------- the command line


def cli(*args, db):
    return subprocess.run([sys.executable, "-m", "frontwatch", "territory", "import", *map(str, args), "--db", str(db)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_cli_reports_json_and_exits_1_for_a_missing_path(tmp_path):
    db = tmp_path / "cli.duckdb"
    (tmp_path / f"{T0}.geojson").write_bytes(good())
    (tmp_path / f"{T0 + 1}.geojson").write_bytes(b"{")
    done = cli(tmp_path / f"{T0}.geojson", tmp_path / f"{T0 + 1}.geojson", "--json", db=db)
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["imported"] == 1 and body["skipped"] == 0
    assert [f["path"] for f in body["failed"]] == [str(tmp_path / f"{T0 + 1}.geojson")]
    missing = cli(tmp_path / "nope.tar.xz", db=db)
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "nope.tar.xz" in missing.stderr
    assert "Traceback" not in missing.stderr


# ---------------------------------------------------------------- the real archive


@pytest.mark.slow
def test_an_archive_imports_and_a_second_run_only_skips(tmp_path):
    archive = shared_path("data", "territory", "deepstate", "deepstate-2025.tar.xz")
    with open_store(tmp_path / "a.duckdb") as st:
        first = import_paths(st, [archive])
        assert first.to_dict() == {"imported": 216, "skipped": 0, "failed": []}
        second = import_paths(st, [archive])
        assert second.to_dict() == {"imported": 0, "skipped": 216, "failed": []}


def _net(store, layers, d1, d2):
    def state(day):
        snap = store.snapshot_at("deepstate", datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=UTC))
        return shapely.union_all([g.geometry for g in store.load_layers(snap.id, layers)])

    a, b = state(d1), state(d2)
    return area_km2(b.difference(a)) - area_km2(a.difference(b))


@pytest.mark.slow
def test_the_whole_archive_gives_deepstates_published_figures(deepstate_store):
    """All 1,359 snapshots (the session fixture imports them with import_paths) and two independent checks."""
    assert len(deepstate_store.list_snapshots("deepstate")) == 1359
    assert _net(deepstate_store, ["occupied"], date(2024, 2, 29), date(2024, 3, 31)) == pytest.approx(39, abs=1)
    assert _net(deepstate_store, ["occupied"], date(2024, 5, 8), date(2024, 5, 15)) == pytest.approx(160.9, rel=0.01)
    layers = set(deepstate_store.layer_names("deepstate"))
    assert {"occupied", "occupied_pre2022", "contested", "liberated", "ukraine_held_in_russia",
            "foreign_satirical"} <= layers
