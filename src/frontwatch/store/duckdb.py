"""The embedded default: one DuckDB file (or ``:memory:``)."""

from __future__ import annotations

import copy
import os
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import duckdb

from ..errors import StoreError
from .tables import Store

#: Seconds to wait for another process to release the file before failing ($FRONTWATCH_LOCK_TIMEOUT).
LOCK_TIMEOUT_S = 30.0


class DuckDBStore(Store):
    """A frontwatch store in a DuckDB file; migrated to the current schema on open.

    One process at a time may hold the file for writing: a second one waits up to ``lock_timeout_s``
    (``$FRONTWATCH_LOCK_TIMEOUT``, default 30 s) for it, so short writers from several processes
    queue instead of failing; each write is a transaction, so none is lost or half-done.
    """

    backend = "duckdb"

    def __init__(
        self, path: str | Path = "frontwatch.duckdb", *, read_only: bool = False, lock_timeout_s: float | None = None
    ) -> None:
        super().__init__()
        self.target = str(path)
        self.read_only = read_only  # a file open read-only cannot change while open (DuckDB's file lock)
        if self.target != ":memory:":
            parent = Path(self.target).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {self.target}: folder {parent} does not exist")
        if lock_timeout_s is None:
            lock_timeout_s = float(os.environ.get("FRONTWATCH_LOCK_TIMEOUT", LOCK_TIMEOUT_S))
        # a write-ahead log is replayed at connect into blocks not yet in the file: sizes compare only without one
        settled = self.target != ":memory:" and not Path(self.target + ".wal").exists()
        self.conn = self._connect(read_only, lock_timeout_s)
        try:
            if settled:
                self._check_size()
        except StoreError:
            self.conn.close()
            raise
        if not read_only:
            self.migrate()

    #: DuckDB's file starts with three 4 KiB headers, then its blocks of ``block_size`` bytes. Free blocks at
    #: the end may be cut off at a checkpoint, but every used block lies in the file: it holds at least
    #: the headers and ``used_blocks`` blocks.
    _HEADER_BYTES = 3 * 4096

    def _check_size(self) -> None:
        """Refuse a truncated file at open (issue 15): DuckDB reads its catalogue from the first blocks and
        answers from them, then fails with a raw IO error on the first query that reaches a missing block."""
        row = self.conn.execute("SELECT block_size, used_blocks FROM pragma_database_size() "
                                "WHERE database_name = current_database()").fetchone()
        if row is None:
            return
        expected = self._HEADER_BYTES + int(row[0]) * int(row[1])
        actual = Path(self.target).stat().st_size
        if actual < expected:
            raise StoreError(
                f"database {self.target} is damaged: the file has {actual:,} bytes but its header describes "
                f"{expected:,} (truncated by a full disk or an interrupted copy?); restore it from a copy or "
                "import the data again into a new file"
            )

    def _connect(self, read_only: bool, lock_timeout_s: float) -> duckdb.DuckDBPyConnection:
        """Open the file, waiting with backoff while another process holds its lock (DuckDB allows one writer)."""
        deadline = time.monotonic() + lock_timeout_s
        delay = 0.02
        while True:
            try:
                return duckdb.connect(self.target, read_only=read_only)
            except duckdb.IOException as exc:
                if "could not set lock" not in str(exc).lower():
                    raise StoreError(f"cannot open database {self.target}: {exc}") from exc
                if time.monotonic() >= deadline:
                    holder = re.search(r"held in (.*?)(?:\. See|$)", str(exc))
                    raise StoreError(
                        f"database {self.target} is in use by another process"
                        f"{' (' + holder.group(1) + ')' if holder else ''}; waited {lock_timeout_s:g} s: let it "
                        "finish, raise $FRONTWATCH_LOCK_TIMEOUT, or use a postgresql:// store for concurrent writers"
                    ) from exc
            except duckdb.Error as exc:
                raise StoreError(f"{self.target} is not a usable DuckDB database: {exc}") from exc
            time.sleep(min(delay * (1 + random.random()), max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 0.5)

    def thread_copy(self) -> Self | None:
        """This store over a cursor of its connection, for another thread: DuckDB lets cursors of one
        connection run queries at the same time, but not the connection itself (its Python API docs,
        "Using DuckDB in multiple threads")."""
        other = copy.copy(self)
        other.conn = self.conn.cursor()
        other._depth = 0
        other._dedup_stale_components = set()
        return other

    def _raw_execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, list(params)) if params else self.conn.execute(sql)
        except (duckdb.IOException, duckdb.SerializationException) as exc:
            # the file went bad under us (a read past its end, a corrupt block): one clear error, not a traceback
            raise StoreError(f"database {self.target} cannot be read: {exc}; restore it from a copy or import the "
                             "data again into a new file") from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, [list(r) for r in rows])

    def _begin(self) -> None:
        self.conn.execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()
