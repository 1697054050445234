"""Any vector file (GeoJSON, GeoPackage, Shapefile, KML/KMZ, FlatGeobuf) with a layer map, read through pyogrio.

A layer map (``--layer-map FILE``) says which features belong to which layer. Either a flat object matched
against every property value (colours are normalised, other text compared case-insensitively)::

    {"#a52714": "occupied", "Grey zone": "contested", "#ff5252": null}

or one naming the property, plus optional ``source`` (the name stored, default ``geojson``) and
``time_property``::

    {"property": "status", "values": {"occupied": "occupied", "contested": "contested"}, "source": "mymap"}

``null`` drops the features on purpose; a value the map does not list is kept under ``unmapped_<value>``
(counted in no total) and reported, so nothing is lost silently. Over DeepState files the map extends or
overrides the dated colour legend. For KML the folder (OGR layer) name is offered as the property ``layer``.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import orjson
import shapely
from shapely.geometry import mapping

from ..errors import ConfigError, InvalidGeometry, NotFound, UnknownLayer, UnreadableFile
from . import colours
from .raw import POLYGONAL, GeometryCache, RawSnapshot, ReadOptions, _day_key, _feature_polygons, _features
from .snapshot_time import _need_time, time_from_name, time_from_properties, time_from_value

_LAYER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class LayerMap:
    """Property values (normalised) -> layer names; None drops the feature."""

    values: Mapping[str, str | None]
    property: str | None = None
    source: str = "geojson"
    time_property: str | None = None
    origin: str = ""

    def match(self, props: Mapping[str, Any]) -> tuple[bool, str | None, object]:
        """(matched, layer, value looked at) for one feature's properties."""
        candidates = [props.get(self.property)] if self.property else list(props.values())
        for value in candidates:
            key = normalise_value(value)
            if key is not None and key in self.values:
                return True, self.values[key], value
        return False, None, candidates[0] if self.property and candidates else None


def normalise_value(value: object) -> str | None:
    """How map keys and property values are compared: colours as ``#rrggbb``, text case-folded and trimmed."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return colours.normalise_colour(text) or text.casefold() or None


def load_layer_map(path: str | Path) -> LayerMap:
    """Read and check a layer-map JSON file (ConfigError naming the file and the bad entry)."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"layer map {path} does not exist: check the --layer-map path")
    try:
        doc = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as exc:
        raise ConfigError(f"layer map {path} is not valid JSON ({exc}): fix the file") from exc
    return layer_map_from_dict(doc, origin=str(path))


def layer_map_from_dict(doc: Any, *, origin: str = "layer map") -> LayerMap:
    """A LayerMap from its JSON form (flat, or with ``property``/``values``)."""
    if not isinstance(doc, dict) or not doc:
        raise ConfigError(
            f"{origin}: expected a JSON object mapping values to layers, e.g. {{\"#a52714\": \"occupied\"}}"
        )
    structured = "values" in doc
    values = doc["values"] if structured else doc
    if not isinstance(values, dict) or not values:
        raise ConfigError(f"{origin}: 'values' must be an object mapping property values to layer names")
    table: dict[str, str | None] = {}
    for raw_key, layer in values.items():
        if layer is not None and not (isinstance(layer, str) and _LAYER_NAME.match(layer)):
            raise ConfigError(
                f"{origin}: {raw_key!r} maps to {layer!r}; a layer is a lower-case name such as occupied, "
                f"contested, claimed, liberated (or null to drop the features)"
            )
        key = normalise_value(raw_key)
        if key is None:
            raise ConfigError(f"{origin}: empty key in the layer map")
        table[key] = layer
    source = doc.get("source", "geojson") if structured else "geojson"
    if not isinstance(source, str) or not _LAYER_NAME.match(source):
        raise ConfigError(f"{origin}: 'source' must be a lower-case name, got {source!r}")
    return LayerMap(table, doc.get("property") if structured else None, source,
                    doc.get("time_property") if structured else None, origin)


