"""Property tests of the area maths (STYLE.md): exact identities of gained and lost ground.

Geometry is drawn as unions of small boxes with ~1 km edges, as on real control maps; the
identities hold exactly in set terms and to floating point (and the sub-metre sliver of a
planar cut on a geodesic edge) in km².
"""

from __future__ import annotations

import shapely
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Polygon, box

from frontwatch.geodesy import area_km2
from frontwatch.territory.overlay import Shape, diff

CELL = 0.02  # degrees, about 2 km


@st.composite
def regions(draw):
    """A union of grid cells near the front (lon 37..37.4, lat 48..48.3), sometimes empty."""
    cells = draw(st.sets(st.tuples(st.integers(0, 19), st.integers(0, 14)), max_size=25))
    boxes = [box(37 + i * CELL, 48 + j * CELL, 37 + (i + 1) * CELL, 48 + (j + 1) * CELL) for i, j in cells]
    geom = shapely.union_all(boxes) if boxes else Polygon()
    return shapely.segmentize(geom, 0.01)


def tol(*geoms) -> float:
    return 1e-9 * max([area_km2(g) for g in geoms] + [1.0])


@given(regions(), regions())
def test_gained_one_way_is_lost_the_other(a, b):
    there, back = diff(Shape(a), Shape(b)), diff(Shape(b), Shape(a))
    assert abs(there.gained_km2 - back.lost_km2) <= tol(a, b)
    assert abs(there.lost_km2 - back.gained_km2) <= tol(a, b)


@given(regions(), regions())
def test_net_is_the_difference_of_areas(a, b):
    d = diff(Shape(a), Shape(b))
    assert abs((d.gained_km2 - d.lost_km2) - (area_km2(b) - area_km2(a))) <= 1e-6 * max(area_km2(a), area_km2(b), 1)


@given(regions())
def test_a_state_against_itself_is_zero(a):
    d = diff(Shape(a), Shape(a))
    assert (d.gained_km2, d.lost_km2) == (0.0, 0.0)


@given(regions(), regions())
def test_no_area_is_negative(a, b):
    d = diff(Shape(a), Shape(b))
    assert d.gained_km2 >= 0.0 and d.lost_km2 >= 0.0


@given(regions(), regions())
def test_vertex_order_does_not_matter(a, b):
    reversed_b = shapely.reverse(b)
    rotated_a = shapely.normalize(a)
    d1, d2 = diff(Shape(a), Shape(b)), diff(Shape(rotated_a), Shape(reversed_b))
    assert abs(d1.gained_km2 - d2.gained_km2) <= tol(a, b)
    assert abs(d1.lost_km2 - d2.lost_km2) <= tol(a, b)


@given(regions(), regions())
def test_clipped_overlay_equals_the_full_overlay(a, b):
    """The speed-up (overlay clipped to the unshared edges' box) changes no figure."""
    d = diff(Shape(a), Shape(b))
    assert abs(d.gained_km2 - area_km2(shapely.difference(b, a))) <= tol(a, b)
    assert abs(d.lost_km2 - area_km2(shapely.difference(a, b))) <= tol(a, b)


@given(regions(), regions(), regions())
def test_a_sum_of_layers_is_measured_as_their_union(a, b, c):
    """Sums keep their layers apart and union them inside the clip box: same as the union's overlay."""
    d = diff(Shape(parts=[a, b]), Shape(parts=[b, c]))
    full_a, full_b = shapely.union(a, b), shapely.union(b, c)
    assert abs(d.gained_km2 - area_km2(shapely.difference(full_b, full_a))) <= tol(full_a, full_b)
    assert abs(d.lost_km2 - area_km2(shapely.difference(full_a, full_b))) <= tol(full_a, full_b)
