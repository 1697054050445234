"""The snapshots of one source in time order: which snapshot is the state at a date, and its geometry.

CONTRACTS: the state at D is the latest snapshot taken at or before D 23:59:59 (in ``tz``). Dates
before the first snapshot, or after the day of the last one, are outside the data.
"""

from __future__ import annotations

import bisect
import os
from collections import OrderedDict
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import shapely

from ..errors import DataUnavailable
from ..models import SnapshotRef
from .layers import canonical, check_layers, parse_layers
from .overlay import Shape
from .periods import day_end_utc, local_date, zone

if TYPE_CHECKING:
    from ..store import Store


def resolve_source(store: Store, source: str | None) -> str:
    """``source``, or the source with most snapshots; DataUnavailable when the store has none."""
    known = store.sources()
    if not known:
        raise DataUnavailable(
            f"no control-map snapshots in {store.target}: import some first with `frontwatch territory import PATH`"
        )
    if source is None:
        return known[0]
    if source not in known:
        raise DataUnavailable(f"no snapshots of source {source!r} in {store.target}; stored: {', '.join(known)}")
    return source


#: How many layer expressions' maps a process keeps: a server answering random layer sets with fewer slots
#: re-read a whole layer's maps (0.3-1 s) on every fifth request (issue 15's load test).
_WKB_EXPRESSIONS = 10
#: Per process: the WKB already read, keyed by store, source, layer and the snapshots' count and
#: last id (an import changes the key). Lets a long-running process (the API) answer repeated
#: changes without reading the store again.
_WKB: OrderedDict[tuple[str, str, str, int, int], tuple[dict[int, list[bytes]], OrderedDict[int, Shape]]] = (
    OrderedDict()
)


def _process_cache(
    store: Store, source: str, layer: str, count: int, last_id: int
) -> tuple[dict[int, list[bytes]], OrderedDict[int, Shape]]:
    """The WKB read and the shapes parsed so far for one store, source and layer expression."""
    key = (str(store.target), source, layer, count, last_id)
    if key not in _WKB:
        _WKB[key] = ({}, OrderedDict())
        while len(_WKB) > _WKB_EXPRESSIONS:
            _WKB.popitem(last=False)
    _WKB.move_to_end(key)
    return _WKB[key]


#: Per process: what a read-only DuckDB file says about its snapshots (sources, layers, times, stored
#: changes), keyed by the file's identity and stamp. Such a file cannot change while it is open (DuckDB's
#: lock keeps writers out), so every request of a server or claim check need not ask again: each of
#: those queries cost 1-10 ms, several per change, more than the lookup they serve (issue 15).
_FROZEN: dict[tuple[Any, ...], Any] = {}


def frozen_memo(store: Store, key: tuple[Any, ...], compute: Any) -> Any:
    """``compute()``, remembered per read-only DuckDB file (computed every time for any other store)."""
    if not store.read_only or store.backend != "duckdb":
        return compute()
    try:
        st = os.stat(store.target)
    except OSError:
        return compute()
    full = (store.target, st.st_ino, st.st_mtime_ns, st.st_size, *key)
    hit = _FROZEN.get(full)
    if hit is None:
        if len(_FROZEN) > 512:
            _FROZEN.clear()
        hit = _FROZEN[full] = compute()
    return hit


class Timeline:
    """The snapshot ids and times of one source and one layer expression, with a geometry cache."""

    def __init__(self, store: Store, source: str | None, layer: str, tz: str = "UTC", *, cache: int = 64) -> None:
        zone(tz)  # validate early
        self.store = store
        self.source = frozen_memo(store, ("source", source), lambda: resolve_source(store, source))
        self.names = parse_layers(layer)
        self.layer = canonical(layer)
        self.tz = tz
        frozen_memo(store, ("layers", self.source, self.names), self._check_layers)
        rows = frozen_memo(store, ("times", self.source), lambda: store.snapshot_times(self.source))
        self.ids = [i for i, _ in rows]
        self.times = [t for _, t in rows]
        self.first_date = local_date(datetime.fromtimestamp(self.times[0], UTC), tz)
        self.last_date = local_date(datetime.fromtimestamp(self.times[-1], UTC), tz)
        self._wkb, self._shapes = _process_cache(store, self.source, self.layer, len(self.ids), self.ids[-1])
        self._cache = cache

    def _check_layers(self) -> bool:
        """Raise UnknownLayer unless every layer is stored; else True (the memo would not keep a None)."""
        check_layers(self.store, self.names, self.source)
        return True

    def index_at(self, day: date) -> int:
        """Position in ``ids`` of the state at ``day``; DataUnavailable outside the data."""
        if day < self.first_date or day > self.last_date:
            raise DataUnavailable(
                f"no {self.source} state at {day}: its snapshots run from {self.first_date} to {self.last_date} "
                f"({self.tz}); choose dates in that range or import more snapshots"
            )
        pos = bisect.bisect_right(self.times, int(day_end_utc(day, self.tz).timestamp())) - 1
        if pos < 0:
            raise DataUnavailable(f"no {self.source} snapshot at or before the end of {day} ({self.tz})")
        return pos

    def ref(self, day: date) -> SnapshotRef:
        """The snapshot that represents the state at ``day``."""
        pos = self.index_at(day)
        return SnapshotRef(day, datetime.fromtimestamp(self.times[pos], UTC), self.ids[pos])

    def prefetch(self, snapshot_ids: list[int] | None = None) -> None:
        """Read the WKB of many snapshots in one query (all of the source's when None)."""
        missing = [i for i in (self.ids if snapshot_ids is None else snapshot_ids) if i not in self._wkb]
        if not missing:  # the process cache already holds them: no query at all
            return
        # all of the source's at once when asked for all (one scan beats an IN list of a thousand ids)
        query_ids = None if snapshot_ids is None and len(missing) == len(self.ids) else missing
        self._wkb.update(self.store.layer_wkb(self.source, self.names, query_ids))
        for sid in missing:
            self._wkb.setdefault(sid, [])

    def shape(self, snapshot_id: int) -> Shape:
        """The layer expression's geometry of one snapshot (least-recently-used cache)."""
        hit = self._shapes.get(snapshot_id)
        if hit is not None:
            self._shapes.move_to_end(snapshot_id)
            return hit
        if snapshot_id not in self._wkb:
            self.prefetch([snapshot_id])
        shape = Shape(parts=[shapely.from_wkb(w) for w in self._wkb[snapshot_id]])
        self._shapes[snapshot_id] = shape
        if len(self._shapes) > self._cache:
            self._shapes.popitem(last=False)
        return shape
