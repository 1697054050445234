"""Build the atoms of a source (``refresh_atoms``) and read them back for queries (``atom_index_for``).

Atoms are an index the user asks for per source (``frontwatch territory index``), as one creates an index
in a database: the build costs about as much CPU as the import, and answers are the same without them
(the exact overlay, only slower). Once asked for, every refresh keeps them up to date.

A build is whole per source: every snapshot's layers, in time order, through ``atoms.history`` and
``atoms.cell_atoms``, then stored with its marker in one transaction. The marker records the layers,
the grid, the snapshots covered (their count and largest id) and the rows written; when the rows or
the covered snapshots no longer match (a kill during the build, rows lost, a snapshot removed), the
atoms are not used at all (queries fall back to the exact overlay) and the next import, server start or
``ensure_derived`` rebuilds them (a build writes a "pending" marker first, so a kill leaves a request).
Snapshots added since a build are not in it: pairs that involve them go to the overlay, until
``REBUILD_AFTER`` of them call for a rebuild.

A source whose maps change everywhere at every snapshot (ISW's re-quantised weekly maps) would give a
cell a version per snapshot and cost more to build than it saves; its build stops early and the marker
records it as declined (no layers), so it is not retried until its snapshots change.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from .atom_index import AtomIndex, cell_row, from_row, steps_blob
from .atoms import GRID_DEG, History, cell_atoms, history
from .timeline import Timeline, frozen_memo

#: A build stops (declined) when the cells changed per snapshot exceed this on average after ``_PROBE``
#: snapshots: DeepState changes ~20 cells a snapshot over all its layers.
MAX_CHANGES_PER_SNAPSHOT = 150
_PROBE = 10
#: Layers that are not control (DeepState's satire layers): never part of a layer expression's atoms.
_NOT_CONTROL = frozenset({"satirical", "foreign_satirical"})
#: Snapshots added since the last build that are left to the overlay before the atoms are rebuilt, so a
#: daily fetch does not pay a whole rebuild (~75 s of CPU for the DeepState archive) for one new map.
REBUILD_AFTER = 30


def atom_layers(store: Any, source: str) -> tuple[str, ...]:
    """The layers the atoms of ``source`` cover (all stored ones but the excluded), sorted."""
    return tuple(sorted(set(store.layer_names(source)) - _NOT_CONTROL))


def built_ids(store: Any, source: str) -> list[int] | None:
    """The snapshot ids, in time order, that the stored atoms cover; None when there are no usable atoms
    (none built, declined, a build interrupted, rows lost, or a covered snapshot gone)."""
    marker = store.atoms_marker(source)
    if marker is None or not marker[0] or marker[1] != GRID_DEG or (marker[4], marker[5]) != store.atoms_counts(source):
        return None
    ids = [sid for sid, _ in store.snapshot_times(source) if sid <= marker[3]]
    return ids if len(ids) == marker[2] else None


def atoms_complete(store: Any, source: str) -> bool:
    """Whether the atoms of ``source`` need no rebuild: they cover its snapshots but at most ``REBUILD_AFTER``
    added since (those pairs go to the overlay), or were declined for the snapshots it has now."""
    times = store.snapshot_times(source)
    if not times:
        return True
    marker = store.atoms_marker(source)
    if marker is None:  # never asked for (``frontwatch territory index``): nothing to keep up to date
        return True
    newest = max(sid for sid, _ in times)
    if not marker[0]:  # declined
        return (marker[2], marker[3], marker[1]) == (len(times), newest, GRID_DEG)
    covered = built_ids(store, source)
    return (covered is not None and len(times) - len(covered) < REBUILD_AFTER
            and set(atom_layers(store, source)) == set(marker[0].split("+")))


def start_build(store: Any, source: str) -> None:
    """Replace the atoms of ``source`` by a "build pending" marker: until a build commits, readers use the
    overlay, and a build killed before it commits leaves this marker, which asks for a rebuild."""
    store.replace_atoms(source, ("", GRID_DEG, -1, -1), [], [])


def refresh_atoms(store: Any, source: str, *, build: bool = False) -> int:
    """Bring the atoms of ``source`` up to date; returns how many cells were stored.

    Atoms are an index a user asks for (``build=True``: ``frontwatch territory index``): they cost an import
    about as much CPU again, so a source that never had them gets none; once asked for, every refresh (at
    import, at server start, ``ensure_derived``) keeps them complete.
    """
    if store.atoms_marker(source) is None and not build:
        return 0
    if not build and atoms_complete(store, source):
        return 0
    start_build(store, source)
    names = atom_layers(store, source)
    timelines = [Timeline(store, source, name, "UTC", cache=4) for name in names]
    if not timelines:
        return 0
    for tl in timelines:
        tl.prefetch()
    ids = timelines[0].ids
    hist = _bounded_history(timelines, ids)
    if hist is None:
        store.replace_atoms(source, ("", GRID_DEG, len(ids), max(ids)), [], [])
        return 0
    cells = [cell_row(cell_atoms(c, versions)) for c, versions in sorted(hist.versions.items()) if len(versions) > 1]
    steps = [(sid, steps_blob(changes)) for sid, changes in zip(ids, hist.steps, strict=True) if changes]
    store.replace_atoms(source, ("+".join(names), GRID_DEG, len(ids), max(ids)), cells, steps)
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
        ids = built_ids(store, source)
        if ids is None:
            return None
        layers = tuple(marker[0].split("+"))
        cells = [from_row(row, len(layers)) for row in store.atom_cells(source)]
        _INDEXES[key] = AtomIndex(layers, ids, cells, store.atom_steps(source))
        while len(_INDEXES) > 4:
            _INDEXES.popitem(last=False)
    return _INDEXES[key]
