"""The events repository: listing, counting and showing stored events (shared by every backend).

Queries are written once in the SQL subset DuckDB and PostgreSQL share, with ``?`` placeholders:
every value a user gives is a bound parameter, never formatted into the SQL text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..errors import InputError, NotFound
from .base import BoxSQL, range_bbox
from .clusters import ClusterTables

#: What a listed event carries besides its CONTRACTS EVENT: where it is stored and which article it came from.
_LIST_COLUMNS = (
    "e.id, e.event_json, e.cluster_id, a.doc_id, a.title, a.url, a.outlet, a.published, e.lon, e.lat"
)


#: A listed event: its id, lon and lat (None where unplaced) and its listed JSON text.
Listed = tuple[int, float | None, float | None, str]

#: What a listed page carries: the event row alone (``doc_id`` is kept on it, so no join to articles).
_PAGE_COLUMNS = "e.id, e.article_id, e.event_json, e.cluster_id, e.doc_id, e.lon, e.lat"


def _like(text: str) -> str:
    r"""A LIKE pattern matching ``text`` anywhere, its own ``%``, ``_`` and ``\`` taken literally.

    >>> _like("50%_off\\")
    '%50\\%\\_off\\\\%'
    """
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: How far before a date range an overlapping event may start: a month, the longest span the extractor
#: gives a dated event ("in May"); events with longer spans are found from their first MAX_SPAN_DAYS on.
MAX_SPAN_DAYS = 31


@dataclass(frozen=True)
class EventQuery:
    """Filters for listing events; checked on construction so every caller gets the same errors.

    ``bbox`` is (min_lon, min_lat, max_lon, max_lat) in EPSG:4326; the date range keeps the events whose
    own range overlaps it; text filters match case-insensitively anywhere in the field.

    >>> EventQuery(start=date(2024, 5, 2), end=date(2024, 5, 1))
    Traceback (most recent call last):
    ...
    frontwatch.errors.InputError: date range is inverted: start 2024-05-02 is after end 2024-05-01; swap them
    """

    bbox: tuple[float, float, float, float] | None = None
    start: date | None = None
    end: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    claimant: str | None = None
    text: str | None = None
    doc_id: str | None = None
    cluster_id: str | None = None
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise InputError(f"date range is inverted: start {self.start} is after end {self.end}; swap them")
        if self.bbox is not None:
            check_bbox(self.bbox)
        if self.limit < 1 or self.offset < 0:
            raise InputError(f"limit must be >= 1 and offset >= 0, got limit {self.limit}, offset {self.offset}")

    def where(self, bbox_sql: BoxSQL = range_bbox) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e`` alone, and its bound parameters.

        ``bbox_sql`` is the dialect's box condition (:meth:`~frontwatch.store.base.Database.bbox_sql`, which
        PostGIS answers from its GiST index); by default, a plain range on the lon and lat columns.

        The date range keeps events whose own range overlaps it, looking back at most
        :data:`MAX_SPAN_DAYS` for their start: that bound lets the engine skip the blocks of other
        dates (DuckDB's zone maps, an index range in PostgreSQL) instead of scanning every event.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.bbox is not None:
            box, box_params = bbox_sql("e.lon", "e.lat", self.bbox)
            clauses.append(box)
            params += box_params
        if self.end is not None:
            clauses.append("e.date_start <= ?")
            params.append(self.end)
        if self.start is not None:
            clauses.append("e.date_start >= ? AND COALESCE(e.date_end, e.date_start) >= ?")
            params += [self.start - timedelta(days=MAX_SPAN_DAYS), self.start]
        for column, value in (("e.event_type", self.event_type), ("e.sub_event_type", self.sub_event_type),
                              ("e.cluster_id", self.cluster_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.doc_id:
            clauses.append("e.doc_id = ?")
            params.append(self.doc_id)
        if self.actor:
            clauses.append("(lower(e.actor1) LIKE ? ESCAPE '\\' OR lower(e.actor2) LIKE ? ESCAPE '\\')")
            params += [_like(self.actor)] * 2
        if self.claimant:
            clauses.append("lower(e.claimant) LIKE ? ESCAPE '\\'")
            params.append(_like(self.claimant))
        if self.text:
            clauses.append("(lower(e.evidence_text) LIKE ? ESCAPE '\\' OR lower(e.location_name) LIKE ? ESCAPE '\\')")
            params += [_like(self.text)] * 2
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def check_bbox(bbox: tuple[float, ...]) -> tuple[float, float, float, float]:
    """A (min_lon, min_lat, max_lon, max_lat) box inside the world, minimum first; else an InputError.

    >>> check_bbox((30, 45, 40, 52))
    (30.0, 45.0, 40.0, 52.0)
    >>> check_bbox((30, 45, 200, 52))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    frontwatch.errors.InputError: bbox (30, 45, 200, 52) is outside the world: ...
    """
    if len(bbox) != 4:
        raise InputError(f"bbox got {len(bbox)} numbers, expected 4: min_lon,min_lat,max_lon,max_lat")
    minx, miny, maxx, maxy = (float(v) for v in bbox)
    inside = -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
    if not inside:
        shown = ", ".join(f"{v:g}" for v in bbox)
        raise InputError(
            f"bbox ({shown}) is outside the world: longitudes must lie in -180..180 and latitudes in "
            "-90..90 (EPSG:4326), minimum first"
        )
    return minx, miny, maxx, maxy


def listed_event(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event as the API gives it: the CONTRACTS EVENT plus its id, cluster, doc_id and (when the
    row was joined to it) its article."""
    return json.loads(listed_event_json(row))


