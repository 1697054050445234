"""Regenerate the demo's SYNTHETIC control maps and demo regions (seeded, reproducible).

The maps are invented: a front line that moves west over eight weeks, drawn in DeepStateMap's raw
snapshot format (FeatureCollections of filled polygons, files named by Unix time) so the demo
exercises the same importer as the real archive. They are not real front lines.

    python tools/make_demo_data.py   # writes src/frontwatch/data/demo/
"""

from __future__ import annotations

import json
import math
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import shapely

OUT = Path(__file__).resolve().parents[1] / "src" / "frontwatch" / "data" / "demo"
START = datetime(2024, 4, 1, 19, 30, tzinfo=UTC)
DAYS = 56
EAST_LON = 38.9
SOUTH_LAT, NORTH_LAT = 47.9, 49.3
LABEL = "SYNTHETIC demo map, not a real front line"


def front_lon(lat: float, day: int, rng_phase: float, pace: list[float]) -> float:
    """Longitude of the front at a latitude on a day: a wavy line drifting west at an uneven pace,
    faster in the north, with a local counter-attack in the south (ground lost) in weeks 3-4."""
    northness = (lat - SOUTH_LAT) / (NORTH_LAT - SOUTH_LAT)
    drift = sum(pace[:day]) * (0.4 + 1.2 * northness)
    if day >= 38:  # a sharp push in the north in the last weeks: the demo's "record"
        drift += 0.0045 * (day - 37) * max(0.0, northness - 0.55)
    southness = max(0.0, 0.3 - northness) / 0.3
    drift -= 0.05 * southness * min(max(day - 16, 0), 10) / 10  # the counter-attack
    wiggle = 0.03 * math.sin(lat * 9.0 + rng_phase) + 0.015 * math.sin(lat * 23.0)
    return 38.05 - drift + wiggle


def ring(points: list[tuple[float, float]]) -> list[list[float]]:
    """A closed 3D ring (as DeepState's files are), densified to ~1 km vertex spacing like real maps."""
    closed = shapely.segmentize(shapely.LineString([*points, points[0]]), 0.01)
    return [[round(lon, 5), round(lat, 5), 0.0] for lon, lat in closed.coords]


def feature(name: str, fill: str, coords: list[list[float]]) -> dict:
    return {"type": "Feature", "properties": {"name": f"{name} /// {LABEL}", "fill": fill},
            "geometry": {"type": "Polygon", "coordinates": [coords]}}


def snapshot(day: int, phase: float, pace: list[float]) -> dict:
    lats = [SOUTH_LAT + i * (NORTH_LAT - SOUTH_LAT) / 80 for i in range(81)]
    front = [(front_lon(lat, day, phase, pace), lat) for lat in lats]
    grey = [(lon - 0.035, lat) for lon, lat in front]
    occupied = ring([*front, (EAST_LON - 0.3, NORTH_LAT), (EAST_LON - 0.3, SOUTH_LAT)][::-1])
    contested = ring([*grey, *reversed(front)])
    pre2022 = ring([(EAST_LON - 0.3, SOUTH_LAT), (EAST_LON, SOUTH_LAT), (EAST_LON, NORTH_LAT), (EAST_LON - 0.3, NORTH_LAT)])
    liberated = ring([(36.9, 49.35), (37.2, 49.35), (37.2, 49.5), (36.9, 49.5)])
    satirical = ring([(135.0, 34.0), (135.5, 34.0), (135.5, 34.4), (135.0, 34.4)])  # excluded by every import
    return {"type": "FeatureCollection", "features": [
        feature("Окуповано /// Occupied", "#a52714", occupied),
        feature("Статус невідомий /// Unknown status", "#bcaaa4", contested),
        feature("ОРДЛО /// Occupied before 2022", "#880e4f", pre2022),
        feature("Звільнено /// Liberated", "#0f9d58", liberated),
        feature("Окуповано (сатира) /// satirical foreign polygon", "#ff5252", satirical),
        {"type": "Feature", "properties": {"name": "demo marker"}, "geometry": {"type": "Point", "coordinates": [37.5, 48.6, 0]}},
    ]}


def regions() -> dict:
    def region(name: str, iso: str, south: float, north: float) -> dict:
        box = [[36.6, south], [39.2, south], [39.2, north], [36.6, north], [36.6, south]]
        return {"type": "Feature", "properties": {"shapeName": name, "shapeISO": iso},
                "geometry": {"type": "Polygon", "coordinates": [box]}}

    return {"type": "FeatureCollection", "name": f"demo regions ({LABEL})", "features": [
        region("Demo North Region", "XX-N", 48.6, 49.6), region("Demo South Region", "XX-S", 47.7, 48.6)]}


def main() -> None:
    rng = random.Random(20240517)
    phase = rng.uniform(0, math.pi)
    pace = [rng.uniform(0.0002, 0.003) for _ in range(DAYS + 1)]
    snaps = OUT / "snapshots"
    snaps.mkdir(parents=True, exist_ok=True)
    for old in snaps.glob("*.geojson"):
        old.unlink()
    for day in range(0, DAYS + 1, 2):
        moment = START + timedelta(days=day, minutes=rng.randint(-90, 90))
        path = snaps / f"{int(moment.timestamp())}.geojson"
        path.write_text(json.dumps(snapshot(day, phase, pace), separators=(",", ":")), encoding="utf-8")
    (OUT / "regions.geojson").write_text(json.dumps(regions(), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(list(snaps.glob('*.geojson')))} snapshots and regions to {OUT}")


if __name__ == "__main__":
    main()
