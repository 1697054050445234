"""API fixtures: the sample store in a real DuckDB file, and a TestClient on an app serving it."""

from __future__ import annotations

import warnings

import pytest

from frontwatch.api import create_app
from frontwatch.config import Settings
from tests.api import sample

with warnings.catch_warnings():
    # Starlette's TestClient warns that it wants httpx2 (not installed); the client works with httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-3f9a"




@pytest.fixture(scope="session")
def sample_db(backend, new_target) -> str:
    """The sample store on each backend (a DuckDB file, a PostGIS database), written once per session."""
    return str(sample.fill(new_target(backend)))


@pytest.fixture(scope="session")
def client(sample_db):
    """A read-only app (no token configured) on the sample store."""
    app = create_app(sample_db, settings=Settings.load(environ={}))
    with TestClient(app) as c:
        yield c


@pytest.fixture
def writable(backend, new_target):
    """An app with a token on a private sample store of the same backend: (client, target)."""
    path = sample.fill(new_target(backend))
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
