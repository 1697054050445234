"""Benchmark: `frontwatch scale load` of a run against the extraction that made it, side by side (issue 12).

    nice -n 10 python bench/scale_load.py --n 10000 --shards 40 --workers 2 [--db postgresql://...]

One run, same machine, same corpus (``frontwatch.scale.synth``, ~600 words a report): (1) ``frontwatch
scale extract CORPUS --out OUT --engine dask --workers N``, then (2) ``frontwatch scale load OUT --db
STORE`` into a fresh store. Both are the CLI as a user runs it (start-up included), each in its own process.
Wall time, CPU seconds of the command and its children (``RUSAGE_CHILDREN``: the Dask workers too) and the
1-minute load average before and after each are recorded, since other jobs may share the cores. The
acceptance: the load takes no more time than the extraction. Prints Markdown and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from frontwatch.scale.synth import write_corpus

FRONTWATCH = [sys.executable, "-m", "frontwatch"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(name: str, args: list[str]) -> dict[str, Any]:
    """Run one CLI command to its end; its wall and CPU time, load average around it, and its JSON report."""
    load_before, cpu0, t0 = os.getloadavg()[0], _children_cpu(), time.perf_counter()
    done = subprocess.run([*FRONTWATCH, *args, "--json"], capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if done.returncode:
        raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return {"phase": name, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2), "report": json.loads(done.stdout)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--shards", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default=None, help="store to load into (default: a fresh DuckDB file in --work)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "frontwatch-bench-scale-load")
    parser.add_argument("--json", type=Path, default=Path("bench/results/scale_load.json"))
    args = parser.parse_args()

    corpus, out = args.work / f"corpus-n{args.n}-s{args.seed}", args.work / f"out-n{args.n}"
    if not corpus.exists():
        write_corpus(corpus, n=args.n, shards=args.shards, seed=args.seed)
    shutil.rmtree(out, ignore_errors=True)
    db = args.db or str(args.work / f"store-n{args.n}.duckdb")
    if not args.db:
        Path(db).unlink(missing_ok=True)
    extract = timed("extract", ["scale", "extract", str(corpus), "--out", str(out), "--engine", "dask",
                                "--workers", str(args.workers)])
    load = timed("load", ["scale", "load", str(out), "--db", db])
    result = {"n": args.n, "shards": args.shards, "workers": args.workers, "cores": os.cpu_count(),
              "store": "postgis" if db.startswith("postgres") else "duckdb", "extract": extract, "load": load,
              "load_over_extract_wall": round(load["wall_s"] / extract["wall_s"], 2),
              "load_over_extract_cpu": round(load["cpu_s"] / extract["cpu_s"], 2)}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(markdown(result))


def markdown(r: dict[str, Any]) -> str:
    ex, ld = r["extract"]["report"], r["load"]["report"]
    rows = [f"| {p['phase']} | {what} | {p['wall_s']} | {p['cpu_s']} | {p['load_before']} → {p['load_after']} |"
            for p, what in ((r["extract"], f"{ex['documents']:,} documents, {ex['events']:,} events, "
                                           f"{r['workers']} Dask workers"),
                            (r["load"], f"{ld['articles']:,} articles, {ld['events']:,} events into {r['store']}"))]
    return "\n".join([
        f"{r['n']:,} synthetic reports in {r['shards']} shards, {r['cores']} cores",
        "", "| phase | what | wall s | CPU s (command and children) | load avg (1 min) before → after |",
        "|---|---|---|---|---|", *rows, "",
        f"load / extraction: wall {r['load_over_extract_wall']}, CPU {r['load_over_extract_cpu']}",
    ])


if __name__ == "__main__":
    main()
