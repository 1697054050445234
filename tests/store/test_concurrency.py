"""Concurrent writers from several processes lose and duplicate nothing, on every backend.

Each worker process writes its own articles and snapshots and, to force read-then-write races,
replaces the same shared articles as every other worker. DuckDB writers open the file once per
write, as separate CLI runs would, and queue on its lock; PostgreSQL writers keep one connection
each and write at the same time.
"""

from __future__ import annotations

import multiprocessing
from datetime import UTC, date, datetime, timedelta

import pytest
from shapely.geometry import box

from frontwatch.models import Article, Event, Evidence, LayerGeometry, Place, Snapshot
from frontwatch.store import open_store

WORKERS = 4
WRITES = 6
SHARED_DOCS = 3


def _events(tag: str, n: int) -> list[Event]:
    return [
        Event("Battles", "Armed clash", Evidence(f"{tag} clash {i}", 0, 10), date_start=date(2024, 5, 1),
              location=Place("Vovchansk", 50.29, 36.94), actor1=tag)
        for i in range(n)
    ]


def _write(target: str, worker: int, duckdb_lock_timeout_s: float) -> None:
    """One worker: its own articles and snapshots, then its version of each shared article."""
    persistent = None if target.endswith(".duckdb") else open_store(target)
    for i in range(WRITES):
        store = persistent or _open_duckdb(target, duckdb_lock_timeout_s)
        try:
            store.add_article(Article(f"w{worker}-{i}", f"report {worker} {i}"), _events(f"w{worker}", 2))
            moment = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=worker * 100 + i)
            store.add_snapshot(
                Snapshot("test", f"w{worker}-{i}", moment),
                [LayerGeometry("occupied", box(30, 48, 30 + (i + 1) / 10, 49), 1.0)],
            )
            for k in range(SHARED_DOCS):  # every worker replaces these: the last one wins, whole
                store.add_article(Article(f"shared-{k}", f"version of worker {worker}"), _events(f"w{worker}", 3))
        finally:
            if persistent is None:
                store.close()
    if persistent:
        persistent.close()


def _open_duckdb(target: str, lock_timeout_s: float):
    from frontwatch.store.duckdb import DuckDBStore

    return DuckDBStore(target, lock_timeout_s=lock_timeout_s)


def _run_workers(target: str) -> None:
    ctx = multiprocessing.get_context("spawn")  # no fork of a process holding database handles
    procs = [ctx.Process(target=_write, args=(target, w, 60.0)) for w in range(WORKERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * WORKERS


@pytest.fixture
def target(store, tmp_path):
    """The empty store's target for worker processes (the fixture's own connection released first)."""
    store.close()
    return store.target


def test_concurrent_writers_lose_and_duplicate_nothing(target):
    _run_workers(target)
    with open_store(target) as s:
        docs = [r["doc_id"] for r in s.query("SELECT doc_id FROM articles ORDER BY doc_id")]
        expected = sorted([f"w{w}-{i}" for w in range(WORKERS) for i in range(WRITES)]
                          + [f"shared-{k}" for k in range(SHARED_DOCS)])
        assert docs == expected
        keys = sorted(r["snapshot_key"] for r in s.query("SELECT snapshot_key FROM territory_snapshots"))
        assert keys == sorted(f"w{w}-{i}" for w in range(WORKERS) for i in range(WRITES))
        assert s.scalar("SELECT count(*) FROM territory_layers") == WORKERS * WRITES
        assert s.count_events() == WORKERS * WRITES * 2 + SHARED_DOCS * 3
        for k in range(SHARED_DOCS):  # each shared article holds exactly one worker's version, all of it
            article = s.get_article(f"shared-{k}")
            actors = {e["actor1"] for e in article["events"]}
            assert len(article["events"]) == 3 and len(actors) == 1
            assert article["text"] == f"version of worker {actors.pop()[1:]}"
        assert s.scalar("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)") == 0
