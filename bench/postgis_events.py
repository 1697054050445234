"""``/events`` on PostGIS: the box as a plain lon/lat range against the dialect's ``bbox_sql`` (the GiST index).

    .venv/bin/python bench/postgis_events.py [--events 300000] [--queries 200]

Starts a throwaway PostgreSQL/PostGIS cluster (tests/postgis_server.py), fills a migrated store with
``--events`` synthetic events spread over Ukraine's extent and four years (generated in SQL), and runs
the page query of ``/events`` (``EventTables.page_statement``) for random boxes, with and without a
month, once with the range filter ``/events`` used before (``e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?``)
once with the dialect's condition and once with ``ST_Intersects``, in random order; all must return the same
rows.
Prints the median and p99 of each, and each one's plan.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests/postgis_server.py starts the cluster

from tests.postgis_server import start_server  # noqa: E402

from frontwatch.store import Store, open_store  # noqa: E402
from frontwatch.store.base import range_bbox  # noqa: E402
from frontwatch.store.events import EventQuery  # noqa: E402

LON0, LON1, LAT0, LAT1 = 22.2, 40.2, 44.4, 52.3


def fill(store: Store, n_events: int) -> None:
    article = store.scalar("INSERT INTO articles (doc_id, text) VALUES ('synthetic', 'x') RETURNING id")
    store.execute(
        "INSERT INTO events (article_id, ordinal, event_type, sub_event_type, date_start, date_end, lon, lat, "
        "event_json, doc_id) SELECT ?, i, 'Battles', 'Armed clash', DATE '2022-03-01' + (i % 1400), "
        f"DATE '2022-03-01' + (i % 1400), {LON0} + random() * {LON1 - LON0}, {LAT0} + random() * {LAT1 - LAT0}, "
        "'{}', 'synthetic' FROM generate_series(1, ?) AS g(i)", (article, n_events))
    store.execute("ANALYZE events")


def statements(store: Store, query: EventQuery) -> dict[str, tuple[str, list[Any]]]:
    """The page query as ``/events`` runs it now, with the plain range it used before, and with ST_Intersects."""
    assert query.bbox is not None
    sql, params = store.page_statement(query)
    box, box_params = store.bbox_sql("e.lon", "e.lat", query.bbox)
    assert box in sql and params[:len(box_params)] == box_params
    rest = params[len(box_params):]
    variants = {"range (before)": range_bbox("e.lon", "e.lat", query.bbox),
                "ST_Intersects": ("ST_Intersects(ST_SetSRID(ST_MakePoint(e.lon, e.lat), 4326), "
                                  "ST_MakeEnvelope(?, ?, ?, ?, 4326))", list(query.bbox))}
    out = {name: (sql.replace(box, text), [*values, *rest]) for name, (text, values) in variants.items()}
    out["bbox_sql (now)"] = (sql, params)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=300_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    server = start_server()
    try:
        with open_store(server.new_database()) as store:
            started = time.perf_counter()
            fill(store, args.events)
            print(f"{args.events:,} events stored in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            rng = random.Random(5)
            for label, width, height, month in (("box 1x1 degree + a month", 1, 1, True),
                                                ("box 1x1 degree, all dates", 1, 1, False),
                                                ("box 12x0.3 degrees, all dates", 12, 0.3, False)):
                times: dict[str, list[float]] = {}
                for _ in range(args.queries):
                    lon, lat = rng.uniform(LON0, LON1 - width), rng.uniform(LAT0, LAT1 - height)
                    start = date(2022, 3, 1) + timedelta(days=rng.randrange(1370)) if month else None
                    query = EventQuery(bbox=(lon, lat, lon + width, lat + height), start=start,
                                       end=start + timedelta(days=30) if start else None, limit=101)
                    answers = []
                    for name, (sql, params) in rng.sample(list(statements(store, query).items()), 3):
                        t = time.perf_counter()
                        answers.append(store.query(sql, params))
                        times.setdefault(name, []).append((time.perf_counter() - t) * 1000)
                    assert answers[0] == answers[1] == answers[2], query
                for name, values in sorted(times.items()):
                    values.sort()
                    print(f"{label} | {name} | p50 {statistics.median(values):.2f} ms | "
                          f"p99 {values[int(0.99 * len(values)) - 1]:.2f} ms")
                for name, (sql, params) in statements(store, query).items():
                    plan = [next(iter(r.values())) for r in store.query(f"EXPLAIN {sql}", params)]
                    print(f"  plan, {name}: " + " / ".join(line.strip() for line in plan if "Scan" in line))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
