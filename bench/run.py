"""Run the benchmarks, then assemble bench/RESULTS.md (``make bench``).

    .venv/bin/python bench/run.py                 # every benchmark at a quick size (minutes)
    .venv/bin/python bench/run.py --full          # the sizes bench/RESULTS.md reports (hours on 2 cores)
    .venv/bin/python bench/run.py geocode dedup   # only these

Each benchmark is its own script with its own ``--help``; this runner only names them, picks a size, runs
each in a fresh process (a failure is reported and the rest go on) and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: name -> (script, quick arguments, full arguments); the full ones are the sizes RESULTS.md reports.
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "geocode": ("geocode.py", [], []),
    "events": ("events_pipeline.py", ["--n", "100"], ["--n", "1000"]),
    "dedup": ("dedup.py", ["--reports", "10000"], ["--reports", "100000"]),
    "territory_import": ("territory_import.py", [], []),
    "territory_series": ("territory_series.py", [], []),
    "postgis": ("postgis.py", ["--snapshots", "20", "--articles", "100", "--rounds", "1"], []),
    "scale": ("scale.py", ["--n", "400", "--shards", "4"], ["--n", "10000", "--shards", "40"]),
    "api": ("api_load.py", ["--events", "100000", "--requests", "1000", "--seconds", "20"], []),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run, of {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--full", action="store_true", help="run at the sizes bench/RESULTS.md reports")
    args = parser.parse_args()
    unknown = sorted(set(args.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; expected some of {', '.join(BENCHMARKS)}")
    failed = []
    for name in args.names or list(BENCHMARKS):
        script, quick, full = BENCHMARKS[name]
        command = [sys.executable, str(HERE / script), *(full if args.full else quick)]
        print(f"== {name}: {' '.join(command[1:])}", flush=True)
        started = time.perf_counter()
        code = subprocess.call(command)
        print(f"== {name}: exit {code} after {time.perf_counter() - started:.0f} s", flush=True)
        if code:
            failed.append(name)
    subprocess.call([sys.executable, str(HERE / "assemble_results.py")])
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
