"""Small snapshot files for the reliability tests: synthetic DeepState-style maps and real ones from the archive."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

from shapely.geometry import box, mapping

from tests.conftest import shared_path

T0 = 1715817600  # 2024-05-16T00:00:00Z
DAY = 86400
#: About 68,000 km² near Donetsk: the size of DeepState's occupied layer, so the plausibility check applies.
BIG = box(35.0, 47.0, 38.3, 49.5)


def snapshot_bytes(*polys_and_fills) -> bytes:
    """A DeepState API FeatureCollection in its compact form, one feature per (polygon, fill colour)."""
    features = [{"type": "Feature", "properties": {"fill": fill}, "geometry": mapping(p)}
                for p, fill in polys_and_fills]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode()


def day_map(k: int) -> bytes:
    """Day ``k``: a large occupied area growing by a few km² a day, and a grey zone."""
    return snapshot_bytes((box(35.0, 47.0, 38.3 + 0.001 * k, 49.5), "#a52714"), (box(38.4, 48, 38.5, 48.1), "#bcaaa4"))


def real_snapshots(folder: Path, ids: list[int]) -> list[Path]:
    """The DeepState snapshots ``ids`` of 2024, copied out of the shared archive into ``folder``."""
    wanted = {f"{i}.geojson" for i in ids}
    out = []
    with tarfile.open(shared_path("data", "territory", "deepstate", "deepstate-2024.tar.xz"), "r:xz") as tar:
        for member in tar:
            if member.name.rsplit("/", 1)[-1] in wanted:
                path = folder / member.name.rsplit("/", 1)[-1]
                path.write_bytes(tar.extractfile(member).read())
                out.append(path)
    assert len(out) == len(ids), out
    return sorted(out)
