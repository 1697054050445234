"""``import_paths``: snapshot files, folders and archives into the store, idempotently, in parallel where it pays.

The main process walks the paths (decompressing archives as streams) and writes to the store; up to
``workers`` processes parse, repair, dissolve and measure the snapshots, in chunks of consecutive files so each
worker's :class:`~.sources.GeometryCache` sees mostly unchanged features.

What a failure leaves behind (the CONTRACTS promise "a failed import leaves the store as it was"):
each snapshot is stored atomically, with all its layers or not at all, and a file that fails (bad JSON, no
polygons, projected coordinates, no time...) writes nothing and is listed in ``failed`` while the batch goes on.
The batch as a whole is NOT all-or-nothing: one bad file among 1,359 should not throw away the rest, and since
import is idempotent, re-running after fixing the file imports just what is missing. A path that does not exist
stops everything before anything is written (``NotFound``: a typo, not bad data). A store error (disk full)
rolls back the batch being written and is raised; earlier batches stay, and a re-run resumes.

An unknown colour does not fail its snapshot: its polygons are kept under ``unmapped_<rrggbb>``, counted in no
total, and reported as one warning line per colour (with the number of files). A real archive has odd colours
(Wagner's mutiny in June 2023, a stray polygon over Somalia); failing those snapshots would lose the whole
day's map to protect against a few km² that are not counted anyway, and ``--layer-map`` can assign them.

Skipped means "already stored, the same": same source and key (e.g. the DeepState id) and the same bytes.
A file whose key is stored but whose content differs (a corrected file for a DeepState id already in the
store) is NOT skipped silently: it is listed in ``failed`` (code ``conflict``) naming the stored file, and the
store keeps what it has. An analyst's figures must not change under them without a trace, nor a correction
vanish as "skipped": imports never rewrite, so a correction is imported into a new ``--db``.

A snapshot that reads cleanly but is implausible (mostly unknown colours, or a layer jumping far beyond any
real day against its neighbours) is refused with the figures: see ``plausibility.py``.

Memory is bounded whatever the input: decompression is capped per file (``archive.MAX_MEMBER_BYTES``), a work
unit closes at ``CHUNK`` files or ``CHUNK_BYTES``, and at most ``INFLIGHT_BYTES`` of file data wait for the
workers. Workers die with the importing process, even on ``kill -9`` (``_watch_parent``).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sys
import threading
import time as clock
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shapely.errors import ShapelyError

from ..errors import ConfigError, FrontwatchError
from .archive import Entry, check_paths, iter_entries
from .plausibility import Plausibility
from .sources import SOURCES, GeometryCache, Note, Prepared, ReadOptions, deepstate_id, finish, read_entry

if TYPE_CHECKING:
    from ..store import Store
    from .formats import LayerMap

log = logging.getLogger("frontwatch.territory")

#: Consecutive files per work unit: large enough that a worker's cache pays, small enough to keep memory flat.
CHUNK = 24
#: A work unit also closes once its files hold this many bytes (24 members of 100 MiB must not travel together).
CHUNK_BYTES = 32 * 1024 * 1024
#: File bytes handed to workers and not yet answered, at most (always at least one unit).
INFLIGHT_BYTES = 96 * 1024 * 1024
#: Snapshots written per store transaction.
WRITE_BATCH = 32


@dataclass(frozen=True)
class Failure:
    """A file or snapshot that could not be imported, and why (one line: what, and what to do)."""

    path: str
    error: str
    code: str = "bad_input"

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error, "code": self.code}


@dataclass
class ImportReport:
    """What an import did. ``to_dict`` is the CONTRACTS shape; warnings and ignored files are extra attributes."""

    imported: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line per kind of warning, with a count
    ignored: list[str] = field(default_factory=list)  # files that are not snapshots (INDEX.csv, README...)
    sources: set[str] = field(default_factory=set)  # sources that received snapshots

    def to_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "failed": [f.to_dict() for f in self.failed]}


def parse_time_option(value: str | datetime | None) -> datetime | None:
    """``--time`` as a UTC datetime (ISO 8601 date or date-time; naive means UTC)."""
    if value is None or isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if isinstance(value, datetime) and value.tzinfo is None else value
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ConfigError(
            f"--time {value!r} is not an ISO 8601 time: write e.g. 2024-05-15 or 2024-05-15T20:00:00Z"
        ) from exc
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def read_options(source: str, time: str | datetime | None, layer_map: LayerMap | str | Path | None) -> ReadOptions:
    """Validate the user's options once, before any file is read."""
    if source not in SOURCES:
        raise ConfigError(f"unknown --source {source!r}: expected one of {', '.join(SOURCES)}")
    parsed_map = None
    if layer_map is not None:
        from .formats import LayerMap, load_layer_map

        parsed_map = layer_map if isinstance(layer_map, LayerMap) else load_layer_map(layer_map)
    return ReadOptions(source=source, time=parse_time_option(time), layer_map=parsed_map)


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    source: str = "auto",
    time: str | datetime | None = None,
    layer_map: LayerMap | str | Path | None = None,
    progress: bool = False,
    workers: int | None = None,
    plausibility: bool = True,
) -> ImportReport:
    """Import every snapshot under ``paths`` (files, folders, archives); see the module docstring for failures.

    ``plausibility=False`` stores snapshots the plausibility check would refuse (``--no-plausibility-check``).
    """
    opts = read_options(source, time, layer_map)
    checked = check_paths(paths)
    return import_entries(store, iter_entries(checked), opts, progress=progress, workers=workers,
                          plausibility=plausibility)


