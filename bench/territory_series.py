"""Benchmark: territory series and changes from the store vs a plain geopandas loop, side by side.

    .venv/bin/python bench/territory_series.py --db ARCHIVE.duckdb [--pairs 200] [--json OUT.json]

ARCHIVE.duckdb holds the DeepState archive imported with ``frontwatch territory import``
(without --db one is imported into a temporary file first, which takes minutes). Measures, in one run:

1. the loop the issue describes over the 363 consecutive pairs of 2024: read both snapshot files
   with geopandas, union the occupied (#a52714) polygons, difference both ways, geodesic area;
2. ``series(freq="day")`` over all snapshots from the store, cold (no process cache);
3. ``change`` between random pairs of dates (p50, p95), cold (a fresh process cache: the call
   reads the layer from the store) and warm (a long-running process such as the API, after that read);
4. ``refresh_steps`` from scratch on a copy of the store: the cost it adds to an import
   (with --measure-import, also a whole import into a fresh store, refresh included, for the share).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import statistics
import tarfile
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import geopandas as gpd
import shapely
from pyproj import Geod

from frontwatch.store import open_store
from frontwatch.territory import changes, series, timeline
from frontwatch.territory.steps import refresh_steps

ARCHIVE = Path(__file__).resolve().parents[2] / "shared" / "data" / "territory" / "deepstate"
GEOD = Geod(ellps="WGS84")


def loop_2024(folder: Path) -> dict:
    """The plain geopandas loop over 2024's consecutive pairs."""
    files = sorted(folder.glob("*.geojson"), key=lambda p: int(p.stem))
    files = [f for f in files if date.fromtimestamp(int(f.stem)).year == 2024]

    def occupied(path: Path):
        frame = gpd.read_file(path)
        geoms = frame.loc[frame["fill"].str.lower() == "#a52714", "geometry"]
        return shapely.union_all(shapely.make_valid(shapely.force_2d(geoms.values)))

    def km2(geom) -> float:
        return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6

    start = time.perf_counter()
    nets = []
    for a, b in itertools.pairwise(files):
        ga, gb = occupied(a), occupied(b)
        nets.append(km2(shapely.difference(gb, ga)) - km2(shapely.difference(ga, gb)))
    seconds = time.perf_counter() - start
    return {"pairs": len(nets), "seconds": seconds, "ms_per_pair": 1000 * seconds / len(nets)}


def cold() -> None:
    timeline._WKB.clear()


def bench_series(store, repeat: int) -> dict:
    runs, points = [], []
    for _ in range(repeat):
        cold()
        start = time.perf_counter()
        points = series.series(store, freq="day", layer="occupied")
        runs.append(time.perf_counter() - start)
    return {"points": len(points), "seconds_median": statistics.median(runs), "runs": runs}


def bench_pairs(store, count: int, *, max_span: int | None = None, modes=(("cold", True), ("warm", False))) -> dict:
    """Random pairs of dates anywhere in the archive, or at most ``max_span`` days apart."""
    tl = timeline.Timeline(store, None, "occupied")
    days = (tl.last_date - tl.first_date).days
    rng = random.Random(2024)
    pairs = []
    for _ in range(count):
        a, b = sorted(rng.sample(range(days + 1), 2))
        if max_span:
            b = min(a + rng.randint(1, max_span), days)
        pairs.append((tl.first_date + timedelta(days=a), tl.first_date + timedelta(days=b)))
    out = {}
    for label, clear in modes:
        wall, cpu = [], []
        for start, end in pairs:
            if clear:
                cold()
            t0, c0 = time.perf_counter(), time.process_time()
            changes.change(store, start=start, end=end, layer="occupied")
            wall.append(1000 * (time.perf_counter() - t0))
            cpu.append(1000 * (time.process_time() - c0))
        out[label] = {"pairs": len(wall), **_percentiles("wall", wall), **_percentiles("cpu", cpu)}
    return out


def _percentiles(name: str, values: list[float]) -> dict:
    """p50 and p95 in ms; CPU time is shown beside wall time because other jobs share the CPU."""
    ordered = sorted(values)
    return {f"{name}_p50_ms": ordered[len(ordered) // 2], f"{name}_p95_ms": ordered[int(len(ordered) * 0.95)]}


def bench_refresh(db: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.duckdb"
        shutil.copy(db, copy)
        with open_store(copy) as store:
            store.execute("DELETE FROM territory_changes")
            store.execute("DELETE FROM territory_layer_sums")
            cold()
            t0, c0 = time.perf_counter(), time.process_time()
            added = refresh_steps(store, store.sources()[0])
            return {"pairs_added": added, "seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0}


def bench_import(archive: Path, path: Path) -> dict:
    from frontwatch.territory.importer import import_paths

    with open_store(path) as store:
        t0 = time.perf_counter()
        report = import_paths(store, [archive], source="deepstate")
        return {"imported": report.imported, "seconds": time.perf_counter() - t0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store holding the imported DeepState archive")
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--measure-import", action="store_true",
                        help="also time a whole import (which runs refresh_steps) into a fresh store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from frontwatch.territory.importer import import_paths

            db = Path(tmp) / "archive.duckdb"
            with open_store(db) as store:
                import_paths(store, [args.archive], source="deepstate")
        with tarfile.open(args.archive / "deepstate-2024.tar.xz") as tar:
            tar.extractall(Path(tmp) / "files", filter="data")
        folder = next(p.parent for p in (Path(tmp) / "files").rglob("*.geojson"))
        result: dict = {"loop_2024": loop_2024(folder)}
        with open_store(db, read_only=True) as store:
            result["snapshots"] = len(store.snapshot_times(store.sources()[0]))
            result["series_day_full_archive"] = bench_series(store, args.repeat)
            result["change_random_pairs"] = bench_pairs(store, args.pairs)
            result["change_random_pairs_within_31_days"] = bench_pairs(store, args.pairs, max_span=31,
                                                                       modes=(("cold", True),))
        result["refresh_steps"] = bench_refresh(db)
        if args.measure_import:
            result["import"] = bench_import(args.archive, Path(tmp) / "fresh.duckdb")
            result["refresh_share_of_import"] = result["refresh_steps"]["seconds"] / result["import"]["seconds"]
    loop, ser = result["loop_2024"], result["series_day_full_archive"]
    result["speedup_series_vs_loop_total"] = loop["seconds"] / ser["seconds_median"]
    result["speedup_per_pair"] = (loop["seconds"] / loop["pairs"]) / (ser["seconds_median"] / ser["points"])
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
