"""What only the embedded DuckDB backend does: files, folders, the single-writer lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from frontwatch.errors import StoreError
from frontwatch.store import open_store
from frontwatch.store.base import migration_files
from frontwatch.store.duckdb import DuckDBStore


def test_reopening_does_not_migrate_twice(tmp_path):
    path = tmp_path / "x.duckdb"
    open_store(path).close()
    s = open_store(path)
    assert s.scalar("SELECT count(*) FROM schema_migrations") == len(migration_files())
    s.close()


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope" / "x.duckdb")


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("hello")
    with pytest.raises(StoreError):
        open_store(bad)


@pytest.fixture
def held_by_another_process(tmp_path):
    """A store file another process holds open (DuckDB's write lock) until the test ends."""
    path = tmp_path / "held.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); "
                               "print('ok', flush=True); sys.stdin.read(); time.sleep(1)"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "ok"
    yield path, holder
    if not holder.stdin.closed:
        holder.stdin.close()
    holder.wait(timeout=30)
    holder.stdout.close()


def test_a_locked_file_is_a_clear_error_after_the_timeout(held_by_another_process):
    path, holder = held_by_another_process
    started = time.monotonic()
    with pytest.raises(StoreError, match=rf"in use by another process .*PID {holder.pid}.*waited 0.5 s"):
        DuckDBStore(path, lock_timeout_s=0.5)
    assert 0.5 <= time.monotonic() - started < 5


def test_a_writer_waits_for_the_lock_to_be_released(held_by_another_process):
    path, holder = held_by_another_process
    release = time.monotonic()
    holder.stdin.close()  # the holder lets go of the file one second after this
    store = DuckDBStore(path, lock_timeout_s=30)
    waited = time.monotonic() - release
    assert store.schema_version == migration_files()[-1][0]
    store.close()
    assert 0.8 < waited < 30


def test_cli_on_a_locked_file_says_so_in_one_line(held_by_another_process):
    path, holder = held_by_another_process
    done = subprocess.run([sys.executable, "-m", "frontwatch", "db", "info", "--db", str(path)], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "FRONTWATCH_LOCK_TIMEOUT": "0.3"})
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "in use by another process" in lines[0] and f"PID {holder.pid}" in lines[0]


def test_a_lower_numbered_migration_added_later_is_still_applied(tmp_path):
    files = migration_files()
    # a database made by a release that had the base and the clusters migration (0020) but not
    # the territory ones (0005, 0006) numbered below it
    first = files[0]
    clusters = next(m for m in files if m[0] == 20)
    from frontwatch.store.duckdb import DuckDBStore

    fresh = tmp_path / "older.duckdb"
    older = DuckDBStore.__new__(DuckDBStore)
    import duckdb

    older._depth = 0
    older.target = str(fresh)
    older.conn = duckdb.connect(str(fresh))
    older.migrate([first, clusters])
    pending = [v for v, _, _ in older.pending_migrations()]
    assert 5 in pending and 20 not in pending
    older.close()
    reopened = open_store(fresh)
    assert reopened.pending_migrations() == []
    assert reopened.scalar("SELECT count(*) FROM schema_migrations") == len(files)
    reopened.close()
