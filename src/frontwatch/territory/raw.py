"""What every snapshot reader shares: the raw snapshot types, the geometry memo, and GeoJSON feature checks.

Split out of ``sources.py`` so the per-format readers (``formats.py``, ``isw.py``) and the dispatcher
(``sources.py``) import these without importing each other.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ..errors import InvalidGeometry, UnreadableFile
from ..geodesy import area_km2
from ..models import LayerGeometry, Snapshot
from .geometry import check_lonlat, clean_polygons, in_box

if TYPE_CHECKING:
    from .formats import LayerMap

_T = TypeVar("_T")

POLYGONAL = frozenset({"Polygon", "MultiPolygon", "GeometryCollection"})


@dataclass(frozen=True)
class Note:
    """A warning about one file; ``kind`` groups the same warning over many files in the report."""

    path: str
    kind: str
    message: str


@dataclass
class LayerParts:
    """The cleaned polygons of one layer of one snapshot, with the fingerprints of the features they came from."""

    polygons: list[BaseGeometry] = field(default_factory=list)
    fingerprints: list[bytes] | None = field(default_factory=list)  # one per polygon; None: not cacheable

    def add(self, polygons: list[BaseGeometry], fingerprint: bytes | None) -> None:
        """Add a feature's polygons; ``fingerprint`` identifies the feature (None: not cacheable)."""
        self.polygons.extend(polygons)
        if fingerprint is None or self.fingerprints is None:
            self.fingerprints = None
        else:
            self.fingerprints.extend(fingerprint + i.to_bytes(4, "little") for i in range(len(polygons)))


@dataclass
class RawSnapshot:
    """One snapshot as read: cleaned polygons per layer, not yet dissolved."""

    source: str
    key: str
    time: datetime
    origin: str
    sha256: str
    parts: dict[str, LayerParts] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    partial: bool = False  # one layer file of a multi-file snapshot (ISW): merged by key before storing

    def layer(self, name: str) -> LayerParts:
        return self.parts.setdefault(name, LayerParts())


@dataclass
class Prepared:
    """A snapshot ready for ``store.add_snapshot``."""

    snapshot: Snapshot
    layers: list[LayerGeometry]
    notes: list[Note] = field(default_factory=list)
    raw: RawSnapshot | None = None  # set for a partial snapshot (ISW layer file) still to be merged


@dataclass(frozen=True)
class ReadOptions:
    """What the user said about the files: source, fallback time, layer map (parsed, see ``formats.LayerMap``)."""

    source: str = "auto"
    time: datetime | None = None
    layer_map: LayerMap | None = None


#: One feature's cleaned geometry: (all polygons, polygons in the theatre, km² outside it).
FeaturePolygons = tuple[list[BaseGeometry], list[BaseGeometry], float]

#: A feature record: (properties, fingerprint, its polygons); ``()`` memoises a feature that is not polygonal.
Record = tuple[dict[str, Any], bytes, FeaturePolygons]


class GeometryCache:
    """Per-process memo of cleaned features and dissolved layers: consecutive snapshots share most features.

    Bounded (least recently used first out) so a long import keeps flat memory. ``features`` is keyed by a
    geometry's content, ``records`` by a whole feature's bytes (the DeepState fast path, ``records_from_slices``).
    """

    def __init__(self, max_features: int = 20_000, max_layers: int = 4_000) -> None:
        self.features: OrderedDict[bytes, FeaturePolygons] = OrderedDict()
        self.records: OrderedDict[bytes, Record | tuple[()]] = OrderedDict()
        self.layers: OrderedDict[bytes, tuple[BaseGeometry, float]] = OrderedDict()
        self._limits = (max_features, max_layers)

    def feature(self, key: bytes, make: Callable[[], FeaturePolygons]) -> FeaturePolygons:
        return _memo(self.features, key, make, self._limits[0])

    def keep_record(self, key: bytes, record: Record | tuple[()]) -> None:
        _keep(self.records, key, record, self._limits[0])

    def layer(self, key: bytes | None, make: Callable[[], tuple[BaseGeometry, float]]) -> tuple[BaseGeometry, float]:
        return make() if key is None else _memo(self.layers, key, make, self._limits[1])


def _memo(table: OrderedDict[bytes, _T], key: bytes, make: Callable[[], _T], limit: int) -> _T:
    hit = table.get(key)
    if hit is not None:
        table.move_to_end(key)
        return hit
    value = make()
    _keep(table, key, value, limit)
    return value


def _keep(table: OrderedDict[bytes, _T], key: bytes, value: _T, limit: int) -> None:
    table[key] = value
    if len(table) > limit:
        table.popitem(last=False)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def parse_json(data: bytes) -> Any:
    """The JSON document in ``data``, or UnreadableFile saying why (empty, truncated, not JSON)."""
    if not data.strip():
        raise UnreadableFile("the file is empty: download or export it again")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        hint = "it looks truncated" if data.lstrip()[:1] in (b"{", b"[") else "it is not JSON"
        raise UnreadableFile(f"not valid JSON ({exc}); {hint}: download or export it again") from exc


