"""Build the atoms of a source at import (``refresh_atoms``) and read them back for queries (``atom_index_for``).

A build is whole per source: every snapshot's layers, in time order, through ``atoms.history`` and
``atoms.cell_atoms``, then stored with its marker in one transaction. The marker records the layers,
the grid, and the snapshots covered; when any of those no longer matches the store (snapshots added,
a kill during the build, rows lost), the atoms are not used (queries fall back to the exact overlay)
and the next import, server start or ``ensure_derived`` rebuilds them.

A source whose maps change everywhere at every snapshot (ISW's re-quantised weekly maps) would give a
cell a version per snapshot and cost more to build than it saves; its build stops early and the marker
records it as declined (no layers), so it is not retried until its snapshots change.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from .atom_index import AtomIndex, cell_row, from_row, steps_blob
from .atoms import GRID_DEG, History, cell_atoms, history
from .layers import EXCLUDED
from .timeline import Timeline, frozen_memo

#: A build stops (declined) when the cells changed per snapshot exceed this on average after ``_PROBE``
#: snapshots: DeepState changes ~20 cells a snapshot over all its layers.
MAX_CHANGES_PER_SNAPSHOT = 150
_PROBE = 10


def atom_layers(store: Any, source: str) -> tuple[str, ...]:
    """The layers the atoms of ``source`` cover (all stored ones but the excluded), sorted."""
    return tuple(sorted(set(store.layer_names(source)) - EXCLUDED))


def atoms_complete(store: Any, source: str) -> bool:
    """Whether the stored atoms (or the record that they were declined) match ``source``'s snapshots now."""
    times = store.snapshot_times(source)
    if not times:
        return True
    marker = store.atoms_marker(source)
    if marker is None:
        return False
    layers, grid, snapshots, last_id, cells, steps = marker
    if (snapshots, last_id, grid) != (len(times), times[-1][0], GRID_DEG):
        return False
    if not layers:  # declined for these snapshots
        return True
    return layers == "+".join(atom_layers(store, source)) and (cells, steps) == store.atoms_counts(source)


def refresh_atoms(store: Any, source: str) -> int:
    """Rebuild the atoms of ``source`` unless complete; returns how many cells were stored."""
    if atoms_complete(store, source):
        return 0
    store.clear_atoms(source)  # a partial or stale build is never read, even if this one is killed
    names = atom_layers(store, source)
    timelines = [Timeline(store, source, name, "UTC", cache=4) for name in names]
    if not timelines:
        return 0
    for tl in timelines:
        tl.prefetch()
    ids = timelines[0].ids
    hist = _bounded_history(timelines, ids)
    if hist is None:
        store.replace_atoms(source, ("", GRID_DEG, len(ids), ids[-1]), [], [])
        return 0
    cells = [cell_row(cell_atoms(c, versions)) for c, versions in sorted(hist.versions.items()) if len(versions) > 1]
    steps = [(sid, steps_blob(changes)) for sid, changes in zip(ids, hist.steps, strict=True) if changes]
    store.replace_atoms(source, ("+".join(names), GRID_DEG, len(ids), ids[-1]), cells, steps)
    return len(cells)


def _bounded_history(timelines: list[Timeline], ids: list[int]) -> History | None:
    """The history of every layer, or None once it changes too many cells a snapshot (see the module)."""
    hist = History()

    def states() -> Any:
        for k, sid in enumerate(ids):
            if k == _PROBE and sum(map(len, hist.steps)) > MAX_CHANGES_PER_SNAPSHOT * k:
                return
            yield [tl.shape(sid) for tl in timelines]

    history(states(), hist)
    return hist if len(hist.steps) == len(ids) else None


#: Per process: indexes read, keyed by store, source and marker (a rebuild changes the marker).
_INDEXES: OrderedDict[tuple[Any, ...], AtomIndex | None] = OrderedDict()


def atom_index_for(store: Any, source: str) -> AtomIndex | None:
    """The atoms of ``source`` when complete (read once per process and build), else None."""
    return frozen_memo(store, ("atoms", source), lambda: (_load(store, source),))[0]


def _load(store: Any, source: str) -> AtomIndex | None:
    marker = store.atoms_marker(source)
    if marker is None or not marker[0]:
        return None
    key = (str(store.target), source, marker)
    if key not in _INDEXES:
        if not atoms_complete(store, source):
            return None
        ids = [sid for sid, _ in store.snapshot_times(source)]
        layers = tuple(marker[0].split("+"))
        cells = [from_row(row, len(layers)) for row in store.atom_cells(source)]
        _INDEXES[key] = AtomIndex(layers, ids, cells, store.atom_steps(source))
        while len(_INDEXES) > 4:
            _INDEXES.popitem(last=False)
    return _INDEXES[key]
