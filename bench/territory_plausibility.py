"""The figures behind the import's plausibility check: how much real DeepState layers change between snapshots.

    PYTHONPATH=src .venv/bin/python bench/territory_plausibility.py [--shared ../shared]

Reads every snapshot of the shared archive with the importer's own reader (no store), in time order, and
prints, per layer, the largest change of area between consecutive snapshots (all years, and since 2023), and the
largest share of a snapshot's area in unknown colours. ``territory/plausibility.py`` quotes these numbers.
Takes 2-3 minutes of one core.
"""

from __future__ import annotations

import argparse
from itertools import pairwise
from pathlib import Path

from frontwatch.territory.archive import iter_entries
from frontwatch.territory.sources import GeometryCache, ReadOptions, read_entry

REPO = Path(__file__).resolve().parents[1]


def areas(folder: Path) -> list[tuple[str, dict[str, float]]]:
    """(ISO time, {layer: km²}) of every snapshot under ``folder``, in time order."""
    cache, opts, out = GeometryCache(), ReadOptions(source="deepstate"), []
    for entry in iter_entries([folder]):
        if entry.kind == "file":
            for prepared in read_entry(entry.name, entry.data, opts, cache):
                out.append((prepared.snapshot.time.isoformat(),
                            {layer.layer: float(layer.area_km2 or 0.0) for layer in prepared.layers}))
    return sorted(out, key=lambda row: row[0])


def report(rows: list[tuple[str, dict[str, float]]]) -> None:
    layers = sorted({layer for _, a in rows for layer in a if not layer.startswith("unmapped_")})
    print(f"{len(rows)} snapshots, {rows[0][0][:10]} .. {rows[-1][0][:10]}\n")
    print("| layer | largest change between consecutive snapshots, km² | when | since 2023, km² |")
    print("|---|---|---|---|")
    for layer in layers:
        steps = [(abs(b[1].get(layer, 0) - a[1].get(layer, 0)), b[0]) for a, b in pairwise(rows)]
        worst = max(steps)
        recent = max((s for s in steps if s[1] >= "2023"), default=(0.0, ""))
        print(f"| {layer} | {worst[0]:,.0f} | {worst[1][:16]} | {recent[0]:,.0f} |")
    share = max((sum(v for k, v in a.items() if k.startswith("unmapped_"))
                 / max(1e-9, sum(v for k, v in a.items() if k != "foreign_satirical")), t) for t, a in rows)
    print(f"\nlargest share of a snapshot's area in unknown colours: {share[0]:.1%} ({share[1][:16]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    report(areas(args.shared / "data" / "territory" / "deepstate"))


if __name__ == "__main__":
    main()
