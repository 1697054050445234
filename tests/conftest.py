"""Shared fixtures: the real data in ../shared (skipped with a reason when absent) and fresh stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from frontwatch.store import open_store
from tests.postgis_server import backend, backend_params, new_target, postgis_server  # noqa: F401 - fixtures

#: The browser fixtures (chromium, live server, pages), one set for the whole session.
pytest_plugins = ["tests.browser"]

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRONTWATCH_SHARED", REPO.parent / "shared"))

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session", autouse=True)
def _session_index_dir(tmp_path_factory):
    """Servers the tests start keep their event index files in this session's folder, not in /tmp."""
    from frontwatch.store import event_index

    patch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("index")
    patch.setattr(event_index, "default_index_dir", lambda: folder)
    yield
    patch.undo()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {path} (shared data beside the checkout)")
        pytest.skip(f"{path} not present (shared data lives beside the checkout)")
    return path


@pytest.fixture(params=backend_params())
def store(request, tmp_path):
    """A fresh empty store on each backend of $FRONTWATCH_TEST_BACKENDS (a DuckDB file; a PostGIS database)."""
    if request.param == "duckdb":
        s = open_store(tmp_path / "test.duckdb")
        yield s
        s.close()
        return
    server = request.getfixturevalue("postgis_server")
    url = server.new_database()
    s = open_store(url)
    yield s
    s.close()
    server.drop_database(url)


@pytest.fixture
def pg_url_store(request):
    """A fresh migrated PostGIS store and its URL (for what opens its own connections, e.g. the event index)."""
    server = request.getfixturevalue("postgis_server")
    url = server.new_database()
    s = open_store(url)
    yield url, s
    s.close()
    server.drop_database(url)
