"""Promise: a damaged store is refused at open with one clear error, never half-served.

Issue 15, item 11: a truncated DuckDB file answered precomputed figures, then crashed with a raw
DuckDB traceback on the first geometry query. Its size is now checked against its header at open.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from shapely.geometry import box

from frontwatch.errors import StoreError
from frontwatch.store import open_store
from tests.conftest import REPO
from tests.reliability.test_derived_rebuild import DAYS, snapshot  # the same small maps

T0 = 1715817600


@pytest.fixture
def truncated(tmp_path):
    """A store of 20 maps, cut to 60 % of its size as a full disk or an interrupted copy leaves it."""
    from frontwatch.territory.importer import import_paths

    folder = tmp_path / "maps"
    folder.mkdir()
    for day in range(DAYS):
        (folder / f"{T0 + day * 86400}.geojson").write_bytes(snapshot(day))
    path = tmp_path / "cut.duckdb"
    with open_store(path) as store:
        import_paths(store, [folder])
        # enough geometry that the file spans many blocks (DuckDB allocates 256 kB at a time)
        store.execute("CREATE TABLE ballast AS SELECT range AS i, repeat('x', 200) AS pad FROM range(300000)")
        store.execute("CHECKPOINT")
    size = path.stat().st_size
    assert size > 1_000_000
    os.truncate(path, int(size * 0.6))
    return path


@pytest.mark.parametrize("read_only", [True, False])
def test_a_truncated_store_is_refused_at_open(truncated, read_only):
    with pytest.raises(StoreError, match=r"is damaged: the file has [\d,]+ bytes but its header describes"):
        open_store(truncated, read_only=read_only)


def test_the_cli_gives_one_line_and_exit_1_and_json_on_stdout(truncated):
    done = subprocess.run([sys.executable, "-m", "frontwatch", "territory", "change", "--from", "2024-05-17",
                           "--to", "2024-05-20", "--db", str(truncated), "--json"],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1 and "damaged" in done.stderr
    assert json.loads(done.stdout)["error"] == "store_error"


def test_a_server_does_not_start_on_it(truncated):
    from frontwatch.api import create_app
    from frontwatch.config import Settings

    with pytest.raises(StoreError, match="damaged"):
        create_app(truncated, settings=Settings.load(environ={}))


def test_an_intact_store_opens(tmp_path):
    path = tmp_path / "ok.duckdb"
    with open_store(path) as store:
        store.execute("CREATE TABLE t AS SELECT box FROM (SELECT ? AS box)", (box(0, 0, 1, 1).wkt,))
        store.execute("CHECKPOINT")
    with open_store(path, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM t") == 1
