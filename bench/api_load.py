"""Load benchmark of the HTTP API: /events with a bounding box and a month, and /territory/changes, under 50
concurrent clients on loopback, against a store of 1,000,000 synthetic events and the whole DeepState archive.

    python bench/api_load.py                      # build the store once (bench/out/), serve it, load it, report
    python bench/api_load.py --events 100000 --requests 1000   # a quicker run

Steps: (1) the DeepState archive is imported with `frontwatch territory import` (once, kept in
bench/out/); (2) 1,000,000 synthetic events (100,000 articles of 10 events, spread over the archive's
dates and Ukraine's extent, in date order as an ingesting store would hold them) are generated in DuckDB SQL;
(3) `frontwatch serve` runs in its own process; (4) this process runs CLIENTS asyncio clients with httpx,
each sending its next request when the last one answered (a closed loop), bounded by a request count and a
time limit per scenario; latencies are measured per request from send to full body. Results go to
bench/results/api.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
ARCHIVE = REPO.parent / "shared" / "data" / "territory" / "deepstate"
FRONTWATCH = [sys.executable, "-m", "frontwatch"]
# Ukraine's extent (EPSG:4326), where the synthetic events fall
LON0, LON1, LAT0, LAT1 = 22.2, 40.2, 44.4, 52.3
TYPES = [  # ACLED event types with one of their sub-types each (ACLED codebook, 2023)
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Disrupted weapons use"),
]


NOTES = "<!-- notes: kept when the script rewrites this file -->"


def territory_store(path: Path) -> Path:
    """The whole DeepState archive imported into ``path`` (kept between runs)."""
    if not path.exists():
        t0 = time.perf_counter()
        subprocess.run([*FRONTWATCH, "territory", "import", str(ARCHIVE), "--db", str(path), "--json"],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"imported the DeepState archive in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def build_store(path: Path, territory: Path, n_events: int) -> Path:
    """A copy of the territory store with ``n_events`` synthetic events added in SQL (kept between runs)."""
    from frontwatch.store import open_store

    if path.exists():
        with open_store(path, read_only=True) as store:
            if store.count_events() == n_events:
                return path
        path.unlink()
    shutil.copyfile(territory, path)
    t0 = time.perf_counter()
    n_articles = max(1, n_events // 10)
    types = " ".join(f"WHEN {i} THEN '{t}'" for i, (t, _) in enumerate(TYPES))
    subs = " ".join(f"WHEN {i} THEN '{s}'" for i, (_, s) in enumerate(TYPES))
    with open_store(path) as store:
        store.execute(
            "INSERT INTO articles (doc_id, title, outlet, published, language, text) "
            f"SELECT 'synth-' || i, 'Synthetic report ' || i, 'Synthetic Wire ' || (i % 20), "
            f"DATE '2022-04-05' + CAST(i * 1215 // {n_articles} AS INTEGER), 'en', "
            f"'A synthetic report, number ' || i || ', for load tests.' FROM range({n_articles}) t(i)"
        )
        store.execute(f"""
            INSERT INTO events (article_id, ordinal, event_type, sub_event_type, actor1, date_start, date_end,
                date_precision, location_name, lat, lon, admin1, country, geo_precision, fatalities_best,
                fatalities_low, fatalities_high, claimant, evidence_text, evidence_start, evidence_end, confidence,
                event_json, doc_id)
            SELECT article_id, ordinal, etype, sub, 'Military Forces of Russia', day, day, 'day', place, lat, lon,
                NULL, 'UA', 1, killed, killed, killed, claimant, evidence, 0, length(evidence), 0.8,
                '{{"event_type":"' || etype || '","sub_event_type":"' || sub || '",'
                || '"actor1":"Military Forces of Russia","actor2":null,"date_start":"' || day
                || '","date_end":"' || day || '","date_precision":"day",'
                || '"location":{{"name":"' || place || '","geonameid":null,"lat":' || lat || ',"lon":' || lon
                || ',"admin1":null,"country":"UA","precision":1}},"fatalities":{{"best":' || killed || ',"low":'
                || killed || ',"high":' || killed || '}},"claimant":"' || claimant || '","quantities":[],'
                || '"evidence":{{"text":"' || evidence || '","start":0,"end":' || length(evidence) || '}},'
                || '"confidence":0.8}}', doc_id
            FROM (
                SELECT a.id AS article_id, a.doc_id, r.i % 10 AS ordinal,
                    CASE hash(r.i) % {len(TYPES)} {types} END AS etype,
                    CASE hash(r.i) % {len(TYPES)} {subs} END AS sub,
                    a.published - CAST(hash(r.i * 7) % 3 AS INTEGER) AS day,
                    'Place ' || (hash(r.i * 13) % 5000) AS place,
                    round({LAT0} + (hash(r.i * 17) % 1000000) / 1000000.0 * {LAT1 - LAT0}, 4) AS lat,
                    round({LON0} + (hash(r.i * 19) % 1000000) / 1000000.0 * {LON1 - LON0}, 4) AS lon,
                    CAST(hash(r.i * 23) % 4 AS INTEGER) AS killed,
                    'claimant ' || (hash(r.i * 29) % 50) AS claimant,
                    'Synthetic evidence sentence number ' || r.i || '.' AS evidence
                FROM range({n_events}) r(i) JOIN articles a ON a.doc_id = 'synth-' || (r.i // 10)
            ) ORDER BY day, article_id, ordinal""")
        store.execute("CHECKPOINT")
    print(f"generated {n_events:,} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def build_postgis_events(url: str, n_events: int) -> None:
    """The same synthetic articles and events as :func:`build_store`, generated in PostgreSQL's SQL.

    (``hashint8`` stands in for DuckDB's ``hash``: other draws, the same distributions.) The store's own
    indexes, the GiST one included, are built as the rows go in; ANALYZE then gives the planner statistics.
    """
    from frontwatch.store import open_store

    t0 = time.perf_counter()
    n_articles = max(1, n_events // 10)
    types = " ".join(f"WHEN {i} THEN '{t}'" for i, (t, _) in enumerate(TYPES))
    subs = " ".join(f"WHEN {i} THEN '{s}'" for i, (_, s) in enumerate(TYPES))
    h = "(hashint8(({x})::bigint) & 2147483647)"  # a non-negative pseudo-random int of x
    with open_store(url) as store:
        store.execute(
            "INSERT INTO articles (doc_id, title, outlet, published, language, text) "
            f"SELECT 'synth-' || i, 'Synthetic report ' || i, 'Synthetic Wire ' || (i % 20), "
            f"DATE '2022-04-05' + (i::bigint * 1215 / {n_articles})::int, 'en', "
            f"'A synthetic report, number ' || i || ', for load tests.' FROM generate_series(0, {n_articles - 1}) i"
        )
        store.execute(f"""
            INSERT INTO events (article_id, ordinal, event_type, sub_event_type, actor1, date_start, date_end,
                date_precision, location_name, lat, lon, admin1, country, geo_precision, fatalities_best,
                fatalities_low, fatalities_high, claimant, evidence_text, evidence_start, evidence_end, confidence,
                event_json, doc_id)
            SELECT article_id, ordinal, etype, sub, 'Military Forces of Russia', day, day, 'day', place, lat, lon,
                NULL, 'UA', 1, killed, killed, killed, claimant, evidence, 0, length(evidence), 0.8,
                json_build_object('event_type', etype, 'sub_event_type', sub, 'actor1', 'Military Forces of Russia',
                    'actor2', NULL, 'date_start', day, 'date_end', day, 'date_precision', 'day',
                    'location', json_build_object('name', place, 'geonameid', NULL, 'lat', lat, 'lon', lon,
                        'admin1', NULL, 'country', 'UA', 'precision', 1),
                    'fatalities', json_build_object('best', killed, 'low', killed, 'high', killed),
                    'claimant', claimant, 'quantities', json_build_array(),
                    'evidence', json_build_object('text', evidence, 'start', 0, 'end', length(evidence)),
                    'confidence', 0.8)::text, doc_id
            FROM (
                SELECT a.id AS article_id, a.doc_id, r.i % 10 AS ordinal,
                    CASE {h.format(x="r.i")} % {len(TYPES)} {types} END AS etype,
                    CASE {h.format(x="r.i")} % {len(TYPES)} {subs} END AS sub,
                    a.published - ({h.format(x="r.i * 7")} % 3)::int AS day,
                    'Place ' || ({h.format(x="r.i * 13")} % 5000) AS place,
                    round(({LAT0} + ({h.format(x="r.i * 17")} % 1000000) / 1000000.0 * {LAT1 - LAT0})::numeric, 4)
                        ::double precision AS lat,
                    round(({LON0} + ({h.format(x="r.i * 19")} % 1000000) / 1000000.0 * {LON1 - LON0})::numeric, 4)
                        ::double precision AS lon,
                    ({h.format(x="r.i * 23")} % 4)::int AS killed,
                    'claimant ' || ({h.format(x="r.i * 29")} % 50) AS claimant,
                    'Synthetic evidence sentence number ' || r.i || '.' AS evidence
                FROM generate_series(0, {n_events - 1}) r(i) JOIN articles a ON a.doc_id = 'synth-' || (r.i / 10)
            ) t ORDER BY day, article_id, ordinal""")
        store.execute("ANALYZE")
    print(f"generated {n_events:,} events in PostGIS in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int, settings: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([*FRONTWATCH, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers),
                             *(a for kv in settings for a in ("--setting", kv))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600  # a store whose derived tables are incomplete is completed first
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/settings", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


def server_rss_mb(proc: subprocess.Popen[bytes]) -> list[float]:
    """Resident memory of the server's worker processes (its children; itself when it has none), in MB."""
    def rss(pid: int) -> float:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    try:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        return [round(rss(int(pid))) for pid in children] or [round(rss(proc.pid))]
    except OSError:
        return []


def cold_latencies(base: str, spans: list[tuple[date, date]]) -> dict:
    """The first request for each month and layer of /territory/changes (computed, not yet cached), one at a time."""
    times = []
    for start, _ in spans[1:-1]:
        for layer in ("occupied", "occupied%2Bcontested"):
            t0 = time.perf_counter()
            httpx.get(f"{base}/territory/changes?period={start:%Y-%m}&layer={layer}", timeout=60).raise_for_status()
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {"n": len(times), "p50_ms": times[len(times) // 2], "max_ms": times[-1]}


def months(first: date, last: date) -> list[tuple[date, date]]:
    out, d = [], date(first.year, first.month, 1)
    while d <= last:
        nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        out.append((d, nxt - timedelta(days=1)))
        d = nxt
    return out


def events_url(rng: random.Random, spans: list[tuple[date, date]]) -> str:
    """/events for a random 1x1 degree box inside Ukraine and a random month."""
    lon, lat = rng.uniform(LON0, LON1 - 1), rng.uniform(LAT0, LAT1 - 1)
    start, end = rng.choice(spans)
    return f"/events?bbox={lon:.3f},{lat:.3f},{lon + 1:.3f},{lat + 1:.3f}&start={start}&end={end}"


def changes_url(rng: random.Random, spans: list[tuple[date, date]]) -> str:
    """/territory/changes for a random month of the archive and one of two layer sums."""
    start, _ = rng.choice(spans[1:-1])
    layer = rng.choice(["occupied", "occupied+contested"])
    return f"/territory/changes?period={start:%Y-%m}&layer={layer.replace('+', '%2B')}"


#: The layer expressions of the uncached scenario: single layers and the precomputed sums (issue 15 item 7).
RANDOM_LAYERS = ["occupied", "contested", "liberated", "occupied+contested", "occupied+occupied_pre2022"]


def random_pair_url(rng: random.Random, first: date, last: date) -> str:
    """/territory/changes for two random dates of the archive and a random layer set (never cached: the server
    runs with cache_size=0, and the pairs are too many to repeat)."""
    span = (last - first).days
    a, b = sorted(rng.sample(range(1, span), 2))
    layer = rng.choice(RANDOM_LAYERS).replace("+", "%2B")
    return f"/territory/changes?from={first + timedelta(days=a)}&to={first + timedelta(days=b)}&layer={layer}"


#: The costliest requests the issue found (51 s and 18 s before), and their neighbours, asked one at a time.
WORST = [
    "/territory/series?freq=day&window=364&layer=occupied%2Bliberated",
    "/territory/record?at=2025-07-30&window=366&layer=contested%2Bliberated",
    "/territory/series?freq=day&window=364&layer=occupied",
    "/territory/series?freq=day&layer=occupied%2Bcontested",
    "/territory/series?freq=day&layer=occupied%2Boccupied_pre2022",
    "/territory/series?freq=week&layer=liberated",
    "/territory/series?freq=week&layer=contested%2Bliberated&from=2024-01-01&to=2024-02-20",
    "/territory/series?freq=week&layer=foreign_satirical",
    "/territory/record?at=2025-07-30&window=366&layer=occupied",
    "/territory/record?at=2025-07-30&window=366&layer=occupied%2Boccupied_pre2022",
    "/territory/record?at=2024-02-17&window=7&layer=liberated",
    "/territory/changes?from=2022-04-05&to=2025-08-02&layer=occupied%2Bcontested&by_region=true",
]


def worst_single(base: str) -> list[tuple[str, int, float]]:
    """(path, status, ms) of each WORST request on a server without a result cache, one at a time."""
    out = []
    for path in WORST:
        t0 = time.perf_counter()
        r = httpx.get(base + path, timeout=120)
        out.append((path, r.status_code, (time.perf_counter() - t0) * 1000))
    return out


async def load(base: str, make_url, *, clients: int, requests: int, seconds: float, seed: int) -> dict:  # type: ignore[no-untyped-def]
    """Closed-loop load: ``clients`` tasks each send a request when their last one is answered."""
    rng = random.Random(seed)
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal sent
            while sent < requests and time.monotonic() < stop:
                sent += 1
                url = make_url(rng)
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    await r.aread()
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {url}: {r.text[:200]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {url}")
                latencies.append((time.perf_counter() - t0) * 1000)

        t_start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - t_start
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]  # noqa: E731
    return {"requests": len(latencies), "errors": len(errors), "error_examples": errors[:3], "wall_s": wall,
            "rps": len(latencies) / wall, "p50_ms": pct(50), "p90_ms": pct(90), "p99_ms": pct(99),
            "max_ms": latencies[-1], "mean_ms": statistics.fmean(latencies)}


def load_wrk(base: str, make_url, *, clients: int, seconds: float, seed: int) -> dict:  # type: ignore[no-untyped-def]
    """The same closed loop from wrk (Debian's package): C, so the generator leaves the server more CPU.

    wrk cycles through 5,000 pre-drawn request paths (a Lua script) on ``clients`` connections.
    """
    rng = random.Random(seed)
    paths = [make_url(rng) for _ in range(5000)]
    script = OUT / "wrk-paths.lua"
    script.write_text(
        "local paths = {" + ",".join(f'"{p}"' for p in paths) + "}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
        "done = function(summary, latency, requests)\n"
        "  io.write(string.format('RESULT %d %d %d %d %.1f %.1f %.1f %.1f %.1f\\n', summary.requests,"
        " summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,"
        " summary.errors.status, summary.duration, latency:percentile(50), latency:percentile(90),"
        " latency:percentile(99), latency.max, latency.mean))\nend\n",
        encoding="utf-8")
    threads = min(2, clients)
    proc = subprocess.run(["wrk", f"-t{threads}", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s",
                           "-s", str(script), base], capture_output=True, text=True, check=True)
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT "))
    n, sock_err, status_err, dur_us, p50, p90, p99, mx, mean = (float(v) for v in line.split()[1:])
    return {"requests": int(n), "errors": int(sock_err + status_err), "error_examples": [], "wall_s": dur_us / 1e6,
            "rps": n / (dur_us / 1e6), "p50_ms": p50 / 1000, "p90_ms": p90 / 1000, "p99_ms": p99 / 1000,
            "max_ms": mx / 1000, "mean_ms": mean / 1000}


def machine() -> str:
    try:
        model = next(ln.split(":", 1)[1].strip() for ln in subprocess.run(
            ["lscpu"], capture_output=True, text=True, check=True).stdout.splitlines() if ln.startswith("Model name"))
    except (OSError, StopIteration, subprocess.CalledProcessError):
        model = platform.processor() or "unknown CPU"
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def report(args: argparse.Namespace, rows: list[tuple[str, int, dict]], counts: dict,  # type: ignore[type-arg]
           cold: dict[int, dict], worst: list[tuple[str, int, float]]) -> str:  # type: ignore[type-arg]
    lines = [
        "# API load benchmark (bench/api_load.py)", "",
        f"Store: {args.backend}, {counts['events']:,} synthetic events in {counts['articles']:,} articles, and "
        f"{counts['snapshots']:,} DeepState snapshots. Server: `frontwatch serve` (uvicorn), "
        "read-only, in its own process(es). Load: "
        f"{args.clients} concurrent closed-loop clients on loopback, from "
        + " and from ".join(g for g, on in (
            (f"httpx (asyncio, one Python process; at most {args.requests:,} requests or {args.seconds:.0f} s "
             "per scenario)", args.generator in ("httpx", "both")),
            (f"wrk (Debian's package, 2 threads, {min(args.seconds, 20):.0f} s)", args.generator in ("wrk", "both")),
        ) if on)
        + f", after a warm-up of {args.warmup} requests. Targets: p99 under 100 ms, no errors.", "",
        "| scenario | server workers | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms "
        "| RSS per worker MB | load avg before |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, workers, r in rows:
        lines.append(f"| {name} | {workers} | {r['requests']:,} | {r['errors']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
                     f"{r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.1f} | "
                     f"{', '.join(map(str, r.get('rss_mb', [])))} | {r.get('load', '')} |")
    lines += ["", "Scenarios: `/events?bbox=...&start=...&end=...` is a random 1x1 degree box inside Ukraine and a "
              "random calendar month (100 events a page, JSON); `/territory/changes?period=YYYY-MM&layer=...` a random "
              "month of the archive, `occupied` or `occupied+contested` (results cached by the server once computed, "
              "keyed with the store's snapshot version).", "",
              "`/territory/changes random pairs` (issue 15): two random dates of the archive and a random layer set "
              f"({', '.join(RANDOM_LAYERS)}) on a server started with `--setting cache_size=0`: every answer is "
              "computed (a stored pair, a composition, or one overlay). Target: p99 under 200 ms, no errors.", "",
              *([f"Costliest single requests, one at a time, on that uncached server (worst "
                 f"{max(ms for *_, ms in worst):.0f} ms; target under 1 s; a 400 is the overlay budget refusing a "
                 "request before any work):", "",
                 "| request | status | ms |", "|---|---|---|",
                 *[f"| `{p}` | {st} | {ms:.0f} |" for p, st, ms in worst], ""] if worst else []),
              *[f"Before the load, each month and layer of `/territory/changes` was asked once, one request at a "
                f"time, on a fresh server of {w} worker(s): {c['n']} first requests (computed, then cached), "
                f"p50 {c['p50_ms']:.0f} ms, max {c['max_ms']:.0f} ms." for w, c in cold.items()], "",
              f"Command: `{' '.join(['python', 'bench/api_load.py', *sys.argv[1:]])}`", "",
              f"Machine: {machine()}. The load generator shares the server's cores, so the figures are an upper "
              "bound on the server's own latency; the 1-minute load average before each scenario says whether "
              "other jobs shared them too.", ""]
    return "\n".join(lines)


def random_scenario(args: argparse.Namespace, db: Path, workers: int, first: date, last: date,
                    worst: list[tuple[str, int, float]]) -> list[tuple[str, int, dict]]:  # type: ignore[type-arg]
    """Uncached random pairs under load, then (once) the costliest single requests on a quiet server."""
    rows = []
    port = free_port()
    server = start_server(db, port, workers, ("cache_size=0",))
    try:
        base = f"http://127.0.0.1:{port}"
        if not worst:
            worst.extend(worst_single(base))
            for path, status, ms in worst:
                print(f"single {status} {ms:.0f} ms {path}", file=sys.stderr)
        make = lambda rng: random_pair_url(rng, first, last)  # noqa: E731
        load_before = round(os.getloadavg()[0], 2)
        asyncio.run(load(base, make, clients=args.clients, requests=min(args.warmup, 500), seconds=args.seconds,
                         seed=1))
        if args.generator in ("httpx", "both"):
            rows.append(("/territory/changes random pairs (httpx)", workers,
                         asyncio.run(load(base, make, clients=args.clients, requests=args.requests,
                                          seconds=args.seconds, seed=2))))
        if args.generator in ("wrk", "both") and shutil.which("wrk"):
            rows.append(("/territory/changes random pairs (wrk)", workers,
                         load_wrk(base, make, clients=args.clients, seconds=min(args.seconds, 20), seed=3)))
        for label, w, r in rows:
            r.setdefault("rss_mb", server_rss_mb(server))
            r.setdefault("load", load_before)
            print(label, w, {k: round(v, 1) if isinstance(v, float) else v for k, v in r.items()}, file=sys.stderr)
    finally:
        server.terminate()
        server.wait(30)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="per scenario")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per scenario")
    parser.add_argument("--warmup", type=int, default=1000,
                        help="requests before each measured scenario (so each worker has computed each month)")
    parser.add_argument("--workers", default="1,2", help="server worker processes to compare, comma-separated")
    parser.add_argument("--generator", choices=["httpx", "wrk", "both"], default="both",
                        help="load generator: httpx (asyncio, Python) and/or wrk (Debian's package)")
    parser.add_argument("--scenarios", default="events,changes,random",
                        help="comma-separated: events (/events), changes (cached months), random (uncached pairs and "
                             "the costliest single requests); without events no synthetic events are generated")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "api.md")
    parser.add_argument("--index", action="store_true",
                        help="build the territory atom index (frontwatch territory index) before serving")
    parser.add_argument("--backend", choices=["duckdb", "postgis"], default="duckdb",
                        help="postgis: a throwaway PostGIS server (tests/postgis_server.py, Debian's packages) "
                             "holding the synthetic events only; the events scenario alone")
    args = parser.parse_args()
    scenarios = set(args.scenarios.split(","))
    OUT.mkdir(parents=True, exist_ok=True)
    if args.backend == "postgis":
        if scenarios != {"events"}:
            raise SystemExit("--backend postgis runs --scenarios events only (no territory archive is imported)")
        if args.out == REPO / "bench" / "results" / "api.md":
            args.out = REPO / "bench" / "results" / "api-postgis.md"
        sys.path.insert(0, str(REPO))
        from tests.postgis_server import start_server as start_postgis

        pg = start_postgis()
        # the servers' event index (store/event_watch.py) goes in a folder removed with the throwaway database
        index_dir = Path(tempfile.mkdtemp(prefix="frontwatch-bench-index-"))
        os.environ["FRONTWATCH_INDEX_DIR"] = str(index_dir)
        try:
            db: Path | str = pg.new_database()
            build_postgis_events(str(db), args.events)
            run_scenarios(args, db, scenarios)
        finally:
            pg.stop()
            shutil.rmtree(index_dir, ignore_errors=True)
        return
    territory = territory_store(OUT / "api-territory.duckdb")
    if args.index:  # the atom index (`frontwatch territory index`): kept in the store once built
        subprocess.run([*FRONTWATCH, "territory", "index", "--db", str(territory), "--json"], check=True,
                       stdout=subprocess.DEVNULL)
    db = build_store(OUT / f"api-{args.events}.duckdb", territory, args.events) if "events" in scenarios else territory
    run_scenarios(args, db, scenarios)


def run_scenarios(args: argparse.Namespace, db: Path | str, scenarios: set[str]) -> None:
    """Serve ``db`` with each worker count, run the chosen scenarios, write the report."""
    from frontwatch.store import open_store

    with open_store(db, read_only=True) if isinstance(db, Path) else open_store(db) as store:
        counts = {"events": store.count_events(), "articles": int(store.scalar("SELECT count(*) FROM articles")),
                  "snapshots": int(store.scalar("SELECT count(*) FROM territory_snapshots"))}
        if counts["snapshots"]:
            # the dates of the source the API answers by default (the one with most snapshots), so that a store
            # holding another source too (ISW) gives no dates outside the answered one
            source = store.sources()[0]
            first, last = (date.fromtimestamp(int(store.scalar(
                f"SELECT {f}(time_utc) FROM territory_snapshots WHERE source = ?", (source,))))
                for f in ("min", "max"))
        else:  # no archive (PostGIS): the months of the events
            first, last = (date.fromisoformat(str(store.scalar(f"SELECT {f}(date_start) FROM events")))
                           for f in ("min", "max"))
    spans = months(first, last)
    rows = []
    cold: dict[int, dict] = {}
    worst: list[tuple[str, int, float]] = []
    for workers in [int(w) for w in args.workers.split(",")]:
        if "random" in scenarios:
            rows += random_scenario(args, db, workers, first, last, worst)
        port = free_port()
        wanted = [(n, m) for n, m, key in (
            ("/events bbox + month", lambda rng: events_url(rng, spans), "events"),
            ("/territory/changes month", lambda rng: changes_url(rng, spans), "changes")) if key in scenarios]
        if not wanted:
            continue
        server = start_server(db, port, workers)
        try:
            base = f"http://127.0.0.1:{port}"
            for name, make in wanted:
                load_before = round(os.getloadavg()[0], 2)
                if name.startswith("/territory"):  # first requests compute; report them, then load warm
                    cold[workers] = cold_latencies(base, spans)
                asyncio.run(load(base, make, clients=args.clients, requests=args.warmup, seconds=args.seconds, seed=1))
                if args.generator in ("httpx", "both"):
                    result = asyncio.run(load(base, make, clients=args.clients, requests=args.requests,
                                              seconds=args.seconds, seed=2))
                    rows.append((f"{name} (httpx)", workers, result))
                if args.generator in ("wrk", "both") and shutil.which("wrk"):
                    result = load_wrk(base, make, clients=args.clients, seconds=min(args.seconds, 20), seed=3)
                    rows.append((f"{name} (wrk)", workers, result))
                for _, _, r in rows[-2:]:
                    r.setdefault("rss_mb", server_rss_mb(server))
                    r.setdefault("load", load_before)
                for label, w, r in rows[-2:]:
                    print(label, w, {k: round(v, 1) if isinstance(v, float) else v for k, v in r.items()},
                          file=sys.stderr)
        finally:
            server.terminate()
            server.wait(30)
    notes = ""  # hand-written findings below the marker survive a re-run
    if args.out.exists() and NOTES in (old := args.out.read_text(encoding="utf-8")):
        notes = old[old.index(NOTES):]
    args.out.write_text(report(args, rows, counts, cold, worst) + ("\n" + notes if notes else ""), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
