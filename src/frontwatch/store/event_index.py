"""The events repository's in-memory index of a read-only DuckDB store, for the map's query: a box, a date
range, a type.

Why: DuckDB finds the ~200 events of a 1x1 degree box and a month among a million by reading the
lon, lat and date columns (2.7 ms), but then fetching the page's 100 rows decompresses every stored
``event_json`` of each 2,048-row vector that holds one of them (7.6 ms of SQL per page in all,
bench/results/api.md). A read-only server can do better, because its file cannot change while it is
open: DuckDB lets a process write a file only when no other process has it open. So the server reads
the events once, at start-up, into sorted numpy arrays (dates, lon, lat, type codes: 33 bytes an
event), and writes each event's listed JSON, exactly as :func:`~frontwatch.store.events.listed_event_json`
gives it, into one file that it memory-maps. Worker processes of one server share that file through
the page cache (the first builds it under a lock, the others map it).

Queries the index cannot answer (text filters: actor, claimant, ``q``; one article; one cluster) go to
SQL; answers are the same either way (a test compares them on random queries).
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..errors import StoreError
from .base import Database
from .events import MAX_SPAN_DAYS, EventQuery, Listed, listed_event_json

#: Days since 1970-01-01 of an event without a date (sorts first, so last in the newest-first order).
NO_DAY = np.iinfo(np.int32).min
_EPOCH = date(1970, 1, 1)
#: Rows read per batch while writing the payload file (bounds the memory of the build).
_BATCH = 50_000
#: Index order: ascending here, so newest first (date_start DESC NULLS LAST, id DESC) is the reverse.
_ORDER = "ORDER BY date_start ASC NULLS FIRST, id ASC"



def _day(value: date) -> np.int32:
    """Days since 1970-01-01, as the arrays' own type: searching an int32 array for a Python int made
    numpy convert the whole array first (3.5 ms a query over a million events instead of microseconds)."""
    return np.int32((value - _EPOCH).days)


@dataclass
class EventIndex:
    """Events in index order: ``ids[i]``'s listed JSON is ``payload[starts[i]:ends[i]]``."""

    ids: np.ndarray  # int64
    day: np.ndarray  # int32, date_start as days, NO_DAY when unknown
    last_day: np.ndarray  # int32, COALESCE(date_end, date_start) as days
    lon: np.ndarray  # float64, NaN when unplaced
    lat: np.ndarray
    event_type: np.ndarray  # int32 codes into ``types``
    sub_event_type: np.ndarray
    types: dict[str, int]
    starts: np.ndarray  # int64: where each event's listed JSON starts in ``payload``
    ends: np.ndarray  # int64: where it ends
    payload: Any  # bytes or mmap: the listed JSON of every event, UTF-8, back to back
    path: Path | None = None
    #: The store's events generation the index was read at (a PostgreSQL store's; None for a read-only DuckDB file)
    generation: tuple[Any, ...] | None = None
    #: Listed JSON of events added since ``payload`` was written (a PostgreSQL index brought up to date in memory):
    #: positions from ``len(payload)`` on are in here
    extra: bytes = b""
    #: The oldest transaction id the index's snapshot did not see (PostgreSQL): rows written at or after it are new
    horizon: int | None = None

    async def current(self) -> EventIndex | None:
        """The index to answer from now: itself (a read-only DuckDB file cannot change while it is served)."""
        return self

    @staticmethod
    def handles(query: EventQuery) -> bool:
        """Whether the index answers ``query`` (text, article and cluster filters go to SQL)."""
        return not (query.actor or query.claimant or query.text or query.doc_id or query.cluster_id)

    def matches(self, query: EventQuery) -> np.ndarray:
        """Positions of the matching events, newest first (the SQL order)."""
        lo, hi = 0, len(self.ids)
        if query.start is not None or query.end is not None:
            lo = int(np.searchsorted(self.day, np.int32(NO_DAY), side="right"))  # a date filter drops undated events
            if query.start is not None:
                lo = max(lo, int(np.searchsorted(self.day, _day(query.start - timedelta(days=MAX_SPAN_DAYS)))))
            if query.end is not None:
                hi = int(np.searchsorted(self.day, _day(query.end), side="right"))
        if hi <= lo:
            return np.empty(0, dtype=np.int64)
        keep = np.ones(hi - lo, dtype=bool)
        if query.start is not None:
            keep &= self.last_day[lo:hi] >= _day(query.start)
        if query.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = query.bbox
            lon, lat = self.lon[lo:hi], self.lat[lo:hi]
            keep &= (lon >= min_lon) & (lon <= max_lon) & (lat >= min_lat) & (lat <= max_lat)
        for column, value in ((self.event_type, query.event_type), (self.sub_event_type, query.sub_event_type)):
            if value:
                keep &= column[lo:hi] == self.types.get(value, -1)
        return (np.flatnonzero(keep) + lo)[::-1]

    def page(self, query: EventQuery) -> tuple[list[Listed], int]:
        """One page of ``query`` (``query.limit`` from ``query.offset``), and how many events match in all."""
        matches = self.matches(query)
        return self.listed(matches[query.offset:query.offset + query.limit]), len(matches)

    def listed(self, positions: np.ndarray) -> list[Listed]:
        """(id, lon, lat, listed JSON) of the events at ``positions``; lon and lat None where unplaced.

        Whole columns are taken at once (``tolist``): indexing numpy arrays one scalar at a time cost
        more than the search itself.
        """
        ids, lons, lats = (column[positions].tolist() for column in (self.ids, self.lon, self.lat))
        starts, ends = self.starts[positions].tolist(), self.ends[positions].tolist()
        payload, extra = self.payload, self.extra
        if extra:
            base = len(payload)
            texts = [payload[start:end] if end <= base else extra[start - base:end - base]
                     for start, end in zip(starts, ends, strict=True)]
        else:
            texts = [payload[start:end] for start, end in zip(starts, ends, strict=True)]
        return [(event_id, *((None, None) if lon != lon or lat != lat else (lon, lat)), text.decode("utf-8"))
                for event_id, lon, lat, text in zip(ids, lons, lats, texts, strict=True)]

    def close(self) -> None:
        if isinstance(self.payload, mmap.mmap):
            self.payload.close()

    @classmethod
    def build(cls, store: Database, cache_dir: Path | None = None) -> EventIndex:
        """The index of ``store`` (a DuckDB store opened read-only); its payload file goes in ``cache_dir``.

        The file's name is a hash of the store file (path, size, modification time) and its events, so
        a server started on a changed store builds a new one; older files of the same store are removed.
        """
        if store.backend != "duckdb":
            raise StoreError(f"the event index reads a DuckDB file; {store.target} is a {store.backend} store, "
                             "whose index store/event_watch.py builds (build_postgis_index)")
        conn = store.conn
        columns = conn.execute(
            "SELECT id, date_start, COALESCE(date_end, date_start) AS last_day, lon, lat, event_type, sub_event_type "
            f"FROM events {_ORDER}"
        ).fetchnumpy()
        types = {name: code for code, name in enumerate(sorted(
            {*map(str, columns["event_type"]), *map(str, columns["sub_event_type"])}))}
        ids = np.asarray(columns["id"], dtype=np.int64)
        index = cls(ids=ids, day=_days(columns["date_start"]), last_day=_days(columns["last_day"]),
                    lon=_floats(columns["lon"]), lat=_floats(columns["lat"]),
                    event_type=np.array([types[str(v)] for v in columns["event_type"]], dtype=np.int32),
                    sub_event_type=np.array([types[str(v)] for v in columns["sub_event_type"]], dtype=np.int32),
                    types=types, starts=np.zeros(0, dtype=np.int64), ends=np.zeros(0, dtype=np.int64), payload=b"")
        directory = cache_dir or default_index_dir()
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        stem, state = _store_key(store)
        index.path = directory / f"events-{stem}-{_events_key(ids, state)}.bin"
        with locked(directory / f"events-{stem}.lock"):
            if not index.path.exists():
                _write_payload(conn, index.path)
                for old in directory.glob(f"events-{stem}-*.bin"):
                    if old != index.path:
                        old.unlink(missing_ok=True)
        index.payload, offsets = map_payload(index.path, len(ids))
        index.starts, index.ends = offsets[:-1], offsets[1:]
        return index


