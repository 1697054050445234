"""Promise: a crash at any point of an import leaves a store that opens, and a re-run (or a server's
start) completes the derived territory tables to the same content as an uninterrupted import.

Issue 15, item 5: kill -9 during the precompute phase left ``territory_changes`` and
``territory_layer_sums`` empty or partial, and a re-run ("skipped N") never rebuilt them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from shapely.geometry import box, mapping

from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths
from frontwatch.territory.steps import incomplete
from tests.conftest import REPO

T0 = 1715817600  # 2024-05-16T00:00:00Z
DAYS = 20


def snapshot(day: int) -> bytes:
    """A DeepState-style map: occupied ground that grows and shrinks, a grey zone that moves (so steps
    both gain and lose, and sums differ from their parts)."""
    east = 36.2 + 0.01 * (day % 7) - 0.004 * (day % 3)
    features = [
        {"type": "Feature", "properties": {"fill": "#a52714"}, "geometry": mapping(box(36.0, 48.0, east, 48.2))},
        {"type": "Feature", "properties": {"fill": "#bcaaa4"},
         "geometry": mapping(box(east - 0.02, 48.0 + 0.002 * day, east + 0.03, 48.1))},
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


@pytest.fixture
def maps(tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    for day in range(DAYS):
        (folder / f"{T0 + day * 86400}.geojson").write_bytes(snapshot(day))
    return folder


def derived(store) -> tuple[list, list, list]:  # type: ignore[no-untyped-def]
    """Every derived row, in a fixed order (areas rounded to a micro-km², below any figure shown)."""
    changes = store._raw_execute(
        "SELECT layer, from_id, to_id, round(gained_km2, 6), round(lost_km2, 6), kind FROM territory_changes "
        "ORDER BY ALL").fetchall()
    sums = store._raw_execute(
        "SELECT snapshot_id, layer, round(area_km2, 6) FROM territory_layer_sums ORDER BY ALL").fetchall()
    markers = store._raw_execute("SELECT * FROM territory_derived ORDER BY ALL").fetchall()
    return changes, sums, markers


@pytest.fixture
def clean(maps, tmp_path):
    """The derived rows of an uninterrupted import of ``maps``."""
    with open_store(tmp_path / "clean.duckdb") as store:
        assert import_paths(store, [maps]).to_dict()["imported"] == DAYS
        assert incomplete(store) == []
        rows = derived(store)
    assert rows[0] and rows[1] and len(rows[2]) == 3
    return rows


def lose_derived_rows(store) -> None:  # type: ignore[no-untyped-def]
    """The state a kill leaves, worst case: some expressions never written, another half written."""
    store.execute("DELETE FROM territory_changes WHERE layer = 'contested'")
    store.execute("DELETE FROM territory_changes WHERE layer = 'occupied' AND kind IN ('week', 'month')")
    store.execute("DELETE FROM territory_layer_sums WHERE snapshot_id % 2 = 0")
    store.execute("DELETE FROM territory_derived WHERE layer <> 'occupied'")


def test_a_rerun_that_skips_every_snapshot_rebuilds_what_was_lost(maps, clean, tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        import_paths(store, [maps])
        lose_derived_rows(store)
        assert incomplete(store)
        again = import_paths(store, [maps])
        assert again.to_dict() == {"imported": 0, "skipped": DAYS, "failed": []}
        assert incomplete(store) == []
        assert derived(store) == clean


def test_a_lost_row_is_noticed_even_where_the_marker_survived(maps, clean, tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        import_paths(store, [maps])
        store.execute("DELETE FROM territory_changes WHERE layer = 'occupied' AND kind = 'step' AND from_id % 3 = 0")
        assert incomplete(store) == [("deepstate", "occupied")]
        import_paths(store, [maps])
        assert derived(store) == clean


def test_a_server_starting_on_an_interrupted_store_rebuilds_it(maps, clean, tmp_path):
    from frontwatch.api.stores import StorePool

    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        import_paths(store, [maps])
        lose_derived_rows(store)
    pool = StorePool(str(path), read_only=True)
    try:
        assert incomplete(pool.get()) == []
        assert derived(pool.get()) == clean
    finally:
        pool.close()



def test_a_server_starting_on_a_store_from_before_a_lower_migration_upgrades_it(maps, clean, tmp_path):
    """Migrations are applied by set: a store at the highest version can still lack one numbered below it
    (here 0010, the derived-table markers); a read-only server must upgrade it, not crash on the missing table."""
    from frontwatch.api.stores import StorePool

    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        import_paths(store, [maps])
        store.execute("DROP TABLE territory_derived")
        store.execute("DELETE FROM schema_migrations WHERE version = 10")
    pool = StorePool(str(path), read_only=True)
    try:
        assert incomplete(pool.get()) == []
        assert derived(pool.get()) == clean
    finally:
        pool.close()

KILLER = textwrap.dedent("""
    import os, signal, sys
    from frontwatch.store.territory_steps import TerritoryStepTables
    from frontwatch.store import open_store
    from frontwatch.territory.importer import import_paths

    calls = 0
    original = TerritoryStepTables.mark_derived

    def mark_then_die(self, *args):
        global calls
        calls += 1
        if calls == int(sys.argv[3]):  # inside the transaction of this expression's rows: die before COMMIT
            os.kill(os.getpid(), signal.SIGKILL)
        original(self, *args)

    TerritoryStepTables.mark_derived = mark_then_die
    with open_store(sys.argv[1]) as store:
        import_paths(store, [sys.argv[2]])
""")


@pytest.mark.parametrize("die_at", [1, 2, 3])
def test_kill_9_during_precompute_then_a_rerun_gives_the_clean_store(maps, clean, tmp_path, die_at):
    path = tmp_path / "killed.duckdb"
    killed = subprocess.run([sys.executable, "-c", KILLER, str(path), str(maps), str(die_at)],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    assert killed.returncode == -9, killed.stderr
    with open_store(path) as store:  # opens (DuckDB replays or drops its WAL)
        assert store.scalar("SELECT count(*) FROM territory_snapshots") == DAYS
        assert incomplete(store)  # the expression being written when killed, and those after it
        again = import_paths(store, [maps])
        assert again.to_dict()["skipped"] == DAYS
        assert derived(store) == clean
