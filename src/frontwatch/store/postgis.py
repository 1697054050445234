"""The team backend: PostgreSQL with PostGIS (``--db postgresql://user@host/db``).

The same tables and migrations as the embedded DuckDB store (``migrations/*.sql`` stay in the subset
both engines accept), so every store mixin runs unchanged; what differs is kept here:

- placeholders: mixins write ``?``; psycopg wants ``%s`` (and a literal ``%`` doubled), translated
  in one place, :func:`to_pyformat`;
- values: ``numeric`` results (``sum`` and ``avg`` of integers) load as ``float``, as DuckDB gives
  them, and ``bytea`` as ``bytes``; a NUL in a text value (which PostgreSQL's ``text`` cannot
  hold) becomes U+FFFD;
- concurrent writers: every transaction takes one transaction-scoped advisory lock first, so writers
  queue as they do on DuckDB's single-writer file and a read-then-write (replace an article) never
  races; single statements outside a transaction are retried on serialization failures and
  deadlocks, which PostgreSQL reports when they collide with a writer;
- PostGIS extras (``CREATE EXTENSION postgis``): views with a real ``geometry`` column
  (``events_geo``, ``territory_layers_geo``: what QGIS and ad-hoc SQL want) and GiST expression
  indexes that serve them and :meth:`PostGISStore.bbox_sql`. They are (re)built after the shared
  migrations instead of being columns of the shared tables, so ``SELECT *`` returns the same columns
  on both backends and a shared migration may drop and recreate a table.
"""

from __future__ import annotations

import contextlib
import functools
import random
import time
from collections.abc import Iterator, Sequence
from typing import Any, Self
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.types.numeric import FloatLoader

from ..errors import StoreError
from .base import Box, migration_files, range_bbox
from .tables import Store

#: Seconds to wait for the server before giving up with one clear line (libpq's connect_timeout).
CONNECT_TIMEOUT_S = 5
#: An events generation: (table token, counter, transaction id of the counter's last change).
Generation = tuple[str, int, str]
#: Key of the advisory lock every write transaction holds (any fixed 64-bit number; "frontwat" in ASCII).
WRITE_LOCK_KEY = 0x66726F6E74776174
#: Transient conflicts a statement outside a transaction is re-run on (SQLSTATE 40001, 40P01).
RETRYABLE = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)
RETRIES = 5

#: PostGIS-only objects over the shared tables; dropped before and rebuilt after shared migrations.
#: Index expressions repeat the views' ones exactly so the planner uses them for ``geom && envelope``.
SPATIAL_VIEWS = ("events_geo", "territory_layers_geo")
SPATIAL_DDL = (
    "CREATE INDEX IF NOT EXISTS events_geom_gist ON events USING gist (ST_SetSRID(ST_MakePoint(lon, lat), 4326))",
    "CREATE INDEX IF NOT EXISTS territory_layers_geom_gist ON territory_layers "
    "USING gist (ST_GeomFromWKB(geom_wkb, 4326))",
    "CREATE OR REPLACE VIEW events_geo AS SELECT e.*, ST_SetSRID(ST_MakePoint(e.lon, e.lat), 4326) AS geom "
    "FROM events e WHERE e.lon IS NOT NULL AND e.lat IS NOT NULL",
    "CREATE OR REPLACE VIEW territory_layers_geo AS SELECT l.snapshot_id, l.layer, l.area_km2, s.source, "
    "s.snapshot_key, to_timestamp(s.time_utc) AS snapshot_time, ST_GeomFromWKB(l.geom_wkb, 4326) AS geom "
    "FROM territory_layers l JOIN territory_snapshots s ON s.id = l.snapshot_id",
)

