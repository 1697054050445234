"""Claims on the source they credit: that map first, the states it really used, and why the maps differ.

An article that credits a map ("as AFP calculated by using data from ISW") is checked on that map first, then on
every other map in the store. Each figure names the snapshots used and their offset in days from the dates the
claim's period asks for (negative: the map is older). A map published less often than daily (ISW's weekly
archive) cannot answer "9 to 15 May" exactly: its CONTRACTS states are the maps at or before each end (5 and 12
May), and the maps that ENCLOSE the period (5 and 19 May) bound what an advance inside it can have been. So such
a map also gets the enclosing figure; a claim that agrees with either figure, or lies between them, is
consistent with that map at its cadence, and the explanation says which states gave what.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ..conflict import ConflictProfile
from ..errors import FrontwatchError
from ..territory.changes import Pairs
from ..territory.periods import local_date
from ..territory.timeline import Timeline
from .results import AreaFigure

if TYPE_CHECKING:
    from ..store import Store

#: A source whose snapshots are further apart than this (median, days) is treated as coarser than daily.
COARSE_CADENCE_DAYS = 2.0

def order_sources(sources: list[str], credited: str | None) -> list[str]:
    """The credited source first, the others after it in their stored order.

    >>> order_sources(["deepstate", "isw"], "isw"), order_sources(["deepstate", "isw"], None)
    (['isw', 'deepstate'], ['deepstate', 'isw'])
    """
    return sorted(sources, key=lambda s: s != credited) if credited in sources else list(sources)


def cadence_days(tl: Timeline) -> float:
    """Median days between consecutive snapshots (0 with one snapshot)."""
    steps = [(b - a) / 86400 for a, b in zip(tl.times, tl.times[1:], strict=False)]
    return round(statistics.median(steps), 2) if steps else 0.0


def state_used(asked: date, seconds: int, tz: str = "UTC") -> dict[str, Any]:
    """The snapshot used for the state at ``asked`` and its offset in days (negative: older than asked)."""
    moment = datetime.fromtimestamp(seconds, UTC)
    day = local_date(moment, tz)
    return {"date": asked.isoformat(), "snapshot_time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "snapshot_date": day.isoformat(), "offset_days": (day - asked).days}


def with_offset(state: dict[str, Any]) -> dict[str, Any]:
    """A change result's state (``{"date", "snapshot_time"}``) with its snapshot date and offset in days.

    >>> with_offset({"date": "2024-05-08", "snapshot_time": "2024-05-05T00:00:00Z"})["offset_days"]
    -3
    """
    day = date.fromisoformat(state["snapshot_time"][:10])
    return {**state, "snapshot_date": day.isoformat(), "offset_days": (day - date.fromisoformat(state["date"])).days}


def enclosing(store: Store, source: str, layer: str, start: date, end: date) -> dict[str, Any] | None:
    """For a source coarser than daily: the change between the maps that enclose ``start..end`` (the last at or
    before ``start``, the first at or after ``end``), with their offsets; None for a daily source, or when no map
    after ``end`` exists yet."""
    tl = Timeline(store, source, layer)
    cadence = cadence_days(tl)
    if cadence <= COARSE_CADENCE_DAYS:
        return None
    i, j = tl.index_at(start), tl.index_at(end)
    if local_date(_utc(tl.times[j])) < end:
        if j + 1 >= len(tl.ids):
            return {"cadence_days": cadence, "enclosing": None,
                    "reason": f"no {source} map after {end} yet: only the states at or before each end exist"}
        j += 1
    gained, lost = Pairs(tl).get(i, j)
    return {"cadence_days": cadence, "enclosing": {
        "gained_km2": round(gained, 1), "lost_km2": round(lost, 1), "net_km2": round(gained - lost, 1),
        "from": state_used(start, tl.times[i]), "to": state_used(end, tl.times[j])}}


def _utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def bracket_verdict(value: float, outer: float, claimed: float, agrees: Callable[[float, float, str], bool],
                    qualifier: str) -> bool:
    """Whether a claim fits a coarse map: it agrees with either figure, or lies between them."""
    low, high = sorted((value, outer))
    return agrees(value, claimed, qualifier) or agrees(outer, claimed, qualifier) or low <= claimed <= high


def coarse_figure(store: Store, source: str, layer: str, start: date, end: date) -> dict[str, Any]:
    """``enclosing`` that never raises: a failure becomes a reason (the main figure stands on its own)."""
    try:
        return enclosing(store, source, layer, start, end) or {}
    except FrontwatchError as exc:
        return {"enclosing": None, "reason": exc.message}


def _span(start: dict[str, Any], end: dict[str, Any]) -> str:
    return (f"its map of {start['snapshot_date']} ({start['offset_days']:+d} d) to {end['snapshot_date']} "
            f"({end['offset_days']:+d} d)")


def explain_sources(claim: Any, figures: list[AreaFigure], sources: list[str], profile: ConflictProfile) -> str:
    """A sentence per source, credited first: the figures with the states used, then what differs and why (the
    traits the conflict profile gives each map source)."""
    credited = claim.map_source
    lines = []
    for source in order_sources(sources, credited):
        parts = []
        for f in (f for f in figures if f.source == source):
            text = f"{f.layer} {f.value_km2:+,.1f} km² from {_span(f.start, f.end)}"
            outer = f.enclosing
            if outer:
                text += (f"; the maps enclosing the period, {outer.start['snapshot_date']} "
                         f"({outer.start['offset_days']:+d} d) to {outer.end['snapshot_date']} "
                         f"({outer.end['offset_days']:+d} d), give {outer.net_km2:+,.1f} km²")
            parts.append(text)
        if not parts:
            continue
        role = "credited" if source == credited else "other map"
        lines.append(f"{profile.display(source)} ({role}): " + "; ".join(parts))
    described = [profile.map_source(s) for s in order_sources(sources, credited)]
    traits = [m.traits for m in described if m is not None and m.traits]
    why = (" They differ because " + "; ".join(traits) + ", and a weekly map's states are days away from the "
           "period's ends.") if len(traits) > 1 else ""
    return " ".join(f"{line}." for line in lines) + why
