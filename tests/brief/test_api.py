"""``GET /brief``: the command's document over HTTP, JSON or self-contained HTML; bad input is a 4xx JSON error."""

from __future__ import annotations

import re
import warnings

import pytest

from frontwatch.api import create_app
from frontwatch.config import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's TestClient asks for httpx2 (see tests/api/conftest.py)
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(sample_path):
    with TestClient(create_app(sample_path, settings=Settings.load(environ={}))) as c:
        yield c


def test_json_is_the_commands_document(client):
    body = client.get("/brief", params={"week_ending": "2024-05-19"}).json()
    assert [s["source"] for s in body["ground"]] == ["deepstate", "isw"]
    assert body["events"]["incidents"] == 4 and body["period"]["label"] == "13–19 May 2024"


def test_html_embeds_its_images(client):
    response = client.get("/brief", params={"from": "2024-05-12", "to": "2024-05-19", "format": "html"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    addresses = re.findall(r'(?:src|href)="([^"]*)"', response.text)
    assert len(addresses) == 5 and all(a.startswith("data:") for a in addresses)  # 4 images and the icon


@pytest.mark.parametrize("params, status, words", [
    ({}, 400, "needs a period"),
    ({"week_ending": "2024-05-19", "period": "2024-05"}, 400, "not several"),
    ({"week_ending": "0001-01-02"}, 400, "outside the dates"),
    ({"week_ending": "2024-05-19", "tz": "Nowhere/Else"}, 400, "unknown time zone"),
    ({"week_ending": "2024-05-19", "layer": "Occupied!"}, 422, "layer"),
])
def test_bad_input_is_one_json_error(client, params, status, words):
    response = client.get("/brief", params=params)
    body = response.json()
    assert response.status_code == status and body["status"] == status and words in body["message"]


def test_a_read_only_store_answers_a_repeated_brief_from_the_cache(sample_path):
    app = create_app(sample_path, settings=Settings.load(environ={}))
    with TestClient(app) as c:
        first = c.get("/brief", params={"week_ending": "2024-05-19"})
        assert app.state.pool.frozen and len(app.state.cache._items) >= 1
        second = c.get("/brief", params={"week_ending": "2024-05-19"})
    assert first.content == second.content and first.headers["content-type"] == "application/json"