def _features(doc: Any) -> list[dict[str, Any]]:
    """The checked features of a GeoJSON document (see ``checked_feature``)."""
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection" and isinstance(doc.get("features"), list):
        return [checked_feature(f, k) for k, f in enumerate(doc["features"])]
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        return [checked_feature(doc, 0)]
    raise UnreadableFile(
        f"expected a GeoJSON FeatureCollection, got {_describe(doc)}: is this a control-map snapshot?"
    )


def checked_feature(feature: Any, index: int) -> dict[str, Any]:
    """``feature`` if it is a GeoJSON Feature whose ``properties`` and ``geometry`` are objects (or null, which
    RFC 7946 allows: null properties become ``{}``); otherwise UnreadableFile naming the feature. A file with such a
    feature is refused whole: a feature we cannot read could be part of a layer, and a total without it is wrong.

    >>> checked_feature({"type": "Feature", "properties": None, "geometry": None}, 0)["properties"]
    {}
    >>> checked_feature({"type": "Feature", "properties": "fill=#a52714", "geometry": None}, 3)
    Traceback (most recent call last):
    frontwatch.errors.UnreadableFile: feature 3: "properties" is a JSON str, expected an object or null: ...
    """
    problem = None
    if not isinstance(feature, dict):
        problem = f"is a JSON {type(feature).__name__}, expected a Feature object"
    elif feature.get("properties") is not None and not isinstance(feature["properties"], dict):
        problem = f'"properties" is a JSON {type(feature["properties"]).__name__}, expected an object or null'
    elif feature.get("geometry") is not None and not (
        isinstance(feature["geometry"], dict) and isinstance(feature["geometry"].get("type"), str)
    ):
        problem = f'"geometry" is {_describe(feature["geometry"])}, expected a GeoJSON geometry object or null'
    if problem:
        raise UnreadableFile(f"feature {index}: {problem}: fix or drop that feature and import the file again")
    if feature.get("properties") is None:
        feature["properties"] = {}
    return feature


def _describe(doc: Any) -> str:
    if isinstance(doc, dict):
        return f"an object with keys {sorted(doc)[:6]}"
    return f"a JSON {type(doc).__name__}"


def _polygons_of(geometry: dict[str, Any]) -> FeaturePolygons:
    """(all polygons, polygons inside the theatre, km² dropped outside it) of one GeoJSON geometry."""
    try:
        geom = shape(geometry)
    except Exception as exc:
        raise InvalidGeometry(
            f"malformed {geometry.get('type')} geometry ({exc}): fix or drop the feature"
        ) from exc
    check_lonlat(geom, what=f"a {geometry.get('type')}")
    polys = clean_polygons(geom)
    kept = [p for p in polys if in_box(p)]
    dropped = sum(area_km2(p) for p in polys if not in_box(p)) if len(kept) < len(polys) else 0.0
    return polys, kept, dropped


def _feature_polygons(
    geometry: dict[str, Any], cache: GeometryCache
) -> tuple[bytes, FeaturePolygons]:
    """(fingerprint, ``_polygons_of``) of one feature's geometry, memoised on the geometry's content."""
    key = _digest(orjson.dumps(geometry))
    return key, cache.feature(key, lambda: _polygons_of(geometry))


def _day_key(moment: datetime) -> str:
    midnight = moment.time() == datetime.min.time()
    return moment.strftime("%Y-%m-%d") if midnight else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


#: ISW layer titles (ArcGIS FeatureServer names, Nikkei's archive ``layer`` values) -> short names, by pattern.
ISW_PATTERNS = (
    ("pre2022", re.compile(r"before.*(feb|2022)|pre.?2022|crimea", re.I)),
    ("counteroffensives", re.compile(r"counter.?offensive", re.I)),
    ("advances", re.compile(r"advance", re.I)),
    ("claimed", re.compile(r"claim", re.I)),
    ("control", re.compile(r"control|assess|occupied", re.I)),
)
ISW_LAYER_KEYS = ("layer", "Layer", "LAYER", "title", "name", "Name")


def isw_layer_of(text: object) -> str | None:
    """The ISW layer a title or file name names (``control``, ``advances``, ``claimed``, ``pre2022``, ...).

    >>> isw_layer_of("Assessed Russian Advances in Ukraine"), isw_layer_of("VIEW_RussiaCoTinUkraine_V3 control")
    ('advances', 'control')
    >>> isw_layer_of("Russian-controlled Ukrainian Territory before February 24, 2022")
    'pre2022'
    >>> isw_layer_of("Assessed Russian-controlled Ukrainian Territory")
    'control'
    >>> isw_layer_of("Claimed Ukrainian Counteroffensives")
    'counteroffensives'
    """
    if not isinstance(text, str):
        return None
    for short, pattern in ISW_PATTERNS:
        if pattern.search(text):
            return short
    return None
