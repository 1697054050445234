"""The ground section of a brief: for every map source in the store, the period's change, its record,
streak and weekly series, each with the snapshots it was measured between.

Every figure comes from the territory library (``change``, ``record``, ``rolling_nets``); nothing here
measures an area. A source that cannot answer for the period (no snapshots then, no such layer) gets a
section with a note saying why, so the brief never drops a source silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from shapely.geometry.base import BaseGeometry

from ..errors import FrontwatchError
from ..models import AreaChange, SnapshotRef
from ..territory.layers import parse_layers
from .period import BriefPeriod

if TYPE_CHECKING:
    from ..store import Store

#: Weeks of history the weekly chart shows before the period's end.
CHART_WEEKS = 52

SOURCE_NAMES = {"deepstate": "DeepState", "isw": "ISW", "cyterat": "cyterat (DeepState archive)"}


def source_name(source: str) -> str:
    """The publisher's name as a journalist writes it."""
    return SOURCE_NAMES.get(source, source)


@dataclass
class SourceSection:
    """What one map source says about the period."""

    source: str
    layer: str
    change: AreaChange | None = None
    snapshots: dict[str, dict[str, Any]] = field(default_factory=dict)
    record: dict[str, Any] | None = None
    streak: dict[str, Any] | None = None
    weekly: list[dict[str, Any]] = field(default_factory=list)
    context: BaseGeometry | None = None  # the layer at the end state, drawn under the change on the map
    before_2022: BaseGeometry | None = None  # the pre-2022 occupied areas at the end state, for orientation
    notes: list[str] = field(default_factory=list)

    @property
    def method(self) -> str:
        """The line that makes the figures traceable."""
        head = f"{source_name(self.source)} map, layer {self.layer}"
        if not self.snapshots:
            return f"{head}; areas geodesic on the WGS84 ellipsoid (km²)"
        a, b = self.snapshots["from"], self.snapshots["to"]
        return (f"{head}: snapshot {a['snapshot_key']} ({a['snapshot_time']}, the state at {a['date']}) to snapshot "
                f"{b['snapshot_key']} ({b['snapshot_time']}, the state at {b['date']}); "
                "areas geodesic on the WGS84 ellipsoid (km²)")

    def to_dict(self) -> dict[str, Any]:
        c = self.change
        settlements = [s.to_dict() for s in c.settlements] if c else []
        return {
            "source": self.source, "source_name": source_name(self.source), "layer": self.layer,
            "method": self.method, "from": self.snapshots.get("from"), "to": self.snapshots.get("to"),
            "gained_km2": round(c.gained_km2, 1) if c else None, "lost_km2": round(c.lost_km2, 1) if c else None,
            "net_km2": round(c.net_km2, 1) if c else None,
            "regions": [{**r.to_dict(), **{k: round(getattr(r, k), 1) for k in ("gained_km2", "lost_km2", "net_km2")}}
                        for r in (c.regions if c else [])],
            "settlements": settlements,
            "settlements_by_oblast": by_oblast(settlements),
            "record": self.record, "streak": self.streak, "weekly": self.weekly, "notes": self.notes,
        }


