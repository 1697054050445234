"""Benchmark: import of the whole DeepState archive (time, peak memory), a re-run, and a plain-loop ratio.

    .venv/bin/python bench/territory_import.py [--shared ../shared] [--workers 2] [--baseline-year 2025]

Targets (issue 2): the whole archive (1,359 snapshots) in under 2 minutes and under 2 GB. The ratio compares,
in the same run on the same year's archive, frontwatch's import with a plain loop that does the minimum
(json.load, shapely shape + make_valid, one union_all per colour, geodesic area) and stores nothing.
Run by hand, not by pytest; prints Markdown for bench/results/territory_import.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def child(args: argparse.Namespace) -> None:
    """One measurement in a fresh process, so peak RSS is this job's alone; prints JSON."""
    import frontwatch.territory.importer as importer
    from frontwatch.store import open_store

    refresh_s = 0.0
    original = importer._refresh

    def timed_refresh(store, sources):  # type: ignore[no-untyped-def]
        nonlocal refresh_s
        started = time.perf_counter()
        original(store, sources)
        refresh_s += time.perf_counter() - started

    importer._refresh = timed_refresh
    started = time.perf_counter()
    with open_store(args.db) as store:
        report = importer.import_paths(store, [Path(p) for p in args.paths], workers=args.workers)
    wall = time.perf_counter() - started
    print(json.dumps({
        "wall_s": wall, "refresh_s": refresh_s, "imported": report.imported, "skipped": report.skipped,
        "failed": len(report.failed), "warnings": report.warnings,
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF), "rss_child_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        "cpu_s": sum(_cpu_s(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)),
    }))


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def plain_loop(archive: Path) -> dict[str, float]:
    """The minimum a script would do per snapshot: parse, repair, union per colour, measure."""
    import shapely
    from shapely.geometry import shape

    from frontwatch.geodesy import area_km2

    started, cpu = time.perf_counter(), time.process_time()
    n = 0
    with tarfile.open(archive, "r:*") as tar:
        for member in tar:
            doc = json.load(tar.extractfile(member))  # type: ignore[arg-type]
            groups: dict[str, list] = {}
            for feature in doc["features"]:
                if feature["geometry"]["type"] in ("Polygon", "MultiPolygon", "GeometryCollection"):
                    geom = shapely.make_valid(shapely.force_2d(shape(feature["geometry"])))
                    groups.setdefault(feature["properties"].get("fill"), []).append(geom)
            for geoms in groups.values():
                area_km2(shapely.union_all(geoms))
            n += 1
    return {"wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu, "snapshots": n}


def run_child(db: Path, paths: list[Path], workers: int) -> dict:
    cmd = [sys.executable, __file__, "--child", "--db", str(db), "--workers", str(workers), *map(str, paths)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--baseline-year", default="2025")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    folder = Path(args.shared) / "data" / "territory" / "deepstate"
    year = folder / f"deepstate-{args.baseline_year}.tar.xz"
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    with tempfile.TemporaryDirectory() as tmp:
        full = run_child(Path(tmp) / "full.duckdb", [folder], args.workers)
        again = run_child(Path(tmp) / "full.duckdb", [folder], args.workers)
        loop = plain_loop(year)
        ours_year = run_child(Path(tmp) / "year.duckdb", [year], args.workers)
        ours_year_1 = run_child(Path(tmp) / "year1.duckdb", [year], 1)
    print(f"# Territory import benchmark\n\nMachine: {os.cpu_count()} cores, {cpu}; load average at start "
          f"{os.getloadavg()[0]:.1f} (other jobs were sharing the CPU).\n")
    print(f"Command: `.venv/bin/python bench/territory_import.py --workers {args.workers}`\n")
    print("| run | snapshots | wall s | of which refresh_steps s | CPU s (all processes) | peak RSS main MB "
          "| peak RSS worker MB |")
    print("|---|---|---|---|---|---|---|")
    for label, r in [("whole archive, first import", full), ("whole archive, second run", again),
                     (f"{args.baseline_year} archive, {args.workers} workers", ours_year),
                     (f"{args.baseline_year} archive, 1 process", ours_year_1)]:
        print(f"| {label} | {r['imported'] or r['skipped']} | {r['wall_s']:.1f} | {r['refresh_s']:.1f} | "
              f"{r['cpu_s']:.1f} | {r['rss_main_mb']:.0f} | {r['rss_child_mb']:.0f} |")
    print(f"| {args.baseline_year} archive, plain loop (no store) | {loop['snapshots']} | {loop['wall_s']:.1f} | - "
          f"| {loop['cpu_s']:.1f} | - | - |")
    print(f"\nRatio plain loop / frontwatch ({args.baseline_year}, {args.workers} workers, import without "
          f"refresh_steps): {loop['wall_s'] / (ours_year['wall_s'] - ours_year['refresh_s']):.2f}x; "
          f"1 process: {loop['wall_s'] / (ours_year_1['wall_s'] - ours_year_1['refresh_s']):.2f}x.")
    print(f"\nFailures {full['failed']}; warnings: " + "; ".join(w[:160] for w in full["warnings"]))


if __name__ == "__main__":
    main()
