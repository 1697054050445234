"""How long a PostGIS event index takes to catch up with a write, by the change log and by the scan it replaces.

Steps: a throwaway PostGIS server (tests/postgis_server.py) with ``--events`` synthetic events
(bench/api_load.py's generator); the event index read once; then writes of 1 and of 250 articles (14 events each,
one transaction per article, as a loader makes them) and, after each, the refresh timed both ways on the same
writes and the same index: ``refresh_postgis_index`` (the change log, read by index) and the scan of every event
for rows newer than the index's snapshot (``_changes_by_xmin``, the way before the log; kept as the fallback).
Also a bulk insert (and delete) of ``--bulk`` events in one statement with the log's triggers on and off.

    PYTHONPATH=$PWD/src python bench/pg_refresh.py --events 1000000 --out bench/results/api-postgis-pool.md
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.api_load import build_postgis_events, machine  # noqa: E402
from bench.pg_write_load import COLUMNS, write_articles  # noqa: E402

from frontwatch.store import open_store  # noqa: E402
from frontwatch.store.event_index import EventIndex  # noqa: E402
from frontwatch.store.event_watch import (  # noqa: E402
    _LOGGED,
    _changes_by_xmin,
    _horizon,
    _merged,
    build_postgis_index,
    refresh_postgis_index,
)
from frontwatch.store.postgis import PostGISStore  # noqa: E402

LOG_TRIGGERS = ("events_changes_insert", "events_changes_update", "events_changes_delete")


def refresh_by_scan(store: PostGISStore, old: EventIndex) -> EventIndex:
    """The refresh as it was before the change log: every event scanned for rows newer than the index."""
    with store.snapshot():
        generation, horizon = store.events_generation(), _horizon(store)
        rows, keep = _changes_by_xmin(store, old)
    return _merged(old, rows, keep, generation, horizon)


def _runs(times: list[float]) -> str:
    return f"{statistics.median(times):.3f} ({', '.join(f'{t:.3f}' for t in times)})"


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def bulk(store: PostGISStore, n: int, logged: bool, repeat: int) -> tuple[float, float]:
    """Median seconds of inserting, then of deleting, ``n`` events in one statement, the log's triggers on or off."""
    for trigger in LOG_TRIGGERS:
        store.execute(f"ALTER TABLE events {'ENABLE' if logged else 'DISABLE'} TRIGGER {trigger}")
    ins, dels = [], []
    top = int(store.scalar("SELECT max(id) FROM events"))
    for _ in range(repeat):
        t0 = time.perf_counter()
        store.execute(f"INSERT INTO events ({COLUMNS}) SELECT {COLUMNS} FROM events WHERE id BETWEEN 1 AND ?", (n,))
        ins.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        store.execute("DELETE FROM events WHERE id > ?", (top,))
        dels.append(time.perf_counter() - t0)
    for trigger in LOG_TRIGGERS:
        store.execute(f"ALTER TABLE events ENABLE TRIGGER {trigger}")
    return statistics.median(ins), statistics.median(dels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--bulk", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="append the results to this markdown file")
    args = parser.parse_args()
    from tests.postgis_server import start_server

    pg = start_server()
    index_dir = Path(tempfile.mkdtemp(prefix="frontwatch-bench-refresh-"))
    lines = [f"\n## Index refresh after a write: change log vs scan ({args.events:,} events; bench/pg_refresh.py)\n",
             f"{machine()}; shared machine, load average {open('/proc/loadavg').read().split()[0]} at the start; "
             f"each figure the median of {args.repeat} (all runs in brackets), seconds.\n",
             "| write | refresh by the change log | by the scan (before) | events read |", "|---|---|---|---|"]
    try:
        url = pg.new_database()
        build_postgis_events(url, args.events)
        with open_store(url) as store:
            assert isinstance(store, PostGISStore)
            t0 = time.perf_counter()
            index = build_postgis_index(store, index_dir)
            print(f"index read in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            plan: list[str] = []
            for label, articles, first_id in (("1 article (14 events)", 1, 1000), ("250 articles", 250, 5000)):
                write_articles(store, articles, first_id)
                if not plan:
                    plan = [r["QUERY PLAN"] for r in store.query("EXPLAIN (ANALYZE, BUFFERS) " + _LOGGED,
                                                                   (int(index.generation[1]),))]
                log_times, fresh = timed(lambda old=index: refresh_postgis_index(store, old), args.repeat)
                scan_times, scanned = timed(lambda old=index: refresh_by_scan(store, old), args.repeat)
                assert list(fresh.ids) == list(scanned.ids)  # both ways give the same index
                lines.append(f"| {label} | {_runs(log_times)} | {_runs(scan_times)} | "
                             f"{len(fresh.ids) - len(index.ids):,} added |")
                print(lines[-1], file=sys.stderr)
                index = fresh
            on = bulk(store, args.bulk, True, args.repeat)
            off = bulk(store, args.bulk, False, args.repeat)
            lines += ["", f"Bulk insert / delete of {args.bulk:,} events in one statement: with the change log's "
                      f"triggers {on[0]:.2f} / {on[1]:.2f} s, without {off[0]:.2f} / {off[1]:.2f} s.", "",
                      "The log read after the 1-article write (EXPLAIN ANALYZE):", "", "```", *plan, "```"]
            index.close()
    finally:
        pg.stop()
        shutil.rmtree(index_dir, ignore_errors=True)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with args.out.open("a") as f:
            f.write(text)


if __name__ == "__main__":
    main()
