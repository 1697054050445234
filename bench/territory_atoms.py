"""CPU per uncached change between random dates, answered from the atoms, against the exact overlay (issue 15).

    python bench/territory_atoms.py --db STORE.duckdb [--pairs 200]          # in-process, one thread
    python bench/territory_atoms.py --db STORE.duckdb --server 600           # a served store, 50 clients

In-process: ``territory.change`` for the pairs and layer sets of ``api_load.random_pair_url``, timed in
CPU seconds (a shared machine's load inflates wall time), then the same pairs by the overlay of the maps
(``Pairs.geometry``) for the agreement. Served: ``frontwatch serve --workers 2 --setting cache_size=0``,
the CPU its workers use per request (from /proc) over a closed loop of 50 clients, with latencies.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from api_load import RANDOM_LAYERS, free_port, load, random_pair_url, start_server

from frontwatch.store import open_store
from frontwatch.territory.changes import Pairs, change
from frontwatch.territory.timeline import Timeline


def dates(db: Path) -> tuple[str, date, date]:
    with open_store(db, read_only=True) as store:
        source = store.sources()[0]
        times = store.snapshot_times(source)
    return source, date.fromtimestamp(times[0][1]), date.fromtimestamp(times[-1][1])


def in_process(db: Path, n: int) -> None:
    source, first, last = dates(db)
    rng = random.Random(7)
    queries = [{k: v[0] for k, v in parse_qs(urlparse(random_pair_url(rng, first, last)).query).items()}
               for _ in range(n)]
    with open_store(db, read_only=True) as store:
        for layer in RANDOM_LAYERS:  # warm: the index and each layer set's atoms are read once per process
            change(store, layer=layer, start=first, end=last)
        t0 = time.process_time()
        fast = [change(store, layer=q["layer"], start=date.fromisoformat(q["from"]), end=date.fromisoformat(q["to"]))
                for q in queries]
        cpu_ms = (time.process_time() - t0) / n * 1000
        errors = []
        for q, got in zip(queries, fast, strict=True):
            tl = Timeline(store, source, q["layer"])
            d = Pairs(tl).geometry(tl.ids.index(got.start.snapshot_id), tl.ids.index(got.end.snapshot_id))
            errors.append((abs(got.gained_km2 - d.gained_km2), abs(got.lost_km2 - d.lost_km2),
                           abs(got.gained_km2 - d.gained_km2) / max(d.gained_km2, 1e-9),
                           abs(got.lost_km2 - d.lost_km2) / max(d.lost_km2, 1e-9)))
    e = np.array(errors)
    absolute, relative = e[:, :2].max(axis=1), e[:, 2:].max(axis=1)
    print(f"{n} pairs: {cpu_ms:.2f} CPU ms per change; against the overlay of the uncut maps: "
          f"abs km² p50 {np.median(absolute):.4f} p90 {np.percentile(absolute, 90):.4f} max {absolute.max():.3f}, "
          f"relative p50 {np.median(relative):.1e} p90 {np.percentile(relative, 90):.1e} max {relative.max():.1e}; "
          f"load {os.getloadavg()[0]:.1f}")


def _cpu_s(pid: int) -> float:
    """utime + stime of a process's children (its workers), or of itself when it has none."""
    kids = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()] or [pid]
    total = 0.0
    for kid in kids:
        fields = Path(f"/proc/{kid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def served(db: Path, n: int) -> None:
    _, first, last = dates(db)
    port = free_port()
    server = start_server(db, port, 2, ("cache_size=0",))
    try:
        base = f"http://127.0.0.1:{port}"
        make = lambda rng: random_pair_url(rng, first, last)  # noqa: E731
        asyncio.run(load(base, make, clients=10, requests=200, seconds=300, seed=1))
        before, load_avg = _cpu_s(server.pid), os.getloadavg()[0]
        r = asyncio.run(load(base, make, clients=50, requests=n, seconds=300, seed=2))
        cpu_ms = (_cpu_s(server.pid) - before) / r["requests"] * 1000
    finally:
        server.terminate()
        server.wait(60)
    print(f"served: {cpu_ms:.2f} server CPU ms per request; {r['requests']} requests, {r['errors']} errors, "
          f"{r['rps']:.1f} req/s, p50 {r['p50_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms; load {load_avg:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--server", type=int, metavar="REQUESTS", help="measure a served store instead")
    args = parser.parse_args()
    if args.server:
        served(args.db, args.server)
    else:
        in_process(args.db, args.pairs)


if __name__ == "__main__":
    main()
