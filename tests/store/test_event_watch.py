"""A PostgreSQL store's event index answers exactly as its SQL does, and only while the store's events are unchanged."""

from __future__ import annotations

import asyncio
import concurrent.futures
import random
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings

from frontwatch.errors import StoreError
from frontwatch.models import Article
from frontwatch.store import event_watch, open_store
from frontwatch.store.event_watch import (
    MAX_EXTRA_SHARE,
    WatchedEventIndex,
    build_postgis_index,
    logged_changes,
    refresh_postgis_index,
)
from frontwatch.store.events import EventQuery, listed_event_json
from tests.store.test_event_index import FIRST_DAY, _events, queries

pytestmark = pytest.mark.postgis


def _fill(store, rng: random.Random, first: int, n: int) -> None:  # type: ignore[no-untyped-def]
    for i in range(first, first + n):
        text = f"Report {i}: shelling and fighting near the front, officials said."
        article = Article(f"doc-{i}", text, FIRST_DAY + timedelta(days=i % 90), None, f"Report {i}", "Wire")
        store.add_article(article, _events(rng, text))


@pytest.fixture(scope="module")
def filled(postgis_server, tmp_path_factory):
    """A PostGIS store of ~250 varied events (undated, unplaced, long spans, non-ASCII) and its index."""
    url = postgis_server.new_database()
    store = open_store(url)
    _fill(store, random.Random(7), 0, 60)
    index = build_postgis_index(store, tmp_path_factory.mktemp("pg-index"))
    yield store, index
    index.close()
    store.close()
    postgis_server.drop_database(url)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries())
def test_index_pages_equal_the_postgis_sql_pages(filled, query):
    store, index = filled
    expected = [listed_event_json(row) for row in store.query_event_rows(query)]
    items, matching = index.page(query)
    assert [text for *_, text in items] == expected
    assert matching == store.count_matching_events(query)


def test_every_event_is_indexed_with_its_place(filled):
    store, index = filled
    n = store.count_events()
    assert n > 150 and len(index.ids) == n
    everything = EventQuery(limit=n)
    items, _ = index.page(everything)
    assert [text for *_, text in items] == [listed_event_json(r) for r in store.query_event_rows(everything)]
    assert any(lon is None for _, lon, _, _ in items)  # unplaced events keep no point


def test_every_statement_writing_events_raises_the_generation_and_reads_do_not(pg_url_store):
    _, store = pg_url_store
    seen = [store.events_generation()]

    def changed() -> bool:
        seen.append(store.events_generation())
        return seen[-1] != seen[-2]

    _fill(store, random.Random(1), 0, 3)
    assert changed()
    store.query_events(EventQuery())
    store.count_events()
    assert not changed()
    store.execute("UPDATE events SET cluster_id = 'c-1' WHERE id = (SELECT min(id) FROM events)")
    assert changed()
    store.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    assert changed()
    with store.transaction():
        store.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    assert changed()
    try:  # a rolled-back write leaves it as it was
        with store.transaction():
            _fill(store, random.Random(2), 10, 2)
            raise RuntimeError("abandon the transaction")
    except RuntimeError:
        pass
    assert not changed()
    store.execute("TRUNCATE events CASCADE")
    assert changed()
    assert [g[0] for g in seen] == [seen[0][0]] * len(seen)  # the same table throughout


