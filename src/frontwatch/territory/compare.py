"""Two maps compared week by week (``territory compare``): net change of each, correlation, largest divergences.

Weeks end on Sundays, the days of ISW's weekly maps, so ISW's states are exact and DeepState's are its last
snapshot of each Sunday. A week's net change is ``area(state at Sunday) - area(state a week earlier)`` of the
layer expression, from stored areas (net needs no overlay). Net rather than totals, because the maps count
different things: ISW's ``occupied`` includes Crimea and the pre-2022 areas, DeepState's does not, but both are
constant from week to week and cancel in a net change. A week in which either source has no new state is left
out of the statistics and counted. Timing differs too (a map drawn on Sunday morning vs one updated on Sunday
night), so weekly nets are noisy against each other; the 4-week sums show whether the two agree on the trend.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataUnavailable, InputError
from .layers import display
from .side_by_side import state
from .timeline import Timeline

if TYPE_CHECKING:
    from ..store import Store

SUNDAY = 6
TOP_DIVERGENCES = 10
#: Each source's headline layer, the default of its side: DeepState's own weekly and monthly figures are its
#: occupied layer; ISW's gains as reported (AFP's) are assessed control plus assessed advances.
HEADLINE_LAYERS = {"deepstate": "occupied", "isw": "occupied+contested"}


@dataclass(frozen=True)
class Week:
    """One week ending on ``end`` (a Sunday): each source's net change and the states it used."""

    start: date
    end: date
    net_a: float | None
    net_b: float | None
    states_a: tuple[dict[str, Any], dict[str, Any]]
    states_b: tuple[dict[str, Any], dict[str, Any]]

    @property
    def diff(self) -> float | None:
        return None if self.net_a is None or self.net_b is None else self.net_a - self.net_b

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "net_km2_a": _round(self.net_a), "net_km2_b": _round(self.net_b), "diff_km2": _round(self.diff),
                "from_a": self.states_a[0], "to_a": self.states_a[1], "from_b": self.states_b[0],
                "to_b": self.states_b[1]}


@dataclass
class Comparison:
    """The weekly nets of two sources over their overlap, and how they agree."""

    source_a: str
    layer_a: str
    source_b: str
    layer_b: str
    weeks: list[Week] = field(default_factory=list)

    @property
    def paired(self) -> list[Week]:
        return [w for w in self.weeks if w.diff is not None]

    def stats(self) -> dict[str, Any]:
        a, b = _nets(self.weeks)
        four_a, four_b = _blocks(a, 4), _blocks(b, 4)
        mean_abs_diff = sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a) if a else None
        return {"weeks": len(self.weeks), "weeks_compared": len(a),
                "weeks_without_a_new_state": len(self.weeks) - len(a),
                "pearson_r": _round(pearson(a, b)), "spearman_rho": _round(spearman(a, b)),
                "pearson_r_4_week_sums": _round(pearson(four_a, four_b)),
                "sum_net_km2_a": _round(sum(a)), "sum_net_km2_b": _round(sum(b)),
                "mean_abs_diff_km2": _round(mean_abs_diff),
                "pearson_r_by_year": self.by_year()}

    def by_year(self) -> dict[str, float | None]:
        """Pearson's r of the weeks ending in each year (the war's phases differ: 2022 moved in thousands of km²)."""
        years: dict[str, list[Week]] = {}
        for week in self.paired:
            years.setdefault(str(week.end.year), []).append(week)
        return {y: _round(pearson(*_nets(ws))) for y, ws in sorted(years.items())}

    def divergences(self, top: int = TOP_DIVERGENCES) -> list[Week]:
        return sorted(self.paired, key=lambda w: -abs(w.diff or 0.0))[:top]  # paired: every diff is known

    def to_dict(self) -> dict[str, Any]:
        return {"a": {"source": self.source_a, "layer": self.layer_a},
                "b": {"source": self.source_b, "layer": self.layer_b},
                "stats": self.stats(), "largest_divergences": [w.to_dict() for w in self.divergences()],
                "weeks": [w.to_dict() for w in self.weeks]}


def _round(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 3)


def _nets(weeks: list[Week]) -> tuple[list[float], list[float]]:
    """The net changes by source a and by source b of the weeks where both are known (``paired``), in order."""
    pairs = [(w.net_a, w.net_b) for w in weeks if w.net_a is not None and w.net_b is not None]
    return [x for x, _ in pairs], [y for _, y in pairs]


def _blocks(values: list[float], size: int) -> list[float]:
    return [sum(values[k:k + size]) for k in range(0, len(values) - size + 1, size)]


