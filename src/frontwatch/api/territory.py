"""``/territory/...``: changes, series and records (the CLI's computations) and map layers at a date."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

import numpy as np
import shapely
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from shapely.geometry.base import BaseGeometry
from starlette.concurrency import run_in_threadpool

from ..errors import DataUnavailable
from ..store import Store
from . import deps
from .errors import ERROR_RESPONSES
from .events import GEOJSON, encode_json, json_response
from .schemas import (
    Change,
    ChangesBySource,
    FeatureCollection,
    Record,
    RecordsBySource,
    SeriesPoint,
    SourceSeriesPoint,
    TerritoryInfo,
)

router = APIRouter(prefix="/territory", tags=["territory"], responses=ERROR_RESPONSES)

LayerQuery = Annotated[str, Query(description="layer or sum of layers, e.g. occupied+contested",
                                  pattern=r"^[a-z0-9_]+(\+[a-z0-9_]+)*$", max_length=120)]
SourceQuery = Annotated[str | None, Query(
    description="map source (deepstate, isw, ...); default: most snapshots. `all`: every source that has the "
                "layer side by side, each with the snapshots it used, their gap in days to the dates asked, and "
                "its cadence (a weekly map cannot answer for an exact day)",
    pattern=r"^[A-Za-z0-9_.-]+$", max_length=60)]
TzQuery = Annotated[str, Query(description="IANA time zone in which a date ends", max_length=60)]


async def _cached(request: Request, key: tuple[Any, ...], compute: Callable[[], Any],
                  media_type: str = "application/json") -> Response:
    """The answer to ``key`` from the cache, else ``compute()``d on a worker thread, encoded once and kept.

    Keys carry the store's snapshot version, so an answer is never stale; a read-only DuckDB store's
    version is fixed while it is served, so a cached answer costs no query and no thread hop.
    """
    pool = deps.pool(request)
    version = pool.version() if pool.frozen else await run_in_threadpool(pool.version)
    cache = request.app.state.cache
    body = cache.get((*key, version))
    if body is None:
        body = await run_in_threadpool(lambda: encode_json(compute()))
        cache.put((*key, version), body)
    return Response(body, media_type=media_type)


@router.get("/info", response_model=TerritoryInfo, summary="Sources, their layers and date spans")
def info(store: Annotated[Store, Depends(deps.store)]) -> Response:
    """What the map can show: each source with its layers and first and last snapshot."""
    rows = store.territory.source_spans()
    sources = [{"source": r["source"], "snapshots": int(r["n"]),
                "first": _iso(r["first"]), "last": _iso(r["last"]),
                "layers": store.layer_names(r["source"])} for r in rows]
    return json_response({"sources": sources})


def _iso(seconds: int | None) -> str | None:
    return None if seconds is None else datetime.fromtimestamp(int(seconds), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@router.get("/changes", response_model=Change | ChangesBySource,
            summary="Ground gained and lost between two dates or over a month")
async def changes(
    request: Request,
    period: Annotated[str | None, Query(description="a month, YYYY-MM", max_length=20)] = None,
    from_: Annotated[date | None, Query(alias="from", description="start date")] = None,
    to: Annotated[date | None, Query(description="end date")] = None,
    layer: LayerQuery = "occupied",
    source: SourceQuery = None,
    by_region: bool = False,
    settlements: bool = False,
    tz: TzQuery = "UTC",
) -> Response:
    """The same computation as ``frontwatch territory change``, in the same JSON shape (``source=all``:
    ``--source all``'s)."""
    from ..territory.changes import change
    from ..territory.periods import resolve_period
    from ..territory.side_by_side import ALL, change_all

    start, end = resolve_period(period=period, start=from_, end=to)

    def compute() -> dict[str, Any]:
        if source == ALL:
            return _answered(change_all(deps.store(request), layer=layer, start=start, end=end, tz=tz,
                                        by_region=by_region, settlements=settlements))
        return change(deps.store(request), layer=layer, start=start, end=end, source=source, by_region=by_region,
                      settlements=settlements, tz=tz).to_dict()

    key = ("changes", start, end, layer, source, by_region, settlements, tz)
    return await _cached(request, key, compute)


@router.get("/series", response_model=list[SeriesPoint] | list[SourceSeriesPoint],
            summary="Gained, lost and net ground per period")
async def series(
    request: Request,
    freq: Literal["day", "week", "month"] = "week",
    from_: Annotated[date | None, Query(alias="from")] = None,
    to: date | None = None,
    window: Annotated[int | None, Query(ge=1, le=3660, description="rolling window in days")] = None,
    layer: LayerQuery = "occupied",
    source: SourceQuery = None,
    tz: TzQuery = "UTC",
) -> Response:
    """The same computation as ``frontwatch territory series`` (``source=all``: one row per source and window,
    ``null`` figures where a source has no new state; the overlay bound counts every source's overlays)."""
    from ..territory.periods import check_range
    from ..territory.series import series as compute_series
    from ..territory.side_by_side import ALL, series_all

    check_range(from_, to)
    budget = deps.settings(request).overlay_budget

    def compute() -> list[dict[str, Any]]:
        if source == ALL:
            return series_all(deps.store(request), freq=freq, start=from_, end=to, window=window, layer=layer, tz=tz,
                              max_overlays=budget)
        points = compute_series(deps.store(request), freq=freq, start=from_, end=to, window=window, layer=layer,
                                source=source, tz=tz, max_overlays=budget)
        return [p.to_dict() for p in points]

    return await _cached(request, ("series", freq, from_, to, window, layer, source, tz), compute)


@router.get("/record", response_model=Record | RecordsBySource, summary="How the change of a window ranks")
async def record(
    request: Request,
    at: date,
    window: Annotated[int, Query(ge=1, le=366)] = 7,
    layer: LayerQuery = "occupied",
    source: SourceQuery = None,
    tz: TzQuery = "UTC",
) -> Response:
    """The same computation as ``frontwatch territory record`` (``source=all``: ``--source all``'s)."""
    from ..territory.periods import check_day
    from ..territory.records import record as compute_record
    from ..territory.side_by_side import ALL, record_all

    check_day(at, "at")
    budget = deps.settings(request).overlay_budget

    def compute() -> dict[str, Any]:
        if source == ALL:
            return _answered(record_all(deps.store(request), window=window, at=at, layer=layer, tz=tz,
                                        max_overlays=budget))
        return compute_record(deps.store(request), window=window, at=at, layer=layer, source=source, tz=tz,
                              max_overlays=budget).to_dict()

    return await _cached(request, ("record", at, window, layer, source, tz), compute)


def _answered(result: dict[str, Any]) -> dict[str, Any]:
    """A ``source=all`` answer with at least one source's figure; else one error naming why each failed."""
    if not result["sources"]:
        reasons = "; ".join(f"{f['source']}: {f['error']}" for f in result["failed"])
        raise DataUnavailable(f"no source could answer: {reasons}")
    return result


@router.get("/snapshot", response_model=FeatureCollection, responses=GEOJSON,
            summary="Control layers at a date, with recent gains and losses")
async def snapshot(
    request: Request,
    date_: Annotated[date, Query(alias="date", description="the state at this date (latest snapshot at or before)")],
    source: SourceQuery = None,
    since_days: Annotated[int, Query(ge=0, le=366, description="gained and lost ground over these days; 0: none")] = 7,
    layer: LayerQuery = "occupied",
) -> Response:
    """GeoJSON for the map: every layer of the state at ``date`` (simplified) and, for ``layer``,
    the ground gained and lost over the ``since_days`` before it."""
    from ..territory.periods import check_day

    check_day(date_)
    tolerance = deps.settings(request).snapshot_tolerance_deg

    def compute() -> dict[str, Any]:
        return _snapshot_geojson(deps.store(request), date_, source, since_days, layer, tolerance)

    return await _cached(request, ("snapshot", date_, source, since_days, layer, tolerance), compute,
                         "application/geo+json")


def _snapshot_geojson(store: Store, day: date, source: str | None, since_days: int, layer: str,
                      tolerance: float) -> dict[str, Any]:
    from ..territory.periods import day_end_utc
    from ..territory.timeline import resolve_source

    name = resolve_source(store, source)
    info = store.snapshot_at(name, day_end_utc(day))
    if info is None:
        raise DataUnavailable(f"no {name} snapshot at or before {day}: choose a later date or import more snapshots")
    features = [_feature(g.geometry, tolerance, kind="layer", layer=g.layer, area_km2=round(g.area_km2, 3))
                for g in sorted(store.load_layers(info.id), key=lambda g: g.layer)]
    props: dict[str, Any] = {"source": name, "date": day.isoformat(),
                             "snapshot_time": info.time.strftime("%Y-%m-%dT%H:%M:%SZ"), "change": None}
    if since_days:
        props["change"] = _change_features(store, day, since_days, layer, name, tolerance, features)
    return {"type": "FeatureCollection", "features": features, "properties": props}


def _change_features(store: Store, day: date, since_days: int, layer: str, source: str, tolerance: float,
                     features: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Add the gained and lost ground since ``day - since_days`` to ``features``; its figures, or None
    when the earlier date is before the data."""
    from ..territory.changes import change

    try:
        result = change(store, layer=layer, start=day - timedelta(days=since_days), end=day, source=source,
                        geometry=True)
    except DataUnavailable:
        return None
    for kind, geom, area in (("gained", result.gained, result.gained_km2), ("lost", result.lost, result.lost_km2)):
        if geom is not None and not geom.is_empty:
            features.append(_feature(geom, tolerance / 4, kind=kind, layer=result.layer, area_km2=round(area, 3)))
    return result.to_dict()


def _feature(geom: BaseGeometry, tolerance: float, **properties: Any) -> dict[str, Any]:
    """A GeoJSON Feature of ``geom`` simplified for display (coordinates rounded to 1e-4 degree, ~10 m)."""
    if tolerance > 0:
        geom = shapely.simplify(geom, tolerance, preserve_topology=True)
    geom = shapely.transform(geom, lambda xy: np.round(xy, 4))
    return {"type": "Feature", "geometry": json.loads(shapely.to_geojson(geom)), "properties": properties}


@router.get("/regions", response_model=FeatureCollection, responses=GEOJSON,
            summary="Region boundaries drawn as the map's base")
async def regions(request: Request) -> Response:
    """The first-level regions imported with the territory data, else the bundled oblasts (``origin`` says which);
    without either, the control layers' outline."""
    tolerance = deps.settings(request).snapshot_tolerance_deg
    return await _cached(request, ("regions", tolerance), lambda: _regions_geojson(deps.store(request), tolerance),
                         "application/geo+json")


def _regions_geojson(store: Store, tolerance: float) -> dict[str, Any]:
    rows, origin = _stored_regions(store)
    if rows:
        features = [_feature(geom, tolerance, name=name, iso=iso, kind="region") for name, iso, geom in rows]
        return {"type": "FeatureCollection", "features": features,
                "properties": {"fallback": False, "origin": origin}}
    outline: list[BaseGeometry] = []
    for name in store.sources()[:1]:
        latest = store.list_snapshots(name)[-1:]
        if latest:
            outline = [g.geometry for g in store.load_layers(latest[0].id)]
    features = []
    if outline:
        union = shapely.union_all(outline)
        features = [_feature(union.envelope.buffer(0.5, join_style="mitre"), 0, name="control layers' extent",
                             iso=None, kind="outline")]
    return {"type": "FeatureCollection", "features": features, "properties": {"fallback": True}}


def _stored_regions(store: Store) -> tuple[list[tuple[str, str | None, BaseGeometry]], str]:
    """(name, iso, geometry) of the regions imported into the store, else of the bundled oblasts; and their origin."""
    from ..territory.regions import region_rows

    rows, origin = region_rows(store)
    return list(rows), origin
