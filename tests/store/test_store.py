"""The store interface, run on every backend by the shared ``store`` fixture (DuckDB and PostGIS)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import shapely
from shapely.geometry import box

from frontwatch.errors import StoreError
from frontwatch.models import Article, Event, Evidence, LayerGeometry, Place, Snapshot
from frontwatch.store import open_store
from frontwatch.store.base import migration_files


def _snap(key: str, day: int) -> Snapshot:
    return Snapshot("deepstate", key, datetime(2024, 5, day, 12, tzinfo=UTC))


def _event(lon: float, lat: float, tag: str = "x") -> Event:
    return Event("Battles", "Armed clash", Evidence(tag, 0, len(tag)), date_start=date(2024, 5, 1),
                 location=Place(tag, lat, lon))


def test_fresh_store_is_at_latest_schema(store):
    assert store.schema_version == migration_files()[-1][0]


def test_failed_transaction_leaves_store_as_it_was(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_snapshot(_snap("1", 1), [LayerGeometry("occupied", box(30, 48, 31, 49), 1.0)])
        raise RuntimeError("boom")
    assert store.list_snapshots() == []


def test_nested_transaction_joins_the_outer_one(store):
    with pytest.raises(RuntimeError), store.transaction():
        with store.transaction():
            store.add_article(Article("a", "text"), [])
        assert store.scalar("SELECT count(*) FROM articles") == 1  # visible inside, not yet committed
        raise RuntimeError("outer fails")
    assert store.scalar("SELECT count(*) FROM articles") == 0


def test_store_is_usable_after_a_failed_statement_in_a_transaction(store):
    with pytest.raises(Exception), store.transaction():  # noqa: B017 - each engine raises its own error
        store.execute("SELECT * FROM no_such_table")
    store.add_article(Article("after", "text"), [])
    assert store.scalar("SELECT count(*) FROM articles") == 1


def test_snapshot_at_picks_latest_before(store):
    for key, day in (("a", 1), ("b", 3)):
        store.add_snapshot(_snap(key, day), [LayerGeometry("occupied", box(30, 48, 31, 49), 1.0)])
    assert store.snapshot_at("deepstate", datetime(2024, 5, 2, 23, 59, 59, tzinfo=UTC)).key == "a"
    assert store.snapshot_at("deepstate", datetime(2024, 5, 3, 23, 59, 59, tzinfo=UTC)).key == "b"
    assert store.snapshot_at("deepstate", datetime(2024, 4, 30, tzinfo=UTC)) is None


def test_geometry_round_trips_as_bytes(store):
    shape = box(30, 48, 31, 49).union(box(32, 48, 33, 49))
    sid = store.add_snapshot(_snap("a", 1), [LayerGeometry("occupied", shape, 2.0)])
    assert type(store.scalar("SELECT geom_wkb FROM territory_layers")) is bytes
    (layer,) = store.load_layers(sid)
    assert shapely.equals(layer.geometry, shape) and layer.area_km2 == 2.0


def test_aggregates_load_as_plain_numbers(store):
    store.add_article(Article("a", "t"), [_event(30, 48), _event(31, 49)])
    row = store.query_one("SELECT sum(geo_precision) AS s, avg(geo_precision) AS a, count(*) AS n FROM events")
    assert row == {"s": 2, "a": 1.0, "n": 2}
    assert type(row["a"]) is float and type(row["n"]) is int


def test_placeholders_and_percent_signs_are_literal(store):
    store.add_article(Article("50%_off?", "it's 100% 'quoted' ?"), [])
    assert store.scalar("SELECT doc_id FROM articles WHERE text LIKE '%100\\%%' ESCAPE '\\' AND doc_id = ?",
                        ("50%_off?",)) == "50%_off?"
    assert store.scalar("SELECT count(*) FROM articles WHERE doc_id = ?", ("x' OR '1'='1",)) == 0
    assert store.scalar("SELECT text FROM articles WHERE doc_id = '50%_off?'") == "it's 100% 'quoted' ?"


def test_bbox_sql_selects_the_same_points_on_every_backend(store):
    points = {"in": (30.5, 48.5), "edge": (31.0, 49.0), "west": (29.9, 48.5), "north": (30.5, 49.1)}
    store.add_article(Article("a", "t"), [_event(lon, lat, tag) for tag, (lon, lat) in points.items()])
    inside, params = store.bbox_sql("lon", "lat", (30.0, 48.0, 31.0, 49.0))
    rows = store.query(f"SELECT location_name FROM events WHERE {inside} ORDER BY 1", params)
    assert [r["location_name"] for r in rows] == ["edge", "in"]


def test_executemany_inserts_every_row(store):
    store.executemany("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [(900, "a"), (901, "b")])
    assert store.scalar("SELECT count(*) FROM schema_migrations WHERE version >= 900") == 2


def test_a_schema_newer_than_the_code_is_refused(store):
    store.execute("INSERT INTO schema_migrations (version, name) VALUES (9999, 'from_the_future')")
    target = store.target
    store.close()
    with pytest.raises(StoreError, match="newer than this frontwatch"):
        open_store(target)


def test_a_nul_character_is_stored_and_searched_without_error(store):
    store.add_article(Article("nul", "before\x00after"), [_event(30, 48, "x\x00y")])
    text = store.scalar("SELECT text FROM articles WHERE doc_id = ?", ("nul",))
    assert len(text) == len("before\x00after") and text.startswith("before") and text.endswith("after")
    assert store.scalar("SELECT count(*) FROM articles WHERE doc_id = ?", ("nul\x00",)) == 0
