"""Readers: DeepState (raw, wrapped, fast path), cyterat, ISW-style layers, OGR formats with a layer map."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from datetime import UTC, datetime

import numpy as np
import pytest
import shapely
from shapely.geometry import box, mapping

from frontwatch.errors import InvalidGeometry, MissingTime, UnknownLayer, UnreadableFile
from frontwatch.geodesy import area_km2
from frontwatch.territory.formats import layer_map_from_dict
from frontwatch.territory.sources import GeometryCache, ReadOptions, read_entry, split_features, time_from_name
from tests.conftest import shared_path

MAY_2024 = 1715817600  # 2024-05-16T00:00:00Z
APRIL_2022 = 1649581805  # before DeepState's legend changed on 2022-05-29


def feature(geom, fill=None, **props):
    if fill is not None:
        props["fill"] = fill
    return {"type": "Feature", "properties": props, "geometry": mapping(geom) if not isinstance(geom, dict) else geom}


def collection(*features, **extra):
    return {"type": "FeatureCollection", "features": list(features), **extra}


def compact(doc) -> bytes:
    """As DeepState's API writes it: no spaces."""
    return json.dumps(doc, separators=(",", ":")).encode()


def read(name, doc_or_bytes, **opts):
    data = doc_or_bytes if isinstance(doc_or_bytes, bytes) else compact(doc_or_bytes)
    return read_entry(name, data, ReadOptions(**opts), GeometryCache())


def layers_of(prepared):
    return {layer.layer: layer for layer in prepared.layers}


A = box(36.0, 48.0, 36.2, 48.2)
B = box(36.1, 48.0, 36.3, 48.2)  # overlaps A
C = box(37.0, 47.0, 37.1, 47.1)
ABROAD = box(24.0, 59.0, 24.5, 59.5)  # "occupied Estonia"
ARABIAN_SEA = box(64.0, 14.0, 64.5, 14.5)


def deepstate_doc():
    return collection(
        feature(A, "#a52714", name="Окуповано"),
        feature(B, "#A52714"),
        feature(C, "#bcaaa4"),
        feature(box(33.0, 45.0, 34.0, 46.0), "#880e4f"),
        feature(ABROAD, "#ff5252"),
        feature({"type": "Point", "coordinates": [36.0, 48.0, 0]}, None, name="a unit"),
    )


def test_deepstate_layers_are_dissolved_valid_and_measured_geodesically():
    [prep] = read(f"{MAY_2024}.geojson", deepstate_doc())
    got = layers_of(prep)
    assert prep.snapshot.source == "deepstate" and prep.snapshot.key == str(MAY_2024)
    assert prep.snapshot.time == datetime(2024, 5, 16, tzinfo=UTC)
    assert set(got) == {"occupied", "contested", "occupied_pre2022", "foreign_satirical"}
    occupied = got["occupied"].geometry
    assert occupied.is_valid and occupied.geom_type == "MultiPolygon" and len(occupied.geoms) == 1
    assert got["occupied"].area_km2 == pytest.approx(area_km2(A.union(B)), rel=1e-9)
    assert got["occupied"].area_km2 < area_km2(A) + area_km2(B)  # the overlap counts once


def test_the_legend_is_dated_880e4f_was_transnistria_before_june_2022():
    early = layers_of(read(f"{APRIL_2022}.geojson", deepstate_doc())[0])
    late = layers_of(read(f"{MAY_2024}.geojson", deepstate_doc())[0])
    crimea_km2 = area_km2(box(33.0, 45.0, 34.0, 46.0))
    assert "occupied_pre2022" not in early and early["foreign_satirical"].area_km2 > crimea_km2
    assert late["occupied_pre2022"].area_km2 == pytest.approx(crimea_km2)


def test_3d_coordinates_geometry_collections_and_bowties_are_repaired():
    bowtie = {"type": "Polygon", "coordinates": [[[36, 48, 0], [37, 49, 0], [37, 48, 0], [36, 49, 0], [36, 48, 0]]]}
    gc = {"type": "GeometryCollection", "geometries": [
        mapping(C), {"type": "LineString", "coordinates": [[30, 50], [31, 51]]}]}
    [prep] = read(f"{MAY_2024}.geojson", collection(feature(bowtie, "#a52714"), feature(gc, "#bcaaa4")))
    got = layers_of(prep)
    assert all(layer.geometry.is_valid and not shapely.has_z(layer.geometry) for layer in prep.layers)
    assert got["occupied"].area_km2 == pytest.approx(area_km2(box(36, 48, 37, 49)) / 2, rel=0.01)
    assert got["contested"].area_km2 == pytest.approx(area_km2(C))