def by_oblast(settlements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Settlements grouped by first-level region, taken before lost, regions with most first."""
    groups: dict[tuple[str, str], list[str]] = {}
    for s in settlements:
        groups.setdefault((s.get("admin1") or "unknown region", s["change"]), []).append(s["name"])
    rows = [{"oblast": k[0], "change": k[1], "names": v} for k, v in groups.items()]
    return sorted(rows, key=lambda r: (r["change"] != "taken", -len(r["names"]), r["oblast"]))


def ground_sections(store: Store, period: BriefPeriod, layer: str = "occupied", tz: str = "UTC",
                    *, regions: bool = True) -> list[SourceSection]:
    """One section per map source in the store, the source with most snapshots first (then by name, so the
    order is the same on every run)."""
    ordered = [r["source"] for r in store.territory.source_spans()]  # most snapshots first, then by name
    return [source_section(store, source, period, layer, tz, regions=regions) for source in ordered]


def source_section(store: Store, source: str, period: BriefPeriod, layer: str, tz: str = "UTC",
                   *, regions: bool = True) -> SourceSection:
    """The change, record, streak and weekly series of one source; notes instead of what it cannot answer."""
    section = SourceSection(source, layer)
    missing = [name for name in parse_layers(layer) if name not in store.layer_names(source)]
    if missing:
        section.notes.append(f"{source_name(source)} has no layer {', '.join(missing)}: nothing measured")
        return section
    section.change = _change(store, source, period, layer, tz, regions, section.notes)
    if section.change is None:
        return section
    section.snapshots = {"from": _ref(store, section.change.start), "to": _ref(store, section.change.end)}
    if section.change.start.snapshot_id == section.change.end.snapshot_id:
        section.notes.append(f"{source_name(source)} has no snapshot between {period.start} and {period.end}: "
                             "the same map stands for both dates, so no change can be seen")
    _note_stale(section, period)
    section.context = _context(store, section.change.end.snapshot_id, list(parse_layers(layer)))
    if "occupied_pre2022" not in parse_layers(layer):
        section.before_2022 = _context(store, section.change.end.snapshot_id, ["occupied_pre2022"])
    section.record = _record(store, source, period, layer, tz, section.notes)
    section.weekly, section.streak = _weekly(store, source, period, layer, tz)
    return section


def _change(store: Store, source: str, period: BriefPeriod, layer: str, tz: str, regions: bool,
            notes: list[str]) -> AreaChange | None:
    from ..territory.changes import change

    try:
        result = change(store, layer=layer, start=period.start, end=period.end, source=source, tz=tz,
                        settlements=True, geometry=True)
    except FrontwatchError as exc:
        notes.append(f"{source_name(source)}: {exc}")
        return None
    if not regions or not store.count_regions():
        if regions:
            notes.append("no oblast boundaries in the store, so no split by oblast: "
                         "frontwatch territory regions import FILE")
        return result
    from ..territory.regions import split_by_region

    split = split_by_region(store, result.gained, result.lost)
    return AreaChange(result.layer, result.source, result.start, result.end, result.gained_km2, result.lost_km2,
                      regions=split, settlements=result.settlements, gained=result.gained, lost=result.lost)


def _note_stale(section: SourceSection, period: BriefPeriod) -> None:
    """Say so when a map's states were drawn days before the period's dates (weekly maps such as ISW's)."""
    taken = [date.fromisoformat(section.snapshots[k]["snapshot_time"][:10]) for k in ("from", "to")]
    late = [(d, t) for d, t in zip((period.start, period.end), taken, strict=True) if (d - t).days > 1]
    if late:
        first, last = taken
        section.notes.append(f"{source_name(section.source)}'s maps for these dates were drawn on {first} and "
                             f"{last}: its figures cover the change between those maps")


def _ref(store: Store, ref: SnapshotRef) -> dict[str, Any]:
    key = store.territory.snapshot_key(ref.snapshot_id)
    return {**ref.to_dict(), "snapshot_key": key}


def _context(store: Store, snapshot_id: int, layers: list[str]) -> BaseGeometry | None:
    import shapely

    parts = [g.geometry for g in store.load_layers(snapshot_id, layers)]
    return shapely.union_all(parts) if parts else None


def _record(store: Store, source: str, period: BriefPeriod, layer: str, tz: str,
            notes: list[str]) -> dict[str, Any] | None:
    from ..territory.records import record

    try:
        found = record(store, window=period.days, at=period.end, layer=layer, source=source, tz=tz).to_dict()
    except FrontwatchError as exc:
        notes.append(f"no record for {source_name(source)}: {exc}")
        return None
    return {k: found[k] for k in ("window_days", "net_km2", "largest_since", "previous_larger",
                                  "rank_in_last_365_days", "windows_in_last_365_days", "largest_on_record",
                                  "first_window_end")}


def _weekly(store: Store, source: str, period: BriefPeriod, layer: str,
            tz: str) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Net change of the 7-day windows ending on the period's weekday, and the run of weekly gains.

    Windows are aligned on the period's end (not ISO weeks), so the period's own week is one bar.
    """
    from ..territory.records import rolling_nets
    from ..territory.timeline import Timeline

    try:
        tl = Timeline(store, source, layer, tz)
        nets = {w.end: w.net_km2 for w in rolling_nets(tl, 7, period.end)}
    except FrontwatchError:
        return [], None
    ends = []
    day = period.end
    while day in nets:
        ends.append(day)
        day -= timedelta(days=7)
    ends.reverse()
    weekly = [{"start": (e - timedelta(days=6)).isoformat(), "end": e.isoformat(), "net_km2": round(nets[e], 1),
               "in_period": e > period.start} for e in ends[-CHART_WEEKS:]]
    return weekly, _streak([(e, nets[e]) for e in ends])


def _streak(weeks: list[tuple[date, float]]) -> dict[str, Any] | None:
    """The current run of weeks with a net gain, and the longest such run before it."""
    if not weeks:
        return None
    runs: list[tuple[int, date]] = []
    length = 0
    for end, net in weeks:
        length = length + 1 if net > 0 else 0
        if length:
            runs.append((length, end))
    current = length
    earlier = [(n, e) for n, e in runs if e <= weeks[-1][0] - timedelta(days=7 * max(current, 1))]
    longest = max(earlier, default=(0, None), key=lambda r: (r[0], r[1] or date.min))
    return {"weeks_of_net_gain": current, "longest_earlier_weeks": longest[0],
            "longest_earlier_end": longest[1].isoformat() if longest[1] else None,
            "first_week_end": weeks[0][0].isoformat()}

