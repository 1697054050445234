"""Event queries of the store (src/frontwatch/store/events.py) and the migrations behind them."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from frontwatch.models import Article, Event, Evidence, Place
from frontwatch.store import base, open_store
from frontwatch.store.base import migration_files
from frontwatch.store.events import EventQuery
from tests.api.sample import articles


def test_doc_id_migration_fills_existing_events(tmp_path, monkeypatch):
    """A store whose events predate 0031 gets their doc_id from their articles when it is next opened."""
    path = tmp_path / "old.duckdb"
    everything = migration_files()
    monkeypatch.setattr(base, "migration_files", lambda: [m for m in everything if m[0] < 31])
    with open_store(path) as store:  # the schema as it was before 0031
        for n, doc_id in enumerate(["wire-a", "wire-b"]):
            article_id = store.scalar("INSERT INTO articles (doc_id, text) VALUES (?, 'x') RETURNING id", (doc_id,))
            for ordinal in range(2):
                store.execute("INSERT INTO events (article_id, ordinal, event_type, sub_event_type, date_start, "
                              "event_json) VALUES (?, ?, 'Battles', 'Armed clash', ?, '{}')",
                              (article_id, ordinal, f"2024-05-1{n}"))
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.schema_version == everything[-1][0]
        assert store.scalar("SELECT count(*) FROM events WHERE doc_id IS NULL") == 0
        rows = store.query_event_rows(EventQuery(doc_id="wire-b"))
        assert {r["doc_id"] for r in rows} == {"wire-b"} and len(rows) == 2


def test_listed_page_carries_doc_id_and_detail_carries_the_article(store):
    for article, events in articles():
        store.add_article(article, events)
    (listed,) = store.query_events(EventQuery(doc_id="wire-c"))
    assert listed["doc_id"] == "wire-c" and "article" not in listed
    detail = store.get_event(listed["id"])
    assert detail["article"]["title"] == "Protest in Kharkiv"


def _scattered_articles(n_articles: int, seed: int) -> list[tuple[Article, list[Event]]]:
    """Articles with events scattered over eastern Ukraine (some on a 0.1-degree grid, so box edges hit them,
    some a hair beside it), some undated or unplaced, some spanning weeks."""
    rng = random.Random(seed)
    items = []
    for i in range(n_articles):
        events = []
        for _ in range(rng.randint(1, 6)):
            day = None if rng.random() < 0.05 else date(2024, 1, 1) + timedelta(days=rng.randrange(150))
            lon, lat = ((round(rng.uniform(30, 40), 1), round(rng.uniform(45, 52), 1)) if rng.random() < 0.3 else
                        (round(rng.uniform(30, 40), 5), round(rng.uniform(45, 52), 5)))
            if rng.random() < 0.2:  # a millionth of a degree off the grid: inside a single-precision box's rounding
                lon, lat = round(lon, 1) + rng.choice([-1e-6, 1e-6]), round(lat, 1) + rng.choice([-1e-6, 1e-6])
            place = None if rng.random() < 0.05 else Place("Somewhere", lat, lon, None, None, "UA", 1)
            events.append(Event("Battles", "Armed clash", Evidence("fighting", 0, 8), date_start=day,
                                date_end=day + timedelta(days=rng.choice([0, 3, 20])) if day else None,
                                location=place))
        items.append((Article(f"doc-{i}", "fighting near the front"), events))
    return items


#: Boxes whose edges lie on the 0.1-degree grid the events use (edges count as inside), a tiny one, a world one.
BOXES = [(36.2, 49.9, 36.5, 50.1), (30.0, 45.0, 40.0, 52.0), (35.0, 48.0, 35.1, 48.1), (36.21, 50.01, 36.22, 50.02),
         (-180.0, -90.0, 180.0, 90.0), (37.5, 47.0, 38.8, 48.9)]


@pytest.mark.postgis
def test_postgis_answers_box_queries_from_its_gist_index_as_duckdb_does(tmp_path, postgis_server):
    """``/events`` on PostGIS uses the dialect's box condition, which its GiST index serves, and finds exactly
    the events DuckDB's range filter finds on the same data (edges included)."""
    items = _scattered_articles(1500, seed=3)
    url = postgis_server.new_database()
    with open_store(tmp_path / "same.duckdb") as duck, open_store(url) as pg:
        duck.add_articles(items)
        pg.add_articles(items)
        pg.execute("ANALYZE events")
        for bbox in BOXES:
            for query in (EventQuery(bbox=bbox, limit=10_000), EventQuery(bbox=bbox, limit=7, offset=3),
                          EventQuery(bbox=bbox, start=date(2024, 2, 1), end=date(2024, 3, 15), limit=10_000)):
                assert pg.event_page(query, total=True) == duck.event_page(query, total=True), query
        sql, params = pg.page_statement(EventQuery(bbox=BOXES[0], limit=100))
        plan = " ".join(str(v) for row in pg.query(f"EXPLAIN {sql}", params) for v in row.values())
        assert "events_geom_gist" in plan, plan
    postgis_server.drop_database(url)
