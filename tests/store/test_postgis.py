"""What only the PostgreSQL/PostGIS backend does: connecting, the extension, spatial extras, first-open races."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime

import pytest
from shapely.geometry import box

from frontwatch.errors import StoreError
from frontwatch.models import Article, Event, Evidence, LayerGeometry, Place, Snapshot
from frontwatch.store import open_store
from frontwatch.store.base import migration_files
from frontwatch.store.postgis import PostGISStore


def test_a_refused_connection_is_one_clear_error_without_the_password():
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"cannot connect to postgresql://ann:\*\*\*@127.0.0.1:1/fw") as info:
        open_store("postgresql://ann:secret@127.0.0.1:1/fw")
    assert "secret" not in str(info.value)
    assert time.monotonic() - started < 5


def test_a_server_that_never_answers_times_out():
    with socket.socket() as silent:  # accepts TCP connections (the kernel's backlog) and never speaks
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"cannot connect to .*timeout"):
            PostGISStore(f"postgresql://ann@127.0.0.1:{port}/fw", connect_timeout_s=1)
        assert time.monotonic() - started < 5


def test_cli_says_it_in_one_line_and_exits_1():
    done = subprocess.run([sys.executable, "-m", "frontwatch", "db", "info", "--db", "postgresql://x@127.0.0.1:1/fw"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "cannot connect" in done.stderr


@pytest.fixture
def empty_database(postgis_server):
    """A database with nothing in it: no extension, no schema (as a team's administrator hands it over)."""
    name = f"empty_{time.monotonic_ns()}"
    postgis_server.admin(f"CREATE DATABASE {name} TEMPLATE template0")
    url = postgis_server.url(name)
    yield url
    postgis_server.drop_database(url)


@pytest.mark.postgis
def test_a_server_without_the_extension_is_a_clear_error(empty_database):
    class NoSuchExtension(PostGISStore):
        extension = "postgis_not_installed"

    with pytest.raises(StoreError, match=r"no postgis_not_installed extension available.*install PostGIS"):
        NoSuchExtension(empty_database)


@pytest.mark.postgis
def test_simultaneous_first_opens_migrate_once(empty_database):
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            open_store(empty_database).close()
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    with open_store(empty_database) as s:
        assert s.scalar("SELECT count(*) FROM schema_migrations") == len(migration_files())
        assert s.scalar("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") == 1


@pytest.fixture
def pg_store(postgis_server):
    """A fresh migrated PostGIS store, whatever $FRONTWATCH_TEST_BACKENDS says."""
    url = postgis_server.new_database()
    with open_store(url) as s:
        yield s
    postgis_server.drop_database(url)


@pytest.mark.postgis
def test_spatial_views_carry_real_geometry(pg_store):
    event = Event("Battles", "Armed clash", Evidence("x", 0, 1), location=Place("Vovchansk", 50.29, 36.94))
    pg_store.add_article(Article("a", "text"), [event, Event("Battles", "Armed clash", Evidence("y", 0, 1))])
    pg_store.add_snapshot(Snapshot("deepstate", "1", datetime(2024, 5, 1, tzinfo=UTC)),
                          [LayerGeometry("occupied", box(30, 48, 31, 49), 1.0)])
    assert pg_store.query("SELECT ST_AsText(geom) AS wkt, ST_SRID(geom) AS srid FROM events_geo") == [
        {"wkt": "POINT(36.94 50.29)", "srid": 4326}]  # the event without a place is left out
    assert pg_store.scalar("SELECT ST_Area(geom) FROM territory_layers_geo WHERE layer = 'occupied'") == 1.0


@pytest.mark.postgis
@pytest.mark.parametrize(("table", "condition", "index"), [
    ("events", "{bbox}", "events_geom_gist"),
    ("territory_layers_geo", "geom && ST_MakeEnvelope(30, 48, 31, 49, 4326)", "territory_layers_geom_gist"),
])
def test_bounding_box_queries_can_use_the_gist_index(pg_store, table, condition, index):
    pg_store.execute("SET enable_seqscan = off")  # tiny tables: make the planner show it can use the index
    inside, params = pg_store.bbox_sql("lon", "lat", (30, 48, 31, 49))
    sql = condition.format(bbox=inside)
    plan = pg_store.query(f"EXPLAIN SELECT * FROM {table} WHERE {sql}", params if "?" in sql else ())
    assert index in " ".join(str(v) for row in plan for v in row.values())


@pytest.mark.postgis
def test_a_dropped_connection_is_a_clear_error(pg_store, postgis_server):
    dbname = pg_store.scalar("SELECT current_database()")
    postgis_server.admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{dbname}'")
    with pytest.raises(StoreError, match="lost the connection to postgresql://"):
        pg_store.count_events()
