"""Administrative regions (Ukraine's oblasts), used to split a change: bundled, or imported by the user.

Ukraine's 27 first-level regions from geoBoundaries (ODbL 1.0) come with the package as a separate data file,
``data/ukraine-adm1.geojson.gz`` (built by ``tools/build_regions.py``; attribution in NOTICE.md), so
``--by-region`` works out of the box. A file the user imports with ``frontwatch territory regions import FILE``
is stored as WKB and overrides the bundled one. Regions may include sea areas (geoBoundaries' do), which does
not matter for land taken.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson
import pyogrio
import pyogrio.raw
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ..errors import DataUnavailable, InputError, InvalidGeometry, NotFound, UnreadableFile
from ..geodesy import area_km2
from ..models import RegionChange
from .layers import polygonal

if TYPE_CHECKING:
    from ..store import Store

_HOW_TO = "import a boundary file first: frontwatch territory regions import FILE [--name-field shapeName]"
#: Ukraine's oblasts (geoBoundaries ADM1, ODbL 1.0), used when the store holds no regions of its own.
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "ukraine-adm1.geojson.gz"
BUNDLED_ORIGIN = "bundled: geoBoundaries Ukraine ADM1 (ODbL 1.0)"


def _read(path: Path) -> tuple[dict[str, Any], np.ndarray, list[np.ndarray]]:
    if not path.exists():
        raise NotFound(f"no such boundary file: {path}", path=str(path))
    try:
        meta, _fids, geoms, fields = pyogrio.raw.read(path)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError, ValueError) as exc:
        raise UnreadableFile(f"cannot read boundaries: {exc}; give a GeoJSON, GeoPackage or Shapefile",
                             path=str(path)) from exc
    return meta, geoms, fields


def _to_wgs84(geoms: np.ndarray, crs: str | None, path: Path) -> np.ndarray:
    """Reproject to lon/lat WGS84 when the file declares another CRS (EPSG:4326 axis order lon, lat)."""
    if not crs or CRS.from_user_input(crs).equals(CRS.from_epsg(4326), ignore_axis_order=True):
        return geoms
    try:
        transformer = Transformer.from_crs(crs, 4326, always_xy=True)
    except Exception as exc:
        raise InvalidGeometry(f"cannot reproject boundaries from {crs}: {exc}", path=str(path)) from exc
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def import_regions(
    store: Store, path: str | Path, *, name_field: str = "shapeName", iso_field: str | None = "shapeISO"
) -> int:
    """Replace the stored regions with the polygons of a boundary file; returns how many were stored."""
    path = Path(path)
    meta, wkbs, fields = _read(path)
    names = list(meta["fields"])
    if name_field not in names:
        raise InputError(f"no field {name_field!r} in {path.name}; fields: {', '.join(names)}; use --name-field",
                         path=str(path))
    iso_values = fields[names.index(iso_field)] if iso_field and iso_field in names else [None] * len(wkbs)
    geoms = _to_wgs84(shapely.from_wkb(wkbs), meta.get("crs"), path)
    rows = []
    for name, iso, geom in zip(fields[names.index(name_field)], iso_values, geoms, strict=True):
        poly = polygonal(shapely.make_valid(shapely.force_2d(geom)) if geom is not None else None)
        if not poly.is_empty and name:
            rows.append((str(name), str(iso) if iso else None, poly))
    if not rows:
        raise InvalidGeometry(f"no named polygons in {path.name}", path=str(path))
    minx, miny, maxx, maxy = shapely.total_bounds([g for _, _, g in rows])
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise InvalidGeometry(f"coordinates of {path.name} are not lon/lat degrees (bounds {minx:.0f}, {miny:.0f}, "
                              f"{maxx:.0f}, {maxy:.0f}); declare the file's CRS or reproject it", path=str(path))
    return store.replace_regions(rows, origin=path.name)


_CACHE: dict[tuple[str, int], tuple[list[tuple[str, str | None]], shapely.STRtree, list[BaseGeometry]]] = {}
_BUNDLED_ROWS: list[tuple[str, str | None, BaseGeometry]] = []


def bundled_regions(path: Path | None = None) -> list[tuple[str, str | None, BaseGeometry]]:
    """(name, iso, geometry) of the bundled oblasts; DataUnavailable when the file is missing or corrupt."""
    if path is None and _BUNDLED_ROWS:
        return _BUNDLED_ROWS
    target = path or BUNDLED
    try:
        doc = orjson.loads(gzip.decompress(target.read_bytes()))
        rows = [(str(f["properties"]["shapeName"]), f["properties"].get("shapeISO"), polygonal(shape(f["geometry"])))
                for f in doc["features"]]
        rows.sort(key=lambda row: row[0])  # as the store lists imported regions: by name
    except (OSError, EOFError, orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataUnavailable(f"the bundled boundaries {target} cannot be read ({type(exc).__name__}: {exc}): "
                              f"reinstall frontwatch, or {_HOW_TO}") from exc
    if path is None:
        _BUNDLED_ROWS[:] = rows
    return rows


def region_rows(store: Store) -> tuple[list[tuple[str, str | None, BaseGeometry]], str]:
    """(rows, origin): the regions the user imported into the store, else the bundled oblasts."""
    if store.count_regions():
        return store.load_regions(), "imported"
    return bundled_regions(), BUNDLED_ORIGIN


def _regions(store: Store) -> tuple[list[tuple[str, str | None]], shapely.STRtree, list[BaseGeometry]]:
    count = store.count_regions()
    key = (str(store.target), count) if count else ("bundled", 0)
    if key not in _CACHE:
        rows, _origin = region_rows(store)
        geoms = [g for _, _, g in rows]
        shapely.prepare(geoms)
        _CACHE.clear()
        _CACHE[key] = ([(n, i) for n, i, _ in rows], shapely.STRtree(geoms), geoms)
    return _CACHE[key]


def _areas_by_region(geom: BaseGeometry | None, tree: shapely.STRtree, geoms: list[BaseGeometry]) -> dict[int, float]:
    out: dict[int, float] = {}
    if geom is None or geom.is_empty:
        return out
    for part in shapely.get_parts(geom):
        for k in tree.query(part, predicate="intersects"):
            piece = part if geoms[k].contains(part) else shapely.intersection(part, geoms[k])
            out[int(k)] = out.get(int(k), 0.0) + area_km2(piece)
    return out


def split_by_region(store: Store, gained: BaseGeometry | None, lost: BaseGeometry | None) -> list[RegionChange]:
    """Gained, lost and net km² in each region touched, largest net first."""
    names, tree, geoms = _regions(store)
    won, gone = _areas_by_region(gained, tree, geoms), _areas_by_region(lost, tree, geoms)
    changes = [
        RegionChange(names[k][0], names[k][1] or "", won.get(k, 0.0), gone.get(k, 0.0),
                     won.get(k, 0.0) - gone.get(k, 0.0))
        for k in sorted(set(won) | set(gone))
    ]
    return sorted(changes, key=lambda r: (-abs(r.net_km2), r.name))