def test_drawing_artefacts_outside_the_theatre_are_dropped_with_a_warning():
    doc = collection(feature(A, "#a52714"), feature(ARABIAN_SEA, "#bcaaa4"), feature(C, "#bcaaa4"))
    [prep] = read(f"{MAY_2024}.geojson", doc)
    assert layers_of(prep)["contested"].area_km2 == pytest.approx(area_km2(C))
    assert any("outside the theatre" in n.message for n in prep.notes)


def test_an_unknown_colour_is_kept_apart_and_reported():
    [prep] = read(f"{MAY_2024}.geojson", collection(feature(A, "#a52714"), feature(C, "#123abc")))
    assert layers_of(prep)["unmapped_123abc"].area_km2 == pytest.approx(area_km2(C))
    assert [n.kind for n in prep.notes] == ["unknown colour unmapped_123abc"]


def test_a_layer_map_extends_the_deepstate_legend():
    lmap = layer_map_from_dict({"#123abc": "contested"})
    [prep] = read_entry(f"{MAY_2024}.geojson", compact(collection(feature(A, "#a52714"), feature(C, "#123abc"))),
                        ReadOptions(layer_map=lmap), GeometryCache())
    assert set(layers_of(prep)) == {"occupied", "contested"} and not prep.notes


def test_the_fast_path_reads_the_same_as_a_full_parse():
    doc = deepstate_doc()
    cache = GeometryCache()
    fast = read_entry(f"{MAY_2024}.geojson", compact(doc), ReadOptions(), cache)[0]
    again = read_entry(f"{MAY_2024 + 60}.geojson", compact(doc), ReadOptions(), cache)[0]  # all from the cache
    pretty = read_entry(f"{MAY_2024}.geojson", json.dumps(doc, indent=1).encode(), ReadOptions(), GeometryCache())[0]
    assert split_features(json.dumps(doc, indent=1).encode()) is None
    for other in (again, pretty):
        for name, layer in layers_of(fast).items():
            assert layers_of(other)[name].area_km2 == pytest.approx(layer.area_km2, rel=1e-12)
            assert layers_of(other)[name].geometry.symmetric_difference(layer.geometry).area < 1e-12


def test_a_separator_inside_a_string_falls_back_to_a_full_parse():
    doc = collection(feature(A, "#a52714", description=',{"type":"Feature",'), feature(C, "#bcaaa4"))
    [prep] = read(f"{MAY_2024}.geojson", doc)
    assert set(layers_of(prep)) == {"occupied", "contested"}


def test_the_api_wrapper_gives_its_id_and_time():
    wrapped = {"id": MAY_2024, "createdAt": "2024-05-16T00:00:00.000Z", "map": deepstate_doc()}
    [prep] = read("last.json", wrapped)
    assert prep.snapshot.key == str(MAY_2024) and prep.snapshot.time == datetime(2024, 5, 16, tzinfo=UTC)


def test_time_from_the_option_when_the_file_has_none():
    [prep] = read("map.geojson", deepstate_doc(), time=datetime(2024, 5, 1, 20, tzinfo=UTC))
    assert prep.snapshot.time == datetime(2024, 5, 1, 20, tzinfo=UTC)
    with pytest.raises(MissingTime, match="--time"):
        read("map.geojson", deepstate_doc())