def import_entries(
    store: Store, entries: Iterable[Entry], opts: ReadOptions, *, progress: bool = False, workers: int | None = None,
    plausibility: bool = True,
) -> ImportReport:
    """Import a stream of entries (from ``archive.iter_entries`` or a fetcher) with checked options."""
    run = _Run(store, opts, _workers(workers), Plausibility(store) if plausibility else None)
    with _progress(progress) as tick:
        run.tick = tick
        run.consume(iter(entries))
    run.flush()
    run.merge_partials()
    run.flush()
    run.report_notes()
    _refresh(store, run.report.sources | set(store.sources()))  # also completes what a killed run left
    return run.report


def _workers(requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    return max(1, min(2, os.cpu_count() or 1))


def _refresh(store: Store, sources: set[str]) -> None:
    from .steps import refresh_steps  # owned by the analysis side; keeps derived tables in step with the import

    for source in sorted(sources):
        refresh_steps(store, source)


class _Run:
    """One import: the stream of entries, the pool, the write buffer and the report."""

    def __init__(self, store: Store, opts: ReadOptions, workers: int, plausibility: Plausibility | None) -> None:
        self.store, self.opts, self.workers, self.plausibility = store, opts, workers, plausibility
        self.report = ImportReport()
        self.known: dict[tuple[str, str], str] = store.snapshot_digests()
        self.stored_origin: dict[tuple[str, str], str] = {}  # files imported in this run, for conflict messages
        self.buffer: list[Prepared] = []
        self.partials: dict[tuple[str, str], list[Prepared]] = {}
        self.notes: list[Note] = []
        self.cache = GeometryCache()
        self.tick: Any = lambda: None

    # -- reading
    def consume(self, entries: Iterator[Entry]) -> None:
        chunk: list[tuple[str, bytes | None, str | None]] = []
        size = 0
        pool: ProcessPoolExecutor | None = None
        inflight: deque[tuple[Future[list[tuple[str, Any]]], int]] = deque()
        try:
            for entry in entries:
                if not self._triage(entry):
                    continue
                chunk.append((entry.name, entry.data, str(entry.path) if entry.path else None))
                size += len(entry.data or b"")
                if len(chunk) < CHUNK and size < CHUNK_BYTES:
                    continue
                if pool is None and self.workers > 1:
                    pool = _start_pool(self.workers)
                self._dispatch(chunk, size, pool, inflight)
                chunk, size = [], 0
            if chunk:
                self._dispatch(chunk, size, pool, inflight)
            while inflight:
                self._collect(inflight.popleft()[0].result())
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _dispatch(self, chunk: list[Any], size: int, pool: ProcessPoolExecutor | None, inflight: deque[Any]) -> None:
        if pool is None:
            self._collect(process_chunk(chunk, self.opts, self.cache))
            return
        # wait for answers first, so neither the count nor the bytes waiting for workers grow without bound
        while inflight and (len(inflight) >= 2 * self.workers or sum(n for _, n in inflight) + size > INFLIGHT_BYTES):
            self._collect(inflight.popleft()[0].result())
        inflight.append((pool.submit(process_chunk, chunk, self.opts), size))

    def _triage(self, entry: Entry) -> bool:
        """Handle what needs no parsing (ignored files, errors, DeepState ids already stored); True to parse."""
        if entry.kind == "ignored":
            self.report.ignored.append(entry.name)
            return False
        if entry.kind == "error":
            self._fail(entry.name, entry.error)
            return False
        ident = deepstate_id(entry.name)
        if ident and self.opts.source in ("auto", "deepstate") and self.opts.layer_map is None:
            stored = self.known.get(("deepstate", ident))
            if stored is not None and entry.data is not None:
                if stored and stored != hashlib.sha256(entry.data).hexdigest():
                    self._conflict(entry.name, "deepstate", ident)
                else:
                    self.report.skipped += 1
                    self.tick()
                return False
        return True

    def _conflict(self, name: str, source: str, key: str) -> None:
        """A file whose snapshot key is stored with other content: named in ``failed``, never skipped silently."""
        origin = self.stored_origin.get((source, key)) or self.store.snapshot_origin(source, key) or "?"
        self.report.failed.append(Failure(name, (
            f"snapshot {source} {key} is already stored from {origin} with different content: kept the stored "
            "one, this file was not imported (imports never rewrite stored figures); to use this version, import "
            "it into a new --db"), "conflict"))
        self.tick()

    def _collect(self, results: list[tuple[str, Any]]) -> None:
        for _name, result in results:
            if isinstance(result, Failure):
                self.report.failed.append(result)
                self.tick()
                continue
            for prepared in result:
                self._accept(prepared)

    # -- writing
    def _accept(self, prepared: Prepared) -> None:
        snap = prepared.snapshot
        ident = (snap.source, snap.key)
        if prepared.raw is not None:
            self.partials.setdefault(ident, []).append(prepared)
            return
        if ident in self.known:
            if self.known[ident] and self.known[ident] != snap.content_sha256:
                self._conflict(snap.origin, *ident)
            else:
                self.report.skipped += 1
                self.tick()
            return
        if not self._plausible(prepared):
            return
        self.notes.extend(prepared.notes)
        self.known[ident] = snap.content_sha256
        self.stored_origin[ident] = snap.origin
        self.buffer.append(prepared)
        if len(self.buffer) >= WRITE_BATCH:
            self.flush()

    def _plausible(self, prepared: Prepared) -> bool:
        """False (and the snapshot listed in ``failed``) when the plausibility check refuses it."""
        if self.plausibility is None:
            return True
        snap = prepared.snapshot
        areas = {layer.layer: float(layer.area_km2 or 0.0) for layer in prepared.layers}
        reason = self.plausibility.problem(snap.source, snap.key, snap.time, areas)
        if reason:
            self.report.failed.append(Failure(snap.origin, reason, "implausible"))
            self.tick()
            return False
        self.plausibility.add(snap.source, snap.key, snap.time, areas)
        return True

    def flush(self) -> None:
        """Write the buffered snapshots in one transaction (each snapshot whole, or the batch not at all)."""
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, []
        self.store.add_snapshots([(p.snapshot, p.layers) for p in batch])
        self.report.imported += len(batch)
        self.report.sources.update(p.snapshot.source for p in batch)
        for _ in batch:
            self.tick()

    def merge_partials(self) -> None:
        """ISW-style layer files of one date become one snapshot (layers gathered from every file)."""
        for _ident, pieces in sorted(self.partials.items()):
            raw = pieces[0].raw
            assert raw is not None
            for other in pieces[1:]:
                assert other.raw is not None
                for layer, parts in other.raw.parts.items():
                    target = raw.layer(layer)
                    target.polygons.extend(parts.polygons)
                    target.fingerprints = None
                raw.notes.extend(other.raw.notes)
            raw.origin = " + ".join(p.snapshot.origin for p in pieces)
            try:
                self._accept(finish(raw))
            except (FrontwatchError, ShapelyError) as exc:
                self._fail(raw.origin, exc)
        self.partials.clear()

    def _fail(self, name: str, error: BaseException | None) -> None:
        self.report.failed.append(_failure(name, error))
        self.tick()

    def report_notes(self) -> None:
        """One warning line per kind (a colour unknown in 200 snapshots is one line, with the count)."""
        groups: dict[str, list[Note]] = {}
        for note in self.notes:
            groups.setdefault(note.kind, []).append(note)
        for notes in groups.values():
            first = notes[0]
            more = f" (and {len(notes) - 1} more file(s) alike)" if len(notes) > 1 else ""
            line = f"{first.path}: {first.message}{more}"
            self.report.warnings.append(line)
            log.warning(line)


def _failure(name: str, error: BaseException | None) -> Failure:
    if isinstance(error, FrontwatchError):
        return Failure(name, error.message, error.code)
    return Failure(name, f"geometry could not be processed ({error}): check the file in a GIS", "invalid_geometry")


def _start_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes, forked on Linux: "spawn" would re-run the caller's ``__main__`` (a script without a
    ``__name__`` guard imports forever) and costs a second of imports per worker. The children only run
    pure-Python/GEOS code; they never touch the parent's database connection."""
    method = "fork" if sys.platform == "linux" else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_watch_parent, initargs=(os.getpid(),))
    with warnings.catch_warnings():
        # Python >= 3.12 warns about fork() in a process with threads (DuckDB's); see the docstring for why it is safe.
        warnings.simplefilter("ignore", DeprecationWarning)
        for ready in [pool.submit(int) for _ in range(workers)]:
            ready.result()
    return pool


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the importing process dies, even by ``kill -9`` (which runs no clean-up).

    Without this the workers wait forever on their task queue, whose write end they inherited by fork.
    On Linux the kernel sends SIGKILL when the parent goes (``PR_SET_PDEATHSIG``); elsewhere, and as a
    fallback, a daemon thread checks once a second whether the parent is still ours.
    """
    if sys.platform == "linux":
        import ctypes
        import signal

        prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)
        if prctl is not None:  # the thread below covers a libc without it
            prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1 (prctl(2))
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            clock.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="frontwatch-parent-watch", daemon=True).start()


_WORKER_CACHE: GeometryCache | None = None


def process_chunk(
    chunk: list[tuple[str, bytes | None, str | None]], opts: ReadOptions, cache: GeometryCache | None = None
) -> list[tuple[str, list[Prepared] | Failure]]:
    """Read and finish a chunk of files (in a worker process, or in-process with the caller's cache)."""
    global _WORKER_CACHE
    if cache is None:
        _WORKER_CACHE = _WORKER_CACHE or GeometryCache()
        cache = _WORKER_CACHE
    out: list[tuple[str, list[Prepared] | Failure]] = []
    for name, data, path in chunk:
        try:
            out.append((name, read_entry(name, data, opts, cache, path=path)))
        except (FrontwatchError, ShapelyError) as exc:
            out.append((name, _failure(name, exc)))
        except Exception as exc:  # noqa: BLE001 - a reader bug must not abort the batch (STYLE: record, go on)
            out.append((name, Failure(name, (
                f"could not be read ({type(exc).__name__}: {exc}); this is a bug in frontwatch: please report it "
                "with the file"), "internal_error")))
    return out


class _progress:
    """A live counter on stderr (rich), or nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("importing snapshots: {task.completed} done"),
                            TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("import", total=None)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
