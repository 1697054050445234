"""Benchmark: event extraction throughput in-process on one core versus a LocalCluster of N workers.

    .venv/bin/python bench/scale.py --n 10000 --shards 40 --workers 2

Side by side in one run, on the same synthetic corpus (frontwatch.scale.synth, ~600 words a report):
1. in-process (``engine="local"``), one core;
2. ``engine="dask"`` on a ``LocalCluster`` of N single-threaded worker processes.
Both are measured warm (the pipeline already loaded; start-up is reported apart) and cold. The machine's
load average is sampled before and after each phase, since other jobs may share the cores; CPU seconds
per document are reported too, which do not depend on what else runs. Prints Markdown and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from frontwatch.scale import extract_corpus
from frontwatch.scale.engine import start_local_cluster
from frontwatch.scale.synth import write_corpus
from frontwatch.scale.worker import default_factory, get_extractor


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return platform.processor()
    return next((ln.split(":", 1)[1].strip() for ln in out.splitlines() if ln.startswith("Model name")), "?")


def _phase(name: str, run) -> dict:  # run: a zero-argument callable returning a CorpusSummary
    load_before = _load()
    started = time.perf_counter()
    summary = run()
    wall = time.perf_counter() - started
    d = summary.to_dict()
    return {"phase": name, "wall_s": round(wall, 1), "documents": d["documents"], "events": d["events"],
            "errors": d["document_errors"], "docs_per_s": round(d["documents"] / wall, 2),
            "cpu_s_per_doc": round(d["cpu_seconds"] / max(d["documents"], 1), 4),
            "peak_rss_mb": d["worker_peak_rss_mb"], "load_before": load_before, "load_after": _load()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--shards", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "frontwatch-bench-scale")
    parser.add_argument("--json", type=Path, default=Path("bench/results/scale.json"))
    args = parser.parse_args()

    corpus = args.work / f"corpus-n{args.n}-s{args.seed}"
    if not corpus.exists():
        write_corpus(corpus, n=args.n, shards=args.shards, seed=args.seed)
    words = sum(len(json.loads(ln)["text"].split()) for f in corpus.glob("*.jsonl") for ln in f.open())
    for out in ("local", "dask"):
        shutil.rmtree(args.work / out, ignore_errors=True)

    from distributed import Client

    results: dict = {"n": args.n, "shards": args.shards, "mean_words": round(words / args.n), "workers": args.workers,
                     "cpu": _cpu_model(), "cores": os.cpu_count()}
    t0 = time.perf_counter()
    get_extractor(default_factory)  # warm: the pipeline's start-up is reported apart
    results["startup_s"] = round(time.perf_counter() - t0, 2)
    results["local"] = _phase("local", lambda: extract_corpus([str(corpus)], args.work / "local", progress=False))

    t0 = time.perf_counter()
    cluster = start_local_cluster(args.workers)  # as `--engine dask --workers N` starts it
    with cluster, Client(cluster) as client:
        client.run(get_extractor, default_factory)  # each worker loads the pipeline once, in parallel
        results["cluster_startup_s"] = round(time.perf_counter() - t0, 2)
        results["dask"] = _phase("dask", lambda: extract_corpus(
            [str(corpus)], args.work / "dask", engine="dask", scheduler=cluster.scheduler_address, progress=False))
    same = all((args.work / "local" / p.name).read_bytes() == p.read_bytes()
               for p in (args.work / "dask").glob("*.events.jsonl"))
    results["outputs_identical"] = same
    results["speedup"] = round(results["dask"]["docs_per_s"] / results["local"]["docs_per_s"], 2)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(_markdown(results))


def _markdown(r: dict) -> str:
    rows = [f"| {p['phase']} | {p['wall_s']} | {p['docs_per_s']} | {p['cpu_s_per_doc']} | "
            f"{', '.join(f'{v:.0f}' for v in p['peak_rss_mb'].values())} | {p['load_before']} → {p['load_after']} |"
            for p in (r["local"], r["dask"])]
    return "\n".join([
        f"{r['n']:,} reports (mean {r['mean_words']} words) in {r['shards']} shards; {r['cpu']}, {r['cores']} cores",
        "", "| run | wall s | docs/s | CPU s/doc | peak RSS MB per worker | load avg (1 min) |",
        "|---|---|---|---|---|---|",
        *rows, "",
        f"speed-up, {r['workers']} workers over 1 core: **{r['speedup']}×**; "
        f"outputs identical: {r['outputs_identical']}; "
        f"start-up: pipeline {r['startup_s']} s in-process, cluster + pipeline {r['cluster_startup_s']} s",
    ])


if __name__ == "__main__":
    main()
