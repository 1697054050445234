from datetime import UTC, datetime

import pytest
from shapely.geometry import box

from frontwatch.errors import StoreError
from frontwatch.models import LayerGeometry, Snapshot
from frontwatch.store import open_store
from frontwatch.store.base import migration_files


def test_fresh_store_is_at_latest_schema(store):
    assert store.schema_version == migration_files()[-1][0]


def test_reopening_does_not_migrate_twice(tmp_path):
    path = tmp_path / "x.duckdb"
    open_store(path).close()
    s = open_store(path)
    assert s.scalar("SELECT count(*) FROM schema_migrations") == len(migration_files())
    s.close()


def test_failed_transaction_leaves_store_as_it_was(store):
    snap = Snapshot("deepstate", "1", datetime(2024, 5, 1, tzinfo=UTC))
    with pytest.raises(RuntimeError), store.transaction():
        store.add_snapshot(snap, [LayerGeometry("occupied", box(30, 48, 31, 49), 1.0)])
        raise RuntimeError("boom")
    assert store.list_snapshots() == []


def test_snapshot_at_picks_latest_before(store):
    for key, day in (("a", 1), ("b", 3)):
        store.add_snapshot(Snapshot("deepstate", key, datetime(2024, 5, day, 12, tzinfo=UTC)),
                           [LayerGeometry("occupied", box(30, 48, 31, 49), 1.0)])
    assert store.snapshot_at("deepstate", datetime(2024, 5, 2, 23, 59, 59, tzinfo=UTC)).key == "a"
    assert store.snapshot_at("deepstate", datetime(2024, 5, 3, 23, 59, 59, tzinfo=UTC)).key == "b"
    assert store.snapshot_at("deepstate", datetime(2024, 4, 30, tzinfo=UTC)) is None


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope" / "x.duckdb")


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("hello")
    with pytest.raises(StoreError):
        open_store(bad)
