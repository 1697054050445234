"""Brief fixtures: the API's sample store (weekly boxes, three articles) with a second map source added,
and the real DeepState archive when a prepared store is given."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from shapely.geometry import box
from tests.api.sample import FIRST, WEEKS, fill, front_lon
from tests.web.conftest import browser, live_url, page  # noqa: F401 - one chromium for every browser test here

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
def archive_store():
    """A store holding DeepState's 2022-2024 snapshots and the oblasts (FRONTWATCH_TEST_ARCHIVE_DB), else skip.

    Importing three years takes minutes on a shared machine; prepare it once with
    ``frontwatch territory import ../shared/data/territory/deepstate/deepstate-202[234].tar.xz --db F`` and
    ``frontwatch territory regions import ../shared/data/territory/boundaries/ukraine-adm1-simplified.geojson``.
    """
    prepared = os.environ.get("FRONTWATCH_TEST_ARCHIVE_DB")
    if not prepared:
        pytest.skip("set FRONTWATCH_TEST_ARCHIVE_DB to a store holding the DeepState archive and the oblasts")
    with open_store(prepared, read_only=True) as store:
        yield store
