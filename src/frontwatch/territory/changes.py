"""Ground gained and lost by a layer (or sum of layers) between two states: ``change``.

Every figure is exact: gross gained is the geodesic area of ``to - from`` and gross lost of
``from - to``. Gross change over a period is NOT in general the sum of the daily changes (ground
taken and retaken counts in both), so a period is either looked up (precomputed for that very
pair of snapshots by ``steps.refresh_steps``), composed from consecutive steps only where that is
exact (every step only gained, or every step only lost: then the steps' differences are disjoint),
or computed from the two geometries.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..models import AreaChange
from .layers import display
from .overlay import Diff, diff
from .periods import check_range
from .timeline import Timeline, frozen_memo

if TYPE_CHECKING:
    from ..store import Store


#: Atom-index pairs that cost about one overlay: ~1 ms each against ~40 ms, plus a worker's first use of a layer
#: expression (0.3-0.9 s), so the bound stays below a second on a cold worker.
ATOM_PAIRS_PER_OVERLAY = 10


class Pairs:
    """Exact changes between snapshots of a timeline: stored, composed where exact, or computed."""

    def __init__(self, timeline: Timeline) -> None:
        self.tl = timeline
        # shared per read-only file: a pair computed here is a fact about two immutable snapshots
        self.known = frozen_memo(timeline.store, ("changes", timeline.source, timeline.layer),
                                 lambda: timeline.store.territory_changes(timeline.source, timeline.layer))
        self.computed = 0  # how many needed a geometric overlay (for benchmarks and tests)

    def lookup(self, i: int, j: int, *, atoms: bool = True) -> tuple[float, float] | None:
        """(gained_km2, lost_km2) from position ``i`` to ``j`` (i <= j) without geometry, or None; ``atoms=False``
        only looks at what is stored or composed (free), not at the atom index (~1 ms a pair)."""
        ids = self.tl.ids
        if i == j or ids[i] == ids[j]:
            return 0.0, 0.0
        hit = self.known.get((ids[i], ids[j]))
        if hit is None:
            hit = self._compose(i, j)
        if hit is None and atoms:
            hit = self._atoms(i, j)
        return hit

    def uncovered(self, needed: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """The pairs of ``needed`` that the atom index cannot answer (those need a geometric overlay)."""
        from .atom_refresh import atom_index_for

        index = atom_index_for(self.tl.store, self.tl.source) if needed else None
        if index is None:
            return needed
        ids, names = self.tl.ids, self.tl.names
        return {(i, j) for i, j in needed if not index.covers(names, ids[i], ids[j])}

    def cost(self, needed: set[tuple[int, int]]) -> int:
        """The work of computing the pairs ``needed`` (neither stored nor composed), counted in overlays: a pair
        the atom index covers costs 1/ATOM_PAIRS_PER_OVERLAY of one (the API's work bound, ``overlay_budget``)."""
        overlays = len(self.uncovered(needed))
        return overlays - (-(len(needed) - overlays) // ATOM_PAIRS_PER_OVERLAY)

    def _atoms(self, i: int, j: int) -> tuple[float, float] | None:
        """The change summed from the stored atoms (``atom_index``), or None where they cannot tell."""
        from .atom_refresh import atom_index_for

        index = atom_index_for(self.tl.store, self.tl.source)
        return None if index is None else index.pair(self.tl.names, self.tl.ids[i], self.tl.ids[j])

    def get(self, i: int, j: int) -> tuple[float, float]:
        """(gained_km2, lost_km2) from position ``i`` to ``j``: looked up, composed or computed."""
        hit = self.lookup(i, j)
        if hit is not None:
            return hit
        result = self.geometry(i, j)
        self.known[(self.tl.ids[i], self.tl.ids[j])] = (result.gained_km2, result.lost_km2)
        return result.gained_km2, result.lost_km2

    def _compose(self, i: int, j: int) -> tuple[float, float] | None:
        """The sum of the consecutive steps from i to j when all of them only gained or all only lost."""
        ids = self.tl.ids
        steps = [self.known.get((ids[k], ids[k + 1])) for k in range(i, j)]
        known = [s for s in steps if s is not None]
        if len(known) < len(steps):
            return None
        gained = sum(s[0] for s in known)
        lost = sum(s[1] for s in known)
        if lost == 0.0 or gained == 0.0:
            return gained, lost
        return None

    def geometry(self, i: int, j: int, *, geometry: bool = False) -> Diff:
        """The overlay of the two snapshots' geometries."""
        self.computed += 1
        return diff(self.tl.shape(self.tl.ids[i]), self.tl.shape(self.tl.ids[j]), geometry=geometry)


def change(
    store: Store,
    *,
    layer: str = "occupied",
    start: date,
    end: date,
    source: str | None = None,
    by_region: bool = False,
    settlements: bool = False,
    tz: str = "UTC",
    geometry: bool = False,
) -> AreaChange:
    """Gross gained, gross lost and net ground of ``layer`` from the state at ``start`` to the state at ``end``."""
    check_range(start, end)
    tl = Timeline(store, source, layer, tz, cache=32)
    i, j = tl.index_at(start), tl.index_at(end)
    pairs = Pairs(tl)
    need_geometry = geometry or by_region or settlements
    known = None if need_geometry else pairs.lookup(i, j)
    if known is not None:
        result = Diff(*known)
    elif tl.ids[i] == tl.ids[j]:
        result = Diff(0.0, 0.0)
    else:
        # DuckDB decompresses the blob column in large blocks: reading every snapshot of the layer costs
        # about twice reading two, and leaves the process (API, claims checker) with all of them
        tl.prefetch()
        result = pairs.geometry(i, j, geometry=need_geometry)
        pairs.known[(tl.ids[i], tl.ids[j])] = (result.gained_km2, result.lost_km2)  # asked again: a lookup
    regions, places = [], []
    if by_region:
        from .regions import split_by_region

        regions = split_by_region(store, result.gained, result.lost)
    if settlements:
        from .settlements import settlements_in

        places = settlements_in(result.gained, result.lost)
    return AreaChange(
        layer=display(layer),
        source=tl.source,
        start=tl.ref(start),
        end=tl.ref(end),
        gained_km2=result.gained_km2,
        lost_km2=result.lost_km2,
        regions=regions,
        settlements=places,
        gained=result.gained if geometry else None,
        lost=result.lost if geometry else None,
    )
