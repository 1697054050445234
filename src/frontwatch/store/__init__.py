"""One store interface over two backends: DuckDB (embedded default) and PostgreSQL/PostGIS.

>>> store = open_store(":memory:")
>>> store.schema_version >= 1
True
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import StoreError
from .base import SQLStore

DEFAULT_DB = "frontwatch.duckdb"


def default_target() -> str:
    """``$FRONTWATCH_DB`` or ``./frontwatch.duckdb`` (CONTRACTS)."""
    return os.environ.get("FRONTWATCH_DB") or DEFAULT_DB


def open_store(target: str | Path | None = None, *, read_only: bool = False) -> SQLStore:
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


__all__ = ["DEFAULT_DB", "SQLStore", "default_target", "open_store"]
