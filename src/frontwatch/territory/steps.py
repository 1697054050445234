"""Precompute exact changes so series and records need no geometry at query time: ``refresh_steps``.

For each usual layer expression it stores the change between every two consecutive snapshots,
between the states of consecutive UTC days (different from the former only where a day has
several snapshots), and over every ISO week and calendar month (UTC), plus the area of each
layer sum per snapshot (net change of a sum is then a difference of two stored areas). A stored
change is a fact about two immutable snapshots, so refreshing only adds what is missing.
Called by the importer after each import.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .changes import Pairs
from .series import windows
from .timeline import Timeline

#: The layer expressions precomputed; others are computed on demand (exact, slower).
STEP_LAYERS = ("occupied", "contested", "contested+occupied")


def _wanted_pairs(tl: Timeline) -> list[tuple[int, int, str]]:
    """(i, j, kind) positions of the pairs to precompute, in time order."""
    wanted: dict[tuple[int, int], str] = {(k, k + 1): "step" for k in range(len(tl.ids) - 1)}
    first = tl.first_date + timedelta(days=1)
    for freq in ("day", "week", "month"):
        for start, end in windows(freq, first, tl.last_date):
            i, j = tl.index_at(start - timedelta(days=1)), tl.index_at(end)
            if i != j:
                wanted.setdefault((i, j), freq)
    return sorted((i, j, kind) for (i, j), kind in wanted.items())


def refresh_steps(store: Any, source: str) -> int:
    """Bring the precomputed changes of ``source`` up to date; returns how many were added."""
    have = set(store.layer_names(source))
    added = 0
    for expr in STEP_LAYERS:
        names = expr.split("+")
        if not have.issuperset(names) or len(store.snapshot_times(source)) < 1:
            continue
        tl = Timeline(store, source, expr, "UTC", cache=8)
        tl.prefetch()
        pairs = Pairs(tl)
        rows = []
        for i, j, kind in _wanted_pairs(tl):
            if (tl.ids[i], tl.ids[j]) in pairs.known:
                continue
            result = pairs.geometry(i, j)
            pairs.known[(tl.ids[i], tl.ids[j])] = (result.gained_km2, result.lost_km2)
            rows.append((tl.source, tl.layer, tl.ids[i], tl.ids[j], result.gained_km2, result.lost_km2, kind))
        if "+" in expr:
            _refresh_sums(store, tl, pairs)
        store.put_territory_changes(rows)
        added += len(rows)
    return added


def _refresh_sums(store: Any, tl: Timeline, pairs: Pairs) -> None:
    """Store the area of the layer sum for every snapshot that lacks it.

    Only the first snapshot's union is measured; each next area follows exactly from the step
    between them, since gained - lost = area(b) - area(a).
    """
    known = store.layer_area_map(tl.source, tl.layer)
    rows = []
    area = known.get(tl.ids[0])
    if area is None:
        area = tl.shape(tl.ids[0]).area_km2
        rows.append((tl.ids[0], tl.layer, area))
    for k in range(1, len(tl.ids)):
        gained, lost = pairs.known[(tl.ids[k - 1], tl.ids[k])]
        area = known.get(tl.ids[k], area + gained - lost)
        if tl.ids[k] not in known:
            rows.append((tl.ids[k], tl.layer, area))
    store.put_layer_sums(rows)
