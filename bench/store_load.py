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
import contextlib
import itertools
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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


def load_step(store: Any, items: list[tuple[Article, list]]) -> tuple[float, float]:
    """One step through the loader's path in one transaction; its (wall, CPU) seconds."""
    started = time.perf_counter(), time.process_time()
    with store.transaction():
        ids = store.add_articles(items)
        assign_articles(store, ids)
    return time.perf_counter() - started[0], time.process_time() - started[1]


def run(db: str, n: int, per_day: int, step: int, seed: int, *, events: int | None = None,
        jsonl: Path | None = None, history: tuple[int, int] | None = None,
        control: str | None = None, resume: bool = False, start: int = 0) -> list[dict[str, float]]:
    """Load the feed ``step`` articles at a time; each step's row is printed (and appended to ``jsonl``) as it ends.

    ``history`` (after, events): once ``after`` articles are loaded, copy them into the past until the store
    holds ``events`` events (:func:`add_history`), then go on with the feed. ``control``: a second store that
    gets the same feed, step for step right after the first, but no history; its times (``control_*``) were
    taken under the same machine load, so the ratio of the two is the store size's own effect.
    ``resume``: go on from the articles already in ``db`` (a stopped run; each step is one transaction,
    so the store holds whole steps only). ``start``: begin the feed at article ``start`` (a small store with
    only the feed's last days: the control for a long run's late steps, timed in the same minutes).
    """
    rows = []
    out = jsonl.open("a", encoding="utf-8") if jsonl else None
    with open_store(db) as store, (open_store(control) if control else contextlib.nullcontext()) as twin:
        # the feed's articles only: history copies (--history) carry a "~k" doc_id suffix
        first = int(store.scalar("SELECT count(*) FROM articles WHERE doc_id NOT LIKE '%~%'")) if resume else start
        if resume:
            print(f"resuming after {first:,} articles", file=sys.stderr, flush=True)
        for lo in range(first, n, step):
            if history and lo == history[0]:
                add_history(store, history[1], days=-(-lo // per_day))
            items = batch(seed, lo, min(n, lo + step), per_day, events)
            wall, cpu = load_step(store, items)
            row = {"articles": lo + len(items), "step": len(items), "events": int(store.count_events()),
                   "seconds": round(wall, 3),
                   "cpu_seconds": round(cpu, 3), "load_average": round(os.getloadavg()[0], 2),
                   "time": time.strftime("%H:%M:%S", time.gmtime())}
            if twin is not None:
                wall, cpu = load_step(twin, batch(seed, lo, min(n, lo + step), per_day, events))
                row.update(control_events=int(twin.count_events()), control_seconds=round(wall, 3),
                           control_cpu_seconds=round(cpu, 3))
            rows.append(row)
            print(json.dumps(row), flush=True)
            if out:
                out.write(json.dumps(row) + "\n")
                out.flush()
    if out:
        out.close()
    return rows


def add_history(store: Any, target: int, days: int) -> None:
    """Copy the stored feed (``days`` days from START) into the past, span after span, until the store holds
    ``target`` events: the store size of a long-running store without hours of loading (issue 12's 1.4 M).

    Copy ``k`` moves every date back ``k`` spans and suffixes doc_id, cluster and component names with ``~k``,
    so copies are distinct articles whose clusters never join the feed's. They lie before the feed's first
    day, so the candidates of later feed articles (their own days and places) are what they were; what the
    copies change is what the store's size changes: the tables and indexes every insert and query works on.
    """
    t0 = time.perf_counter()
    have = int(store.count_events())
    copies = max(0, -(-(target - have) // max(have, 1)))
    articles = [c for c in store.query("SELECT * FROM articles LIMIT 1")[0] if c != "id"]
    events = [c for c in store.query("SELECT * FROM events LIMIT 1")[0] if c != "id"]
    shift = f"CAST(k * {days} AS INTEGER)"
    art_values = {"doc_id": "a.doc_id || '~' || k", "published": f"a.published - {shift}"}
    ev_values = {"article_id": "na.id", "doc_id": "e.doc_id || '~' || k", "date_start": f"e.date_start - {shift}",
                 "date_end": f"e.date_end - {shift}", "cluster_id": "e.cluster_id || '~' || k",
                 "dedup_component": "e.dedup_component || '~' || k"}
    series = "range(1, {hi}) t(k)" if store.backend == "duckdb" else "generate_series(1, {hi} - 1) t(k)"
    for lo in range(1, copies + 1, 10):  # ten copies a statement: bounded memory
        hi = min(copies + 1, lo + 10)
        ks = series.format(hi=hi).replace("(1,", f"({lo},")
        with store.transaction():
            store.execute(f"INSERT INTO articles ({', '.join(articles)}) SELECT "
                          + ", ".join(art_values.get(c, f"a.{c}") for c in articles)
                          + f" FROM articles a, {ks} WHERE a.doc_id NOT LIKE '%~%' ORDER BY k DESC, a.id")
            store.execute(f"INSERT INTO events ({', '.join(events)}) SELECT "
                          + ", ".join(ev_values.get(c, f"e.{c}") for c in events)
                          + f" FROM events e JOIN articles oa ON oa.id = e.article_id AND oa.doc_id NOT LIKE '%~%' "
                          f"CROSS JOIN {ks} JOIN articles na ON na.doc_id = oa.doc_id || '~' || k "
                          "ORDER BY k DESC, e.date_start, e.id")
        print(f"history: {int(store.count_events()):,} events after copy {hi - 1} of {copies} "
              f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)


def per_1000(rows: list[dict[str, float]], key: str) -> list[float]:
    """``key`` (seconds of a step) scaled to 1,000 articles (steps may be of 250; rows without their ``step``,
    from older runs, take it from the articles loaded before)."""
    done = [0.0] + [r["articles"] for r in rows]
    return [r[key] * 1000 / r.get("step", done[k + 1] - done[k]) for k, r in enumerate(rows)]


def running_median(values: list[float], width: int = 9) -> list[float]:
    """The median of the ``width`` values around each one (fewer at the ends)."""
    half = width // 2
    out = []
    for k in range(len(values)):
        window = sorted(values[max(0, k - half):k + half + 1])
        out.append(window[len(window) // 2])
    return out


def report(rows: list[dict[str, float]]) -> None:
    """The acceptance figure: the last per-1,000 time over the first (medians of three steps to damp noise)."""
    if not rows:
        print("no steps were loaded")
        return
    for key, name in (("cpu_seconds", "CPU"), ("seconds", "wall")):
        values = per_1000(rows, key)
        first, last = sorted(values[:3])[len(values[:3]) // 2], sorted(values[-3:])[len(values[-3:]) // 2]
        print(f"per-1,000 {name} time: first {first:.2f} s, last {last:.2f} s, ratio {last / first:.2f} "
              f"({rows[-1]['events']:,} events at the end)")
    paired = [r for r in rows if "control_cpu_seconds" in r and r["events"] > 10 * r["control_events"]]
    for key, name in (("cpu_seconds", "CPU"), ("seconds", "wall")):
        ratios = sorted(r[key] / r[f"control_{key}"] for r in paired)
        if ratios:
            print(f"{name} with history / control, step for step: median {ratios[len(ratios) // 2]:.2f} "
                  f"over {len(ratios)} steps (min {ratios[0]:.2f}, max {ratios[-1]:.2f})")


def plot(series: dict[str, list[dict[str, float]]], png: Path, title: str) -> None:
    """Per-1,000 CPU (left) and wall (right) against store size, one colour per run."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
    sizes = [r["events"] for rows in series.values() for r in rows]
    jumps = any(b["events"] > 3 * a["events"] for rows in series.values() for a, b in itertools.pairwise(rows))
    for ax, key, what in ((axes[0], "cpu_seconds", "CPU seconds of the loader"),
                          (axes[1], "seconds", "wall seconds (2 shared cores)")):
        values = []
        for k, (label, rows) in enumerate(series.items()):
            values += per_1000(rows, key)
            ax.plot([r["events"] for r in rows], per_1000(rows, key), ".", color=f"C{k}", label=label)
            if len(rows) >= 20:  # the trend under the step-to-step noise of a shared machine
                ax.plot([r["events"] for r in rows], running_median(per_1000(rows, key)), "-", color=f"C{k}",
                        linewidth=1.5, label=f"{label}: running median of 9 steps")
            if rows and f"control_{key}" in rows[-1]:
                twin = [r for r in rows if f"control_{key}" in r]
                ax.plot([r["control_events"] for r in twin], per_1000(twin, f"control_{key}"), "x",
                        color=f"C{k}", markersize=4, label=f"{label}: control (same steps, no history)")
        if jumps and max(sizes) > 20 * min(sizes):
            ax.set_xscale("log")  # a store filled with history (--history) jumps from thousands to a million
        ax.set_xlabel("events in the store")
        ax.set_ylabel(f"{what} per 1,000 articles")
        ax.set_ylim(0, 2.5 * sorted(values)[len(values) // 2])  # a paused or starved step goes off the top
        ax.legend(fontsize=7)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(png, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--per-day", type=int, default=200, help="articles a day (war-time density)")
    parser.add_argument("--step", type=int, default=1000)
    parser.add_argument("--events-per-article", type=int, default=None,
                        help="mean events an article, ±3 (default 3-6; 14 gives ~1.4 M events for 100k articles)")
    parser.add_argument("--history", type=int, nargs=2, metavar=("AFTER", "EVENTS"), default=None,
                        help="after AFTER articles, copy them into the past until the store holds EVENTS events")
    parser.add_argument("--control", default=None,
                        help="a second store (path or URL; 'postgis' with --postgis: a second database on its server) "
                             "loaded with the same feed step for step, without history")
    parser.add_argument("--jsonl", type=Path, default=None,
                        help="append each step's row here as it ends (a run stopped early still leaves its data)")
    parser.add_argument("--resume", action="store_true",
                        help="go on from the articles already in --db (a stopped continuous run; no --history)")
    parser.add_argument("--from", dest="start", type=int, default=0,
                        help="begin the feed at this article (a control store for a long run's late steps)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default=None, help="DuckDB path or postgresql:// URL (default: a temporary file)")
    parser.add_argument("--postgis", action="store_true",
                        help="load into a throwaway PostGIS server (tests/postgis_server.py, Debian packages)")
    parser.add_argument("--png", type=Path, default=Path(__file__).parent / "results" / "store_load.png")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--plot", type=Path, nargs="+", default=None,
                        help="only plot the JSON lines of runs (--jsonl files, or a run's printed lines), one colour "
                             "each, labelled by file name")
    args = parser.parse_args()
    if args.plot:
        series = {}
        for path in args.plot:
            rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.startswith("{")]
            print(path.name)
            report(rows)
            series[path.stem] = rows
        plot(series, args.png, "Loading synthetic articles, 14 events each, as the store grows")
        return
    server = None
    if args.postgis:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.postgis_server import start_server

        server = start_server()
        args.db = server.new_database()
        if args.control == "postgis":  # a second database on the same server
            args.control = server.new_database()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = args.db or str(Path(tmp) / "bench.duckdb")
            rows = run(db, args.articles, args.per_day, args.step, args.seed, events=args.events_per_article,
                       jsonl=args.jsonl, history=tuple(args.history) if args.history else None,
                       control=args.control, resume=args.resume, start=args.start)
    finally:
        if server is not None:
            server.stop()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    report(rows)
    plot({"PostGIS" if db.startswith("postgres") else "DuckDB": rows}, args.png,
         f"Loading {args.articles:,} synthetic articles into {'PostGIS' if db.startswith('postgres') else 'DuckDB'}")


if __name__ == "__main__":
    main()
