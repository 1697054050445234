"""ISW's weekly TopoJSON: layers, dates, the acceptance figures of issue 16, and bad input (one line, nothing lost)."""

from __future__ import annotations

import io
import json
import tarfile
from datetime import date

import pytest
import shapely
from shapely.geometry import Polygon, box

from frontwatch.errors import MissingTime, UnreadableFile
from frontwatch.geodesy import area_km2
from frontwatch.territory.changes import change
from frontwatch.territory.importer import import_paths
from frontwatch.territory.isw import LAYER_DESCRIPTIONS, check_topology, isw_short_layer, week_of
from tests.conftest import shared_path

ARCHIVE = ("data", "territory", "isw", "isw-weekly.tar.xz")


def square(x0: float, y0: float, side: float, obj: str = "UkraineControlMap") -> dict:
    """A TopoJSON Topology of one square, quantised on a 0.001° grid (arcs delta-encoded, as ISW's are)."""
    steps = round(side / 0.001)
    return {"type": "Topology", "transform": {"scale": [0.001, 0.001], "translate": [x0, y0]},
            "objects": {obj: {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0]], "properties": {"area": 1}},
                {"type": None, "properties": {"area": 0}}]}},
            "arcs": [[[0, 0], [steps, 0], [0, steps], [-steps, 0], [0, -steps]]]}


def write_tar(path, members: dict[str, object]):
    with tarfile.open(path, "w:xz") as tar:
        for name, doc in members.items():
            body = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return path


def areas(store, key: str) -> dict[str, float]:
    [snap] = [s for s in store.list_snapshots("isw") if s.key == key]
    return {layer.layer: layer.area_km2 for layer in store.load_layers(snap.id)}


# ---------------------------------------------------------------- layers and dates


def test_file_stems_and_object_names_name_isw_layers():
    assert isw_short_layer("control_map") == "control"
    assert isw_short_layer("russian_advances") == "advances"
    assert isw_short_layer("AssessedRussianAdvancesinUkraine") == "advances"
    assert isw_short_layer("kursk_ukrainian_advance") == "ukrainian_advances"
    assert isw_short_layer("temp") is None
    assert "Crimea" in LAYER_DESCRIPTIONS["occupied"] and "2022" in LAYER_DESCRIPTIONS["occupied"]


def test_the_folder_date_is_the_snapshot_time_at_day_precision():
    assert week_of("a.tar.xz!isw-weekly/2024-05-12/control_map.topojson").isoformat() == "2024-05-12T00:00:00+00:00"
    with pytest.raises(MissingTime, match="folder date '2024-02-30' is not a date"):
        week_of("x!isw-weekly/2024-02-30/control_map.topojson")
    with pytest.raises(MissingTime, match="folder 'latest' is not a date"):
        week_of("x!isw-weekly/latest/control_map.topojson")


def test_control_becomes_occupied_advances_contested_kursk_apart(store, tmp_path):
    archive = write_tar(tmp_path / "w.tar.xz", {
        "w/2024-05-12/control_map.topojson": square(36.0, 48.0, 0.2, "temp"),
        "w/2024-05-12/russian_advances.topojson": square(36.2, 48.0, 0.1, "2024-10-06"),
        "w/2024-05-12/kursk_ukrainian_advance.topojson": square(35.0, 51.2, 0.1, "Kursk Incursion"),
    })
    report = import_paths(store, [archive])
    assert report.to_dict() == {"imported": 1, "skipped": 0, "failed": []}
    got = areas(store, "2024-05-12")
    assert set(got) == {"occupied", "contested", "ukraine_held_in_russia"}
    assert got["occupied"] == pytest.approx(area_km2(box(36.0, 48.0, 36.2, 48.2)), rel=1e-6)
    assert got["contested"] == pytest.approx(area_km2(box(36.2, 48.0, 36.3, 48.1)), rel=1e-6)
    [snap] = store.list_snapshots("isw")
    assert snap.time.isoformat() == "2024-05-12T00:00:00+00:00"
    assert import_paths(store, [archive]).to_dict() == {"imported": 0, "skipped": 1, "failed": []}


# ---------------------------------------------------------------- bad input: one line each, nothing lost


def test_check_topology_refuses_no_arcs_and_broken_transforms():
    no_arcs = square(36, 48, 0.1)
    no_arcs["arcs"] = []
    with pytest.raises(UnreadableFile, match="has no arcs but its polygons use arc 0"):
        check_topology(no_arcs)
    missing = square(36, 48, 0.1)
    del missing["arcs"]
    with pytest.raises(UnreadableFile, match="no 'arcs' list"):
        check_topology(missing)
    for transform in ({"scale": [0, 0.001], "translate": [36, 48]}, {"scale": [0.001], "translate": [36, 48]},
                      {"scale": [0.001, 0.001]}, "identity"):
        broken = {**square(36, 48, 0.1), "transform": transform}
        with pytest.raises(UnreadableFile, match="broken TopoJSON transform"):
            check_topology(broken)
    with pytest.raises(UnreadableFile, match="expected a TopoJSON Topology"):
        check_topology({"type": "FeatureCollection", "features": []})


