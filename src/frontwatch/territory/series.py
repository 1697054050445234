"""Change per day, week or month, or over rolling N-day windows: ``series``.

A point ``start..end`` is the change from the state at the day before ``start`` to the state at
``end``, as for a month (CONTRACTS). Weeks are ISO weeks (Monday to Sunday). The first and last
windows are clipped to the range asked for. Gross figures per window are exact (see ``changes``):
stored pairs make the usual series a lookup; other windows are computed from the geometries.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..errors import InputError
from ..models import SeriesPoint
from .changes import Pairs
from .periods import check_range
from .timeline import Timeline

if TYPE_CHECKING:
    from ..store import Store

FREQS = ("day", "week", "month")


def windows(freq: str, first: date, last: date, window: int | None = None) -> Iterator[tuple[date, date]]:
    """(start, end) of each window covering ``first..last``; ``window=N`` gives one N-day window per day.

    >>> [(s.isoformat(), e.isoformat()) for s, e in windows("week", date(2024, 5, 8), date(2024, 5, 20))]
    [('2024-05-08', '2024-05-12'), ('2024-05-13', '2024-05-19'), ('2024-05-20', '2024-05-20')]
    """
    day = first
    while day <= last:
        if window:
            yield day - timedelta(days=window - 1), day
            day += timedelta(days=1)
            continue
        if freq == "day":
            end = day
        elif freq == "week":
            end = day + timedelta(days=6 - day.weekday())
        else:
            end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        yield day, min(end, last)
        day = end + timedelta(days=1)


def check_budget(needed: int, budget: int | None, what: str, narrower: str) -> None:
    """Raise before any work when ``needed`` geometric overlays exceed ``budget`` (None: unbounded)."""
    if budget is not None and needed > budget:
        raise InputError(
            f"{what} needs {needed:,} map overlays, above this server's bound "
            f"of {budget:,} per request: {narrower}; or compute it locally with the `frontwatch territory` command"
        )


def _check(freq: str, window: int | None) -> None:
    if freq not in FREQS:
        raise InputError(f"unknown frequency {freq!r}; expected one of {', '.join(FREQS)}")
    if window is not None and not 1 <= window <= 3660:
        raise InputError(f"--window must be a number of days from 1 to 3660, got {window}")


def series(
    store: Store,
    *,
    freq: str = "day",
    start: date | None = None,
    end: date | None = None,
    window: int | None = None,
    layer: str = "occupied",
    source: str | None = None,
    tz: str = "UTC",
    max_overlays: int | None = None,
) -> list[SeriesPoint]:
    """Gained, lost and net ground per window, from ``start`` (default: the first day with a previous
    state) to ``end`` (default: the last snapshot's day).

    ``max_overlays`` bounds the work (the API's): a series whose windows need more geometric overlays
    than that (windows not precomputed) is refused before any is computed.
    """
    _check(freq, window)
    check_range(start, end)
    tl = Timeline(store, source, layer, tz)
    span = window or 1
    first = start or tl.first_date + timedelta(days=span)
    last = end or tl.last_date
    check_range(first, last)
    pairs = Pairs(tl)
    spans = []
    for win_start, win_end in windows(freq, first, last, window):
        before = win_end - timedelta(days=window) if window else win_start - timedelta(days=1)
        spans.append((win_start, win_end, tl.index_at(before), tl.index_at(win_end)))
    needed = {(i, j) for _, _, i, j in spans if pairs.lookup(i, j, atoms=False) is None}
    check_budget(pairs.cost(needed), max_overlays, "this series (windows not precomputed)",
                 "ask for freq day, week or month without a window, a shorter range (from/to), or a precomputed layer")
    missing = {k for pair in pairs.uncovered(needed) for k in pair}
    if missing:  # one bulk read instead of one query per snapshot
        tl.prefetch([tl.ids[k] for k in sorted(missing)] if len(missing) < 50 else None)
    points = []
    for win_start, win_end, i, j in spans:
        gained, lost = pairs.get(i, j)
        points.append(SeriesPoint(win_start, win_end, gained, lost, gained - lost))
    return points
