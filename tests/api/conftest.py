"""API fixtures: the sample store in a real DuckDB file, and a TestClient on an app serving it."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import pytest

from frontwatch.api import create_app
from frontwatch.config import Settings

with warnings.catch_warnings():
    # Starlette's TestClient warns that it wants httpx2 (not installed); the client works with httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-3f9a"


def load_sample():  # type: ignore[no-untyped-def]
    """tests/api/sample.py as a module (tests are not a package on sys.path under importlib mode)."""
    spec = importlib.util.spec_from_file_location("frontwatch_sample_store", Path(__file__).with_name("sample.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


sample = load_sample()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The sample store, written once per session (tests that write copy it first)."""
    return sample.fill(tmp_path_factory.mktemp("api") / "sample.duckdb")


@pytest.fixture(scope="session")
def client(sample_db):
    """A read-only app (no token configured) on the sample store."""
    app = create_app(sample_db, settings=Settings.load(environ={}))
    with TestClient(app) as c:
        yield c


@pytest.fixture
def writable(tmp_path, sample_db):
    """An app with a token on a private copy of the sample store: (client, path)."""
    path = tmp_path / "w.duckdb"
    path.write_bytes(sample_db.read_bytes())
    app = create_app(path, settings=Settings.load({"api_token": TOKEN, "max_body_bytes": 200_000}, environ={}))
    with TestClient(app) as c:
        yield c, path


def assert_error(response, status: int | None = None) -> dict:  # type: ignore[no-untyped-def]
    """The one error shape: a 4xx (or the given status) with ``{"error", "message", "status"}``."""
    if status is None:
        assert 400 <= response.status_code < 500, response.text
    else:
        assert response.status_code == status, response.text
    body = response.json()
    assert set(body) >= {"error", "message", "status"} and body["status"] == response.status_code
    assert isinstance(body["message"], str) and body["message"]
    return body


@pytest.fixture(scope="session")
def check_error():
    """:func:`assert_error`, for test modules (which cannot import this conftest under importlib mode)."""
    return assert_error


@pytest.fixture(scope="session")
def sample_module():
    return sample
