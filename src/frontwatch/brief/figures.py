"""The brief's pictures, drawn off-screen (matplotlib's Agg) as PNG bytes: a map of the period's gains and
losses with oblast borders and settlement labels, and a bar chart of the weekly series with the period marked.

No base-map tiles: the borders are the store's regions and the labels the package's gazetteer, so the
pictures are made offline and the HTML that embeds them needs nothing from the network.
"""

from __future__ import annotations

import io
import math
from typing import Any

import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

GAINED = "#a52714"  # DeepState's colour for occupied ground
LOST = "#0288d1"  # DeepState's colour for liberated ground
CONTEXT = "#f2c4bd"
BEFORE_2022 = "#d9d0d0"
#: Places at least this large are labelled for orientation when inside the map.
CITY_POPULATION = 50_000
MIN_SPAN_DEG = 1.2
#: Labels closer than this share of the map's width are dropped (the larger place keeps its label).
MIN_LABEL_GAP = 0.09


def _figure(width: float, height: float) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=110)


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})  # no version string: same bytes every run
    return buf.getvalue()


def _extent(geoms: list[BaseGeometry]) -> tuple[float, float, float, float] | None:
    shapes = [g for g in geoms if g is not None and not g.is_empty]
    if not shapes:
        return None
    minx, miny, maxx, maxy = shapely.total_bounds(shapes)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    half = max(maxx - minx, maxy - miny, MIN_SPAN_DEG) / 2 * 1.25
    return cx - half * 1.4, cy - half, cx + half * 1.4, cy + half


def _fill(ax: Any, geom: BaseGeometry | None, **style: Any) -> None:
    """The polygons of ``geom`` as one collection (a patch each re-computes the axes' limits: 10x slower)."""
    from matplotlib.collections import PatchCollection
    from shapely.plotting import patch_from_polygon

    if geom is None or geom.is_empty:
        return
    patches = [patch_from_polygon(part) for part in shapely.get_parts(geom)
               if part.geom_type == "Polygon" and not part.is_empty]
    if patches:
        ax.add_collection(PatchCollection(patches, **style), autolim=False)


def change_map(gained: BaseGeometry | None, lost: BaseGeometry | None, *, context: BaseGeometry | None,
               before_2022: BaseGeometry | None = None,
               regions: list[tuple[str, str | None, BaseGeometry]], settlements: list[dict[str, Any]],
               title: str) -> bytes | None:
    """The period's gained (red) and lost (blue) ground over the layer (pale), with borders and labels;
    None when nothing changed."""
    extent = _extent([gained, lost])
    if extent is None:
        return None
    frame = box(*extent)
    fig = _figure(8, 6.2)
    ax = fig.subplots()
    ax.set_facecolor("#f7f7f4")
    for geom, colour in ((before_2022, BEFORE_2022), (context, CONTEXT)):
        clipped = shapely.clip_by_rect(geom, *extent) if geom is not None else None  # far cheaper than intersection
        _fill(ax, clipped, facecolor=colour, edgecolor="none")
    _fill(ax, gained, facecolor=GAINED, edgecolor=GAINED, linewidth=1.2)  # small gains stay visible
    _fill(ax, lost, facecolor=LOST, edgecolor=LOST, linewidth=1.2)
    for name, _iso, geom in regions:
        inside = shapely.clip_by_rect(geom, *extent)
        if inside.is_empty:
            continue
        for line in shapely.get_parts(shapely.clip_by_rect(geom.boundary, *extent)):
            if line.geom_type == "LineString":
                ax.plot(*line.xy, color="#555555", linewidth=0.8, linestyle=(0, (4, 2)))
        inner = inside.representative_point()
        ax.text(inner.x, inner.y, name, fontsize=8, color="#555555", style="italic", ha="center", alpha=0.8)
    _labels(ax, frame, settlements)
    minx, miny, maxx, maxy = extent
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    ax.set_aspect(1 / math.cos(math.radians((miny + maxy) / 2)))  # degrees of longitude are shorter
    ax.set_title(title, fontsize=10)
    ax.tick_params(labelsize=7)
    _legend(ax)
    fig.tight_layout()
    return _png(fig)


def _labels(ax: Any, frame: BaseGeometry, settlements: list[dict[str, Any]]) -> None:
    """Changed settlements in bold, then the largest towns for orientation, skipping any label that would
    crowd one already placed."""
    from ..geocode.gazetteer import settlements as gazetteer

    minx, miny, maxx, maxy = frame.bounds
    gap = (maxx - minx) * MIN_LABEL_GAP
    placed: list[tuple[float, float]] = []

    def free(lon: float, lat: float) -> bool:
        return all(abs(lon - x) > gap or abs(lat - y) > gap / 2 for x, y in placed)

    changed = sorted(settlements, key=lambda s: -(s.get("population") or 0))[:12]
    for s in changed:
        ax.plot(s["lon"], s["lat"], "o", color="black", markersize=3)
        if free(s["lon"], s["lat"]):
            ax.annotate(s["name"], (s["lon"], s["lat"]), xytext=(3, 3), textcoords="offset points", fontsize=8,
                        fontweight="bold")
            placed.append((s["lon"], s["lat"]))
    towns = sorted((p for p in gazetteer(countries=("RU", "UA"))
                    if p.population >= CITY_POPULATION and p.feature_code != "PPLX"
                    and minx <= p.lon <= maxx and miny <= p.lat <= maxy), key=lambda p: -p.population)
    for place in towns:
        if free(place.lon, place.lat):
            ax.plot(place.lon, place.lat, "s", color="#333333", markersize=3)
            ax.annotate(place.name, (place.lon, place.lat), xytext=(3, -9), textcoords="offset points", fontsize=8,
                        color="#333333")
            placed.append((place.lon, place.lat))


def _legend(ax: Any) -> None:
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=GAINED, label="gained"), Patch(color=LOST, label="lost"),
                       Patch(color=CONTEXT, label="layer at the end"),
                       Patch(color=BEFORE_2022, label="occupied before 2022")], loc="lower left", fontsize=8)


def weekly_chart(weekly: list[dict[str, Any]], *, title: str) -> bytes | None:
    """Bars of net change per 7-day window, the period's bars dark and the others pale; None when empty."""
    if not weekly:
        return None
    from datetime import date

    fig = _figure(8, 3.2)
    ax = fig.subplots()
    ends = [date.fromisoformat(w["end"]) for w in weekly]
    nets = [w["net_km2"] for w in weekly]
    colours = [(GAINED if n >= 0 else LOST) if w["in_period"] else ("#e0a39b" if n >= 0 else "#9fcfe8")
               for w, n in zip(weekly, nets, strict=True)]
    ax.bar(ends, nets, width=5, color=colours)
    for w, end, net in zip(weekly, ends, nets, strict=True):
        if w["in_period"]:
            ax.annotate(f"{net:+.1f}", (end, net), xytext=(0, 3 if net >= 0 else -10), textcoords="offset points",
                        ha="center", fontsize=8, fontweight="bold")
    ax.axhline(0, color="black", linewidth=0.5)
    ax.set_ylabel("net km² per week", fontsize=8)
    ax.set_title(title, fontsize=10)
    ax.tick_params(labelsize=7)
    fig.autofmt_xdate()
    fig.tight_layout()
    return _png(fig)
