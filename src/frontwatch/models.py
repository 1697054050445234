"""The data that flows between stages: frozen dataclasses with a ``to_dict`` for JSON.

Shapes follow ``shared/docs/CONTRACTS.md``; keys are never renamed, only added.
Times are timezone-aware UTC; geometry is shapely in lon/lat (EPSG:4326).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from shapely.geometry.base import BaseGeometry


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value.utcoffset() is not None else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.to_dict() if hasattr(value, "to_dict") else dataclasses.asdict(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 4)
    return value


class JsonMixin:
    """``to_dict`` for dataclasses: dates as ISO strings, geometry fields left out."""

    if TYPE_CHECKING:  # what @dataclass gives every class that uses this mixin
        __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, BaseGeometry) or f.metadata.get("internal"):
                continue
            out[f.name] = _jsonable(value)
        return out


# ---------------------------------------------------------------- territory


@dataclass(frozen=True)
class Snapshot(JsonMixin):
    """One dated control map from one source, before its layers are split out."""

    source: str  # "deepstate", "isw", "cyterat", "geojson", ...
    key: str  # identifies the snapshot within its source (DeepState id, file stem + time)
    time: datetime  # UTC
    origin: str = ""  # the file or URL it came from
    content_sha256: str = ""


@dataclass(frozen=True)
class SnapshotInfo(JsonMixin):
    """A stored snapshot, as listed by the store."""

    id: int
    source: str
    key: str
    time: datetime
    origin: str = ""


@dataclass(frozen=True)
class LayerGeometry(JsonMixin):
    """The dissolved, valid geometry of one layer of one snapshot, with its geodesic area."""

    layer: str
    geometry: BaseGeometry = field(repr=False)
    area_km2: float = 0.0


@dataclass(frozen=True)
class SnapshotRef(JsonMixin):
    """The snapshot that represents the state at a date (CONTRACTS: latest at or before D 23:59:59)."""

    date: date
    snapshot_time: datetime
    snapshot_id: int = field(default=0, metadata={"internal": True})


@dataclass(frozen=True)
class RegionChange(JsonMixin):
    name: str
    iso: str
    gained_km2: float
    lost_km2: float
    net_km2: float


@dataclass(frozen=True)
class SettlementChange(JsonMixin):
    name: str
    geonameid: int | None
    lat: float
    lon: float
    admin1: str | None
    change: str  # "taken" (entered the layer) | "lost" (left it)
    population: int | None = None


@dataclass(frozen=True)
class AreaChange(JsonMixin):
    """Ground gained and lost by a layer (or sum of layers) between two states."""

    layer: str
    source: str
    start: SnapshotRef
    end: SnapshotRef
    gained_km2: float
    lost_km2: float
    regions: list[RegionChange] = field(default_factory=list)
    settlements: list[SettlementChange] = field(default_factory=list)
    gained: BaseGeometry | None = field(default=None, repr=False)
    lost: BaseGeometry | None = field(default=None, repr=False)

    @property
    def net_km2(self) -> float:
        return self.gained_km2 - self.lost_km2

    def to_dict(self) -> dict[str, Any]:
        """The CONTRACTS shape: ``from``/``to`` rather than Python's reserved words."""
        return {
            "layer": self.layer,
            "source": self.source,
            "from": self.start.to_dict(),
            "to": self.end.to_dict(),
            "gained_km2": round(self.gained_km2, 3),
            "lost_km2": round(self.lost_km2, 3),
            "net_km2": round(self.net_km2, 3),
            "regions": [r.to_dict() for r in self.regions],
            "settlements": [s.to_dict() for s in self.settlements],
        }


@dataclass(frozen=True)
class SeriesPoint(JsonMixin):
    start: date
    end: date
    gained_km2: float
    lost_km2: float
    net_km2: float


# ---------------------------------------------------------------- events


@dataclass(frozen=True)
class Article(JsonMixin):
    """A news document as ingested: its text and where and when it was published."""

    doc_id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Place(JsonMixin):
    """A resolved location (CONTRACTS ``location``); ``precision`` is ACLED's geo_precision 1-3."""

    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    admin1: str | None = None
    country: str | None = None
    precision: int = 1
    feature_code: str | None = None


PlaceT = TypeVar("PlaceT", bound=Place | None)


@dataclass(frozen=True)
class Toponym(Generic[PlaceT]):
    """A place name found in a text: character offsets, the surface text, and where it resolved. The geocoder
    finds ``Toponym[Place | None]`` (a name it could not resolve keeps None); the events pipeline keeps the
    resolved ones, ``Toponym[Place]``."""

    start: int
    end: int
    text: str
    place: PlaceT

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "place": self.place.to_dict() if isinstance(self.place, Place) else None}


@dataclass(frozen=True)
class Fatalities(JsonMixin):
    """Deaths as UCDP counts them: best estimate with a low-high range (None where unknown)."""

    best: int | None = None
    low: int | None = None
    high: int | None = None
    children: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"best": self.best, "low": self.low, "high": self.high}
        if self.children is not None:
            out["children"] = self.children
        return out


@dataclass(frozen=True)
class Quantity(JsonMixin):
    value: float
    unit: str  # "km2", "drone", "settlement", "person", ...
    qualifier: str = "exact"  # "exact" | "at least" | "more than" | "up to" | "about" | ...


@dataclass(frozen=True)
class Evidence(JsonMixin):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event(JsonMixin):
    """One coded event (CONTRACTS EVENT): every key present in ``to_dict``, null where unknown."""

    event_type: str
    sub_event_type: str
    evidence: Evidence
    actor1: str | None = None
    actor2: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None  # "day" | "week" | "month" | "range" | "year"
    location: Place | None = None
    fatalities: Fatalities = field(default_factory=Fatalities)
    claimant: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    doc_id: str | None = field(default=None, metadata={"internal": True})

    def to_dict(self) -> dict[str, Any]:
        loc = self.location.to_dict() if self.location else None
        if loc is not None:
            loc.pop("feature_code", None)
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "date_start": _jsonable(self.date_start),
            "date_end": _jsonable(self.date_end),
            "date_precision": self.date_precision,
            "location": loc,
            "fatalities": self.fatalities.to_dict(),
            "claimant": self.claimant,
            "quantities": [q.to_dict() for q in self.quantities],
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }
