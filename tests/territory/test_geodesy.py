"""Property tests of geodesy.area_km2 against an independent equal-area computation (EPSG:6933)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Transformer
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.polygon import orient

from frontwatch.geodesy import area_km2

# EPSG:6933 (WGS 84 / NSIDC EASE-Grid 2.0 Global) is equal-area on the WGS84 ellipsoid: planar area in it is
# ellipsoidal area, once edges are densified so straight lines in lon/lat and in the projection agree.
TO_EASE = Transformer.from_crs(4326, 6933, always_xy=True)


def ease_area_km2(geom, step_deg=0.005):
    dense = shapely.segmentize(geom, step_deg)
    projected = shapely.transform(dense, lambda xy: np.column_stack(TO_EASE.transform(xy[:, 0], xy[:, 1])))
    return projected.area / 1e6


def dense_geodesic(geom, step_deg=0.005):
    """The same polygon with vertices so close that geodesic and rhumb edges coincide (both sides use it)."""
    return shapely.segmentize(geom, step_deg)


lon = st.floats(22.0, 40.0)
lat = st.floats(44.0, 52.5)
size = st.floats(0.02, 1.0)
rects = st.tuples(lon, lat, size, size).map(lambda t: box(t[0], t[1], t[0] + t[2], t[1] + t[3]))
hex_rings = st.tuples(lon, lat, st.floats(0.05, 0.8), st.lists(st.floats(0.5, 1.0), min_size=6, max_size=6)).map(
    lambda t: Polygon([(t[0] + t[2] * r * np.cos(a), t[1] + t[2] * r * np.sin(a))
                       for r, a in zip(t[3], np.linspace(0, 2 * np.pi, 6, endpoint=False), strict=True)]))
shapes = st.one_of(rects, hex_rings)


@given(shapes)
def test_orientation_and_vertex_order_do_not_matter(poly):
    ccw, cw = orient(poly, 1.0), orient(poly, -1.0)
    coords = list(ccw.exterior.coords)[:-1]
    rotated = Polygon(coords[2:] + coords[:2])
    assert area_km2(ccw) == pytest.approx(area_km2(cw), rel=1e-12)
    assert area_km2(ccw) == pytest.approx(area_km2(rotated), rel=1e-9)


@given(shapes, st.floats(0.0, 0.9))
def test_area_is_never_negative_and_holes_subtract(poly, hole_scale):
    assert area_km2(poly) > 0
    hole = affinity.scale(poly, hole_scale, hole_scale) if hole_scale > 0.05 else None
    if hole is not None and hole.within(poly):
        holed = Polygon(poly.exterior.coords, [hole.exterior.coords])
        assert 0 <= area_km2(holed) == pytest.approx(area_km2(poly) - area_km2(hole), rel=1e-9, abs=1e-9)


@given(shapes)
def test_agrees_with_an_equal_area_projection_within_0_1_percent(poly):
    dense = dense_geodesic(poly)
    assert area_km2(dense) == pytest.approx(ease_area_km2(dense), rel=1e-3)


def test_a_degree_box_near_kharkiv_matches_the_projection():
    cell = dense_geodesic(box(36.0, 49.5, 37.0, 50.5))
    assert area_km2(cell) == pytest.approx(ease_area_km2(cell), rel=1e-4)
    assert area_km2(box(36, 49.5, 36, 50.5)) == 0.0  # degenerate
