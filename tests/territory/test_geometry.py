"""Repair, flattening and dissolving; the grouped dissolve equals a plain union."""

from __future__ import annotations

import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import GeometryCollection, LineString, Point, Polygon, box

from frontwatch.errors import InvalidGeometry
from frontwatch.geodesy import area_km2
from frontwatch.territory.geometry import bbox_clusters, check_lonlat, clean_polygons, dissolve, polygon_parts
from frontwatch.territory.sources import GeometryCache, LayerParts, dissolve_measure


def test_collections_are_flattened_to_polygons_and_z_dropped():
    gc = GeometryCollection([box(0, 0, 1, 1), LineString([(0, 0), (2, 2)]), Point(5, 5),
                             shapely.force_3d(box(2, 2, 3, 3))])
    parts = clean_polygons(gc)
    assert [p.geom_type for p in parts] == ["Polygon", "Polygon"]
    assert not any(shapely.has_z(p) for p in parts)


def test_a_self_intersecting_ring_is_repaired_without_losing_area():
    bowtie = Polygon([(30, 48), (31, 49), (31, 48), (30, 49), (30, 48)])
    assert not bowtie.is_valid
    repaired = clean_polygons(bowtie)
    assert all(p.is_valid for p in repaired)
    assert area_km2(dissolve(repaired)) == pytest.approx(area_km2(box(30, 48, 31, 49)) / 2, rel=0.01)


def test_dissolve_counts_overlaps_once_and_is_a_valid_multipolygon():
    merged = dissolve([box(30, 48, 31, 49), box(30.5, 48, 31.5, 49)])
    assert merged.is_valid and merged.geom_type == "MultiPolygon"
    assert area_km2(merged) == pytest.approx(area_km2(box(30, 48, 31.5, 49)), rel=1e-4)
    assert dissolve([]).is_empty and polygon_parts(None) == []


@pytest.mark.parametrize("geom", [box(3_000_000, 6_000_000, 3_100_000, 6_100_000), box(-200, 0, -190, 1)])
def test_projected_coordinates_are_refused(geom):
    with pytest.raises(InvalidGeometry, match="EPSG:4326"):
        check_lonlat(geom)
    check_lonlat(box(-180, -90, 180, 90))


boxes = st.lists(
    st.tuples(st.floats(30, 38), st.floats(45, 51), st.floats(0.01, 1.5), st.floats(0.01, 1.5)).map(
        lambda t: box(t[0], t[1], t[0] + t[2], t[1] + t[3])),
    min_size=1, max_size=12)


@given(boxes)
def test_grouped_dissolve_equals_a_plain_union(polys):
    groups = bbox_clusters(polys)
    assert sorted(i for g in groups for i in g) == list(range(len(polys)))
    for a in groups:
        for b in groups:
            if a is not b:
                assert not shapely.union_all([polys[i] for i in a]).intersects(shapely.union_all([polys[i] for i in b]))
    parts = LayerParts()
    for i, p in enumerate(polys):
        parts.add([p], i.to_bytes(4, "little"))
    geom, km2 = dissolve_measure(parts, GeometryCache())
    plain = shapely.union_all(polys)
    assert geom.is_valid
    assert geom.symmetric_difference(plain).area < 1e-9
    assert km2 == pytest.approx(area_km2(plain), rel=1e-9, abs=1e-6)
