"""Every source at once (``--source all``): each map's figure, the states it used, and how far they are from the
dates asked for.

A source answers "what changed from D1 to D2" with its state at each date: the latest snapshot at or before the
day's end (CONTRACTS). For DeepState that snapshot is usually from the same day; for ISW's weekly maps it can be
up to six days older. So every figure here comes with the snapshots actually used and the gap in days between
each end of the period and its snapshot, and the source's cadence (median days between snapshots). A series
window in which a source has no new state gets no figure (``net_km2: null``), rather than a zero that would
pretend to a daily precision the source does not have.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import DataUnavailable, FrontwatchError, UnknownLayer
from ..models import SnapshotRef
from .changes import Pairs, change
from .layers import display, parse_layers
from .periods import check_range, local_date
from .records import record
from .series import _check, check_budget, windows
from .timeline import Timeline

if TYPE_CHECKING:
    from ..store import Store

ALL = "all"


def sources_with(store: Store, layer: str) -> list[str]:
    """The stored sources that have every layer of ``layer`` (most snapshots first); DataUnavailable if none."""
    names = parse_layers(layer)
    sources = store.sources()
    if not sources:
        raise DataUnavailable(
            f"no control-map snapshots in {store.target}: import some first with `frontwatch territory import PATH`"
        )
    have = [s for s in sources if set(names) <= set(store.layer_names(s))]
    if not have:
        raise UnknownLayer(f"no source in {store.target} has layer {display(layer)!r}; sources: {', '.join(sources)}")
    return have


def cadence_days(tl: Timeline) -> float:
    """Median days between consecutive snapshots of a timeline (0 when it has one snapshot)."""
    steps = [(b - a) / 86400 for a, b in zip(tl.times, tl.times[1:], strict=False)]
    return round(statistics.median(steps), 2) if steps else 0.0


def cadence_label(days: float) -> str:
    """A cadence in words.

    >>> cadence_label(1.0), cadence_label(7.0), cadence_label(0.4), cadence_label(30)
    ('daily', 'weekly', 'several a day', 'every 30 days')
    """
    if days < 0.75:
        return "several a day"
    if days <= 1.5:
        return "daily"
    if 5 <= days <= 9:
        return "weekly"
    return f"every {days:g} days"


def state(ref: SnapshotRef, tz: str) -> dict[str, Any]:
    """A state used: the date asked for, the snapshot's time and date, and the gap in days between them."""
    snap_day = local_date(ref.snapshot_time, tz)
    return {"date": ref.date.isoformat(), "snapshot_time": ref.snapshot_time.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "snapshot_date": snap_day.isoformat(), "gap_days": (ref.date - snap_day).days}


def gap_note(source: str, cadence: float, start: dict[str, Any], end: dict[str, Any]) -> str | None:
    """A plain sentence when the states used are not from the days asked for."""
    if not (start["gap_days"] or end["gap_days"]):
        return None
    return (f"{source} publishes {cadence_label(cadence)}: its state at {start['date']} is the map of "
            f"{start['snapshot_date']} ({start['gap_days']} d earlier) and at {end['date']} the map of "
            f"{end['snapshot_date']} ({end['gap_days']} d earlier); the figure covers those maps, not the exact days")


def describe(source: str, layer: str) -> str | None:
    """What a source's layers hold where that differs between sources (ISW's occupied includes Crimea...)."""
    if source != "isw":
        return None
    from .isw import LAYER_DESCRIPTIONS

    names = parse_layers(layer)
    text = "; ".join(f"{n}: {LAYER_DESCRIPTIONS[n]}" for n in names if n in LAYER_DESCRIPTIONS)
    if names == ("occupied",):
        text += " (ISW redraws control rarely; its weekly gains are in contested: use occupied+contested)"
    return text or None


def change_all(store: Store, *, layer: str, start: date, end: date, tz: str = "UTC", by_region: bool = False,
               settlements: bool = False) -> dict[str, Any]:
    """``change`` on every source that has the layer, side by side; a source that cannot answer says why."""
    check_range(start, end)

    def one(source: str) -> tuple[Any, Any, Any]:
        result = change(store, layer=layer, start=start, end=end, source=source, by_region=by_region,
                        settlements=settlements, tz=tz)
        return result, result.start, result.end

    rows, failed = _each_source(store, layer, tz, one)
    return {"layer": display(layer), "from": start.isoformat(), "to": end.isoformat(), "sources": rows,
            "failed": failed}