#: The events' generation: a number every statement that writes ``events`` raises, in its own transaction, so it
#: changes exactly when the events a reader sees can have changed (an API worker's in-memory index checks it per
#: request: store/event_watch.py). The statement-level trigger runs first in its statement, so a writer takes the
#: counter's row lock before any event row's: writers of ``events`` queue on it, and no two can deadlock on it.
#: ``token`` tells a recreated table from the old one (its counter restarts).
#:
#: The change log ``events_changes``: one row per statement that wrote events, holding the generation it raised the
#: counter to and the ids it inserted, updated or deleted (AFTER statement triggers with transition tables: set-based,
#: no per-row trigger call). An index read at generation g is brought up to date by the ids logged after g, read by
#: index, instead of a scan of every event. ``logged_from``: every generation after it is in the log (the log starts
#: at migration; TRUNCATE, which names no ids, and a migration that may rewrite events move it to their generation;
#: pruning moves it to what it dropped). See :data:`CHANGES_KEEP_GENERATIONS` for what the log keeps.
#: What the change log keeps: the entries of the last 10,000 generations (statements), and of those at most 2 M ids.
#: Why these: an index more than 20 % behind is built anew rather than brought up to date (event_watch's
#: MAX_EXTRA_SHARE), so ids beyond 20 % of the 10 M events an index holds at most (event_index_max_events) are never
#: read; 10,000 statements are ~3,000 articles loaded one by one (delete, insert, cluster update each), far more than a
#: serving index falls behind between two requests. Bounded: ~16 MB of ids, and ~1 MB of entries for small writes.
#: Pruning runs every CHANGES_PRUNE_EVERY generations (and after a statement of many ids) in the writer's
#: transaction: an index-ordered scan of at most 10,000 small rows.
CHANGES_KEEP_GENERATIONS = 10_000
CHANGES_KEEP_IDS = 2_000_000
CHANGES_PRUNE_EVERY = 100
GENERATION_DDL = (
    "CREATE TABLE IF NOT EXISTS events_generation "
    "(token TEXT NOT NULL DEFAULT gen_random_uuid()::text, n BIGINT NOT NULL DEFAULT 0)",
    "ALTER TABLE events_generation ADD COLUMN IF NOT EXISTS logged_from BIGINT",
    "INSERT INTO events_generation (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM events_generation)",
    "UPDATE events_generation SET logged_from = n WHERE logged_from IS NULL",  # an older store: the log starts now
    "CREATE TABLE IF NOT EXISTS events_changes "
    "(generation BIGINT NOT NULL, n_ids BIGINT NOT NULL, ids BIGINT[] NOT NULL)",
    "CREATE INDEX IF NOT EXISTS events_changes_generation ON events_changes (generation)",
    "CREATE OR REPLACE FUNCTION events_generation_bump() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN UPDATE events_generation SET n = n + 1, "
    "logged_from = CASE WHEN TG_OP = 'TRUNCATE' THEN n + 1 ELSE logged_from END; RETURN NULL; END $$",
    "CREATE OR REPLACE TRIGGER events_generation_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_generation_bump()",
    # drop the oldest entries: those past keep_generations back, and those past keep_ids ids back from the newest
    "CREATE OR REPLACE FUNCTION events_changes_prune(keep_generations BIGINT, keep_ids BIGINT) RETURNS void "
    "LANGUAGE plpgsql AS $$ DECLARE upto BIGINT; BEGIN "
    "SELECT n - keep_generations INTO upto FROM events_generation; "
    "SELECT greatest(upto, max(generation)) INTO upto FROM (SELECT generation, "
    "sum(n_ids) OVER (ORDER BY generation DESC) AS newer FROM events_changes WHERE generation > upto) c "
    "WHERE newer > keep_ids; "
    "DELETE FROM events_changes WHERE generation <= upto; "
    "UPDATE events_generation SET logged_from = upto WHERE logged_from < upto; END $$",
    "CREATE OR REPLACE FUNCTION events_changes_log() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE g BIGINT; changed BIGINT[]; BEGIN "
    "SELECT n INTO g FROM events_generation; "
    "IF TG_OP = 'INSERT' THEN SELECT array_agg(id) INTO changed FROM new_rows; "
    "ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(id) INTO changed FROM old_rows; "
    "ELSE SELECT array_agg(id) INTO changed FROM (SELECT id FROM new_rows UNION SELECT id FROM old_rows) u; END IF; "
    "IF changed IS NOT NULL THEN "
    "INSERT INTO events_changes (generation, n_ids, ids) VALUES (g, cardinality(changed), changed); END IF; "
    f"IF g % {CHANGES_PRUNE_EVERY} = 0 OR cardinality(changed) > {CHANGES_KEEP_IDS // CHANGES_PRUNE_EVERY} THEN "
    f"PERFORM events_changes_prune({CHANGES_KEEP_GENERATIONS}, {CHANGES_KEEP_IDS}); END IF; "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE TRIGGER events_changes_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_changes_log()",
    "CREATE OR REPLACE TRIGGER events_changes_update AFTER UPDATE ON events "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_changes_log()",
    "CREATE OR REPLACE TRIGGER events_changes_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_changes_log()",
)