@pytest.mark.parametrize(("data", "match"), [
    (b"", "empty"),
    (b'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Pol', "truncated"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not JSON"),
    (b"[1, 2, 3]", "expected a GeoJSON FeatureCollection"),
])
def test_unreadable_files_say_why(data, match):
    with pytest.raises(UnreadableFile, match=match):
        read(f"{MAY_2024}.geojson", data, source="deepstate")


def test_no_polygons_and_projected_coordinates_are_invalid_geometry():
    points = collection(feature({"type": "Point", "coordinates": [36, 48]}, "#a52714"))
    with pytest.raises(InvalidGeometry, match="no polygons"):
        read(f"{MAY_2024}.geojson", points)
    mercator = collection(feature(box(4_000_000, 6_100_000, 4_010_000, 6_110_000), "#a52714"))
    with pytest.raises(InvalidGeometry, match="EPSG:4326"):
        read(f"{MAY_2024}.geojson", mercator)


def test_a_file_of_unknown_shape_asks_for_a_source_or_layer_map():
    with pytest.raises(UnknownLayer, match="--layer-map"):
        read("map-2024-05-01.geojson", collection(feature(A, None, status="occupied")))


def test_time_from_name_reads_ids_and_dates():
    assert time_from_name("x.tar.xz!1711917948.geojson") == datetime(2024, 3, 31, 20, 45, 48, tzinfo=UTC)
    assert time_from_name("isw-20240515T2010.geojson") == datetime(2024, 5, 15, 20, 10, tzinfo=UTC)
    assert time_from_name("control-2024-05-15.geojson") == datetime(2024, 5, 15, tzinfo=UTC)
    assert time_from_name("v2.geojson") is None


# ---------------------------------------------------------------- cyterat and ISW


def test_cyterat_daily_file_is_one_occupied_total_layer():
    path = shared_path("data", "territory", "cyterat", "deepstatemap_data_20240708.geojson")
    [prep] = read(path.name, path.read_bytes())
    assert (prep.snapshot.source, prep.snapshot.key) == ("cyterat", "2024-07-08")
    [layer] = prep.layers
    assert layer.layer == "occupied_total" and layer.geometry.is_valid
    assert 100_000 < layer.area_km2 < 120_000  # occupied since 2022 and before, Crimea included


def test_cyterat_unified_archive_gives_one_snapshot_per_date():
    doc = collection(feature(A, None, date="2024-07-08"), feature(B, None, date="2024-07-09"))
    preps = read("deepstate-map-data.geojson", doc)
    assert [p.snapshot.key for p in preps] == ["2024-07-08", "2024-07-09"]
    assert len({p.snapshot.content_sha256 for p in preps}) == 2


def test_isw_layers_control_is_occupied_advances_contested_pre2022_apart():
    """Issue 16: ISW's assessed control is stored as occupied (it includes Crimea and the pre-2022 areas),
    its assessed advances as contested; pre-2022 and claimed keep their own layers."""
    pre = box(36.0, 48.0, 36.1, 48.2)
    doc = collection(
        feature(A, None, layer="Assessed Russian-controlled Ukrainian Territory"),
        feature(C, None, layer="Assessed Russian Advances in Ukraine"),
        feature(pre, None, layer="Russian-controlled Ukrainian Territory before February 24, 2022"),
        feature(B, None, layer="Claimed Russian Territory in Ukraine"),
    )
    [pending] = read("isw-2024-05-15.geojson", doc)
    assert pending.raw is not None and pending.raw.partial  # merged with other layer files by the importer
    from frontwatch.territory.sources import finish

    got = layers_of(finish(pending.raw))
    assert got["occupied"].area_km2 == pytest.approx(area_km2(A), rel=1e-9)
    assert got["contested"].area_km2 == pytest.approx(area_km2(C), rel=1e-9)
    assert got["claimed"].area_km2 == pytest.approx(area_km2(B))
    assert got["occupied_pre2022"].area_km2 == pytest.approx(area_km2(pre))


# ---------------------------------------------------------------- OGR formats with a layer map


def _write(tmp_path, name, driver, geoms, status, crs="EPSG:4326"):
    from pyogrio.raw import write

    path = tmp_path / name
    write(path, np.array(shapely.to_wkb(geoms), dtype=object), [np.array(status, dtype=object)], ["status"],
          driver=driver, geometry_type="Polygon", crs=crs, layer="maps")
    return path


LMAP = {"property": "status", "values": {"occ": "occupied", "grey": "contested", "ignore": None}}


@pytest.mark.parametrize(("name", "driver"), [("m-2024-05-15.gpkg", "GPKG"), ("m-2024-05-15.kml", "KML")])
def test_geopackage_and_kml_with_a_layer_map(tmp_path, name, driver):
    path = _write(tmp_path, name, driver, [A, C, B, box(36.5, 48.5, 36.6, 48.6)], ["occ", "grey", "ignore", "???"])
    [prep] = read_entry(name, path.read_bytes(), ReadOptions(layer_map=layer_map_from_dict(LMAP)), GeometryCache())
    got = layers_of(prep)
    assert got["occupied"].area_km2 == pytest.approx(area_km2(A), rel=1e-6)
    assert got["contested"].area_km2 == pytest.approx(area_km2(C), rel=1e-6)
    assert "unmapped____" in got or any(k.startswith("unmapped_") for k in got)
    assert prep.snapshot.source == "geojson" and prep.snapshot.time == datetime(2024, 5, 15, tzinfo=UTC)


def test_a_projected_geopackage_is_reprojected(tmp_path):
    from pyproj import Transformer

    to_mercator = Transformer.from_crs(4326, 3857, always_xy=True)
    projected = shapely.transform(A, lambda xy: np.column_stack(to_mercator.transform(xy[:, 0], xy[:, 1])))
    path = _write(tmp_path, "m-2024-05-15.gpkg", "GPKG", [projected], ["occ"], crs="EPSG:3857")
    [prep] = read_entry(path.name, path.read_bytes(), ReadOptions(layer_map=layer_map_from_dict(LMAP)), GeometryCache())
    assert layers_of(prep)["occupied"].area_km2 == pytest.approx(area_km2(A), rel=1e-6)


def test_shapefile_in_a_zip_and_kmz(tmp_path):
    shp = _write(tmp_path, "m-2024-05-15.shp", "ESRI Shapefile", [A], ["occ"])
    archive = tmp_path / "maps.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in tmp_path.glob("m-2024-05-15.*"):
            zf.write(part, part.name)
    opts = ReadOptions(layer_map=layer_map_from_dict(LMAP))
    [prep] = read_entry(f"{archive}!{shp.name}", None, opts, GeometryCache(), path=str(archive))
    assert layers_of(prep)["occupied"].area_km2 == pytest.approx(area_km2(A), rel=1e-6)
    kml = _write(tmp_path, "k.kml", "KML", [C], ["grey"])
    kmz = io.BytesIO()
    with zipfile.ZipFile(kmz, "w") as zf:
        zf.write(kml, "doc.kml")
    by_folder = ReadOptions(layer_map=layer_map_from_dict({"maps": "contested"}))  # the KML folder's name
    [prep] = read_entry("k-2024-05-16.kmz", kmz.getvalue(), by_folder, GeometryCache())
    assert layers_of(prep)["contested"].area_km2 == pytest.approx(area_km2(C), rel=1e-6)


# ---------------------------------------------------------------- real snapshots


def real_snapshots(*ids: int) -> dict[int, bytes]:
    """Raw DeepState snapshots extracted from the shared archive at test time (never copied into the repo)."""
    wanted = {f"{i}.geojson" for i in ids}
    out = {}
    years = sorted({datetime.fromtimestamp(i, UTC).year for i in ids})
    for year in years:
        archive = shared_path("data", "territory", "deepstate", f"deepstate-{year}.tar.xz")
        with tarfile.open(archive, "r|xz") as tar:
            for member in tar:
                if member.name in wanted:
                    out[int(member.name.split(".")[0])] = tar.extractfile(member).read()
                    if len(out) == len(ids):
                        return out
    return out


def test_real_snapshots_agree_with_an_independent_union():
    """Occupied area of real 2022 and 2024 snapshots vs a plain shapely union of their #a52714 polygons."""
    for ident, data in real_snapshots(1648989208, 1704145957).items():  # the first of 2022 and of 2024
        [prep] = read_entry(f"{ident}.geojson", data, ReadOptions(), GeometryCache())
        doc = json.loads(data)
        polys = [shapely.make_valid(shapely.force_2d(shapely.geometry.shape(f["geometry"])))
                 for f in doc["features"] if f["properties"].get("fill") == "#a52714"]
        expected = area_km2(shapely.union_all(polys))
        assert layers_of(prep)["occupied"].area_km2 == pytest.approx(expected, rel=1e-6)
        assert all(layer.geometry.is_valid for layer in prep.layers)
