"""Files for people and other tools: GeoJSON of gained and lost ground, a PNG chart and CSV of a series."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import shapely
from shapely.geometry import mapping

from ..errors import InputError
from ..geodesy import area_km2
from ..models import AreaChange, SeriesPoint


def _writable(path: Path) -> Path:
    path = Path(path)
    if not path.parent.exists():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist", path=str(path))
    return path


def write_change_geojson(result: AreaChange, path: str | Path) -> Path:
    """A FeatureCollection with one MultiPolygon per direction ("gained", "lost"), lon/lat WGS84 (RFC 7946)."""
    if result.gained is None and result.lost is None and (result.gained_km2 or result.lost_km2):
        raise InputError("this change was computed without geometry: call change(..., geometry=True)")
    features = []
    for kind, geom in (("gained", result.gained), ("lost", result.lost)):
        if geom is None or geom.is_empty:
            continue
        features.append({
            "type": "Feature",
            "properties": {
                "change": kind, "layer": result.layer, "source": result.source,
                "from": result.start.to_dict()["snapshot_time"], "to": result.end.to_dict()["snapshot_time"],
                "area_km2": round(area_km2(geom), 4),
            },
            "geometry": mapping(shapely.set_precision(geom, 1e-7)),
        })
    out = _writable(Path(path))
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return out


def write_series_csv(points: list[SeriesPoint], path: str | Path) -> Path:
    """One row per window: start, end, gained_km2, lost_km2, net_km2."""
    out = _writable(Path(path))
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["start", "end", "gained_km2", "lost_km2", "net_km2"])
        for p in points:
            writer.writerow([p.start.isoformat(), p.end.isoformat(), f"{p.gained_km2:.4f}",
                             f"{p.lost_km2:.4f}", f"{p.net_km2:.4f}"])
    return out


def write_series_chart(points: list[SeriesPoint], path: str | Path, *, title: str = "") -> Path:
    """A PNG bar chart of net change per window (gains up, losses down), drawn off-screen (Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    if not points:
        raise InputError("the series is empty: nothing to chart")
    out = _writable(Path(path))
    fig = Figure(figsize=(10, 4), dpi=100)
    ax = fig.subplots()
    ends = [p.end for p in points]
    nets = [p.net_km2 for p in points]
    width = max(1.0, (ends[-1] - ends[0]).days / max(len(points), 1)) * 0.8
    # matplotlib's annotations list numbers only; its date converter takes the dates (ignore for that alone)
    ax.bar(ends, nets, width=width, color=["#a52714" if v >= 0 else "#0288d1" for v in nets])  # type: ignore[arg-type]
    ax.axhline(0, color="black", linewidth=0.5)
    ax.set_ylabel("net change, km²")
    ax.set_title(title or "net change")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out, format="png")
    return out
