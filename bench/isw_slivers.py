"""How much of ISW's week-to-week gross change is TopoJSON quantisation slivers (pieces under 0.05 km²).

Usage: python bench/isw_slivers.py STORE.duckdb [YEAR]  (a store holding the ISW weekly archive)
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

import shapely

from frontwatch.geodesy import area_km2
from frontwatch.store import open_store
from frontwatch.territory.timeline import Timeline

SLIVER_KM2 = 0.05


def main(path: str, year: int = 2024) -> None:
    store = open_store(path, read_only=True)
    tl = Timeline(store, "isw", "occupied+contested")
    tl.prefetch()
    totals = {"gained": [0.0, 0.0], "lost": [0.0, 0.0]}
    day = date(year, 1, 1) + timedelta(days=(6 - date(year, 1, 1).weekday()) % 7)
    while day.year == year:
        before = shapely.union_all(tl.shape(tl.ids[tl.index_at(day - timedelta(days=7))]).parts)
        after = shapely.union_all(tl.shape(tl.ids[tl.index_at(day)]).parts)
        for kind, geom in (("gained", after.difference(before)), ("lost", before.difference(after))):
            pieces = [area_km2(p) for p in shapely.get_parts(geom)]
            totals[kind][0] += sum(pieces)
            totals[kind][1] += sum(p for p in pieces if p < SLIVER_KM2)
        day += timedelta(days=7)
    for kind, (total, slivers) in totals.items():
        print(f"{year} {kind}: {total:,.1f} km², of which {slivers:,.1f} km² in pieces under {SLIVER_KM2} km²")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2024)
