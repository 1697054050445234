"""Response models: they document the API (OpenAPI at ``/openapi.json``) and its fuzz tests check answers against them.

Handlers build plain dicts (the same ``to_dict`` shapes the CLI prints with ``--json``) and return them
as JSON directly; these models describe those shapes, extra keys allowed so that fields can be added.
"""

from __future__ import annotations

from datetime import date
from datetime import date as Day  # inside a class with a field named ``date``, that name is the field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Location(_Open):
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    precision: int | None = None


class Span(_Open):
    text: str | None = None
    start: int | None = None
    end: int | None = None


class ArticleRef(_Open):
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None


class EventOut(_Open):
    """A CONTRACTS EVENT with where it is stored: ``id``, ``cluster_id`` (its merged incident), ``doc_id``."""

    id: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    location: Location | None = None
    fatalities: dict[str, int | None] | None = None
    claimant: str | None = None
    quantities: list[dict[str, Any]] = []
    evidence: Span | None = None
    confidence: float | None = None
    cluster_id: str | None = None
    doc_id: str | None = None
    article: ArticleRef | None = None


class EventPage(_Open):
    events: list[EventOut]
    limit: int
    offset: int
    next_offset: int | None = Field(None, description="offset of the next page; null on the last page")
    total: int | None = Field(None, description="matching events over all pages (only with total=true)")


class Source(_Open):
    """One report of a merged incident: its article, claimant, figures and evidence."""

    event_id: int
    doc_id: str | None = None
    article: ArticleRef | None = None
    claimant: str | None = None
    fatalities: dict[str, int | None] | None = None
    date_start: date | None = None
    evidence: Span | None = None


class EventDetail(EventOut):
    sources: list[Source]
    claimants: list[str]
    incident: dict[str, Any] | None = Field(
        None, description="the merged incident: outlets, claimants, the range of figures, whether they contradict")


class ArticleOut(_Open):
    doc_id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    text: str
    events: list[EventOut]


class FeatureCollection(_Open):
    type: str = "FeatureCollection"
    features: list[dict[str, Any]]


class SnapshotRef(_Open):
    date: date
    snapshot_time: str


class Change(_Open):
    """CONTRACTS ``territory change`` (``from``/``to`` are the states compared)."""

    layer: str
    source: str | None = None
    from_: SnapshotRef = Field(alias="from")
    to: SnapshotRef
    gained_km2: float
    lost_km2: float
    net_km2: float
    regions: list[dict[str, Any]] = []
    settlements: list[dict[str, Any]] = []


class SeriesPoint(_Open):
    start: date
    end: date
    gained_km2: float
    lost_km2: float
    net_km2: float


class Record(_Open):
    net_km2: float
    largest_since: str | None = None
    rank_in_last_365_days: int | None = None


class StateUsed(_Open):
    """A state a source answered with: the date asked for, the snapshot used, and the gap in days between them
    (0 for a daily map of that day; up to 6 for a weekly one)."""

    date: Day
    snapshot_time: str = Field(description="time of the snapshot used, UTC")
    snapshot_date: Day = Field(description="the snapshot's day in the asked time zone")
    gap_days: int = Field(description="days between the date asked for and the snapshot used")


class _SourceFigure(_Open):
    source: str
    from_: StateUsed = Field(alias="from")
    to: StateUsed
    cadence_days: float = Field(description="median days between the source's snapshots")
    cadence: str = Field(description="the cadence in words: daily, weekly, ...")
    note: str | None = Field(None, description="why the figure is not of the exact days asked, when it is not")
    layer_description: str | None = Field(None, description="what the source's layers hold, where sources differ")


class SourceChange(_SourceFigure):
    """One source's ``territory change`` with the states it used."""

    gained_km2: float
    lost_km2: float
    net_km2: float


class SourceFailure(_Open):
    source: str
    error: str = Field(description="why this source could not answer")


class ChangesBySource(_Open):
    """``source=all``: every source that has the layer, side by side (CLI ``territory change --source all``)."""

    layer: str
    from_: date = Field(alias="from")
    to: date
    sources: list[SourceChange]
    failed: list[SourceFailure] = []


class SourceSeriesPoint(_Open):
    """``source=all``: one source's window; ``null`` figures when the source has no new state in it."""

    source: str
    start: date
    end: date
    from_: StateUsed = Field(alias="from")
    to: StateUsed
    gained_km2: float | None
    lost_km2: float | None
    net_km2: float | None
    note: str | None = None


class SourceRecord(_SourceFigure):
    net_km2: float
    largest_since: str | None = None
    rank_in_last_365_days: int | None = None


class RecordsBySource(_Open):
    """``source=all``: each source's record of the window (CLI ``territory record --source all``)."""

    layer: str
    window_days: int
    at: date
    sources: list[SourceRecord]
    failed: list[SourceFailure] = []


class Facets(_Open):
    event_types: list[dict[str, Any]]
    first_date: date | None = None
    last_date: date | None = None


class TerritoryInfo(_Open):
    sources: list[dict[str, Any]]


class Claims(_Open):
    claims: list[dict[str, Any]]


class Stored(_Open):
    doc_id: str
    article_id: int
    events: int
    clusters: list[str] = []
