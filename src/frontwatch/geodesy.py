"""Geodesic measurement on the WGS84 ellipsoid (EPSG:4326): the only place areas and distances are computed.

Areas use GeographicLib's exact polygon algorithm (Karney 2013, "Algorithms for geodesics") through
``pyproj.Geod``; shapely's ``.area`` is planar in degrees and must never be used for a figure.

>>> from shapely.geometry import box
>>> round(area_km2(box(30.0, 50.0, 31.0, 51.0)), 1)
7892.1
>>> area_km2(None)
0.0
>>> from shapely.geometry import Polygon
>>> area_km2(Polygon())
0.0
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

WGS84 = Geod(ellps="WGS84")
_M2_PER_KM2 = 1_000_000.0
KM2_PER_SQ_MILE = 2.589988110336  # international mile: 1609.344 m, squared


def _ring_area_m2(coords: np.ndarray) -> float:
    """Absolute geodesic area of one closed ring of (lon, lat) coordinates, in m²."""
    if len(coords) < 4:
        return 0.0
    area, _ = WGS84.polygon_area_perimeter(coords[:, 0], coords[:, 1])
    return abs(area)


def _polygon_parts(geom: BaseGeometry) -> Iterable[BaseGeometry]:
    """Yield the polygons of any geometry (collections flattened, lines and points ignored)."""
    if geom is None or geom.is_empty:
        return
    kind = geom.geom_type
    if kind == "Polygon":
        yield geom
    elif kind in ("MultiPolygon", "GeometryCollection"):
        for part in geom.geoms:
            yield from _polygon_parts(part)


def area_km2(geom: BaseGeometry | None) -> float:
    """Geodesic area in km² of the polygons in ``geom`` (lon/lat, WGS84); holes subtract.

    The result does not depend on ring orientation. Overlapping parts of a MultiPolygon are
    counted twice, so callers pass valid (dissolved) geometry, as ``territory.geometry`` makes it.
    """
    total_m2 = 0.0
    for poly in _polygon_parts(geom):
        shell = _ring_area_m2(shapely.get_coordinates(poly.exterior))
        holes = sum(_ring_area_m2(shapely.get_coordinates(ring)) for ring in poly.interiors)
        total_m2 += max(shell - holes, 0.0)
    return total_m2 / _M2_PER_KM2


def areas_km2(polygons: np.ndarray) -> np.ndarray:
    """Geodesic area in km² of each polygon of an array (as ``area_km2`` of each, in one pass).

    For the many small pieces of ``territory.atoms``: the rings' coordinates are read once, so the
    per-polygon cost is one GeographicLib call per ring.
    """
    polygons = np.asarray(polygons, dtype=object)
    out = np.zeros(len(polygons))
    if not len(polygons):
        return out
    rings, owner = shapely.get_rings(polygons, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    bounds = np.searchsorted(ring_of, np.arange(len(rings) + 1))
    is_shell = np.concatenate([[True], owner[1:] != owner[:-1]])  # a polygon's rings: its shell, then holes
    for k in range(len(rings)):
        area = _ring_area_m2(coords[bounds[k]:bounds[k + 1]])
        out[owner[k]] += area if is_shell[k] else -area
    return np.maximum(out, 0.0) / _M2_PER_KM2


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in km between two points on the WGS84 ellipsoid.

    >>> round(distance_km(50.0, 36.25, 50.0, 36.25), 3)
    0.0
    >>> round(distance_km(49.9935, 36.2304, 50.4501, 30.5234))  # Kharkiv to Kyiv
    410
    """
    for v in (lat1, lon1, lat2, lon2):  # a plain loop: the geocoder measures ~100 distances per place name
        if v is None or (v != v and isinstance(v, float)):  # v != v: NaN
            raise ValueError(f"distance_km needs four coordinates, got {(lat1, lon1, lat2, lon2)!r}")
    _, _, dist_m = WGS84.inv(lon1, lat1, lon2, lat2)
    return dist_m / 1000.0


def km2_to_sq_miles(km2: float) -> float:
    """Convert km² to square miles (international mile)."""
    return km2 / KM2_PER_SQ_MILE


def sq_miles_to_km2(sq_miles: float) -> float:
    """Convert square miles (international mile) to km²."""
    return sq_miles * KM2_PER_SQ_MILE
