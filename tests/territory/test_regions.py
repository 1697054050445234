import json
from datetime import date

import pytest
from pyproj import Geod, Transformer
from shapely.geometry import box, mapping

from frontwatch.errors import DataUnavailable, InputError, NotFound, UnreadableFile
from frontwatch.territory.changes import change
from frontwatch.territory.regions import bundled_regions, import_regions
from tests.conftest import shared_path

from .conftest import fill

GEOD = Geod(ellps="WGS84")


def km2(geom) -> float:
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def write_regions(path, features, crs=None):
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": mapping(geom)} for props, geom in features]}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(doc))
    return path


@pytest.fixture
def two_regions(store, tmp_path):
    west, east = box(36.0, 47.0, 38.0, 49.0), box(38.0, 47.0, 40.0, 49.0)
    path = write_regions(tmp_path / "r.geojson", [({"shapeName": "West", "shapeISO": "XX-1"}, west),
                                                  ({"shapeName": "East", "shapeISO": "XX-2"}, east)])
    assert import_regions(store, path) == 2
    fill(store, date(2024, 5, 1), [{"occupied": box(37.0, 48.0, 37.9, 48.5)},
                                   {"occupied": box(37.1, 48.0, 38.3, 48.5)}])
    return store


def test_split_by_region_adds_up(two_regions):
    r = change(two_regions, start=date(2024, 5, 1), end=date(2024, 5, 2), by_region=True)
    regions = {x.name: x for x in r.regions}
    assert regions["East"].gained_km2 == pytest.approx(km2(box(38.0, 48.0, 38.3, 48.5)), rel=1e-9)
    assert regions["East"].lost_km2 == 0.0 and regions["East"].iso == "XX-2"
    assert regions["West"].lost_km2 == pytest.approx(km2(box(37.0, 48.0, 37.1, 48.5)), rel=1e-9)
    # cutting at the 38th meridian adds vertices off the 0.5-degree geodesic edges (see test_changes)
    assert sum(x.gained_km2 for x in r.regions) == pytest.approx(r.gained_km2, rel=1e-5)
    assert sum(x.lost_km2 for x in r.regions) == pytest.approx(r.lost_km2, rel=1e-5)
    assert r.to_dict()["regions"][0]["name"] == "East"  # largest net first


def test_reimport_replaces_and_fields_are_checked(two_regions, tmp_path):
    path = write_regions(tmp_path / "one.geojson", [({"NAME_1": "Only"}, box(30, 45, 41, 53))])
    with pytest.raises(InputError, match="NAME_1"):
        import_regions(two_regions, path)
    assert import_regions(two_regions, path, name_field="NAME_1", iso_field=None) == 1
    r = change(two_regions, start=date(2024, 5, 1), end=date(2024, 5, 2), by_region=True)
    assert [x.name for x in r.regions] == ["Only"]


def test_without_an_import_the_bundled_oblasts_split_a_change(store):
    # around Chuhuiv, well inside Kharkiv oblast
    fill(store, date(2024, 5, 1), [{"occupied": box(36.6, 49.8, 36.7, 49.9)},
                                   {"occupied": box(36.6, 49.8, 36.8, 49.9)}])
    r = change(store, start=date(2024, 5, 1), end=date(2024, 5, 2), by_region=True)
    assert [(x.name, x.iso) for x in r.regions] == [("Kharkiv Oblast", "UA-63")]
    assert r.regions[0].gained_km2 == pytest.approx(km2(box(36.7, 49.8, 36.8, 49.9)), rel=1e-6)


def test_the_bundled_oblasts_are_27_and_a_corrupt_copy_says_what_to_do(tmp_path):
    rows = bundled_regions()
    assert len(rows) == 27 and {"Kharkiv Oblast", "Autonomous Republic of Crimea", "Kyiv"} <= {n for n, _, _ in rows}
    assert all(g.is_valid and not g.is_empty for _, _, g in rows)
    broken = tmp_path / "adm1.geojson.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(DataUnavailable, match=r"cannot be read.*territory regions import"):
        bundled_regions(broken)
    with pytest.raises(DataUnavailable, match="cannot be read"):
        bundled_regions(tmp_path / "missing.geojson.gz")


def test_the_bundled_oblasts_split_as_the_full_geoboundaries_file_does(store):
    """The bundled file is simplified (0.002°): a real week's split differs from the full file's by < 0.5 %."""
    fill(store, date(2024, 5, 1), [{"occupied": box(36.5, 49.5, 38.5, 50.5)},
                                   {"occupied": box(35.5, 47.0, 39.5, 50.5)}])
    bundled = {x.name: x.gained_km2 for x in change(store, start=date(2024, 5, 1), end=date(2024, 5, 2),
                                                      by_region=True).regions}
    import_regions(store, shared_path("data", "territory", "boundaries", "ukraine-adm1.geojson"))
    full = {x.name: x.gained_km2 for x in change(store, start=date(2024, 5, 1), end=date(2024, 5, 2),
                                                   by_region=True).regions}
    assert set(bundled) == set(full) == {"Kharkiv Oblast", "Donetsk Oblast", "Luhansk Oblast",
                                         "Dnipropetrovsk Oblast", "Zaporizhia Oblast", "Sumy Oblast"}
    for name, km2_full in full.items():
        assert bundled[name] == pytest.approx(km2_full, rel=0.005), name


def test_bad_files(store, tmp_path):
    with pytest.raises(NotFound):
        import_regions(store, tmp_path / "missing.geojson")
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureColl')
    with pytest.raises(UnreadableFile):
        import_regions(store, bad)


def test_projected_file_is_reprojected(store, tmp_path):
    # Web Mercator (EPSG:3857) metres for lon 36..38, lat 47..49
    x0, y0, x1, y1 = Transformer.from_crs(4326, 3857, always_xy=True).transform_bounds(36.0, 47.0, 38.0, 49.0)
    path = write_regions(tmp_path / "merc.geojson", [({"shapeName": "M"}, box(x0, y0, x1, y1))],
                         crs="urn:ogc:def:crs:EPSG::3857")
    import_regions(store, path)
    (_name, _iso, geom), = store.load_regions()
    assert geom.bounds == pytest.approx((36.0, 47.0, 38.0, 49.0), abs=1e-3)


def test_geoboundaries_oblasts(store):
    assert import_regions(store, shared_path("data", "territory", "boundaries", "ukraine-adm1.geojson")) == 27
    names = {n for n, _, _ in store.load_regions()}
    assert {"Kharkiv Oblast", "Donetsk Oblast"} <= names
