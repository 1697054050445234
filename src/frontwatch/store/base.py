"""The SQL core every store backend shares: connection, transactions, versioned migrations.

Backends (``duckdb.py``, ``postgis.py``) differ only in how they connect and in the parameter
style; SQL is written once with ``?`` placeholders in the portable subset both engines accept
(sequences with ``nextval``, ``BYTEA``, ``DOUBLE PRECISION``, ``TEXT``, ``DATE``, ``BIGINT``).
Geometry is stored as WKB in ``BYTEA`` with its bounding box in plain columns, so the embedded
default needs no spatial extension (which DuckDB would download at run time).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from typing import Any, Self

from ..errors import StoreError

#: The schema version this code expects; each ``migrations/NNNN_name.sql`` file raises it by one step.
_MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def migration_files() -> list[tuple[int, str, str]]:
    """The bundled migrations as (version, name, sql), in order."""
    found = []
    for entry in resources.files("frontwatch.store.migrations").iterdir():
        match = _MIGRATION_FILE.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


#: A box (min_lon, min_lat, max_lon, max_lat) in EPSG:4326.
Box = tuple[float, float, float, float]
#: A dialect's box condition: (lon column, lat column, box) -> (SQL, its parameters).
BoxSQL = Callable[[str, str, Box], tuple[str, list[Any]]]


def range_bbox(lon: str, lat: str, bbox: Box) -> tuple[str, list[Any]]:
    """A condition that columns ``lon``/``lat`` lie in ``bbox``, edges included, and its parameters: a plain range
    that any engine answers exactly (DuckDB from its zone maps, PostgreSQL from a B-tree)."""
    min_lon, min_lat, max_lon, max_lat = bbox
    return f"({lon} BETWEEN ? AND ? AND {lat} BETWEEN ? AND ?)", [min_lon, max_lon, min_lat, max_lat]


class Database:
    """A connection with transactions, migrations and queries; the dialects (``duckdb.py``, ``postgis.py``) say
    how to connect and write what differs between engines (:meth:`bbox_sql`). The repositories
    (``events.py``, ``articles.py``, ``clusters.py``, ``territory.py``) build on it."""

    backend = "sql"
    target = ""
    #: Whether this connection cannot write (a DuckDB file opened read-only cannot change while open).
    read_only = False
    #: The driver's connection (a DuckDB connection or cursor, a psycopg connection).
    conn: Any

    def __init__(self) -> None:
        self._depth = 0

    # -- to be provided by the backend
    def _raw_execute(self, sql: str, params: Sequence[Any] = ()) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _begin(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def _commit(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def _rollback(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover
        raise NotImplementedError

    # -- shared
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Self]:
        """All writes inside commit together or not at all; nested blocks join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._commit()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._raw_execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many parameter rows (backends override with their driver's batch call)."""
        for row in rows:
            self._raw_execute(sql, row)

    def thread_copy(self) -> Self | None:
        """This store for another thread: over the same connection (DuckDB's cursors may share one), or over a new
        connection opened without checking migrations again (PostgreSQL); None (the default) where the caller
        should open the store anew."""
        return None

    # -- dialect hooks: SQL that differs between engines, written once per backend
    def bbox_sql(self, lon: str, lat: str, bbox: Box) -> tuple[str, list[Any]]:
        """A condition that columns ``lon``/``lat`` lie in ``bbox`` (min_lon, min_lat, max_lon, max_lat), and its
        parameters. PostGIS overrides it to use its GiST index; edges count as inside on both."""
        return range_bbox(lon, lat, bbox)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts."""
        cur = self._raw_execute(sql, params)
        names = [d[0] for d in cur.description] if cur.description else []
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._raw_execute(sql, params).fetchone()
        return row[0] if row else None

    # -- migrations
    @property
    def schema_version(self) -> int:
        try:
            return int(self.scalar("SELECT max(version) FROM schema_migrations") or 0)
        except Exception:  # noqa: BLE001 - a fresh database has no table yet; any engine's error means 0
            return 0

    def pending_migrations(self, available: list[tuple[int, str, str]] | None = None) -> list[tuple[int, str, str]]:
        """The bundled migrations this database has not recorded, in order.

        By set, not by "above the highest": numbers are reserved per area, so a migration of a lower
        range can be written after a higher one has shipped and must still be applied.
        """
        available = migration_files() if available is None else available
        applied = (
            {int(r["version"]) for r in self.query("SELECT version FROM schema_migrations")}
            if self.schema_version else set()
        )
        return [m for m in available if m[0] not in applied]

    def migrate(self, available: list[tuple[int, str, str]] | None = None) -> int:
        """Apply the bundled migrations this database lacks; returns the resulting version."""
        available = migration_files() if available is None else available
        have = self.schema_version
        if available and have > available[-1][0]:
            raise StoreError(
                f"database {self.target} is at schema version {have}, newer than this frontwatch "
                f"({available[-1][0]}): upgrade frontwatch"
            )
        for version, name, sql in self.pending_migrations(available):
            with self.transaction():
                for statement in _split_sql(sql):
                    self.execute(statement)
                self.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name)
                )
        return self.schema_version


#: The former name of :class:`Database`, kept for code written against it.
SQLStore = Database


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (no semicolons inside literals in our migrations)."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