def _run(coroutine):  # type: ignore[no-untyped-def]
    """Run ``coroutine`` on a loop of its own thread: a session's browser tests keep Playwright's loop running in
    the main thread, where ``asyncio.run`` refuses to start another."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _current(watched: WatchedEventIndex):  # type: ignore[no-untyped-def]
    return _run(watched.current())


def test_the_index_answers_only_while_the_events_are_unchanged_and_is_rebuilt(pg_url_store, tmp_path):
    url, store = pg_url_store
    _fill(store, random.Random(3), 0, 20)
    watched = WatchedEventIndex(url, tmp_path)
    try:
        query = EventQuery(limit=1000)
        first = _current(watched)
        assert first is watched.index
        _fill(store, random.Random(4), 20, 5)  # committed before the next request reads the generation
        rebuilt = _current(watched)  # the request waits for the index to be brought up to date
        assert rebuilt is not None and rebuilt is not first and rebuilt.payload is first.payload
        store.execute("UPDATE events SET cluster_id = 'c-9'")
        watched._next_build = float("inf")  # a rebuild not allowed yet: the stale index does not answer
        assert _current(watched) is None
        watched._next_build = 0.0
        if _current(watched) is None:  # built anew (more was added in memory than it keeps): SQL answers meanwhile
            builder = watched._builder
            if builder is not None:
                builder.join()
        rebuilt = _current(watched)
        assert rebuilt is not None
        expected = [listed_event_json(r) for r in store.query_event_rows(query)]
        assert [text for *_, text in rebuilt.page(query)[0]] == expected
        assert len(expected) == store.count_events() > 0
    finally:
        watched.close()


def test_requests_arriving_together_share_one_generation_read(pg_url_store, tmp_path):
    url, store = pg_url_store
    _fill(store, random.Random(5), 0, 5)
    watched = WatchedEventIndex(url, tmp_path)
    reads = []
    real = watched._generation

    def counted():  # type: ignore[no-untyped-def]
        reads.append(1)
        return real()

    watched._generation = counted  # type: ignore[method-assign]

    async def burst() -> list[object]:
        return list(await asyncio.gather(*(watched.current() for _ in range(50))))

    try:
        answers = _run(burst())
        assert all(a is watched.index for a in answers)
        assert 1 <= len(reads) <= 2  # the first read, and at most one more for those that came during it
    finally:
        watched.close()


def _write_something(store, rng: random.Random, step: int) -> None:  # type: ignore[no-untyped-def]
    """A random write of the kinds the store makes: new articles, a replaced article, clusters set, events deleted."""
    kind = step % 4
    if kind == 0:
        _fill(store, rng, 1000 + 10 * step, rng.randint(1, 4))
    elif kind == 1:  # replacing an article deletes its events and inserts new ones
        _fill(store, rng, rng.randrange(0, 20), 1)
    elif kind == 2:
        store.execute("UPDATE events SET cluster_id = ? WHERE id % 7 = ?", (f"c-{step}", rng.randrange(7)))
    else:
        store.execute("DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY id DESC LIMIT 2)")


@pytest.mark.parametrize("few", [event_watch._FEW, 0])  # added rows put in place one by one, or all sorted again
def test_an_index_brought_up_to_date_answers_as_sql_after_every_kind_of_write(pg_url_store, tmp_path, few,
                                                                               monkeypatch):
    monkeypatch.setattr(event_watch, "_FEW", few)
    _, store = pg_url_store
    rng = random.Random(11)
    _fill(store, rng, 0, 20)
    index = first = build_postgis_index(store, tmp_path)
    for step in range(12):
        _write_something(store, rng, step)
        with store.snapshot():
            assert logged_changes(store, index) is not None  # read from the change log, not by a scan
        index = refresh_postgis_index(store, index)
        assert index.generation == store.events_generation() and index.payload is first.payload  # not rebuilt
        for _ in range(15):
            query = _random_query(rng)
            expected = [listed_event_json(r) for r in store.query_event_rows(query)]
            items, matching = index.page(query)
            assert [text for *_, text in items] == expected
            assert matching == store.count_matching_events(query)
    first.close()


def _changed_ids(store, index) -> set[int]:  # type: ignore[no-untyped-def]
    with store.snapshot():
        changes = logged_changes(store, index)
    assert changes is not None
    rows, keep = changes
    return {r[0] for r in rows} | set(index.ids[~keep].tolist())


def test_the_change_log_names_exactly_the_events_each_kind_of_write_changed(pg_url_store, tmp_path):
    _, store = pg_url_store
    _fill(store, random.Random(21), 0, 10)
    index = build_postgis_index(store, tmp_path)
    assert _changed_ids(store, index) == set()
    before = {r["id"] for r in store.query("SELECT id FROM events")}
    _fill(store, random.Random(22), 100, 1)
    added = {r["id"] for r in store.query("SELECT id FROM events")} - before
    assert added and _changed_ids(store, index) == added
    index = refresh_postgis_index(store, index)
    store.execute("UPDATE events SET cluster_id = 'c-1' WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 3)")
    updated = {r["id"] for r in store.query("SELECT id FROM events ORDER BY id LIMIT 3")}
    assert _changed_ids(store, index) == updated
    with store.transaction():  # several statements in one transaction: all of them
        store.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
        store.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    gone = set(index.ids.tolist()) - {r["id"] for r in store.query("SELECT id FROM events")}
    assert len(gone) == 2 and _changed_ids(store, index) == updated | gone
    with store.snapshot():
        rows, keep = logged_changes(store, index)  # type: ignore[misc]
    assert {r[0] for r in rows} == updated and int((~keep).sum()) == 5  # the deleted have no row
    store.execute("TRUNCATE events CASCADE")  # names no ids: the log no longer covers the index
    with store.snapshot():
        assert logged_changes(store, index) is None
    index.close()


def test_an_index_the_pruned_log_no_longer_covers_is_brought_up_to_date_by_a_scan(pg_url_store, tmp_path):
    _, store = pg_url_store
    rng = random.Random(23)
    _fill(store, rng, 0, 20)
    index = first = build_postgis_index(store, tmp_path)
    _write_something(store, rng, 0)
    _write_something(store, rng, 2)
    store.execute("SELECT events_changes_prune(0, 0)")  # keep nothing: the log starts after the current generation
    assert store.scalar("SELECT count(*) FROM events_changes") == 0
    with store.snapshot():
        assert logged_changes(store, index) is None
    index = refresh_postgis_index(store, index)  # by the scan of every event, as exact
    assert index.payload is first.payload and index.generation == store.events_generation()
    for step in (1, 3, 0):
        _write_something(store, rng, step)
        with store.snapshot():
            assert logged_changes(store, index) is not None  # the log covers the generation it was brought to
        index = refresh_postgis_index(store, index)
        for _ in range(10):
            query = _random_query(rng)
            assert [t for *_, t in index.page(query)[0]] == [listed_event_json(r)
                                                              for r in store.query_event_rows(query)]
    first.close()


def test_an_index_far_behind_the_log_is_built_anew_without_reading_the_rows(pg_url_store, tmp_path):
    _, store = pg_url_store
    _fill(store, random.Random(24), 0, 20)
    index = build_postgis_index(store, tmp_path)
    columns = "article_id, ordinal, event_type, sub_event_type, date_start, lon, lat, event_json, doc_id"
    while store.count_events() < 1100 + len(index.ids):  # more than 1,000 events and a fifth of the index
        store.execute(f"INSERT INTO events ({columns}) SELECT {columns} FROM events")
    with store.snapshot(), pytest.raises(StoreError, match="written since the index was read"):
        logged_changes(store, index)
    with pytest.raises(StoreError, match="written since the index was read"):
        refresh_postgis_index(store, index)
    index.close()


def test_the_change_log_keeps_a_bounded_number_of_generations_and_ids(pg_url_store):
    _, store = pg_url_store
    for i in range(12):
        _fill(store, random.Random(30 + i), i, 1)
    n = store.scalar("SELECT n FROM events_generation")
    store.execute("SELECT events_changes_prune(5, 1000000)")
    assert store.scalar("SELECT min(generation) FROM events_changes") == n - 4
    assert store.scalar("SELECT logged_from FROM events_generation") == n - 5
    newest = store.query("SELECT generation, n_ids FROM events_changes ORDER BY generation DESC")
    store.execute("SELECT events_changes_prune(100, ?)", (newest[0]["n_ids"] + newest[1]["n_ids"],))
    assert [r["generation"] for r in store.query("SELECT generation FROM events_changes ORDER BY generation")] == \
        sorted(r["generation"] for r in newest[:2])
    assert store.scalar("SELECT logged_from FROM events_generation") == newest[2]["generation"]


def test_a_store_from_before_the_change_log_gets_it_on_open(pg_url_store):
    url, store = pg_url_store
    _fill(store, random.Random(40), 0, 3)
    for trigger in ("insert", "update", "delete"):
        store.execute(f"DROP TRIGGER events_changes_{trigger} ON events")
    store.execute("DROP TABLE events_changes")
    store.execute("ALTER TABLE events_generation DROP COLUMN logged_from")
    with open_store(url) as reopened:
        n = reopened.scalar("SELECT n FROM events_generation")
        assert reopened.scalar("SELECT logged_from FROM events_generation") == n  # the log starts now
        _fill(reopened, random.Random(41), 10, 1)
        assert reopened.scalar("SELECT count(*) FROM events_changes WHERE generation > ?", (n,)) >= 1


def test_a_migration_applied_on_open_restarts_the_log_and_the_index_is_brought_up_to_date_by_a_scan(pg_url_store,
                                                                                                      tmp_path):
    url, store = pg_url_store
    _fill(store, random.Random(42), 0, 10)
    index = build_postgis_index(store, tmp_path)
    store.execute("DELETE FROM schema_migrations WHERE version = 33")  # 0033 drops an index if it exists: rerunnable
    with open_store(url) as reopened:  # a migration may rewrite events unseen by the triggers: the log restarts
        assert isinstance(reopened, type(store))
        n = reopened.scalar("SELECT n FROM events_generation")
        assert n > index.generation[1] and reopened.scalar("SELECT logged_from FROM events_generation") == n
        with reopened.snapshot():
            assert logged_changes(reopened, index) is None
        fresh = refresh_postgis_index(reopened, index)
        assert fresh.generation == reopened.events_generation() and len(fresh.ids) == reopened.count_events()
    index.close()


def test_the_server_brings_its_index_up_to_date_and_builds_anew_when_much_was_added(pg_url_store, tmp_path):
    url, store = pg_url_store
    _fill(store, random.Random(12), 0, 30)
    watched = WatchedEventIndex(url, tmp_path)
    try:
        first = watched.index
        _fill(store, random.Random(13), 100, 1)
        small = watched._build(first)
        assert small.payload is first.payload and small.extra  # a few events: added in memory
        _fill(store, random.Random(14), 200, 12)
        grown = watched._build(small)
        assert grown.payload is first.payload and len(grown.extra) > MAX_EXTRA_SHARE * len(grown.payload)
        _fill(store, random.Random(15), 300, 1)
        big = watched._build(grown)  # its in-memory part passed MAX_EXTRA_SHARE of the file: built anew
        assert big.payload is not first.payload and not big.extra
        assert len(big.ids) == store.count_events()
    finally:
        watched.close()


def _random_query(rng: random.Random) -> EventQuery:
    start = FIRST_DAY + timedelta(days=rng.randrange(-40, 170)) if rng.random() < 0.6 else None
    end = start + timedelta(days=rng.randrange(0, 60)) if start and rng.random() < 0.7 else None
    lon, lat = rng.uniform(28, 41), rng.uniform(44, 53)
    bbox = (lon, lat, lon + rng.uniform(0, 8), lat + rng.uniform(0, 5)) if rng.random() < 0.5 else None
    etype = rng.choice([None, None, "Battles", "Explosions/Remote violence"])
    return EventQuery(bbox=bbox, start=start, end=end, event_type=etype, limit=rng.randint(1, 300),
                      offset=rng.randint(0, 30))
