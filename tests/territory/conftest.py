"""Territory fixtures: small stores built from boxes, and the real DeepState archive imported once per session."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

import pytest
from shapely.geometry.base import BaseGeometry

from frontwatch.models import LayerGeometry, Snapshot
from frontwatch.store import open_store
from frontwatch.territory.steps import refresh_steps
from tests.conftest import shared_path


def add_day(store, day: date, layers: dict[str, BaseGeometry], *, hour: int = 12, source: str = "test") -> int:
    """Store one snapshot taken at ``hour`` UTC on ``day`` with the given layer geometries."""
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    snap = Snapshot(source, f"{day.isoformat()}T{hour:02d}", moment, origin="test")
    return store.add_snapshot(snap, [LayerGeometry(name, geom) for name, geom in layers.items()])


def fill(store, first: date, states: list[dict[str, BaseGeometry]], *, refresh: bool = True,
         source: str = "test") -> list[int]:
    """One snapshot per day from ``first``; optionally precompute the steps as the importer does."""
    ids = [add_day(store, first + timedelta(days=k), layers, source=source) for k, layers in enumerate(states)]
    if refresh:
        refresh_steps(store, source)
    return ids


@pytest.fixture(scope="session")
def deepstate_store(tmp_path_factory):
    """All 1,359 DeepState snapshots imported once per test session (read it, never write to it).

    Set FRONTWATCH_TEST_ARCHIVE_DB to a store already holding the archive to skip the import.
    """
    prepared = os.environ.get("FRONTWATCH_TEST_ARCHIVE_DB")
    if prepared:
        store = open_store(prepared, read_only=True)
        yield store
        store.close()
        return
    folder = shared_path("data", "territory", "deepstate")
    from frontwatch.territory.importer import import_paths

    path = tmp_path_factory.mktemp("archive") / "deepstate.duckdb"
    with open_store(path) as store:
        report = import_paths(store, [folder], source="deepstate", progress=False)
        assert report.imported == 1359, report.to_dict()
        from frontwatch.territory.regions import import_regions

        import_regions(store, shared_path("data", "territory", "boundaries", "ukraine-adm1.geojson"))
    store = open_store(path, read_only=True)
    yield store
    store.close()
