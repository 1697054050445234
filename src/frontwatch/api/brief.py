"""``GET /brief``: the brief of a period (the library call ``frontwatch brief`` makes), as JSON or one HTML page."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ..store import Store
from . import deps
from .errors import ERROR_RESPONSES
from .events import encode_json

router = APIRouter(tags=["brief"], responses=ERROR_RESPONSES)

_DOCUMENTED = {200: {"description": "the brief: JSON, or a self-contained HTML page with `format=html`",
                     "content": {"application/json": {}, "text/html": {"schema": {"type": "string"}}}}}


@router.get("/brief", response_model=dict[str, Any], responses=_DOCUMENTED,  # type: ignore[arg-type]
            summary="The brief of a week or period: ground on every map, records, settlements, events, claims")
def brief(
    request: Request,
    store: Annotated[Store, Depends(deps.store)],
    week_ending: Annotated[date | None, Query(description="last day of the week (from the state 7 days before, "
                                                          "or at `from`)")] = None,
    from_: Annotated[date | None, Query(alias="from", description="start date")] = None,
    to: Annotated[date | None, Query(description="end date (with `from`)")] = None,
    period: Annotated[str | None, Query(description="a month, YYYY-MM", max_length=20)] = None,
    layer: Annotated[str, Query(description="layer or sum of layers", pattern=r"^[a-z0-9_]+(\+[a-z0-9_]+)*$",
                                max_length=120)] = "occupied",
    tz: Annotated[str, Query(description="IANA time zone in which a date ends", max_length=60)] = "UTC",
    format: Annotated[Literal["json", "html"], Query(description="json, or html (images embedded)")] = "json",
) -> Response:
    """The same document as ``frontwatch brief --json``; ``format=html`` gives the page ``--out`` writes as
    ``brief.html`` (images as data URIs; it loads nothing from the network)."""
    from ..brief import brief_period

    chosen = brief_period(week_ending=week_ending, start=from_, end=to, period=period)
    pool = deps.pool(request)
    if pool.frozen:  # a read-only DuckDB file cannot change while served, so a brief once made stands
        key = ("brief", chosen, layer, tz, format)
        body, media = request.app.state.cache.get_or_compute(key, lambda: _answer(store, chosen, layer, tz, format))
    else:  # events and articles may change under a writable store: made every time
        body, media = _answer(store, chosen, layer, tz, format)
    return Response(body, media_type=media)


def _answer(store: Store, period: Any, layer: str, tz: str, format: str) -> tuple[bytes, str]:
    """The encoded brief and its media type."""
    from ..brief import build_brief, render_html

    result = build_brief(store, period, layer=layer, tz=tz, images=format == "html")
    doc = result.to_dict()
    if format == "html":
        return render_html(doc, result.images).encode("utf-8"), "text/html; charset=utf-8"
    return encode_json(doc), "application/json"
