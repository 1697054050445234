"""Geometry done right before anything is measured: repair, flatten, 2D, polygons only, one dissolved shape per layer.

Real control maps are messy: about a quarter of DeepState's 2022 snapshots hold self-intersecting rings, some
features are GeometryCollections, every coordinate carries a Z. Everything here works in lon/lat (EPSG:4326);
areas are never computed here (``frontwatch.geodesy.area_km2`` is the only place).

>>> from shapely.geometry import Polygon
>>> bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])   # self-intersecting
>>> [p.is_valid for p in clean_polygons(bowtie)]
[True, True]
>>> dissolve([]).is_empty
True
>>> clean_polygons(None)
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import shapely
from shapely.geometry import GeometryCollection, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..errors import InvalidGeometry

#: A generous box around the war in Ukraine (lon 20..50 E, lat 40..60 N): DeepState's drawing artefacts
#: (a triangle in the Arabian Sea in 2023, a stray polygon over Somalia) fall outside it.
THEATRE_BOUNDS = (20.0, 40.0, 50.0, 60.0)


def polygon_parts(geom: BaseGeometry | None) -> list[Polygon]:
    """The non-empty polygons of any geometry; collections flattened, points and lines dropped."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon | GeometryCollection):
        return [p for part in geom.geoms for p in polygon_parts(part)]
    return []


def check_lonlat(geom: BaseGeometry, *, what: str = "geometry") -> None:
    """Raise InvalidGeometry when coordinates cannot be lon/lat degrees (a projected CRS such as EPSG:3857)."""
    if geom is None or geom.is_empty:
        return
    minx, miny, maxx, maxy = geom.bounds
    if min(minx, miny, maxx, maxy) != min(minx, miny, maxx, maxy):  # NaN
        raise InvalidGeometry(f"{what} has NaN coordinates: fix or drop the feature")
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise InvalidGeometry(
            f"{what} has coordinates outside lon/lat degrees (x {minx:.6g}..{maxx:.6g}, y {miny:.6g}..{maxy:.6g}): "
            "they look projected (e.g. EPSG:3857 metres); reproject to EPSG:4326 first, "
            "e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson"
        )


def clean_polygons(geom: BaseGeometry | None) -> list[Polygon]:
    """Valid 2D polygons of ``geom``: Z dropped, invalid rings repaired with ``make_valid``, collections flattened."""
    if geom is None or geom.is_empty:
        return []
    if shapely.has_z(geom):
        geom = shapely.force_2d(geom)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return polygon_parts(geom)


def in_box(poly: BaseGeometry, bounds: Sequence[float] = THEATRE_BOUNDS) -> bool:
    """True when ``poly``'s bounding box meets ``bounds`` (minx, miny, maxx, maxy)."""
    minx, miny, maxx, maxy = poly.bounds
    return not (maxx < bounds[0] or minx > bounds[2] or maxy < bounds[1] or miny > bounds[3])


def dissolve(polygons: Iterable[BaseGeometry]) -> MultiPolygon:
    """Union of valid polygons as one valid MultiPolygon (empty when there are none)."""
    parts = [p for p in polygons if p is not None and not p.is_empty]
    if not parts:
        return MultiPolygon()
    merged = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    if not merged.is_valid:  # union of valid inputs is valid; a single input may have come in unrepaired
        merged = shapely.make_valid(merged)
    return as_multipolygon(merged)


def as_multipolygon(geom: BaseGeometry) -> MultiPolygon:
    """``geom``'s polygons as one MultiPolygon (a uniform type for the store and for WKB comparison)."""
    if isinstance(geom, MultiPolygon):
        return geom
    return MultiPolygon(polygon_parts(geom))


def bbox_clusters(polygons: Sequence[BaseGeometry]) -> list[list[int]]:
    """Indices of ``polygons`` grouped so that polygons in different groups have disjoint bounding boxes.

    Only polygons within one group can overlap or touch, so a layer is dissolved group by group and the
    groups' unions put side by side form a valid MultiPolygon (and a group whose members did not change
    since the last snapshot need not be dissolved again).

    >>> from shapely.geometry import box
    >>> bbox_clusters([box(0, 0, 1, 1), box(5, 5, 6, 6), box(1, 0, 2, 1)])
    [[0, 2], [1]]
    """
    if not polygons:
        return []
    left, right = shapely.STRtree(polygons).query(polygons)
    parent = list(range(len(polygons)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(len(polygons)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
