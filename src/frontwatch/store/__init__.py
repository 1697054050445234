"""One store over two backends: DuckDB (embedded default) and PostgreSQL/PostGIS.

A :class:`Store` is one :class:`Database` (connection, transactions, migrations, queries) with its repositories
(``store.events``, ``store.articles``, ``store.clusters``, ``store.territory``); only this package writes SQL.

>>> store = open_store(":memory:")
>>> store.schema_version >= 1
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from .base import Database, SQLStore

if TYPE_CHECKING:
    from .tables import Store

DEFAULT_DB = "frontwatch.duckdb"


def default_target() -> str:
    """``$FRONTWATCH_DB`` or ``./frontwatch.duckdb`` (CONTRACTS)."""
    return os.environ.get("FRONTWATCH_DB") or DEFAULT_DB


def __getattr__(name: str) -> object:
    """``Store`` on first use: its repositories import shapely and pyproj, which every command would otherwise
    load at start-up (``frontwatch --help`` took 0.8 s instead of 0.25 s)."""
    if name == "Store":
        from .tables import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(target: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at ``target``: a DuckDB path or a postgresql:// URL."""
    target = str(target) if target is not None else default_target()
    if target.startswith(("postgresql://", "postgres://")):
        try:
            from .postgis import PostGISStore  # optional extra: psycopg
        except ImportError as exc:
            raise StoreError(
                f"a postgresql:// store needs psycopg ({exc}): pip install 'frontwatch[postgis]'"
            ) from exc

        return PostGISStore(target)
    from .duckdb import DuckDBStore

    return DuckDBStore(target, read_only=read_only)


__all__ = ["DEFAULT_DB", "Database", "SQLStore", "Store", "default_target", "open_store"]