def pearson(a: Sequence[float], b: Sequence[float]) -> float:
    """Pearson's correlation coefficient; NaN with fewer than 3 pairs or no spread.

    >>> round(pearson([1, 2, 3, 4], [2, 4, 6, 8.5]), 3), math.isnan(pearson([1, 1, 1], [1, 2, 3]))
    (0.998, True)
    """
    n = len(a)
    if n < 3:
        return math.nan
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va, vb = sum((x - ma) ** 2 for x in a), sum((y - mb) ** 2 for y in b)
    return cov / math.sqrt(va * vb) if va > 0 and vb > 0 else math.nan


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation (Pearson's on average ranks).

    >>> spearman([1, 5, 3], [10, 50, 30])
    1.0
    """
    return pearson(_ranks(a), _ranks(b))


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    k = 0
    while k < len(order):
        m = k
        while m + 1 < len(order) and values[order[m + 1]] == values[order[k]]:
            m += 1
        for idx in order[k:m + 1]:
            ranks[idx] = (k + m) / 2
        k = m + 1
    return ranks


def layer_areas(tl: Timeline) -> dict[int, float]:
    """Area of the layer expression at each snapshot: stored, or measured where a sum was not precomputed."""
    areas = tl.store.layer_area_map(tl.source, tl.layer)
    if len(areas) < len(tl.ids):
        tl.prefetch()
        areas = {sid: areas.get(sid, tl.shape(sid).area_km2) for sid in tl.ids}
    return areas


def compare(store: Store, *, source_a: str = "deepstate", source_b: str = "isw", layer: str | None = None,
            layer_a: str | None = None, layer_b: str | None = None, start: date | None = None,
            end: date | None = None, tz: str = "UTC") -> Comparison:
    """Weekly (Sunday to Sunday) net change of two sources over the weeks both cover (or ``start..end``).

    Each side measures ``layer_a``/``layer_b``, else ``layer``, else its source's headline layer.
    """
    layer_a = layer_a or layer or HEADLINE_LAYERS.get(source_a, "occupied")
    layer_b = layer_b or layer or HEADLINE_LAYERS.get(source_b, "occupied")
    if source_a == source_b and display(layer_a) == display(layer_b):
        raise InputError(f"compare needs two different sources or layers, got {source_a} {layer_a} twice")
    tl_a, tl_b = Timeline(store, source_a, layer_a, tz), Timeline(store, source_b, layer_b, tz)
    first = max(tl_a.first_date, tl_b.first_date, start or date.min)
    last = min(tl_a.last_date, tl_b.last_date, end or date.max)
    sunday = first + timedelta(days=(SUNDAY - first.weekday()) % 7)
    if sunday + timedelta(days=7) > last:
        raise DataUnavailable(
            f"{source_a} ({tl_a.first_date}..{tl_a.last_date}) and {source_b} ({tl_b.first_date}..{tl_b.last_date}) "
            f"share no whole Sunday-to-Sunday week{' in the range asked' if start or end else ''}"
        )
    areas_a, areas_b = layer_areas(tl_a), layer_areas(tl_b)
    result = Comparison(source_a, display(layer_a), source_b, display(layer_b))
    while sunday + timedelta(days=7) <= last:
        week_end = sunday + timedelta(days=7)
        net_a, states_a = _net(tl_a, areas_a, sunday, week_end, tz)
        net_b, states_b = _net(tl_b, areas_b, sunday, week_end, tz)
        result.weeks.append(Week(sunday + timedelta(days=1), week_end, net_a, net_b, states_a, states_b))
        sunday = week_end
    return result


def _net(tl: Timeline, areas: dict[int, float], before: date, end: date,
         tz: str) -> tuple[float | None, tuple[dict[str, Any], dict[str, Any]]]:
    i, j = tl.index_at(before), tl.index_at(end)
    states = (state(tl.ref(before), tz), state(tl.ref(end), tz))
    if tl.ids[i] == tl.ids[j]:
        return None, states
    return areas[tl.ids[j]] - areas[tl.ids[i]], states


# ---------------------------------------------------------------- files


def _writable(path: str | Path) -> Path:
    out = Path(path)
    if not out.parent.exists():
        raise InputError(f"cannot write {out}: folder {out.parent} does not exist", path=str(out))
    return out


def write_rows_csv(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Flat CSV of dict rows; nested states become ``from_snapshot_date``/``from_gap_days`` ... columns."""
    flat = [_flatten(r) for r in rows]
    columns = list(dict.fromkeys(k for r in flat for k in r))
    out = _writable(path)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(flat)
    return out


def _flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            out.update(_flatten({k: v for k, v in value.items() if k != "date"}, f"{prefix}{key}_"))
        elif not isinstance(value, list):
            out[f"{prefix}{key}"] = "" if value is None else value
    return out


def write_compare_chart(result: Comparison, path: str | Path) -> Path:
    """A PNG: both sources' cumulative net change (top) and weekly nets on a symmetric-log axis (bottom), so the
    thousands of km² of 2022 and the tens of km² of later weeks are both readable."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    weeks = result.paired
    if not weeks:
        raise InputError("no week with a new state in both sources: nothing to chart")
    out = _writable(path)
    stats = result.stats()
    fig = Figure(figsize=(11, 7), dpi=100)
    top, bottom = fig.subplots(2, 1, sharex=True)
    ends = [w.end for w in weeks]
    nets_a, nets_b = _nets(weeks)
    sides = ((f"{result.source_a} {result.layer_a}", nets_a, "#a52714"),
             (f"{result.source_b} {result.layer_b}", nets_b, "#1f4e99"))
    for label, nets, colour in sides:
        running, total = [], 0.0
        for net in nets:
            total += net
            running.append(total)
        top.plot(ends, running, color=colour, linewidth=1.3, label=label)
        bottom.plot(ends, nets, color=colour, linewidth=0.9, marker=".", markersize=3, label=label)
    top.set_ylabel("cumulative net change, km²")
    top.axhline(0, color="black", linewidth=0.5)
    years = ", ".join(f"{y}: {r}" for y, r in stats["pearson_r_by_year"].items())
    top.set_title(f"Weekly net change (Sunday to Sunday), {ends[0]:%Y-%m-%d} .. {ends[-1]:%Y-%m-%d}, "
                  f"{stats['weeks_compared']} weeks\nPearson r = {stats['pearson_r']}, Spearman rho = "
                  f"{stats['spearman_rho']}; r by year: {years}", fontsize=10)
    top.legend(loc="lower left", fontsize=8)
    bottom.set_yscale("symlog", linthresh=100)
    bottom.axhline(0, color="black", linewidth=0.5)
    bottom.set_ylabel("net change per week, km² (symlog)")
    for week in result.divergences(3):
        bottom.annotate(f"{week.end:%Y-%m-%d}", (week.end, week.net_b), fontsize=7, ha="left")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out, format="png")
    return out