def listed_event_json(row: dict[str, Any]) -> str:
    """:func:`listed_event` as JSON text, without parsing the stored event: its keys are spliced in front.

    The stored ``event_json`` is a JSON object none of whose keys are the ones added here, so the two
    objects join into one; this keeps a page of events from paying a parse and a re-serialisation each.
    """
    head: dict[str, Any] = {"id": int(row["id"]), "cluster_id": row.get("cluster_id"), "doc_id": row.get("doc_id")}
    if "title" in row:  # rows joined to their article (a page of events is not: see query_event_rows)
        published = row.get("published")
        head["article"] = {"title": row.get("title"), "url": row.get("url"), "outlet": row.get("outlet"),
                           "published": published.isoformat() if isinstance(published, date) else published}
    extra = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    body = row["event_json"].strip()
    return extra if body == "{}" else f"{extra[:-1]},{body[1:]}"


class EventTables(ClusterTables):
    """Stored events: pages of a query, one event with the sources of its incident (its cluster), facets."""

    def count_events(self) -> int:
        return int(self.scalar("SELECT count(*) FROM events"))

    # -- queries for the API and the dashboard

    def query_events(self, query: EventQuery) -> list[dict[str, Any]]:
        """Events matching ``query``, latest first, one page (``limit`` from ``offset``)."""
        return [listed_event(r) for r in self.query_event_rows(query)]

    def query_event_rows(self, query: EventQuery) -> list[dict[str, Any]]:
        """The rows behind :meth:`query_events` (for callers that serialise them themselves).

        A page reads ``events`` alone: joining ``articles`` doubled the cost of a page in the API
        benchmark, so a listed event carries its ``doc_id`` and the article's details are one
        ``/events/{id}`` or ``/articles/{doc_id}`` away.
        """
        return self.query(*self.page_statement(query))

    def page_statement(self, query: EventQuery) -> tuple[str, list[Any]]:
        """The SQL of one page of ``query`` in this store's dialect, and its parameters (to run or EXPLAIN)."""
        where, params = query.where(self.bbox_sql)
        sql = (f"SELECT {_PAGE_COLUMNS} FROM events e{where} "
               "ORDER BY e.date_start DESC NULLS LAST, e.id DESC LIMIT ? OFFSET ?")
        return sql, [*params, query.limit, query.offset]

    def event_page(self, query: EventQuery, total: bool = False) -> tuple[list[Listed], int | None]:
        """One page of ``query`` as (id, lon, lat, listed JSON) items, and the count over all pages when
        ``total``: what ``/events`` serves. (A read-only DuckDB server answers the queries its
        :class:`~frontwatch.store.event_index.EventIndex` handles from that, with the same items.)"""
        items = [(int(r["id"]), r.get("lon"), r.get("lat"), listed_event_json(r)) for r in self.query_event_rows(query)]
        return items, (self.count_matching_events(query) if total else None)

    def count_matching_events(self, query: EventQuery) -> int:
        """How many events match ``query`` over all pages."""
        where, params = query.where(self.bbox_sql)
        return int(self.scalar(f"SELECT count(*) FROM events e{where}", params))

    def get_event(self, event_id: int) -> dict[str, Any]:
        """One event with its article and every source of its merged incident (its cluster)."""
        row = self.query_one(
            f"SELECT {_LIST_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
            (event_id,),
        )
        if row is None:
            raise NotFound(f"no event with id {event_id} in the store")
        event = listed_event(row)
        event["sources"] = self.event_sources(event)
        event["claimants"] = sorted({s["claimant"] for s in event["sources"] if s.get("claimant")})
        incident = self.event_cluster(event_id)  # dedup's view of the incident (store/clusters.py)
        incident.pop("reports", None)  # the same reports as ``sources``
        event["incident"] = incident
        return event

    def event_sources(self, event: dict[str, Any]) -> list[dict[str, Any]]:
        """The reports of the same incident: the events sharing its cluster (itself alone when unclustered).

        Each carries its article, claimant, fatality figures and evidence, so contradicting claims stay
        side by side rather than averaged away (issue 4).
        """
        if event.get("cluster_id"):
            rows = self.query(
                f"SELECT {_LIST_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
                "WHERE e.cluster_id = ? ORDER BY a.published, e.id LIMIT 500",
                (event["cluster_id"],),
            )
            members = [listed_event(r) for r in rows]
        else:
            members = [event]
        return [
            {"event_id": m["id"], "doc_id": m["doc_id"], "article": m["article"], "claimant": m.get("claimant"),
             "fatalities": m.get("fatalities"), "date_start": m.get("date_start"), "evidence": m.get("evidence")}
            for m in members
        ]

    def event_facets(self) -> dict[str, Any]:
        """What the filters can choose from: event types with sub-types and counts, and the date span."""
        rows = self.query(
            "SELECT event_type, sub_event_type, count(*) AS n FROM events "
            "GROUP BY event_type, sub_event_type ORDER BY event_type, sub_event_type"
        )
        span = self.query_one("SELECT min(date_start) AS first, max(date_start) AS last FROM events")
        types: dict[str, dict[str, Any]] = {}
        for r in rows:
            entry = types.setdefault(r["event_type"],
                                     {"event_type": r["event_type"], "count": 0, "sub_event_types": []})
            entry["count"] += int(r["n"])
            entry["sub_event_types"].append({"sub_event_type": r["sub_event_type"], "count": int(r["n"])})
        first, last = (span or {}).get("first"), (span or {}).get("last")
        return {
            "event_types": list(types.values()),
            "first_date": first.isoformat() if isinstance(first, date) else first,
            "last_date": last.isoformat() if isinstance(last, date) else last,
        }
