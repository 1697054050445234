"""One store per worker thread, opened once: FastAPI runs plain ``def`` endpoints in a thread pool.

A DuckDB connection must not be shared between threads running queries at the same time, but
cursors of one connection may (DuckDB's Python API docs, "Using DuckDB in multiple threads"), so
each thread gets a shallow copy of the store holding its own cursor. A PostgreSQL store opens one
connection per thread. A read-only server opens a DuckDB file read-only, so other processes can
read the same file while it serves.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..store import Store, open_store

log = logging.getLogger("frontwatch.api")


class StorePool:
    """Hands each thread its own store on the one target; ``close`` closes them all."""

    def __init__(self, target: str, *, read_only: bool) -> None:
        self.target = str(target)
        self.read_only = read_only
        self._lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._root: Store | None = None
        self._fixed_version: tuple[Any, ...] | None = None

    @property
    def frozen(self) -> bool:
        """Whether the store cannot change while served: a DuckDB file opened read-only (DuckDB lets no
        process write a file that another process holds open)."""
        return self.read_only and not self.target.startswith(("postgresql://", "postgres://"))

    def _open_root(self) -> Store:
        if self._root is None:
            if self.read_only and not self.target.startswith(("postgresql://", "postgres://")):
                self._root = _open_read_only(self.target)
            else:
                self._root = open_store(self.target)
                _complete_derived(self._root)
            self._opened.append(self._root)
        return self._root

    def get(self) -> Store:
        """The calling thread's store."""
        store: Store | None = getattr(self._local, "store", None)
        if store is not None:
            return store
        with self._lock:
            root = self._open_root()
            store = root.thread_copy() or open_store(self.target)
            self._opened.append(store)
        self._local.store = store
        return store

    def version(self) -> tuple[Any, ...]:
        """What changes when snapshots are added: the territory caches are keyed on it (read once when frozen)."""
        if self._fixed_version is not None:
            return self._fixed_version
        version: tuple[Any, ...] = self.get().territory.snapshots_version()
        if self.frozen:
            self._fixed_version = version
        return version

    def close(self) -> None:
        with self._lock:
            for store in reversed(self._opened):
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - closing at shutdown: a cursor already gone is fine
                    pass
            self._opened.clear()
            self._root = None
            self._fixed_version = None
        self._local = threading.local()


def _open_read_only(path: str) -> Store:
    """A DuckDB file opened read-only, created, migrated or completed first (read-write, briefly) only when it
    needs it: a kill during an import's precompute leaves derived tables to rebuild (issue 15)."""
    from ..territory.steps import incomplete

    if Path(path).exists():
        store = open_store(path, read_only=True)
        # migrations are applied by set: a store at the highest version may still lack one written later below it
        current = not store.pending_migrations()
        if current and not incomplete(store):
            return store
        store.close()
        if current:  # only derived rows are missing: figures stay right without them, so a busy file may wait
            try:
                with open_store(path) as writable:
                    _complete_derived(writable)
            except StoreError as exc:
                log.warning("serving %s without rebuilding its derived territory tables: %s", path, exc)
            return open_store(path, read_only=True)
    with open_store(path) as writable:
        _complete_derived(writable)
    return open_store(path, read_only=True)


def _complete_derived(store: Store) -> None:
    """Rebuild the derived territory tables that a killed precompute left incomplete, saying so on the log."""
    from ..territory.steps import ensure_derived, incomplete

    missing = incomplete(store)
    if missing:
        log.warning("rebuilding incomplete derived territory tables of %s: %s", store.target,
                    ", ".join(f"{source}/{layer}" for source, layer in missing))
        ensure_derived(store)
