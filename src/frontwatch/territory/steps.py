"""Precompute exact changes so series and records need no geometry at query time: ``refresh_steps``.

For each usual layer expression it stores the change between every two consecutive snapshots,
between the states of consecutive UTC days (different from the former only where a day has
several snapshots), and over every ISO week and calendar month (UTC), plus the area of each
layer sum per snapshot (net change of a sum is then a difference of two stored areas). A stored
change is a fact about two immutable snapshots, so refreshing only adds what is missing.
Called by the importer after each import (for every source in the store, so a re-run completes what a
killed run left), and by the API server at start-up. Each expression's rows and its completeness marker
(``territory_derived``) commit in one transaction: a kill at any moment leaves either the marker with all
its rows, or no marker and a rebuild at the next run.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from .changes import Pairs
from .layers import canonical
from .series import windows
from .timeline import Timeline

if TYPE_CHECKING:
    from ..store import Store

#: The layer expressions precomputed; others are computed on demand (exact, slower). The API serves
#: series and records of these (and of any single layer whose range fits its overlay budget) and of no
#: other sum, so no request has to union every snapshot's layers (issue 15). The sums are the two totals
#: people ask for: ground occupied since 2022 with the grey zone, and all occupied ground with Crimea.
STEP_LAYERS = ("occupied", "contested", "contested+occupied", "liberated", "occupied_pre2022",
               "ukraine_held_in_russia", "occupied+occupied_pre2022")


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


def derived_layers(store: Store, source: str) -> list[str]:
    """The canonical layer expressions of STEP_LAYERS whose layers ``source`` has."""
    have = set(store.layer_names(source))
    return [canonical(expr) for expr in STEP_LAYERS if have.issuperset(expr.split("+"))]


def is_complete(store: Store, source: str, layer: str) -> bool:
    """Whether the derived rows of ``layer`` were completed for the snapshots ``source`` has now.

    The marker is written in the transaction of the last rows: absent after a kill during precompute,
    stale after snapshots were added, and its row counts differ when rows were lost since.
    """
    times = store.snapshot_times(source)
    marker = store.derived_marker(source, layer)
    if not times:
        return True
    if marker is None:
        return False
    snapshots, last_id, changes, sums = marker
    return (snapshots, last_id) == (len(times), times[-1][0]) and (changes, sums) == store.derived_counts(source, layer)


def incomplete(store: Store) -> list[tuple[str, str]]:
    """(source, layer) of every derived table that needs a rebuild (cheap: counts only); the layer ``atoms``
    stands for the source's atoms (``atom_refresh``)."""
    from .atom_refresh import atoms_complete

    return [(source, layer) for source in store.sources() for layer in derived_layers(store, source)
            if not is_complete(store, source, layer)] + [
        (source, "atoms") for source in store.sources() if not atoms_complete(store, source)]


def ensure_derived(store: Store) -> int:
    """Rebuild whatever derived rows are incomplete, for every source; returns how many rows were added."""
    return sum(refresh_steps(store, source) for source in sorted({s for s, _ in incomplete(store)}))


def refresh_steps(store: Store, source: str) -> int:
    """Bring the precomputed changes of ``source`` up to date; returns how many were added.

    A layer expression whose marker says it is complete is skipped without reading any geometry.
    """
    from .atom_refresh import refresh_atoms

    added = 0
    for layer in derived_layers(store, source):
        if not is_complete(store, source, layer):
            added += _refresh_layer(store, source, layer)
    return added + refresh_atoms(store, source)


def _refresh_layer(store: Store, source: str, expr: str) -> int:
    """Compute the missing changes (and sums) of one expression; store them with the marker, in one transaction."""
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
    sums = _sum_rows(store, tl, pairs) if "+" in expr else []
    with store.transaction():
        store.put_territory_changes(rows)
        store.put_layer_sums(sums)
        store.mark_derived(tl.source, tl.layer, len(tl.ids), tl.ids[-1])
    return len(rows) + len(sums)


def _sum_rows(store: Store, tl: Timeline, pairs: Pairs) -> list[tuple[int, str, float]]:
    """The area of the layer sum for every snapshot that lacks it.

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
    return rows
