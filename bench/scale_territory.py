"""Does the territory series gain from the scale-out engine? Measure where its time goes.

    .venv/bin/python bench/scale_territory.py ../shared/data/territory/deepstate/deepstate-2024.tar.xz

Imports one archive into a fresh DuckDB store under a profiler, then reports: the whole import, the part
spent in ``refresh_steps`` (the only geometry work a series needs: one exact change per pair of
consecutive snapshots, done once, at import), and a daily series and a 7-day record read from the store.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths
from frontwatch.territory.records import record
from frontwatch.territory.series import series as daily_series


def _cumulative(stats: pstats.Stats, func_name: str) -> float:
    return max((v[3] for k, v in stats.stats.items() if k[2] == func_name), default=0.0)  # type: ignore[attr-defined]


def main(archive: str) -> None:
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "t.duckdb") as store:
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        report = import_paths(store, [archive], progress=False)
        profile.disable()
        total = time.perf_counter() - started
        stats = pstats.Stats(profile)
        steps = _cumulative(stats, "refresh_steps")
        pairs = int(store.scalar("SELECT count(*) FROM territory_changes"))
        t0 = time.perf_counter()
        series = daily_series(store, freq="day", layer="occupied")
        t_series = time.perf_counter() - t0
        t0 = time.perf_counter()
        record(store, window=7, at=date(2024, 5, 16))
        t_record = time.perf_counter() - t0
    print(f"snapshots imported: {report.imported}; precomputed changes: {pairs}")
    print(f"import {total:.1f} s (profiled), of which refresh_steps {steps:.1f} s "
          f"({steps / max(pairs, 1) * 1000:.1f} ms per precomputed change)")
    print(f"daily series of {len(series)} days from the store: {t_series * 1000:.0f} ms; "
          f"7-day record: {t_record * 1000:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1])
