"""Event queries of the store (src/frontwatch/store/events.py) and the migrations behind them."""

from __future__ import annotations

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