def default_index_dir() -> Path:
    """Where index files go when the ``index_dir`` setting is unset: a folder of this user in the temp folder."""
    return Path(tempfile.gettempdir()) / f"frontwatch-serve-{os.getuid()}"


def _days(values: Any) -> np.ndarray:
    """Dates (a numpy datetime64 or masked array from DuckDB) as int32 days, NO_DAY where missing."""
    mask = np.ma.getmaskarray(values)
    days = np.ma.getdata(values).astype("datetime64[D]").astype(np.int64)
    return np.where(mask, NO_DAY, days).astype(np.int32)


def _floats(values: Any) -> np.ndarray:
    return np.ma.filled(np.ma.asarray(values, dtype=np.float64), np.nan)


def _store_key(store: Database) -> tuple[str, str]:
    """A name for the store file, and its state: the file's and its write-ahead log's size and time."""
    path = Path(store.target).resolve()
    parts = []
    for file in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            stat = file.stat()
            parts += [str(stat.st_size), str(stat.st_mtime_ns)]
    return hashlib.sha256(str(path).encode()).hexdigest()[:12], "\0".join(parts)


def _events_key(ids: np.ndarray, state: str) -> str:
    return hashlib.sha256(ids.tobytes() + f"\0{state}\0{__version__}".encode()).hexdigest()[:16]


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """One builder at a time among a server's worker processes (POSIX ``flock``; none where missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: each worker may build; the rename keeps the file whole
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_payload(conn: Any, path: Path) -> None:
    """Every event's listed JSON in index order, then the offsets (int64, little-endian) and their count."""
    cursor = conn.execute(f"SELECT id, cluster_id, doc_id, event_json FROM events {_ORDER}")
    write_payload(iter(lambda: cursor.fetchmany(_BATCH), []), path)


def write_payload(batches: Iterable[Sequence[tuple[Any, ...]]], path: Path) -> None:
    """The listed JSON of the (id, cluster_id, doc_id, event_json) rows of ``batches``, in their order, then the
    offsets (int64, little-endian) and their count; written aside, then renamed into ``path``."""
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    offsets = [0]
    try:
        with tmp.open("wb") as out:
            for rows in batches:
                for id_, cluster_id, doc_id, event_json in rows:
                    text = listed_event_json({"id": id_, "cluster_id": cluster_id, "doc_id": doc_id,
                                              "event_json": event_json}).encode("utf-8")
                    out.write(text)
                    offsets.append(offsets[-1] + len(text))
            out.write(np.asarray(offsets, dtype="<i8").tobytes())
            out.write(np.int64(len(offsets)).astype("<i8").tobytes())
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def map_payload(path: Path, n_events: int) -> tuple[Any, np.ndarray]:
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    count = int(np.frombuffer(mapped, dtype="<i8", count=1, offset=size - 8)[0])
    if count != n_events + 1:
        mapped.close()
        raise OSError(f"{path} holds {count - 1} events, expected {n_events}: delete it and restart the server")
    offsets = np.frombuffer(mapped, dtype="<i8", count=count, offset=size - 8 - 8 * count).astype(np.int64)
    return mapped, offsets
