"""The read-only server's event index answers exactly as the SQL does, and its file follows the store."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.models import Article, Event, Evidence, Fatalities, Place
from frontwatch.store import open_store
from frontwatch.store.event_index import EventIndex
from frontwatch.store.events import EventQuery, listed_event_json

TYPES = [("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash"),
         ("Protests", "Peaceful protest")]
FIRST_DAY = date(2024, 1, 1)


def _events(rng: random.Random, text: str) -> list[Event]:
    events = []
    for _ in range(rng.randint(0, 8)):
        etype, sub = rng.choice(TYPES)
        day = None if rng.random() < 0.1 else FIRST_DAY + timedelta(days=rng.randrange(120))
        span = rng.choice([0, 0, 0, 1, 6, 30, 45])  # some spans longer than the 31 days a query looks back
        place = None if rng.random() < 0.1 else Place(
            rng.choice(["Kharkiv", "Київ", "Pokrovsk"]), round(rng.uniform(45, 52), 4), round(rng.uniform(30, 40), 4),
            None, None, "UA", 1)
        events.append(Event(
            event_type=etype, sub_event_type=sub, actor1="Military Forces of Russia", actor2=None, date_start=day,
            date_end=None if day is None or rng.random() < 0.2 else day + timedelta(days=span),
            date_precision="day", location=place, fatalities=Fatalities(rng.randint(0, 3), None, None),
            claimant="the governor", evidence=Evidence(text[:20], 0, 20), confidence=0.8))
    return events


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """A DuckDB store of ~250 varied events (undated, unplaced, long spans, non-ASCII) and its index."""
    path = tmp_path_factory.mktemp("index") / "events.duckdb"
    rng = random.Random(7)
    with open_store(path) as store:
        for i in range(60):
            text = f"Report {i}: shelling and fighting near the front, officials said."
            article = Article(f"doc-{i}", text, FIRST_DAY + timedelta(days=i), None, f"Report {i}", "Wire")
            store.add_article(article, _events(rng, text))
    store = open_store(path, read_only=True)
    index = EventIndex.build(store, path.parent / "cache")
    yield store, index
    index.close()
    store.close()


days = st.one_of(st.none(), st.integers(-40, 170).map(lambda n: FIRST_DAY + timedelta(days=n)))


@st.composite
def queries(draw: st.DrawFn) -> EventQuery:
    start, end = draw(days), draw(days)
    if start and end and start > end:
        start, end = end, start
    bbox = None
    if draw(st.booleans()):
        lon, lat = draw(st.floats(28, 41)), draw(st.floats(44, 53))
        bbox = (lon, lat, lon + draw(st.floats(0, 8)), lat + draw(st.floats(0, 5)))
    etype = draw(st.sampled_from([None, None, "Battles", "Explosions/Remote violence", "Riots"]))
    sub = draw(st.sampled_from([None, None, "Air/drone strike", "Armed clash"]))
    return EventQuery(bbox=bbox, start=start, end=end, event_type=etype, sub_event_type=sub,
                      limit=draw(st.integers(1, 300)), offset=draw(st.integers(0, 50)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries())
def test_index_pages_equal_the_sql_pages(indexed, query):
    store, index = indexed
    assert index.handles(query)
    expected = [listed_event_json(row) for row in store.query_event_rows(query)]
    items, matching = index.page(query)
    assert [text for *_, text in items] == expected
    assert matching == store.count_matching_events(query)


def test_every_event_is_indexed_with_its_place(indexed):
    store, index = indexed
    n = store.count_events()
    assert n > 150 and len(index.ids) == n
    everything = EventQuery(limit=n)
    items, _ = index.page(everything)
    assert [text for *_, text in items] == [listed_event_json(r) for r in store.query_event_rows(everything)]
    unplaced = [text for _, lon, lat, text in items if lon is None and lat is None]
    assert unplaced and all(json.loads(text)["location"] is None for text in unplaced)


def test_text_article_and_cluster_filters_go_to_sql():
    assert not EventIndex.handles(EventQuery(text="kharkiv"))
    assert not EventIndex.handles(EventQuery(doc_id="doc-1"))
    assert not EventIndex.handles(EventQuery(actor="russia"))
    assert EventIndex.handles(EventQuery(bbox=(30, 45, 40, 52), event_type="Battles"))


def test_the_index_file_is_reused_and_replaced_when_the_store_changes(tmp_path):
    path, cache = tmp_path / "s.duckdb", tmp_path / "cache"
    text = "Shelling hit Kharkiv, the governor said."
    with open_store(path) as store:
        store.add_article(Article("a", text, FIRST_DAY, None, "A", "Wire"), _events(random.Random(1), text) or [])
    with open_store(path, read_only=True) as store:
        first = EventIndex.build(store, cache)
        again = EventIndex.build(store, cache)
        assert again.path == first.path and len(list(cache.glob("*.bin"))) == 1
        first.close()
        again.close()
    with open_store(path) as store:
        store.add_article(Article("b", text, FIRST_DAY, None, "B", "Wire"), _events(random.Random(2), text))
    with open_store(path, read_only=True) as store:
        changed = EventIndex.build(store, cache)
        assert changed.path != first.path
        assert list(cache.glob("*.bin")) == [changed.path]  # the old state's file is gone
        assert len(changed.ids) == store.count_events()
        changed.close()


def test_an_empty_store_has_an_empty_index(tmp_path):
    open_store(tmp_path / "empty.duckdb").close()
    with open_store(tmp_path / "empty.duckdb", read_only=True) as store:
        index = EventIndex.build(store, tmp_path / "cache")
        assert len(index.ids) == 0
        assert index.page(EventQuery(start=FIRST_DAY, bbox=(30, 45, 40, 52))) == ([], 0)
        index.close()
