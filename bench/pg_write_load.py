"""``/events`` latency on PostGIS while the store is written: 50 clients, one article written during the run.

Steps: a throwaway PostGIS server with ``--events`` synthetic events (bench/api_load.py's generator), ``frontwatch
serve`` with ``--workers`` workers (each builds its event index), wrk's closed loop of 50 clients on bench/api_load.py's
``/events`` URLs (a 1x1 degree box and a month) for ``--seconds``: once with no write, once with ``--articles``
articles (14 events each, one transaction each) written ``--write-at`` seconds in. Every worker then brings its
index up to date (store/event_watch.py) while its requests wait for it.

    PYTHONPATH=$PWD/src python bench/pg_write_load.py --out bench/results/api-postgis-pool.md
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.api_load import (  # noqa: E402
    OUT,
    build_postgis_events,
    events_url,
    free_port,
    load_wrk,
    machine,
    months,
    start_server,
)

from frontwatch.store import open_store  # noqa: E402
from frontwatch.store.event_watch import WAIT_S  # noqa: E402
from frontwatch.store.postgis import PostGISStore  # noqa: E402

#: Every column of events but id (a copied row gets a new id).
COLUMNS = ("article_id, ordinal, event_type, sub_event_type, actor1, actor2, date_start, date_end, date_precision, "
           "location_name, geonameid, lat, lon, admin1, country, geo_precision, fatalities_best, fatalities_low, "
           "fatalities_high, claimant, evidence_text, evidence_start, evidence_end, confidence, cluster_id, "
           "event_json, doc_id")


def write_articles(store: PostGISStore, n: int, first_id: int) -> None:
    """``n`` articles' worth of events, 14 each, one transaction per article (copies of stored rows)."""
    for i in range(n):
        with store.transaction():
            lo = first_id + 14 * i
            store.execute(f"INSERT INTO events ({COLUMNS}) SELECT {COLUMNS} FROM events WHERE id BETWEEN ? AND ?",
                          (lo, lo + 13))


def run(url: str, args: argparse.Namespace, write: bool) -> dict:  # type: ignore[type-arg]
    with open_store(url) as store:
        first, last = (date.fromisoformat(str(store.scalar(f"SELECT {f}(date_start) FROM events")))
                       for f in ("min", "max"))
    spans = months(first, last)
    port = free_port()
    server = start_server(url, port, args.workers)  # type: ignore[arg-type]
    base = f"http://127.0.0.1:{port}"
    try:
        load_wrk(base, lambda rng: events_url(rng, spans), clients=args.clients, seconds=5, seed=1)  # warm-up
        timer = None
        if write:
            def writer() -> None:
                with open_store(url) as store:
                    assert isinstance(store, PostGISStore)
                    write_articles(store, args.articles, 1000)
            timer = threading.Timer(args.write_at, writer)
            timer.start()
        result = load_wrk(base, lambda rng: events_url(rng, spans), clients=args.clients, seconds=args.seconds,
                          seed=2)
        if timer is not None:
            timer.join()
        with open_store(url) as store:  # the write is served: the total counts its events
            served = httpx.get(f"{base}/events", params={"limit": 1, "total": "true"}, timeout=30).json()["total"]
            result["served_total_ok"] = served == store.count_events()
        return result
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--write-at", type=float, default=10)
    parser.add_argument("--articles", type=int, default=1)
    parser.add_argument("--out", type=Path, help="append the results to this markdown file")
    args = parser.parse_args()
    from tests.postgis_server import start_server as start_postgis

    OUT.mkdir(parents=True, exist_ok=True)
    pg = start_postgis()
    index_dir = Path(tempfile.mkdtemp(prefix="frontwatch-bench-index-"))
    os.environ["FRONTWATCH_INDEX_DIR"] = str(index_dir)
    load = open("/proc/loadavg").read().split()[0]
    lines = [f"\n## `/events` while the store is written ({args.events:,} events, {args.clients} clients, "
             f"{args.workers} workers; bench/pg_write_load.py)\n",
             f"{machine()}; shared machine, load average {load} at the start; wrk {args.seconds:.0f} s after a 5 s "
             f"warm-up; {args.articles} article(s) of 14 events written {args.write_at:.0f} s in; WAIT_S = {WAIT_S}.\n",
             "| run | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | total = store's after |",
             "|---|---|---|---|---|---|---|---|---|"]
    try:
        url = pg.new_database()
        build_postgis_events(url, args.events)
        for label, write in (("no write", False), ("one write", True)):
            r = run(url, args, write)
            lines.append(f"| {label} | {r['requests']:,} | {r['errors']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
                         f"{r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.1f} | "
                         f"{'yes' if r['served_total_ok'] else 'NO'} |")
            print(lines[-1], file=sys.stderr)
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
