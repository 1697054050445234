"""Fixtures of the API reliability tests (imported by them; a conftest.py is left to the suite as a whole): an app
on the API's sample store (which has eight weekly maps)."""

from __future__ import annotations

import warnings

import pytest

from frontwatch.api import create_app
from frontwatch.config import Settings
from tests.api.sample import fill

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's TestClient asks for httpx2; it works with httpx
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    return fill(tmp_path_factory.mktemp("reliability") / "sample.duckdb")


@pytest.fixture(scope="module")
def api(sample_path):
    """A read-only app on the sample store; a tight overlay budget, so bounds show on eight maps."""
    app = create_app(sample_path, settings=Settings.load({"overlay_budget": "2"}, environ={}))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
