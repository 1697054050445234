"""Readers that turn one snapshot file into layers: DeepStateMap, cyterat, ISW-style layer files, any OGR format.

Every reader returns :class:`RawSnapshot` objects (cleaned polygons per layer, not yet dissolved);
:func:`finish` dissolves each layer and measures it. ``read_entry`` is the one call the importer makes per file,
in-process or in a worker process, so everything here is picklable and free of store access.

Sources and their layers (CONTRACTS names; see ``colours.py`` for DeepState's dated legend):

* ``deepstate``: the raw API FeatureCollection (``/api/history/{id}/geojson``), polygons with a ``fill`` colour,
  or the API's wrapped response ``{"map": FeatureCollection, "id": ..., "createdAt": ...}``
  (``/api/history/last``). Time from the id (Unix seconds, in the file name or the wrapper).
* ``cyterat``: cyterat/deepstate-map-data's daily files, ONE MultiPolygon of all occupied land (occupied since
  2022 and before, Crimea included) per day. It cannot be split, so it is stored as the layer
  ``occupied_total`` (not ``occupied``); the unified ``deepstate-map-data.geojson`` (one feature per ``date``)
  gives one snapshot per feature.
* ``isw``: ISW's layers (assessed control, assessed advances, claimed, pre-2022, claimed Ukrainian
  counteroffensives), told apart by a ``layer`` property or the file name, or ISW's weekly TopoJSON; mapped to
  CONTRACTS layers in ``isw.py`` (control -> ``occupied``, which for ISW includes Crimea; advances -> ``contested``).
* ``geojson``: any GeoJSON, GeoPackage, Shapefile, KML or KMZ with a layer map (``formats.py``).
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

import orjson
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from ..errors import InvalidGeometry, UnknownLayer
from ..geodesy import area_km2
from ..models import LayerGeometry, Snapshot
from . import colours
from .geometry import bbox_clusters, dissolve, polygon_parts
from .raw import (
    ISW_LAYER_KEYS,
    POLYGONAL,
    GeometryCache,
    LayerParts,
    Note,
    Prepared,
    RawSnapshot,
    ReadOptions,
    Record,
    _day_key,
    _digest,
    _feature_polygons,
    _features,
    _polygons_of,
    checked_feature,
    isw_layer_of,
    parse_json,
)
from .snapshot_time import (
    _need_time,
    deepstate_id,
    time_from_name,
    time_from_properties,
    time_from_value,
)

SOURCES = ("auto", "deepstate", "cyterat", "isw", "geojson")
_OGR_SUFFIXES = (".gpkg", ".shp", ".kml", ".kmz", ".fgb", ".gml", ".sqlite")
_JSON_SUFFIXES = (".geojson", ".json")
SNAPSHOT_SUFFIXES = _JSON_SUFFIXES + _OGR_SUFFIXES + (".topojson",)  # TopoJSON: ISW's weekly maps (isw.py)


_FC_HEAD = b'{"type":"FeatureCollection","features":['
_FEATURE_HEAD = b'{"type":"Feature",'


def split_features(data: bytes) -> list[bytes] | None:
    """The features of a compact FeatureCollection as DeepState's API writes it, as byte slices; None otherwise.

    A fast path only: a slice is trusted once it parses as a whole Feature on its own (a separator inside a
    string would leave a slice that does not), and the caller falls back to parsing the whole file.

    >>> split_features(b'{"type":"FeatureCollection","features":[{"type":"Feature","a":1},'
    ...                b'{"type":"Feature","b":2}]}')
    [b'{"type":"Feature","a":1}', b'{"type":"Feature","b":2}']
    """
    body = data.strip()
    if not (body.startswith(_FC_HEAD) and body.endswith(b"]}")):
        return None
    inner = body[len(_FC_HEAD):-2]
    if not inner.startswith(_FEATURE_HEAD):
        return None
    parts = inner.split(b"," + _FEATURE_HEAD)
    return [parts[0], *(_FEATURE_HEAD + part for part in parts[1:])]


def records_from_slices(slices: list[bytes], cache: GeometryCache) -> list[Record] | None:
    """Records of the polygonal features among ``slices``; only slices not seen before are parsed."""
    out: list[Record] = []
    for index, piece in enumerate(slices):
        key = _digest(piece)
        record = cache.records.get(key)
        if record is not None:
            cache.records.move_to_end(key)
        else:
            try:
                feature = orjson.loads(piece)
            except orjson.JSONDecodeError:
                return None
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                return None
            feature = checked_feature(feature, index)
            geometry = feature.get("geometry")
            record = ()
            if isinstance(geometry, dict) and geometry.get("type") in POLYGONAL:
                record = (feature.get("properties") or {}, key, _polygons_of(geometry))
            cache.keep_record(key, record)
        if record:
            out.append(record)
    return out


def records_from_features(features: list[dict[str, Any]], cache: GeometryCache) -> list[Record]:
    """Records of the polygonal features of a parsed FeatureCollection."""
    out: list[Record] = []
    for feature in features:
        geometry = feature.get("geometry")
        if isinstance(geometry, dict) and geometry.get("type") in POLYGONAL:
            fingerprint, polys = _feature_polygons(geometry, cache)
            out.append((feature.get("properties") or {}, fingerprint, polys))
    return out


def read_deepstate(
    doc: Any, *, name: str, sha: str, opts: ReadOptions, cache: GeometryCache, records: list[Record] | None = None
) -> RawSnapshot:
    """A DeepStateMap snapshot (raw FeatureCollection or the API's ``{"map": ...}`` wrapper).

    ``records`` are the features already read by the fast path (``doc`` is then None).
    """
    wrapper = doc if isinstance(doc, dict) and isinstance(doc.get("map"), dict) else {}
    if records is None:
        records = records_from_features(_features(wrapper.get("map", doc)), cache)
    ident = deepstate_id(name) or (str(wrapper["id"]) if str(wrapper.get("id", "")).isdigit() else None)
    moment = _need_time(
        time_from_value(int(ident)) if ident else None, time_from_properties(wrapper), opts.time, what="snapshot"
    )
    raw = RawSnapshot("deepstate", ident or moment.strftime("%Y-%m-%dT%H:%M:%SZ"), moment, name, sha)
    scheme = colours.scheme_at(moment)
    unknown: dict[str, int] = {}
    dropped: dict[str, float] = {}
    for props, fingerprint, (polys, kept, lost_km2) in records:
        colour = colours.normalise_colour(props.get("fill")) or _colour_from_style(props.get("styleUrl"))
        layer = scheme.colours.get(colour) if colour else None
        if opts.layer_map is not None:
            matched, mapped, _ = opts.layer_map.match(props)
            if matched and mapped is None:
                continue
            layer = mapped if matched else layer
        if layer is None:
            layer = colours.unmapped_layer(colour or props.get("fill") or "none")
            if kept:  # an artefact outside the theatre is reported as dropped, not as kept
                unknown[layer] = unknown.get(layer, 0) + 1
        if layer != colours.SATIRICAL_FOREIGN:
            if lost_km2:
                dropped[colour or "?"] = dropped.get(colour or "?", 0.0) + lost_km2
            polys = kept
        raw.layer(layer).add(polys, fingerprint + layer.encode())
    _deepstate_notes(raw, unknown, dropped)
    return raw


def _colour_from_style(style: object) -> str | None:
    """KML-derived style ids carry the colour: ``#poly-A52714-1000-...``."""
    match = re.search(r"poly-([0-9A-Fa-f]{6})", style) if isinstance(style, str) else None
    return colours.normalise_colour(match.group(1)) if match else None


def _deepstate_notes(raw: RawSnapshot, unknown: dict[str, int], dropped: dict[str, float]) -> None:
    for layer, count in unknown.items():
        raw.notes.append(Note(raw.origin, f"unknown colour {layer}", (
            f"{count} polygon(s) of a colour DeepState's legend of {raw.time:%Y-%m-%d} does not define: kept "
            f"as layer '{layer}' and counted in no total; map it with --layer-map if it belongs to a layer")))
    for colour, km2 in dropped.items():
        raw.notes.append(Note(raw.origin, f"outside theatre {colour}", (
            f"dropped {km2:,.0f} km² of {colour} polygons outside the theatre of war (lon 20..50, lat 40..60): "
            "drawing artefacts, not front lines")))


def read_cyterat(doc: Any, *, name: str, sha: str, opts: ReadOptions, cache: GeometryCache) -> list[RawSnapshot]:
    """cyterat archives: one MultiPolygon of ALL occupied land per day, stored as layer ``occupied_total``.

    A daily file (``deepstatemap_data_YYYYMMDD.geojson``) gives one snapshot dated by its name (00:00 UTC);
    the unified archive (features with a ``date``) gives one snapshot per feature.
    """
    features = [f for f in _features(doc) if (f.get("geometry") or {}).get("type") in POLYGONAL]
    dated = [(time_from_properties(f.get("properties")), f) for f in features]
    known = [(moment, f) for moment, f in dated if moment]
    if len(features) > 1 and len(known) == len(dated):
        groups: dict[datetime, list[dict[str, Any]]] = {}
        for day, feature in known:
            groups.setdefault(day, []).append(feature)
    else:
        moment = _need_time(time_from_name(name), time_from_properties(doc), dated[0][0] if dated else None,
                            opts.time, what="cyterat file")
        groups = {moment: features}
    out = []
    for moment, group in sorted(groups.items()):
        raw = RawSnapshot("cyterat", _day_key(moment), moment, name, sha if len(groups) == 1 else f"{sha}:{moment:%F}")
        for feature in group:
            fingerprint, (_, kept, _) = _feature_polygons(feature["geometry"], cache)
            raw.layer(colours.OCCUPIED_TOTAL).add(kept, fingerprint)
        out.append(raw)
    return out


# ---------------------------------------------------------------- ISW


def _isw_feature_layer(props: dict[str, Any], file_layer: str | None) -> str | None:
    for key in ISW_LAYER_KEYS:
        found = isw_layer_of(props.get(key))
        if found:
            return found
    return file_layer


def read_isw(doc: Any, *, name: str, sha: str, opts: ReadOptions, cache: GeometryCache) -> RawSnapshot:
    """An ISW-style layer file: features told apart by a ``layer`` property or, failing that, the file name."""
    features = [f for f in _features(doc) if (f.get("geometry") or {}).get("type") in POLYGONAL]
    file_layer = isw_layer_of(PurePosixPath(name.rsplit("!", 1)[-1]).stem.replace("_", " "))
    moment = _need_time(time_from_properties(doc), time_from_name(name),
                        time_from_properties(features[0].get("properties")) if features else None,
                        opts.time, what="ISW layer file")
    raw = RawSnapshot("isw", _day_key(moment), moment, name, sha, partial=True)
    missing = 0
    for feature in features:
        layer = _isw_feature_layer(feature.get("properties") or {}, file_layer)
        if layer is None:
            missing += 1
            continue
        fingerprint, (_, kept, _) = _feature_polygons(feature["geometry"], cache)
        raw.layer(layer).add(kept, fingerprint)
    if missing and not raw.parts:
        raise UnknownLayer(
            "cannot tell which ISW layer the polygons belong to (no 'layer' property, nothing in the file name): "
            "name the file e.g. isw-advances-2024-05-15.geojson or give --layer-map"
        )
    if missing:
        raw.notes.append(Note(name, "isw unlabelled", f"{missing} feature(s) name no ISW layer: left out"))
    return raw


# ---------------------------------------------------------------- dispatch and finish


def detect_source(doc: Any, name: str, opts: ReadOptions) -> str:
    """Which reader a document needs: ``opts.source`` unless ``auto``; a layer map means ``geojson``
    except over DeepState files, whose legend it extends."""
    base = PurePosixPath(name.rsplit("!", 1)[-1]).name.lower()
    wrapped = isinstance(doc, dict) and isinstance(doc.get("map"), dict)
    if opts.source != "auto":
        return opts.source
    features = [] if wrapped else _features(doc)
    if wrapped or any("fill" in (f.get("properties") or {}) for f in features[:200]):
        return "deepstate"
    if opts.layer_map is not None:
        return "geojson"
    if base.startswith(("deepstatemap_data", "deepstate-map-data")):
        return "cyterat"
    if "isw" in base or any(_isw_feature_layer(f.get("properties") or {}, None) for f in features[:50]):
        return "isw"
    raise UnknownLayer(
        "cannot tell the source or layers of this file (no DeepState 'fill' colours, no ISW layer names): "
        "give --source deepstate|cyterat|isw, or --layer-map FILE mapping a property value to a layer"
    )


def read_entry(
    name: str, data: bytes | None, opts: ReadOptions, cache: GeometryCache, *, path: str | None = None
) -> list[Prepared]:
    """Read and finish one snapshot file (the work a worker process does); raises FrontwatchError on bad input.

    ``data`` is the file's bytes; None for a shapefile read in place from ``path`` (a file, or the zip holding it).
    """
    sha = hashlib.sha256(data if data is not None else name.encode()).hexdigest()
    fast = _deepstate_fast(name, data, sha, opts, cache)
    if fast is not None:
        return [finish(fast, cache)]
    if data is not None and name.lower().endswith(".topojson"):
        from .isw import read_topojson

        return [_pending(read_topojson(name, data, sha=sha, opts=opts))]
    if data is None or name.lower().endswith(_OGR_SUFFIXES):
        from .formats import read_ogr

        doc = read_ogr(name, data, path=path)
    else:
        doc = parse_json(data)
    if data is not None and isinstance(doc, dict) and doc.get("type") == "Topology":  # TopoJSON named .json
        from .isw import read_topojson

        return [_pending(read_topojson(name, data, sha=sha, opts=opts))]
    source = detect_source(doc, name, opts)
    if source == "deepstate":
        raws = [read_deepstate(doc, name=name, sha=sha, opts=opts, cache=cache)]
    elif source == "cyterat":
        raws = read_cyterat(doc, name=name, sha=sha, opts=opts, cache=cache)
    elif source == "isw" and opts.layer_map is None:
        raws = [read_isw(doc, name=name, sha=sha, opts=opts, cache=cache)]
    else:
        from .formats import read_mapped

        raws = [read_mapped(doc, name=name, sha=sha, opts=opts, cache=cache)]
    return [finish(raw, cache) if not raw.partial else _pending(raw) for raw in raws]


def _deepstate_fast(
    name: str, data: bytes | None, sha: str, opts: ReadOptions, cache: GeometryCache
) -> RawSnapshot | None:
    """A raw DeepState file read slice by slice, parsing only features not seen in earlier snapshots.

    Profile of the 2024 archive: JSON parsing was 40% of a worker's time, yet a day's map repeats most of the
    previous day's features byte for byte. None when the file is not in the API's compact form.
    """
    if data is None or opts.source not in ("auto", "deepstate") or b'"fill"' not in data[:4096]:
        return None
    slices = split_features(data)
    records = records_from_slices(slices, cache) if slices else None
    if records is None:
        return None
    return read_deepstate(None, name=name, sha=sha, opts=opts, cache=cache, records=records)


def _pending(raw: RawSnapshot) -> Prepared:
    """A partial snapshot travels with its raw parts; the importer merges and finishes it."""
    return Prepared(Snapshot(raw.source, raw.key, raw.time, raw.origin, raw.sha256), [], raw.notes, raw)


def dissolve_measure(parts: LayerParts, cache: GeometryCache) -> tuple[BaseGeometry, float]:
    """One layer's polygons dissolved into a valid MultiPolygon, and its geodesic area in km².

    Polygons are dissolved per group of overlapping bounding boxes (``bbox_clusters``); groups are disjoint,
    so the layer is their side-by-side union and its area the sum of theirs. A group whose features are
    unchanged since an earlier snapshot comes from the cache: most of a day's map is yesterday's.
    """
    if parts.fingerprints is None:
        merged = dissolve(parts.polygons)
        return merged, area_km2(merged)
    pieces: list[BaseGeometry] = []
    total = 0.0
    for group in bbox_clusters(parts.polygons):
        members = [parts.polygons[i] for i in group]
        key = _digest(b"".join(sorted(parts.fingerprints[i] for i in group)))

        def make(members: list[BaseGeometry] = members) -> tuple[BaseGeometry, float]:
            merged = dissolve(members)
            return merged, area_km2(merged)

        geometry, km2 = cache.layer(key, make)
        pieces.extend(polygon_parts(geometry))
        total += km2
    return MultiPolygon(pieces), total


def finish(raw: RawSnapshot, cache: GeometryCache | None = None) -> Prepared:
    """Dissolve each layer to one valid MultiPolygon and measure it geodesically; no polygons at all is an error."""
    cache = cache or GeometryCache(0, 0)
    if raw.source == "isw":
        from .isw import isw_layers as isw_contract_layers  # control -> occupied, advances -> contested

        groups = {layer: LayerParts(polys, None) for layer, polys in isw_contract_layers(raw).items()}
    else:
        groups = raw.parts
    layers = []
    for layer, parts in sorted(groups.items()):
        geometry, km2 = dissolve_measure(parts, cache)
        if not geometry.is_empty:
            layers.append(LayerGeometry(layer, geometry, km2))
    if not layers:
        raise InvalidGeometry(
            "no polygons in this snapshot (only points, lines or empty geometries): is it a control map? "
            "Check the file, or that the right --source was used"
        )
    snapshot = Snapshot(raw.source, raw.key, raw.time, raw.origin, raw.sha256)
    return Prepared(snapshot, layers, raw.notes)
