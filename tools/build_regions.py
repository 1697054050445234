"""Build ``src/frontwatch/data/ukraine-adm1.geojson.gz``: Ukraine's 27 first-level regions for ``--by-region``.

Input: geoBoundaries' simplified ADM1 file (``../shared/data/territory/boundaries/ukraine-adm1-simplified.geojson``,
ODbL 1.0). Changed: simplified further as a coverage (shared borders stay shared, no gaps or overlaps) with a
0.002° tolerance, coordinates rounded to 1e-5°, properties cut to ``shapeName`` and ``shapeISO``. The output is a
separate data file under ODbL 1.0 (attribution in NOTICE.md). Run: python tools/build_regions.py [SOURCE]
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "territory" / "boundaries" / "ukraine-adm1-simplified.geojson"
TARGET = ROOT / "src" / "frontwatch" / "data" / "ukraine-adm1.geojson.gz"
TOLERANCE_DEG = 0.002


def main(source: Path = SOURCE) -> None:
    doc = json.loads(source.read_text())
    geoms = shapely.coverage_simplify([shape(f["geometry"]) for f in doc["features"]], TOLERANCE_DEG)
    features = []
    for feature, geom in zip(doc["features"], geoms, strict=True):
        geom = shapely.make_valid(shapely.set_precision(geom, 1e-5))
        props = {key: feature["properties"].get(key) for key in ("shapeName", "shapeISO")}
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    out = {"type": "FeatureCollection",
           "license": "ODbL 1.0; geoBoundaries (https://www.geoboundaries.org), simplified by frontwatch",
           "features": features}
    body = json.dumps(out, separators=(",", ":")).encode()
    TARGET.write_bytes(gzip.compress(body, 9, mtime=0))
    print(f"wrote {TARGET} ({len(features)} regions, {TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
