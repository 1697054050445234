"""Benchmark: bulk loading synthetic articles into the store stays flat as the store grows (issue 12).

Articles come from ``frontwatch.scale.synth`` (templates over real settlements, 3-6 events each, the
events the templates put in taken as extracted). They arrive as a news feed does, in time order at a
constant density (``--per-day`` articles a day: each article's dates are moved to its day, keeping the
days between publication and event), and are loaded 1,000 at a time through the loader's own path
(``add_articles`` and ``assign_articles`` in one transaction, as ``frontwatch scale load`` does per
shard). The time of each 1,000 is recorded against the store's size and plotted.

    nice -n 10 python bench/store_load.py --articles 30000 [--db bench.duckdb] [--png bench/results/store_load.png]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from frontwatch.dedup.assign import assign_articles
from frontwatch.models import Article
from frontwatch.scale.load import event_from_dict
from frontwatch.scale.synth import article
from frontwatch.store import open_store

START = date(2023, 1, 1)


def batch(seed: int, lo: int, hi: int, per_day: int, events_mean: int | None = None) -> list[tuple[Article, list]]:
    """Articles ``lo``..``hi`` of the feed, each moved to day ``index // per_day`` with its events.

    ``events_mean``: mean events an article (default 3-6; the issue's 1.4 M events for 100k articles is 14).
    """
    items = []
    for i in range(lo, hi):
        doc = article(seed, i, words=300, events_mean=events_mean)
        shift = START + timedelta(days=i // per_day) - date.fromisoformat(doc["published"])
        events = []
        for ev in doc["events"]:
            for key in ("date_start", "date_end"):
                ev[key] = (date.fromisoformat(ev[key]) + shift).isoformat()
            events.append(event_from_dict(ev, doc_id=doc["doc_id"]))
        items.append((Article(doc["doc_id"], doc["text"], START + timedelta(days=i // per_day),
                              title=doc["title"], outlet=doc["outlet"]), events))
    return items


def run(db: str, n: int, per_day: int, step: int, seed: int, *, events: int | None = None,
        jsonl: Path | None = None) -> list[dict[str, float]]:
    """Load the feed ``step`` articles at a time; each step's row is printed (and appended to ``jsonl``) as it ends."""
    rows = []
    out = jsonl.open("a", encoding="utf-8") if jsonl else None
    with open_store(db) as store:
        for lo in range(0, n, step):
            items = batch(seed, lo, min(n, lo + step), per_day, events)
            started = time.perf_counter(), time.process_time()
            with store.transaction():
                ids = store.add_articles(items)
                assign_articles(store, ids)
            wall, cpu = time.perf_counter() - started[0], time.process_time() - started[1]
            events = int(store.count_events())
            rows.append({"articles": lo + len(items), "events": events, "seconds": round(wall, 3),
                         "cpu_seconds": round(cpu, 3)})
            print(json.dumps(rows[-1]), flush=True)
            if out:
                out.write(json.dumps(rows[-1]) + "\n")
                out.flush()
    if out:
        out.close()
    return rows


def report(rows: list[dict[str, float]]) -> None:
    """The acceptance figure: the last per-1,000 time over the first (medians of three to damp noise)."""
    for key, name in (("cpu_seconds", "CPU"), ("seconds", "wall")):
        values = [r[key] for r in rows]
        first, last = sorted(values[:3])[len(values[:3]) // 2], sorted(values[-3:])[len(values[-3:]) // 2]
        print(f"per-1,000 {name} time: first {first:.2f} s, last {last:.2f} s, ratio {last / first:.2f}")


def plot(rows: list[dict[str, float]], png: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot([r["events"] for r in rows], [r["seconds"] for r in rows], marker=".", label="wall (shared CPU)")
    ax.plot([r["events"] for r in rows], [r["cpu_seconds"] for r in rows], marker=".", label="CPU of the loader")
    ax.set_xlabel("events in the store")
    ax.set_ylabel("seconds per 1,000 articles")
    ax.set_ylim(bottom=0)
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(png, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--per-day", type=int, default=200, help="articles a day (war-time density)")
    parser.add_argument("--step", type=int, default=1000)
    parser.add_argument("--events-per-article", type=int, default=None,
                        help="mean events an article, ±3 (default 3-6; 14 gives ~1.4 M events for 100k articles)")
    parser.add_argument("--jsonl", type=Path, default=None,
                        help="append each step's row here as it ends (a run stopped early still leaves its data)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default=None, help="DuckDB path or postgresql:// URL (default: a temporary file)")
    parser.add_argument("--postgis", action="store_true",
                        help="load into a throwaway PostGIS server (tests/postgis_server.py, Debian packages)")
    parser.add_argument("--png", type=Path, default=Path(__file__).parent / "results" / "store_load.png")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--plot", type=Path, default=None,
                        help="only plot the JSON lines a run printed (a run stopped by a time limit)")
    args = parser.parse_args()
    if args.plot:
        rows = [json.loads(x) for x in args.plot.read_text(encoding="utf-8").splitlines() if x.startswith("{")]
        report(rows)
        backend = "PostGIS" if "postgis" in args.plot.name else "DuckDB"
        plot(rows, args.png, f"Loading {rows[-1]['articles']:,} synthetic articles into {backend}")
        return
    server = None
    if args.postgis:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.postgis_server import start_server

        server = start_server()
        args.db = server.new_database()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = args.db or str(Path(tmp) / "bench.duckdb")
            rows = run(db, args.articles, args.per_day, args.step, args.seed, events=args.events_per_article,
                       jsonl=args.jsonl)
    finally:
        if server is not None:
            server.stop()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    report(rows)
    plot(rows, args.png, f"Loading {args.articles:,} synthetic articles into "
         f"{'PostGIS' if db.startswith('postgres') else 'DuckDB'}")


if __name__ == "__main__":
    main()