def test_bad_weeks_fail_one_line_each_and_the_stored_week_stays(store, tmp_path):
    good = write_tar(tmp_path / "good.tar.xz", {
        "w/2024-05-05/control_map.topojson": square(36.0, 48.0, 0.2),
        "w/2024-05-05/russian_advances.topojson": square(36.2, 48.0, 0.1),
    })
    assert import_paths(store, [good]).imported == 1
    before = areas(store, "2024-05-05")
    no_arcs = {**square(36, 48, 0.1), "arcs": []}
    broken = {**square(36, 48, 0.1), "transform": {"scale": [0, 0], "translate": [36, 48]}}
    bad = write_tar(tmp_path / "bad.tar.xz", {
        "w/2024-05-12/control_map.topojson": no_arcs,
        "w/2024-05-19/control_map.topojson": broken,
        "w/2024-13-01/control_map.topojson": square(36, 48, 0.1),
        "w/2024-05-26/russian_advances.topojson": square(36.2, 48.0, 0.1),  # advances without control
        "w/2024-06-02/control_map.topojson": b"<html>502 Bad Gateway</html>",
    })
    report = import_paths(store, [bad])
    assert report.imported == 0 and report.skipped == 0
    errors = {f.path.split("!")[-1].split("/")[1]: f.error for f in report.failed}
    assert set(errors) == {"2024-05-12", "2024-05-19", "2024-13-01", "2024-05-26", "2024-06-02"}
    assert "no arcs" in errors["2024-05-12"] and "transform" in errors["2024-05-19"]
    assert "not a date" in errors["2024-13-01"] and "no assessed control" in errors["2024-05-26"]
    assert "not valid JSON" in errors["2024-06-02"]
    assert all("\n" not in e for e in errors.values())
    assert [s.key for s in store.list_snapshots("isw")] == ["2024-05-05"]
    assert areas(store, "2024-05-05") == before


def test_a_week_with_control_only_is_stored_with_a_warning_unless_before_advances_existed(store, tmp_path):
    archive = write_tar(tmp_path / "w.tar.xz", {
        "w/2022-02-27/control_map.topojson": square(36.0, 48.0, 0.2),
        "w/2024-05-12/control_map.topojson": square(36.0, 48.0, 0.2),
    })
    report = import_paths(store, [archive])
    assert report.imported == 2 and not report.failed
    [warning] = report.warnings
    assert "2024-05-12" in warning and "no assessed advances" in warning
    assert set(areas(store, "2024-05-12")) == {"occupied"}


# ---------------------------------------------------------------- the real archive (issue 16's figures)


def decode(topology: dict) -> list[Polygon]:
    """An independent TopoJSON decoder (not GDAL): delta-decoded, de-quantised arcs stitched into rings."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((tx + x * sx, ty + y * sy))
        arcs.append(points)

    def ring(refs):
        out = []
        for ref in refs:
            points = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
            out.extend(points if not out else points[1:])
        return out

    polygons = []
    for obj in topology["objects"].values():
        for geom in obj["geometries"]:
            shapes = {"Polygon": [geom.get("arcs")], "MultiPolygon": geom.get("arcs")}.get(geom["type"], [])
            for rings in shapes:
                polygons.append(shapely.make_valid(Polygon(ring(rings[0]), [ring(r) for r in rings[1:]])))
    return polygons


@pytest.fixture(scope="module")
def may_2024(tmp_path_factory):
    """The archive's three weeks around the seed article, as a small tar, and the members' JSON."""
    members: dict[str, bytes] = {}
    with tarfile.open(shared_path(*ARCHIVE), "r|xz") as tar:
        for member in tar:
            if member.isfile() and member.name.split("/")[1] in ("2024-05-05", "2024-05-12", "2024-05-19"):
                members[member.name] = tar.extractfile(member).read()
    return write_tar(tmp_path_factory.mktemp("isw") / "may.tar.xz", members), members


def test_the_seed_weeks_match_an_independent_decoding(store, may_2024):
    archive, members = may_2024
    assert import_paths(store, [archive]).imported == 3
    union = {}
    for week in ("2024-05-05", "2024-05-12", "2024-05-19"):
        polys = [p for name, body in members.items() if name.split("/")[1] == week
                 and ("control" in name or "russian_advances" in name) for p in decode(json.loads(body))]
        union[week] = shapely.union_all(polys)
    for a, b, net in (("2024-05-05", "2024-05-12", 149.4), ("2024-05-12", "2024-05-19", 115.5)):
        got = change(store, layer="occupied+contested", start=date.fromisoformat(a), end=date.fromisoformat(b),
                     source="isw")
        assert got.gained_km2 == pytest.approx(area_km2(union[b].difference(union[a])), rel=0.01)
        assert got.lost_km2 == pytest.approx(area_km2(union[a].difference(union[b])), rel=0.01)
        assert got.net_km2 == pytest.approx(net, rel=0.01)
    first = change(store, layer="occupied+contested", start=date(2024, 5, 5), end=date(2024, 5, 12), source="isw")
    assert first.gained_km2 == pytest.approx(153.5, rel=0.01) and first.lost_km2 == pytest.approx(4.1, rel=0.02)


def test_the_archive_holds_215_weeks():
    with tarfile.open(shared_path(*ARCHIVE), "r|xz") as tar:
        weeks = {m.name.split("/")[1] for m in tar if m.name.endswith("control_map.topojson")}
    assert len(weeks) == 215 and min(weeks) == "2022-02-24" and max(weeks) == "2026-04-12"


def test_a_topojson_named_json_is_read_as_isw(store, tmp_path):
    week = tmp_path / "2024-05-12"
    week.mkdir()
    (week / "control_map.json").write_text(json.dumps(square(36.0, 48.0, 0.2)))
    assert import_paths(store, [tmp_path]).to_dict() == {"imported": 1, "skipped": 0, "failed": []}
    assert set(areas(store, "2024-05-12")) == {"occupied"}