def _each_source(store: Any, layer: str, tz: str, compute: Callable[[str], tuple[Any, Any, Any]]
                 ) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """(rows, failed): ``compute(source)`` (a result and the two states it used) on every source with the layer,
    each row with its states, cadence and gap note; a source that cannot answer is a failed row saying why."""
    rows, failed = [], []
    for source in sources_with(store, layer):
        try:
            result, start_state, end_state = compute(source)
        except FrontwatchError as exc:
            failed.append({"source": source, "error": exc.message})
            continue
        cadence = cadence_days(Timeline(store, source, layer, tz))
        row = result.to_dict()
        row["from"], row["to"] = state(start_state, tz), state(end_state, tz)
        row.update(cadence_days=cadence, cadence=cadence_label(cadence),
                   note=gap_note(source, cadence, row["from"], row["to"]), layer_description=describe(source, layer))
        rows.append(row)
    return rows, failed


def series_all(store: Store, *, freq: str = "week", start: date | None = None, end: date | None = None,
               window: int | None = None, layer: str = "occupied", tz: str = "UTC",
               max_overlays: int | None = None) -> list[dict[str, Any]]:
    """``series`` on every source over the range they share (or ``start..end``), one row per source and window.

    ``max_overlays`` (the API's bound) counts the overlays of every source together, refused before any is made.
    """
    _check(freq, window)
    check_range(start, end)
    lines = [Timeline(store, s, layer, tz) for s in sources_with(store, layer)]
    span = timedelta(days=window or 1)
    first = start or max(tl.first_date for tl in lines) + span
    last = end or min(tl.last_date for tl in lines)
    check_range(first, last)
    plans = [_spans(tl, freq, first, last, window) for tl in lines]
    needed = sum(pairs.cost({(i, j) for *_, i, j in spans if pairs.lookup(i, j, atoms=False) is None})
                 for _, (pairs, spans) in zip(lines, plans, strict=True))
    check_budget(needed, max_overlays, "this series of every source (windows not precomputed)",
                 "ask for freq day, week or month without a window, a shorter range (from/to), or a precomputed layer")
    rows: list[dict[str, Any]] = []
    for tl, (pairs, spans) in zip(lines, plans, strict=True):
        rows.extend(_source_series(tl, pairs, spans, tz))
    return rows


def _spans(tl: Timeline, freq: str, first: date, last: date, window: int | None) -> tuple[Pairs, list[Any]]:
    """The windows a source can answer: (start, end, day before, index of its state then, index at the end)."""
    pairs = Pairs(tl)
    spans = []
    for win_start, win_end in windows(freq, first, last, window):
        before = win_end - timedelta(days=window) if window else win_start - timedelta(days=1)
        if before < tl.first_date or win_end > tl.last_date:
            continue  # outside this source's data: its range is in the other rows
        spans.append((win_start, win_end, before, tl.index_at(before), tl.index_at(win_end)))
    return pairs, spans


def _source_series(tl: Timeline, pairs: Pairs, spans: list[Any], tz: str) -> list[dict[str, Any]]:
    missing = {k for *_, i, j in spans if tl.ids[i] != tl.ids[j] and pairs.lookup(i, j) is None for k in (i, j)}
    if missing:
        tl.prefetch([tl.ids[k] for k in sorted(missing)] if len(missing) < 50 else None)
    out = []
    for win_start, win_end, before, i, j in spans:
        row: dict[str, Any] = {"source": tl.source, "start": win_start.isoformat(), "end": win_end.isoformat(),
                               "from": state(tl.ref(before), tz), "to": state(tl.ref(win_end), tz)}
        if tl.ids[i] == tl.ids[j]:
            row.update(gained_km2=None, lost_km2=None, net_km2=None,
                       note=f"no new {tl.source} state in this window: its last is of {row['to']['snapshot_date']}")
        else:
            gained, lost = pairs.get(i, j)
            row.update(gained_km2=round(gained, 3), lost_km2=round(lost, 3), net_km2=round(gained - lost, 3))
        out.append(row)
    return out


def record_all(store: Store, *, window: int = 7, at: date, layer: str = "occupied", tz: str = "UTC",
               max_overlays: int | None = None) -> dict[str, Any]:
    """``record`` on every source, with the states each used and their gaps (``max_overlays``: per source)."""

    def one(source: str) -> tuple[Any, Any, Any]:
        result = record(store, window=window, at=at, layer=layer, source=source, tz=tz, max_overlays=max_overlays)
        return result, result.start_state, result.end_state

    rows, failed = _each_source(store, layer, tz, one)
    return {"layer": display(layer), "window_days": window, "at": at.isoformat(), "sources": rows, "failed": failed}

