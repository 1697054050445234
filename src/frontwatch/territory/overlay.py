"""Exact ground gained and lost between two layer geometries, fast when they differ little.

Consecutive control maps share almost all of their boundary. The symmetric difference of two
geometries is bounded by the boundary edges that are not common to both, so both are clipped to
disjoint boxes around the unshared edges (one per cluster of changes along the front) before the
overlay. Clipping with boxes that contain the whole symmetric difference, clear of their borders,
changes neither ``b - a`` nor ``a - b``: the result, and its geodesic area, is the same as the
full overlay's, only cheaper (GEOS OverlayNG clips its input to the box envelope). Edges are
compared with a consistent ring orientation (exterior counter-clockwise, holes clockwise), so an
edge common to both has the interior on the same side in both and cannot bound the difference.

On the DeepState archive the figures agree with a whole-geometry overlay to within 8e-7 of the
change (0.004 km² at worst over 153 sampled pairs); where they differ, the whole overlay of two
large inputs dropped a sliver that lies in one map and not the other (checked on the largest).

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

#: Margin (degrees, ~1 km) around each unshared edge: changes closer than twice this share one box.
_GAP_DEG = 0.01


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
        """Directed boundary edges of every part, one row (x0, y0, x1, y1) each."""
        rows = []
        for part in self.parts:
            oriented = shapely.orient_polygons(part)
            for ring in shapely.get_rings(shapely.get_parts(oriented)):
                coords = shapely.get_coordinates(ring)
                rows.append(np.hstack([coords[:-1], coords[1:]]))
        return np.ascontiguousarray(np.vstack(rows), dtype=np.float64) if rows else np.empty((0, 4))

    @cached_property
    def edge_hashes(self) -> np.ndarray:
        """A 64-bit hash of each edge's exact bits (rows are then compared exactly where hashes match)."""
        bits = self.edges.view(np.uint64)
        mix = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
                       dtype=np.uint64)
        with np.errstate(over="ignore"):
            return np.bitwise_xor.reduce(bits * mix, axis=1) if len(bits) else np.empty(0, np.uint64)

    @cached_property
    def hash_order(self) -> tuple[np.ndarray, np.ndarray]:
        """The permutation sorting ``edge_hashes`` and the sorted hashes (each shape is compared twice)."""
        order = np.argsort(self.edge_hashes, kind="stable")
        return order, self.edge_hashes[order]

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


def _unshared(a: Shape, b: Shape) -> np.ndarray:
    """The edges of ``a`` that are not edges of ``b``.

    Hashes pick the candidates; a row whose hash matches but whose coordinates differ counts as
    unshared, so a collision can only enlarge the clip box, never shrink it (results stay exact).
    """
    ha, hb = a.edge_hashes, b.edge_hashes
    if not len(hb):
        return a.edges
    order, ordered = b.hash_order
    pos = np.clip(np.searchsorted(ordered, ha), 0, len(hb) - 1)
    match = order[pos]
    shared = (hb[match] == ha) & np.all(b.edges[match] == a.edges, axis=1)
    return a.edges[~shared]


def changed_boxes(a: Shape, b: Shape) -> list[tuple[float, float, float, float]]:
    """Disjoint boxes that together hold the symmetric difference of ``a`` and ``b`` (none if equal).

    Each unshared edge gets a box grown by ``_GAP_DEG``; the boxes are grouped so that groups'
    bounds are pairwise disjoint (``_separate``). A component of the symmetric difference is bounded by a loop of
    unshared edges in which consecutive edges touch or cross, so the whole loop, and what it
    encloses, falls in one box, clear of its border: clipping to the boxes changes nothing.
    """
    return boxes_around(np.concatenate([_unshared(a, b), _unshared(b, a)]))


def boxes_around(only: np.ndarray) -> list[tuple[float, float, float, float]]:
    """``changed_boxes`` from the unshared edges of both shapes (rows x0, y0, x1, y1)."""
    if not len(only):
        return []
    xs, ys = only[:, [0, 2]], only[:, [1, 3]]
    grow = np.array([-_GAP_DEG, -_GAP_DEG, _GAP_DEG, _GAP_DEG])
    boxes = np.column_stack([xs.min(axis=1), ys.min(axis=1), xs.max(axis=1), ys.max(axis=1)]) + grow
    return [(g[:, 0].min(), g[:, 1].min(), g[:, 2].max(), g[:, 3].max()) for g in _separate(boxes)]


def _separate(boxes: np.ndarray) -> list[np.ndarray]:
    """Split boxes (rows minx, miny, maxx, maxy) into groups with pairwise disjoint bounding boxes.

    Guillotine cuts: a group is split wherever a vertical or horizontal line crosses none of its
    boxes. Boxes that overlap or touch are never separated, and the groups' bounds cannot overlap.
    """
    done, todo = [], [boxes]
    while todo:
        group = todo.pop()
        for lo, hi in ((0, 2), (1, 3)):
            ordered = group[np.argsort(group[:, lo], kind="stable")]
            reach = np.maximum.accumulate(ordered[:, hi])
            cuts = np.flatnonzero(ordered[1:, lo] > reach[:-1]) + 1
            if len(cuts):
                todo.extend(np.split(ordered, cuts))
                break
        else:
            done.append(group)
    return done


def diff(a: Shape, b: Shape, *, geometry: bool = False) -> Diff:
    """Exact gained and lost ground from ``a`` to ``b`` (geodesic areas, WGS84)."""
    if a.is_empty or b.is_empty:
        gained, lost = polygonal(b.geometry), polygonal(a.geometry)
    else:
        gained_parts, lost_parts = [], []
        for bounds in changed_boxes(a, b):
            clip = shapely.box(*bounds)
            ac, bc = a.clipped(clip), b.clipped(clip)
            gained_parts.append(shapely.difference(bc, ac))
            lost_parts.append(shapely.difference(ac, bc))
        # the boxes are disjoint, so the pieces are too: collecting them is their union
        gained = polygonal(shapely.GeometryCollection(gained_parts))
        lost = polygonal(shapely.GeometryCollection(lost_parts))
    return Diff(area_km2(gained), area_km2(lost), gained if geometry else None, lost if geometry else None)
