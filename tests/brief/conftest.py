"""Brief fixtures: the API's sample store (weekly boxes, three articles) with a second map source added,
and the real DeepState archive (2022-2024) for the acceptance test."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from shapely.geometry import box
from tests.api.sample import FIRST, WEEKS, fill, front_lon
from tests.conftest import shared_path

from frontwatch.geodesy import area_km2
from frontwatch.models import LayerGeometry, Snapshot
from frontwatch.store import open_store


def add_second_source(path) -> None:
    """An ``isw`` source: the same weeks, one day later, its front 0.02 degree further west (occupied only)."""
    with open_store(path) as store:
        for week in range(WEEKS):
            moment = FIRST + timedelta(weeks=week, days=1)
            shape = box(front_lon(week) - 0.02, 47.8, 38.6, 49.2)
            store.add_snapshot(Snapshot("isw", moment.strftime("%Y-%m-%d"), moment, origin="sample"),
                               [LayerGeometry("occupied", shape, area_km2(shape))])


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory):
    path = fill(tmp_path_factory.mktemp("brief") / "sample.duckdb")
    add_second_source(path)
    return path


@pytest.fixture
def sample(sample_path):
    with open_store(sample_path, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def archive_store(tmp_path_factory):
    """DeepState's 2022-2024 snapshots and the oblasts: the store FRONTWATCH_TEST_ARCHIVE_DB names (the variable
    the territory tests read), else imported once per session (minutes: the record ranks against 2022)."""
    prepared = os.environ.get("FRONTWATCH_TEST_ARCHIVE_DB")
    if prepared:
        with open_store(prepared, read_only=True) as store:
            yield store
        return
    from frontwatch.territory.importer import import_paths
    from frontwatch.territory.regions import import_regions

    archives = [shared_path("data", "territory", "deepstate", f"deepstate-{y}.tar.xz") for y in (2022, 2023, 2024)]
    path = tmp_path_factory.mktemp("archive") / "deepstate.duckdb"
    with open_store(path) as store:
        report = import_paths(store, archives, source="deepstate", progress=False)
        assert report.imported > 1000 and not report.failed, report.to_dict()
        import_regions(store, shared_path("data", "territory", "boundaries", "ukraine-adm1-simplified.geojson"))
    with open_store(path, read_only=True) as store:
        yield store
