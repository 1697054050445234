"""The event index of a PostgreSQL store, answering only while the store holds exactly the events it was read from.

Why: on 2 cores, a ``/events`` page of a box and a month cost PostgreSQL ~5 ms of CPU and the API worker ~3 ms
(bench/results/api-postgis-pool.md): 50 clients then waited ~500 ms (p99) for ~150 pages a second. The read-only
DuckDB server answers the same page from its :class:`~frontwatch.store.event_index.EventIndex` in well under a
millisecond; a PostgreSQL store may change under the server, so its index must know when it is out of date.

How it stays exact: every statement that writes ``events`` raises the events generation in the same transaction
(:data:`~frontwatch.store.postgis.GENERATION_DDL`, a statement-level trigger). The index is read in one REPEATABLE
READ snapshot together with the generation it holds. Before the index answers a request, the request reads the
current generation, committed writes included; the index answers only when the two are equal, else the request
runs its SQL and the index is rebuilt in a thread. Requests arriving while a read is in flight share the next
read, which starts after they arrived, so one short query serves a burst of requests. Rebuilds are spaced
(:data:`REBUILD_SPACING`), so a store under continuous loading is answered by SQL instead of keeping a core busy.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import psycopg

from .. import __version__
from ..errors import StoreError
from . import event_index
from .event_index import NO_DAY, EventIndex, locked, map_payload, write_payload
from .events import listed_event_json
from .postgis import Generation, PostGISStore, display_url

log = logging.getLogger("frontwatch.store")

#: Rows per keyset batch while reading the events (bounds the memory of a build).
_BATCH = 50_000
#: A full build is followed by the next no sooner than this many times its duration (at least MIN_GAP_S); a refresh
#: (in memory) may be followed at once.
REBUILD_SPACING = 4.0
MIN_GAP_S = 2.0
#: How long a request waits for a refresh of a stale index before it asks SQL instead.
WAIT_S = 3.0
#: An index is brought up to date in memory while the events added so make up at most this share of its file.
MAX_EXTRA_SHARE = 0.2
#: Up to this many rows added by a refresh are put in place one by one; more, and the whole index is sorted again.
_FEW = 4096
_DAYS = "COALESCE({} - DATE '1970-01-01', {})"
_COLUMNS = (f"SELECT id, {_DAYS.format('date_start', NO_DAY)}, "
            f"{_DAYS.format('COALESCE(date_end, date_start)', NO_DAY)}, "
            "lon, lat, event_type, sub_event_type FROM events WHERE id > ? ORDER BY id LIMIT ?")
_PAYLOAD = "SELECT id, cluster_id, doc_id, event_json FROM events WHERE id > ? ORDER BY id LIMIT ?"
_ROW = (f"{_DAYS.format('e.date_start', NO_DAY)}, {_DAYS.format('COALESCE(e.date_end, e.date_start)', NO_DAY)}, "
        "e.lon, e.lat, e.event_type, e.sub_event_type, e.cluster_id, e.doc_id, e.event_json")
#: Every column of the rows written by transactions at or after a snapshot's horizon (``age`` compares transaction
#: ids across wraparound; a frozen row's age is the largest there is, so it counts as old): a scan of every event,
#: the way when the change log does not reach back far enough.
_CHANGED = f"SELECT e.id, {_ROW} FROM events e WHERE age(e.xmin) <= age(?::xid)"
#: The ids the change log holds after a generation (store/postgis.py GENERATION_DDL), each with its row when the
#: event is still there: read by the log's generation index and the events' primary key.
_LOGGED = (f"SELECT c.id, {_ROW} FROM (SELECT DISTINCT unnest(ids) AS id FROM events_changes "
           "WHERE generation > ?) c LEFT JOIN events e ON e.id = c.id")


def build_postgis_index(store: PostGISStore, cache_dir: Path | None = None,
                        max_events: int | None = None) -> EventIndex:
    """The event index of ``store`` as of one snapshot, with that snapshot's events generation; a StoreError when
    the store holds more than ``max_events``.

    The listed JSON goes into a file named by the store, the generation and the events, shared by the server's
    worker processes like the DuckDB one (the first to need it writes it under a lock, in id order).
    """
    directory = cache_dir or event_index.default_index_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = "pg-" + hashlib.sha256(store.target.encode()).hexdigest()[:12]
    with store.snapshot():
        generation = store.events_generation()
        if generation is None:
            raise StoreError(f"{store.target} has no events generation row: reopen it read-write once to migrate it")
        if max_events is not None and (n := store.count_events()) > max_events:
            raise StoreError(f"{store.target} holds {n:,} events, more than event_index_max_events ({max_events:,}) "
                             "allows in memory: raise the setting to index them")
        horizon = _horizon(store)
        ids, day, last_day, lon, lat, etype, sub, types = _read_columns(store)
        key = hashlib.sha256(ids.tobytes() + f"\0{generation}\0{__version__}".encode()).hexdigest()[:16]
        path = directory / f"events-{stem}-{key}.bin"
        with locked(directory / f"events-{stem}.lock"):
            if not path.exists():
                write_payload(_batches(store, _PAYLOAD), path)
                for old in directory.glob(f"events-{stem}-*.bin"):
                    if old != path:
                        old.unlink(missing_ok=True)  # a worker still mapping it keeps its pages
            payload, offsets = map_payload(path, len(ids))
    order = np.lexsort((ids, day))  # date_start ASC NULLS FIRST (NO_DAY is the least), then id: the index order
    return EventIndex(ids=ids[order], day=day[order], last_day=last_day[order], lon=lon[order], lat=lat[order],
                      event_type=etype[order], sub_event_type=sub[order], types=types,
                      starts=offsets[:-1][order], ends=offsets[1:][order], payload=payload, path=path,
                      generation=generation, horizon=horizon)


def refresh_postgis_index(store: PostGISStore, old: EventIndex, max_events: int | None = None) -> EventIndex:
    """``old`` brought up to date: the events written since its snapshot are read (and only they), the deleted
    ones dropped; a StoreError when that cannot be done exactly (the caller builds anew).

    The ids written since come from the change log (:func:`logged_changes`), read by index; when the log does not
    reach back to ``old``'s generation, from a scan of the events (:func:`_changes_by_xmin`).
    """
    if old.horizon is None:
        raise StoreError("the index has no snapshot horizon to refresh from")
    with store.snapshot():
        generation = store.events_generation()
        horizon = _horizon(store)
        changes = logged_changes(store, old)
        if changes is None:
            log.info("the change log of %s does not reach back to generation %s: scanning the events",
                     store.target, old.generation)
            changes = _changes_by_xmin(store, old)
    rows, keep = changes
    count = int(keep.sum()) + len(rows)
    if max_events is not None and count > max_events:
        raise StoreError(f"{store.target} holds {count:,} events, more than event_index_max_events ({max_events:,})")
    if len(rows) > max(1000, MAX_EXTRA_SHARE * count):
        raise StoreError(f"{len(rows):,} of {count:,} events were written since the index was read")
    return _merged(old, rows, keep, generation, horizon)


def logged_changes(store: PostGISStore, old: EventIndex) -> tuple[list[Any], np.ndarray] | None:
    """The rows of the events written since ``old``'s generation and which of ``old``'s events are unchanged, read
    from the change log inside the caller's snapshot; None when the log does not hold every write since (pruned,
    TRUNCATE, a migration, another table); a StoreError when so many were written that the index is better built
    anew.

    Exact: writers raise the generation in commit order (they queue on its row), so the snapshot sees every write of
    a generation up to its own and none after; an id the log names is read again, or dropped when it is gone.
    """
    row = store.query_one("SELECT token, logged_from FROM events_generation")
    if (row is None or old.generation is None or row["token"] != old.generation[0] or row["logged_from"] is None
            or int(old.generation[1]) < int(row["logged_from"])):
        return None
    since = int(old.generation[1])
    n = int(store.scalar("SELECT count(DISTINCT id) FROM (SELECT unnest(ids) AS id FROM events_changes "
                         "WHERE generation > ?) c", (since,)))
    if n > max(1000, MAX_EXTRA_SHARE * len(old.ids)):  # counted first: reading them all would be wasted
        raise StoreError(f"{n:,} events were written since the index was read, more than it adds in memory")
    logged = store.execute(_LOGGED, (since,)).fetchall()
    keep = ~np.isin(old.ids, np.array([r[0] for r in logged], dtype=np.int64))
    return [r for r in logged if r[9] is not None], keep  # event_json is NOT NULL: None is a deleted event


def _changes_by_xmin(store: PostGISStore, old: EventIndex) -> tuple[list[Any], np.ndarray]:
    """What :func:`logged_changes` gives, found by a scan of every event for rows newer than ``old``'s horizon.

    A row version never changes: one whose ``xmin`` (the transaction that wrote it) is older than ``old.horizon``
    was visible to ``old``'s snapshot, so ``old`` holds it as it is; the rows written since are read in full.
    Deleted events are found by count, and by the list of ids only when some are missing.
    """
    assert old.horizon is not None
    count = store.count_events()
    rows = store.execute(_CHANGED, (str(old.horizon % 2**32),)).fetchall()
    if len(rows) > max(1000, MAX_EXTRA_SHARE * count):
        raise StoreError(f"{len(rows):,} of {count:,} events were written since the index was read")
    keep = ~np.isin(old.ids, np.array([r[0] for r in rows], dtype=np.int64))
    if int(keep.sum()) != count - len(rows):  # events deleted: keep only the ids still there
        present = np.array([r[0] for r in store.execute("SELECT id FROM events").fetchall()], dtype=np.int64)
        keep &= np.isin(old.ids, present)
        if int(keep.sum()) != count - len(rows):
            raise StoreError(f"the event index of {store.target} cannot be brought up to date exactly")
    return rows, keep


def _merged(old: EventIndex, rows: list[Any], keep: np.ndarray, generation: Any, horizon: int) -> EventIndex:
    """``old`` without the events ``keep`` drops, with ``rows`` (id and :data:`_ROW`'s columns) added in memory."""
    types = dict(old.types)
    texts = [listed_event_json({"id": r[0], "cluster_id": r[7], "doc_id": r[8], "event_json": r[9]}).encode("utf-8")
             for r in rows]
    ends = len(old.payload) + len(old.extra) + np.cumsum([len(t) for t in texts], dtype=np.int64)
    added: dict[str, np.ndarray] = {
        "ids": np.array([r[0] for r in rows], dtype=np.int64), "day": np.array([r[1] for r in rows], dtype=np.int32),
        "last_day": np.array([r[2] for r in rows], dtype=np.int32),
        "lon": np.array([r[3] for r in rows], dtype=np.float64),
        "lat": np.array([r[4] for r in rows], dtype=np.float64),
        "event_type": np.array([types.setdefault(r[5], len(types)) for r in rows], dtype=np.int32),
        "sub_event_type": np.array([types.setdefault(r[6], len(types)) for r in rows], dtype=np.int32),
        "starts": ends - np.array([len(t) for t in texts], dtype=np.int64), "ends": ends}
    every = bool(keep.all())  # only added: no copy of the old columns before the one that inserts
    kept = {name: getattr(old, name) if every else getattr(old, name)[keep] for name in added}  # in index order
    if len(rows) <= _FEW:  # a few rows: each goes into its place (a sort of a million costs ~0.1 s)
        order = np.lexsort((added["ids"], added["day"]))
        added = {name: column[order] for name, column in added.items()}
        at = _places(kept["day"], kept["ids"], added["day"], added["ids"])
        merged = {name: np.insert(kept[name], at, column) for name, column in added.items()}
    else:
        merged = {name: np.concatenate([kept[name], column]) for name, column in added.items()}
        order = np.lexsort((merged["ids"], merged["day"]))
        merged = {name: column[order] for name, column in merged.items()}
    return EventIndex(**merged, types=types,
                      payload=old.payload, extra=old.extra + b"".join(texts), path=old.path,
                      generation=generation, horizon=horizon)


def _places(day: np.ndarray, ids: np.ndarray, new_day: np.ndarray, new_ids: np.ndarray) -> np.ndarray:
    """Where rows (``new_day``, ``new_ids``) go among rows sorted by (day, id), for :func:`numpy.insert`."""
    first, last = np.searchsorted(day, new_day, "left"), np.searchsorted(day, new_day, "right")
    return np.array([lo + np.searchsorted(ids[lo:hi], i) for lo, hi, i in zip(first, last, new_ids, strict=True)],
                    dtype=np.int64)


def _horizon(store: PostGISStore) -> int:
    """The oldest transaction id the current snapshot does not see as finished (64-bit)."""
    return int(store.scalar("SELECT pg_snapshot_xmin(pg_current_snapshot())::text"))


def _batches(store: PostGISStore, sql: str) -> Any:
    """The rows of ``sql`` (keyset pages by id: its first column), batch after batch."""
    last = 0
    while rows := store.execute(sql, (last, _BATCH)).fetchall():
        yield rows
        last = rows[-1][0]


def _read_columns(store: PostGISStore) -> tuple[Any, ...]:
    """ids, days, last days, lon, lat and type codes of every event, in id order; and the codes' names."""
    types: dict[str, int] = {}
    parts: list[list[np.ndarray]] = [[] for _ in range(7)]
    for rows in _batches(store, _COLUMNS):
        ids, day, last_day, lon, lat, etype, sub = zip(*rows, strict=True)
        for part, values, dtype in zip(parts[:5], (ids, day, last_day, lon, lat),
                                       (np.int64, np.int32, np.int32, np.float64, np.float64), strict=True):
            part.append(np.array(values, dtype=dtype))  # a NULL lon or lat becomes NaN
        for part, names in ((parts[5], etype), (parts[6], sub)):
            part.append(np.array([types.setdefault(name, len(types)) for name in names], dtype=np.int32))
    dtypes = (np.int64, np.int32, np.int32, np.float64, np.float64, np.int32, np.int32)
    columns = [np.concatenate(part) if part else np.zeros(0, dtype=dtype)
               for part, dtype in zip(parts, dtypes, strict=True)]
    return (*columns, types)


class WatchedEventIndex:
    """The :class:`EventIndex` of a PostgreSQL store for one server process, with the check that it is current."""

    def __init__(self, url: str, cache_dir: Path | None = None, max_events: int | None = None) -> None:
        self._url, self._cache_dir, self._max_events = url, cache_dir, max_events
        self.index = self._build()
        self._reader: PostGISStore | None = None  # used by the reader thread only
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="events-generation")
        self._lock = threading.Lock()
        self._builder: threading.Thread | None = None
        self._built: Future[None] | None = None  # resolved when the rebuild in progress ends
        self._refreshing = False  # whether it brings the index up to date in memory (quick) or builds it anew
        self._next_build = 0.0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting: asyncio.Future[Generation | None] | None = None
        self._reading: asyncio.Task[None] | None = None

    @staticmethod
    def handles(query: Any) -> bool:
        return EventIndex.handles(query)

    async def current(self) -> EventIndex | None:
        """The index when it holds the store's events as of this call; else None (ask SQL).

        A stale index starts a rebuild; while that is a quick refresh (:func:`refresh_postgis_index`, about a
        second for a million events) the request waits for it (at most :data:`WAIT_S`) rather than send one more
        query to a PostgreSQL that the refresh and the other requests keep busy.
        """
        generation = await self._read_generation()
        if generation is None:
            return None
        if generation == self.index.generation:
            return self.index
        deadline = time.monotonic() + WAIT_S
        while (building := self._start_rebuild()) is not None and self._refreshing:
            try:  # a refresh that started before this request's write does not cover it: the next one will
                await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(building)), deadline - time.monotonic())
            except TimeoutError:
                return None
            if _covers(self.index.generation, generation):
                return self.index
        return None

    def _build(self, old: EventIndex | None = None) -> EventIndex:
        """The index now: ``old`` brought up to date while what it added in memory stays small, else built anew."""
        with PostGISStore(self._url, checked=True) as store:
            if old is not None and len(old.extra) <= MAX_EXTRA_SHARE * len(old.payload):
                try:
                    return refresh_postgis_index(store, old, self._max_events)
                except StoreError as exc:
                    log.info("building the event index of %s anew: %s", display_url(self._url), exc)
            return build_postgis_index(store, self._cache_dir, self._max_events)

    # -- the generation, read once for the requests that wait on it
    async def _read_generation(self) -> Generation | None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new event loop (a test client's): nothing of the old one carries over
            self._loop, self._waiting, self._reading = loop, None, None
        if self._waiting is None:
            self._waiting = loop.create_future()
            if self._reading is None:
                self._reading = loop.create_task(self._read_for_waiting())
        return await asyncio.shield(self._waiting)

    async def _read_for_waiting(self) -> None:
        """Read for every request waiting when the read starts; requests arriving meanwhile wait for the next."""
        loop = asyncio.get_running_loop()
        try:
            while self._waiting is not None:
                waiting, self._waiting = self._waiting, None
                try:
                    value = await loop.run_in_executor(self._executor, self._generation)
                except Exception:  # whatever failed, the waiting requests go to SQL rather than hang
                    log.exception("reading the events generation failed; SQL answers")
                    value = None
                waiting.set_result(value)
        finally:
            self._reading = None

    def _generation(self) -> Generation | None:
        """The store's events generation, or None when it cannot be read now (requests then go to SQL)."""
        try:
            if self._reader is None:
                self._reader = PostGISStore(self._url, checked=True)
            return self._reader.events_generation()
        except (StoreError, psycopg.Error) as exc:
            log.warning("cannot read the events generation of %s: %s", display_url(self._url), exc)
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            return None

    # -- rebuilding
    def _start_rebuild(self) -> Future[None] | None:
        """The rebuild in progress, or a new one; None while the last one's spacing lasts."""
        with self._lock:
            if self._built is not None:
                return self._built
            if time.monotonic() < self._next_build:
                return None
            old = self.index
            self._refreshing = old.horizon is not None and len(old.extra) <= MAX_EXTRA_SHARE * len(old.payload)
            self._built = Future()
            self._builder = threading.Thread(target=self._rebuild, args=(self._built,), name="events-index",
                                             daemon=True)
            self._builder.start()
            return self._built

    def _rebuild(self, built: Future[None]) -> None:
        started, old, gap = time.monotonic(), self.index, MIN_GAP_S
        try:
            self.index = self._build(old)  # the old one is dropped, not closed: a request may be reading it
            # a refresh costs less than the SQL of the requests it serves: the next may follow at once
            took = time.monotonic() - started
            gap = 0.0 if self.index.payload is old.payload else max(MIN_GAP_S, REBUILD_SPACING * took)
        except (StoreError, psycopg.Error, OSError) as exc:
            log.warning("cannot rebuild the event index of %s (SQL answers meanwhile): %s", display_url(self._url), exc)
        finally:
            with self._lock:
                self._next_build = time.monotonic() + gap
                self._builder = self._built = None
            built.set_result(None)

    def close(self) -> None:
        builder = self._builder
        if builder is not None:
            builder.join()
        self._executor.shutdown(wait=True)
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.index.close()


def _covers(have: Generation | None, wanted: Generation) -> bool:
    """Whether an index at generation ``have`` holds every write that generation ``wanted`` saw: the same table,
    a counter as high or higher."""
    return have is not None and have[0] == wanted[0] and have[1] >= wanted[1]


def watched_index(url: str, cache_dir: Path | None = None, max_events: int | None = None) -> WatchedEventIndex | None:
    """The watched index of the store at ``url``, or None (logged) when it cannot be built or ``max_events`` is 0:
    SQL answers then."""
    if max_events == 0:
        return None
    try:
        return WatchedEventIndex(url, cache_dir, max_events)
    except (StoreError, psycopg.Error, OSError) as exc:
        log.warning("serving %s without an event index (SQL answers /events): %s", display_url(url), exc)
        return None
