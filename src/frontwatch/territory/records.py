"""Records: how the net change of an N-day window ranks ("the largest 7-day gain since ...").

Net change needs no geometry: net = area(to) - area(from), exactly, so every rolling window
of the archive is ranked from stored areas. Only the window asked about gets its gross gained
and lost figures (an exact overlay).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import DataUnavailable, InputError
from ..models import JsonMixin, SnapshotRef
from .changes import Pairs
from .series import check_budget
from .timeline import Timeline

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class WindowChange(JsonMixin):
    """The net change of one N-day window ``start..end`` (from the state at ``start - 1``)."""

    start: date
    end: date
    net_km2: float


@dataclass(frozen=True)
class Record(JsonMixin):
    """The window ending at ``at`` and its rank among the windows before it."""

    layer: str
    source: str
    window_days: int
    window: WindowChange
    start_state: SnapshotRef
    end_state: SnapshotRef
    gained_km2: float
    lost_km2: float
    largest_since: date | None  # end of the latest earlier, non-overlapping window at least as large
    previous_larger: WindowChange | None
    rank_in_last_365_days: int  # 1 = the largest of the daily rolling windows ending in the last 365 days
    windows_in_last_365_days: int
    largest_on_record: bool
    first_window: WindowChange | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer, "source": self.source, "window_days": self.window_days,
            "start": self.window.start.isoformat(), "end": self.window.end.isoformat(),
            "from": self.start_state.to_dict(), "to": self.end_state.to_dict(),
            "net_km2": round(self.window.net_km2, 3), "gained_km2": round(self.gained_km2, 3),
            "lost_km2": round(self.lost_km2, 3),
            "largest_since": self.largest_since.isoformat() if self.largest_since else None,
            "previous_larger": self.previous_larger.to_dict() if self.previous_larger else None,
            "rank_in_last_365_days": self.rank_in_last_365_days,
            "windows_in_last_365_days": self.windows_in_last_365_days,
            "largest_on_record": self.largest_on_record,
            "first_window_end": self.first_window.end.isoformat() if self.first_window else None,
        }


def _areas(tl: Timeline, max_overlays: int | None = None) -> dict[int, float]:
    """Area of the layer expression at each snapshot: stored, or measured when a sum was not precomputed."""
    areas = tl.store.layer_area_map(tl.source, tl.layer)
    if len(areas) < len(tl.ids):
        check_budget(len(tl.ids) - len(areas), max_overlays,
                     f"ranking windows of {tl.layer} (areas not precomputed)",
                     "ask for a single layer or a precomputed sum")
        tl.prefetch()
        areas = {sid: areas.get(sid, tl.shape(sid).area_km2) for sid in tl.ids}
    return areas


def rolling_nets(tl: Timeline, window: int, last: date, max_overlays: int | None = None) -> list[WindowChange]:
    """Net change of every N-day window ending from the first possible day to ``last``."""
    areas = _areas(tl, max_overlays)
    out, day = [], tl.first_date + timedelta(days=window)
    while day <= last:
        before, after = tl.ids[tl.index_at(day - timedelta(days=window))], tl.ids[tl.index_at(day)]
        out.append(WindowChange(day - timedelta(days=window - 1), day, areas[after] - areas[before]))
        day += timedelta(days=1)
    return out


def record(
    store: Store, *, window: int = 7, at: date, layer: str = "occupied", source: str | None = None, tz: str = "UTC",
    max_overlays: int | None = None,
) -> Record:
    """Rank the net change of the ``window`` days ending at ``at`` against every earlier window.

    Nets need stored areas only; the window's gross figures need at most one overlay. ``max_overlays``
    (the API's bound) refuses a sum whose areas were not precomputed, before measuring any.
    """
    if not 1 <= window <= 366:
        raise InputError(f"--window must be a number of days from 1 to 366, got {window}")
    tl = Timeline(store, source, layer, tz)
    tl.index_at(at)
    nets = rolling_nets(tl, window, at, max_overlays)
    if not nets or nets[-1].end != at:
        raise DataUnavailable(f"no {window}-day window ends at {at}: the {tl.source} data start on {tl.first_date}")
    current = nets[-1]
    earlier = [w for w in nets if w.end <= at - timedelta(days=window) and w.net_km2 >= current.net_km2]
    previous = earlier[-1] if earlier else None
    year = [w for w in nets if w.end > at - timedelta(days=365)]
    i, j = tl.index_at(at - timedelta(days=window)), tl.index_at(at)
    gained, lost = Pairs(tl).get(i, j)
    return Record(
        layer=layer, source=tl.source, window_days=window, window=current,
        start_state=tl.ref(at - timedelta(days=window)), end_state=tl.ref(at),
        gained_km2=gained, lost_km2=lost,
        largest_since=previous.end if previous else nets[0].end,
        previous_larger=previous,
        rank_in_last_365_days=1 + sum(w.net_km2 > current.net_km2 for w in year),
        windows_in_last_365_days=len(year),
        largest_on_record=previous is None,
        first_window=nets[0],
    )