@functools.lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s``, ``%`` to ``%%``; quoted text and identifiers untouched.

    >>> to_pyformat("SELECT * FROM t WHERE a = ? AND b LIKE '50%?' AND \\"c?\\" = ?")
    'SELECT * FROM t WHERE a = %s AND b LIKE \\'50%%?\\' AND "c?" = %s'
    """
    out: list[str] = []
    quote = ""
    for ch in sql:
        if ch == "%":
            out.append("%%")  # psycopg reads % everywhere, quoted or not
            continue
        if quote:
            quote = "" if ch == quote else quote  # a doubled '' closes and reopens: same result
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            ch = "%s"
        out.append(ch)
    return "".join(out)


def display_url(url: str) -> str:
    """The URL with its password masked: for messages, and still connectable when it had none.

    >>> display_url("postgresql://ann:secret@db.example:5433/fw?sslmode=require")
    'postgresql://ann:***@db.example:5433/fw?sslmode=require'
    """
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username or ''}:***@{parts.netloc.rsplit('@', 1)[1]}"
    return urlunsplit(parts._replace(netloc=netloc))


class PostGISStore(Store):
    """A frontwatch store in a PostgreSQL database with PostGIS; migrated to the current schema on open."""

    backend = "postgis"
    #: The extension created on open (a class attribute so a test can name one the server lacks).
    extension = "postgis"

    def __init__(self, url: str, *, connect_timeout_s: float = CONNECT_TIMEOUT_S, checked: bool = False) -> None:
        super().__init__()
        self.target = display_url(url)
        self._url, self._timeout_s = url, connect_timeout_s
        self.conn = _connect(url, self.target, connect_timeout_s)
        if not checked:
            try:
                self.migrate()
            except BaseException:
                self.conn.close()
                raise

    def thread_copy(self) -> PostGISStore:
        """A connection of its own to the same database, for another thread: not checked for migrations again
        (this store's open did it), which cost an API worker ~80 ms per thread under load."""
        return type(self)(self._url, connect_timeout_s=self._timeout_s, checked=True)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Self]:
        """Reads inside see one snapshot of the whole database (REPEATABLE READ, read-only); no write lock taken."""
        if self._depth:
            raise StoreError("a snapshot cannot start inside a transaction: end the transaction first")
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        self._depth = 1
        try:
            yield self
        finally:
            self._depth = 0
            self._rollback()  # nothing was written: ending it either way is the same

    def events_generation(self) -> Generation | None:
        """The events' generation (:data:`GENERATION_DDL`): equal values, equal events.

        With the counter come the table's token and the row version's ``xmin`` (the transaction that last raised
        it), so a database copied from a template or restored, whose counter may coincide, still differs.
        """
        row = self.query_one("SELECT token, n, xmin::text AS xmin FROM events_generation")
        return (str(row["token"]), int(row["n"]), str(row["xmin"])) if row else None

    # -- the backend interface of SQLStore
    def _raw_execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        query = to_pyformat(sql) if params else sql
        args = [_text_safe(v) for v in params] if params else None
        for attempt in range(RETRIES + 1):
            try:
                return self.conn.execute(query, args)
            except RETRYABLE:
                if self._depth or attempt == RETRIES:
                    raise  # inside a transaction only the caller can re-run the whole block
                time.sleep(0.05 * 2**attempt * (1 + random.random()))
            except psycopg.OperationalError as exc:
                if self.conn.broken or self.conn.closed:
                    raise StoreError(f"lost the connection to {self.target}: {_first_line(exc)}") from exc
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(to_pyformat(sql), [[_text_safe(v) for v in r] for r in rows])

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if not (self.conn.closed or self.conn.broken):
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    # -- dialect
    def bbox_sql(self, lon: str, lat: str, bbox: Box) -> tuple[str, list[Any]]:
        """A condition that point columns lie in ``bbox`` (min_lon, min_lat, max_lon, max_lat): ``&&`` on the GiST
        index's expression, then the exact range.

        ``&&`` alone is not enough: PostGIS compares boxes in single precision, rounded outward, so it also
        keeps points up to ~4e-6 degrees outside; the range keeps exactly what DuckDB's does (edges inside).
        ``ST_Intersects`` would be exact too, but builds each candidate's point to test it: 4x slower on
        a box of 2,000 events (bench/postgis_events.py).
        """
        exact, params = range_bbox(lon, lat, bbox)
        return (f"(ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326) && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND {exact})",
                [*bbox, *params])

    # -- migrations
    @property
    def schema_version(self) -> int:
        # Look in the catalog first: a failed SELECT would abort an open transaction on PostgreSQL.
        if self.scalar("SELECT to_regclass('schema_migrations')") is None:
            return 0
        return int(self.scalar("SELECT max(version) FROM schema_migrations") or 0)

    def migrate(self, available: list[tuple[int, str, str]] | None = None) -> int:
        """Create PostGIS and apply missing migrations under the write lock (so two first opens do not race)."""
        available = migration_files() if available is None else available
        latest = available[-1][0] if available else 0
        if (self._has_extension() and 0 < self.schema_version <= latest and not self.pending_migrations(available)
                and self.scalar("SELECT to_regclass('events_changes')") is not None):
            return self.schema_version
        with self.transaction():
            self._create_extension()
            have = self.schema_version
            pending = self.pending_migrations(available) if have <= latest else []
            if pending:  # a shared migration may recreate a table a view depends on
                for view in SPATIAL_VIEWS:
                    self.execute(f"DROP VIEW IF EXISTS {view}")
            if pending or have > latest:
                super().migrate(available)  # also refuses a schema newer than this code
            for statement in (*SPATIAL_DDL, *GENERATION_DDL):
                self.execute(statement)
            if pending:  # a migration may have rewritten events without firing the triggers (recreated the table)
                self.execute("UPDATE events_generation SET n = n + 1, logged_from = n + 1")
        return self.schema_version

    def _has_extension(self) -> bool:
        return bool(self.scalar("SELECT count(*) FROM pg_extension WHERE extname = ?", (self.extension,)))

    def _create_extension(self) -> None:
        if self._has_extension():
            return
        try:
            self.execute(f"CREATE EXTENSION IF NOT EXISTS {self.extension}")
        except (pg_errors.UndefinedFile, pg_errors.FeatureNotSupported) as exc:
            raise StoreError(
                f"database {self.target} has no {self.extension} extension available ({_first_line(exc)}): "
                "install PostGIS on the server (Debian: postgresql-15-postgis-3)"
            ) from exc
        except pg_errors.InsufficientPrivilege as exc:
            raise StoreError(
                f"user may not create the {self.extension} extension in {self.target}: ask an administrator "
                f"to run CREATE EXTENSION {self.extension} in that database"
            ) from exc


