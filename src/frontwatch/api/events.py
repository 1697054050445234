"""``/events``: filtered, paginated events as JSON or GeoJSON; ``/events/{id}`` with its sources."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from ..store import Store
from ..store.event_index import EventIndex
from ..store.events import EventQuery, check_bbox
from ..territory.periods import check_day
from . import deps
from .errors import ERROR_RESPONSES
from .schemas import EventDetail, EventPage, Facets

if TYPE_CHECKING:  # psycopg is an optional extra
    from ..store.event_watch import WatchedEventIndex

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)

_TEXT = {"max_length": 200}


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` into numbers, or an InputError saying what was expected."""
    if value is None or value == "":
        return None
    try:
        numbers = tuple(float(v) for v in value.split(","))
    except ValueError:
        raise InputError(f"bbox got {value!r}, expected four numbers min_lon,min_lat,max_lon,max_lat") from None
    if any(n != n or n in (float("inf"), float("-inf")) for n in numbers):
        raise InputError(f"bbox got {value!r}: numbers must be finite")
    return check_bbox(numbers)


def encode_json(payload: Any) -> bytes:
    """Compact UTF-8 JSON (dates and other values as their text)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def json_response(payload: Any, media_type: str = "application/json") -> Response:
    """JSON written once, without a second validation pass through the response model (the hot path)."""
    return Response(encode_json(payload), media_type=media_type)


#: Documents that an answer may also come as GeoJSON (RFC 7946 media type).
GEOJSON: dict[int | str, dict[str, Any]] = {200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}}


@router.get("/events", response_model=EventPage, summary="Events, filtered and paginated", responses=GEOJSON)
async def list_events(
    request: Request,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat (EPSG:4326)",
                                      max_length=100)] = None,
    start: Annotated[date | None, Query(description="first day (events overlapping the range)")] = None,
    end: Annotated[date | None, Query(description="last day")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type", **_TEXT)] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type", **_TEXT)] = None,
    actor: Annotated[str | None, Query(description="actor1 or actor2 contains this", **_TEXT)] = None,
    claimant: Annotated[str | None, Query(description="claimant contains this", **_TEXT)] = None,
    q: Annotated[str | None, Query(description="evidence or place name contains this", **_TEXT)] = None,
    doc_id: Annotated[str | None, Query(description="events of one article", **_TEXT)] = None,
    limit: Annotated[int | None, Query(ge=1, le=2**31, description="page size (capped by page_limit_max)")] = None,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    total: Annotated[bool, Query(description="also count the matches over all pages")] = False,
    format: Annotated[Literal["json", "geojson"], Query(description="json, or geojson for a map")] = "json",
) -> Response:
    """Events matching every filter given, latest first; ``next_offset`` pages on.

    A read-only DuckDB server answers box, date and type filters from its in-memory index, in this
    event loop (a fraction of a millisecond), and so does a PostgreSQL server while its index holds the
    store's current events (one short query checks); other queries run their SQL on a worker thread.
    """
    for day, what in ((start, "start"), (end, "end")):
        if day is not None:
            check_day(day, what)
    settings = deps.settings(request)
    page = settings.page_limit_default if limit is None else limit
    if page > settings.page_limit_max:
        raise InputError(f"limit {page} is above the maximum page size {settings.page_limit_max}; page with offset")
    query = EventQuery(bbox=parse_bbox(bbox), start=start, end=end, event_type=event_type,
                       sub_event_type=sub_event_type, actor=actor, claimant=claimant, text=q, doc_id=doc_id,
                       limit=page + 1, offset=offset)
    index: EventIndex | WatchedEventIndex | None = request.app.state.event_index
    current = await index.current() if index is not None and index.handles(query) else None
    if current is not None:
        items, matching = current.page(query)
        found = items, (matching if total else None)
    else:
        store = deps.store(request)  # resolved in the worker thread below: each thread has its own connection
        found = await run_in_threadpool(lambda: store.events.event_page(query, total))
    items, count = found
    more = len(items) > page
    items = items[:page]
    head = {"limit": page, "offset": offset, "next_offset": offset + page if more else None}
    if format == "geojson":
        features = ",".join(_feature_json(event_id, lon, lat, text) for event_id, lon, lat, text in items)
        return _spliced({"type": "FeatureCollection", **head}, "features", features, "application/geo+json")
    head["total"] = count
    return _spliced(head, "events", ",".join(text for *_, text in items))


def _feature_json(event_id: int, lon: Any, lat: Any, listed: str) -> str:
    """One event as a GeoJSON Feature's text (RFC 7946): a Point at lon, lat; null geometry where unplaced."""
    has_point = lon is not None and lat is not None and math.isfinite(lon) and math.isfinite(lat)
    geometry = f'{{"type":"Point","coordinates":[{lon!r},{lat!r}]}}' if has_point else "null"
    return f'{{"type":"Feature","id":{event_id},"geometry":{geometry},"properties":{listed}}}'


def _spliced(head: dict[str, Any], key: str, items: str, media_type: str = "application/json") -> Response:
    """``head`` with ``key`` set to the JSON array whose comma-joined items are ``items``."""
    text = json.dumps(head, separators=(",", ":"))
    return Response(f'{text[:-1]},"{key}":[{items}]}}', media_type=media_type)


@router.get("/events/facets", response_model=Facets, summary="Event types and sub-types with counts; the date span")
def facets(request: Request, store: Annotated[Store, Depends(deps.store)]) -> Response:
    """What the dashboard's filters offer."""
    cache = request.app.state.cache
    key = ("facets", deps.pool(request).version(), store.count_events())
    return json_response(cache.get_or_compute(key, store.event_facets))


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with its evidence and all its sources")
def get_event(
    store: Annotated[Store, Depends(deps.store)],
    event_id: Annotated[int, Path(ge=1, le=2**62)],
) -> Response:
    """The event, its article, and every report of the same incident with its claimant and figures."""
    return json_response(store.get_event(event_id))