def read_mapped(doc: Any, *, name: str, sha: str, opts: ReadOptions, cache: GeometryCache) -> RawSnapshot:
    """A snapshot whose layers come from the layer map."""
    lmap: LayerMap | None = opts.layer_map
    if lmap is None:
        raise UnknownLayer(
            "no layer map for a generic file: give --layer-map FILE mapping a property value or colour to a layer"
        )
    features = [f for f in _features(doc) if isinstance(f.get("geometry"), dict)
                and f["geometry"].get("type") in POLYGONAL]
    first_props = features[0].get("properties") or {} if features else {}
    moment = _need_time(
        time_from_value(first_props.get(lmap.time_property)) if lmap.time_property else None,
        time_from_properties(doc if isinstance(doc, dict) else None), time_from_name(name), opts.time,
        time_from_properties(first_props), what="file",
    )
    source = opts.source if opts.source not in ("auto", "geojson") else lmap.source
    stem = PurePosixPath(name.rsplit("!", 1)[-1]).name.split(".")[0]
    raw = RawSnapshot(source, f"{stem}@{_day_key(moment)}", moment, name, sha)
    unmatched: dict[str, int] = {}
    for feature in features:
        matched, layer, value = lmap.match(feature.get("properties") or {})
        if layer is None:  # an unmatched feature has no layer either
            if matched:
                continue
            layer = colours.unmapped_layer(value if value is not None else "none")
            unmatched[layer] = unmatched.get(layer, 0) + 1
        fingerprint, (polys, _, _) = _feature_polygons(feature["geometry"], cache)
        raw.layer(layer).add(polys, fingerprint + layer.encode())
    from .raw import Note

    for layer, count in unmatched.items():
        raw.notes.append(Note(name, f"unmatched {layer}", (
            f"{count} feature(s) match no entry of the layer map {lmap.origin}: kept as layer '{layer}', "
            "counted in no total; add the value to the map")))
    return raw


def read_ogr(name: str, data: bytes | None, *, path: str | None = None) -> dict[str, Any]:
    """Any OGR-readable file as a GeoJSON-like FeatureCollection in lon/lat (reprojected when it has a CRS).

    GDAL picks its driver by file extension, so bytes from an archive go through a named temporary file
    (only for these formats, which are rare; DeepState's JSON never touches the disk).
    """
    import pyogrio

    member = PurePosixPath(name.rsplit("!", 1)[-1]).name
    with contextlib.ExitStack() as stack:
        if data is None:  # a shapefile: on disk, or in a zip read in place with its .dbf/.shx
            source = f"/vsizip/{path}/{name.rsplit('!', 1)[-1]}" if path and "!" in name else (path or name)
        elif path and "!" not in name:
            source = path
        else:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="frontwatch-"))
            source = str(Path(folder) / member)
            Path(source).write_bytes(data)
        try:
            features: list[dict[str, Any]] = []
            for row in pyogrio.list_layers(source):
                features.extend(_ogr_layer(source, str(row[0])))
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
            raise UnreadableFile(
                f"not a readable vector file ({_gdal_reason(exc, source)}): check the format and that it is complete"
            ) from exc
    return {"type": "FeatureCollection", "features": features}


def _gdal_reason(exc: BaseException, source: str) -> str:
    """GDAL's message without the path (the failure line names the file already) or its hint about drivers.

    >>> _gdal_reason(ValueError("'/tmp/x.gpkg' not recognized as being in a supported file format.; It might "
    ...                         "help to specify the correct driver"), "/tmp/x.gpkg")
    'not recognized as being in a supported file format'
    """
    text = str(exc).split("; It might help")[0]
    for form in (f"'{source}' ", f"{source} ", f"'{source}'", source):
        text = text.replace(form, "")
    return " ".join(text.split()).strip(" .:") or type(exc).__name__


def _ogr_layer(source: Any, layer: str) -> list[dict[str, Any]]:
    from pyogrio import raw

    meta, _, geometries, fields = raw.read(source, layer=layer, datetime_as_string=True)
    geoms = shapely.from_wkb(geometries)
    crs = meta.get("crs")
    if crs and not _is_lonlat(crs):
        geoms = _to_lonlat(geoms, crs)
    names = list(meta["fields"])
    out = []
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty or geom.geom_type not in POLYGONAL | {"MultiPolygon"}:
            continue
        props = {key: _plain(fields[k][i]) for k, key in enumerate(names)}
        props.setdefault("layer", layer)
        out.append({"type": "Feature", "properties": props, "geometry": mapping(shapely.force_2d(geom))})
    return out


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _is_lonlat(crs: str) -> bool:
    return crs.upper() in ("EPSG:4326", "OGC:CRS84", "CRS84") or "CRS84" in crs.upper()


def _to_lonlat(geoms: Any, crs: str) -> Any:
    """Reproject to EPSG:4326 (lon, lat order) with pyproj."""
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError

    try:
        transformer = Transformer.from_crs(CRS.from_user_input(crs), "EPSG:4326", always_xy=True)
    except CRSError as exc:
        raise InvalidGeometry(f"unknown coordinate reference system {crs!r} ({exc}): reproject to EPSG:4326") from exc
    return shapely.transform(geoms, lambda xy: _stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _stack(xy: tuple[Any, Any]) -> Any:
    import numpy as np

    return np.column_stack(xy)