def _connect(url: str, shown: str, timeout_s: float) -> psycopg.Connection[Any]:
    """Connect in autocommit mode (transactions are explicit), with client-side parameter binding.

    Client-side binding (``ClientCursor``) types literals the way hand-written SQL does, which keeps
    the shared SQL portable (a bare ``? IS NULL`` or ``LIMIT ?`` needs no casts).
    """
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"not a usable PostgreSQL URL {shown}: {_first_line(exc)}") from exc
    params.setdefault("connect_timeout", max(1, round(timeout_s)))
    params.setdefault("application_name", "frontwatch")
    try:
        conn = psycopg.connect(make_conninfo("", **params), autocommit=True, cursor_factory=psycopg.ClientCursor)
    except psycopg.OperationalError as exc:
        raise StoreError(
            f"cannot connect to {shown}: {_first_line(exc)}; check the URL and that the server is running"
        ) from exc
    conn.adapters.register_loader("numeric", FloatLoader)
    return conn


def _text_safe(value: Any) -> Any:
    """A string PostgreSQL can hold: its text type refuses NUL, which DuckDB keeps; U+FFFD takes its place.

    One code point for one, so evidence offsets into an article's text stay right; a filter value
    with a NUL matches nothing on either backend.

    >>> _text_safe("a\\x00b"), _text_safe(3)
    ('a�b', 3)
    """
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _first_line(exc: BaseException) -> str:
    """The first line of a driver message (libpq adds hints on further lines)."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    return lines[0] if lines else type(exc).__name__
