"""Exact ground gained and lost between two layer geometries, fast when they differ little.

Consecutive control maps share almost all of their boundary. The symmetric difference of two
geometries is bounded by the boundary edges that are not common to both, so both are clipped to
the box around the unshared edges (plus a margin) before the overlay. Clipping with a box that
contains the whole symmetric difference changes neither ``b - a`` nor ``a - b``, so the result,
and its geodesic area, is the same as the full overlay's, only cheaper (GEOS OverlayNG clips
its input to the box envelope). Edges are compared with a consistent ring orientation
(exterior counter-clockwise, holes clockwise), so an edge common to both has the interior on
the same side in both and cannot bound the difference.

>>> from shapely.geometry import box
>>> d = diff(Shape(box(30, 48, 31, 49)), Shape(box(30, 48, 31.5, 49)))
>>> round(d.gained_km2, 9) == round(area_km2(box(31, 48, 31.5, 49)), 9), d.lost_km2
(True, 0.0)
>>> diff(Shape(box(30, 48, 31, 49)), Shape(box(30, 48, 31, 49))).gained_km2
0.0
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ..geodesy import area_km2
from .layers import combine, polygonal

#: Margin (degrees) around the unshared edges so no part of the difference touches the clip box.
_MARGIN_DEG = 1e-4


class Shape:
    """A layer geometry (or the parts of a layer sum) with what the overlay needs, computed once.

    A sum keeps its layers apart: the union is formed only inside the clip box, since
    ``(A | B) & R == (A & R) | (B & R)`` and the symmetric difference of two unions lies within the
    union of the layers' own symmetric differences.
    """

    def __init__(self, geometry: BaseGeometry | None = None, *, parts: list[BaseGeometry] | None = None) -> None:
        found = [polygonal(g) for g in (parts if parts is not None else [geometry])]
        self.parts = [g for g in found if not g.is_empty]

    @cached_property
    def geometry(self) -> BaseGeometry:
        """The whole geometry (the union of the parts of a sum)."""
        return combine(self.parts)

    def clipped(self, clip: BaseGeometry) -> BaseGeometry:
        """The geometry inside ``clip`` (a box), unioning a sum's parts only there."""
        pieces = [shapely.intersection(g, clip) for g in self.parts]
        return pieces[0] if len(pieces) == 1 else shapely.union_all(pieces)

    @cached_property
    def edges(self) -> np.ndarray:
        """Directed boundary edges (of every part) as one void-typed row each, for set comparison."""
        rows = []
        for part in self.parts:
            oriented = shapely.orient_polygons(part)
            for ring in shapely.get_rings(shapely.get_parts(oriented)):
                coords = shapely.get_coordinates(ring)
                rows.append(np.hstack([coords[:-1], coords[1:]]))
        if not rows:
            return np.empty(0, dtype=np.dtype((np.void, 32)))
        arr = np.ascontiguousarray(np.vstack(rows), dtype=np.float64)
        return arr.view(np.dtype((np.void, 32))).ravel()

    @property
    def is_empty(self) -> bool:
        return not self.parts

    @cached_property
    def area_km2(self) -> float:
        return area_km2(self.geometry)


@dataclass(frozen=True)
class Diff:
    """Gained (``b - a``) and lost (``a - b``) ground, in km², with the geometries when asked for."""

    gained_km2: float
    lost_km2: float
    gained: BaseGeometry | None = None
    lost: BaseGeometry | None = None


def changed_box(a: Shape, b: Shape) -> tuple[float, float, float, float] | None:
    """The box around the edges not common to ``a`` and ``b`` (None when they are the same)."""
    only_a = a.edges[~np.isin(a.edges, b.edges)]
    only_b = b.edges[~np.isin(b.edges, a.edges)]
    if not len(only_a) and not len(only_b):
        return None
    coords = np.concatenate([only_a, only_b]).view(np.float64).reshape(-1, 2)
    (minx, miny), (maxx, maxy) = coords.min(axis=0), coords.max(axis=0)
    return (minx - _MARGIN_DEG, miny - _MARGIN_DEG, maxx + _MARGIN_DEG, maxy + _MARGIN_DEG)


def diff(a: Shape, b: Shape, *, geometry: bool = False) -> Diff:
    """Exact gained and lost ground from ``a`` to ``b`` (geodesic areas, WGS84)."""
    if a.is_empty or b.is_empty:
        gained, lost = b.geometry, a.geometry
    else:
        bounds = changed_box(a, b)
        if bounds is None:
            empty = polygonal(None) if geometry else None
            return Diff(0.0, 0.0, empty, empty)
        clip = shapely.box(*bounds)
        ac, bc = a.clipped(clip), b.clipped(clip)
        gained, lost = shapely.difference(bc, ac), shapely.difference(ac, bc)
    gained, lost = polygonal(gained), polygonal(lost)
    return Diff(area_km2(gained), area_km2(lost), gained if geometry else None, lost if geometry else None)
