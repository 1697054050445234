"""The embedded default: one DuckDB file (or ``:memory:``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from .base import SQLStore
from .tables import StoreTables


class DuckDBStore(StoreTables, SQLStore):
    """A frontwatch store in a DuckDB file; migrated to the current schema on open."""

    backend = "duckdb"

    def __init__(self, path: str | Path = "frontwatch.duckdb", *, read_only: bool = False) -> None:
        super().__init__()
        self.target = str(path)
        if self.target != ":memory:":
            parent = Path(self.target).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {self.target}: folder {parent} does not exist")
        try:
            self.conn = duckdb.connect(self.target, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(f"cannot open database {self.target}: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.target} is not a usable DuckDB database: {exc}") from exc
        if not read_only:
            self.migrate()

    def _raw_execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, list(params)) if params else self.conn.execute(sql)

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
