"""A PostgreSQL server answers ``/events`` from its event index only while the store's events are unchanged."""

from __future__ import annotations

import json
import random

import pytest

from frontwatch.api import create_app
from frontwatch.config import Settings
from frontwatch.store.event_watch import WatchedEventIndex
from frontwatch.store.events import EventQuery, listed_event_json
from tests.api.conftest import TestClient
from tests.store.test_event_index import FIRST_DAY
from tests.store.test_event_watch import _fill

pytestmark = pytest.mark.postgis


def test_the_api_serves_a_write_at_once_and_the_index_afterwards(pg_url_store, tmp_path):
    url, store = pg_url_store
    _fill(store, random.Random(6), 0, 10)
    app = create_app(url, settings=Settings.load({"index_dir": str(tmp_path)}, environ={}))
    assert isinstance(app.state.event_index, WatchedEventIndex)
    with TestClient(app) as client:
        before = client.get("/events", params={"limit": 1000, "total": "true"}).json()
        assert before["total"] == store.count_events()
        _fill(store, random.Random(7), 10, 3)
        after = client.get("/events", params={"limit": 1000, "total": "true"}).json()
        assert after["total"] == store.count_events() > before["total"]
        expected = [listed_event_json(r) for r in store.query_event_rows(EventQuery(limit=1000))]
        assert after["events"] == [json.loads(text) for text in expected]
        for params in ({"bbox": "30,45,36,52"}, {"start": "2024-02-01", "end": "2024-03-01", "event_type": "Battles"}):
            page = client.get("/events", params={**params, "limit": 1000}).json()["events"]
            query = EventQuery(bbox=(30, 45, 36, 52) if "bbox" in params else None,
                               start=None if "bbox" in params else FIRST_DAY.replace(month=2),
                               end=None if "bbox" in params else FIRST_DAY.replace(month=3),
                               event_type=params.get("event_type"), limit=1000)
            assert page == [json.loads(t) for t in map(listed_event_json, store.query_event_rows(query))]


@pytest.mark.parametrize("max_events", [0, 5])
def test_a_store_above_the_index_limit_is_served_by_sql(pg_url_store, tmp_path, max_events, caplog):
    url, store = pg_url_store
    _fill(store, random.Random(8), 0, 10)
    assert store.count_events() > 5
    app = create_app(url, settings=Settings.load({"index_dir": str(tmp_path), "event_index_max_events": max_events},
                                                 environ={}))
    assert app.state.event_index is None
    if max_events:
        assert "more than event_index_max_events (5)" in caplog.text
    with TestClient(app) as client:
        body = client.get("/events", params={"limit": 1000, "total": "true"}).json()
    assert body["total"] == store.count_events()
    assert not list(tmp_path.iterdir())  # nothing written
