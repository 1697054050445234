"""Store methods for articles and their events (shared by every backend).

Queries are written once in the SQL subset DuckDB and PostgreSQL share, with ``?`` placeholders:
every value a user gives is a bound parameter, never formatted into the SQL text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..errors import InputError, NotFound
from ..models import Article, Event
from ..urls import check_web_url

_EVENT_COLUMNS = (
    "article_id, ordinal, event_type, sub_event_type, actor1, actor2, date_start, date_end, date_precision, "
    "location_name, geonameid, lat, lon, admin1, country, geo_precision, fatalities_best, fatalities_low, "
    "fatalities_high, claimant, evidence_text, evidence_start, evidence_end, confidence, event_json, doc_id"
)

#: What a listed event carries besides its CONTRACTS EVENT: where it is stored and which article it came from.
_LIST_COLUMNS = (
    "e.id, e.event_json, e.cluster_id, a.doc_id, a.title, a.url, a.outlet, a.published, e.lon, e.lat"
)


#: What a listed page carries: the event row alone (``doc_id`` is kept on it, so no join to articles).
_PAGE_COLUMNS = "e.id, e.article_id, e.event_json, e.cluster_id, e.doc_id, e.lon, e.lat"


def _event_row(article_id: int, doc_id: str, ordinal: int, event: Event) -> tuple[Any, ...]:
    loc = event.location
    fat = event.fatalities
    return (
        article_id, ordinal, event.event_type, event.sub_event_type, event.actor1, event.actor2,
        event.date_start, event.date_end, event.date_precision,
        loc.name if loc else None, loc.geonameid if loc else None, loc.lat if loc else None,
        loc.lon if loc else None, loc.admin1 if loc else None, loc.country if loc else None,
        loc.precision if loc else None, fat.best, fat.low, fat.high, event.claimant,
        event.evidence.text, event.evidence.start, event.evidence.end, event.confidence,
        json.dumps(event.to_dict(), ensure_ascii=False), doc_id,
    )


def _like(text: str) -> str:
    r"""A LIKE pattern matching ``text`` anywhere, its own ``%``, ``_`` and ``\`` taken literally.

    >>> _like("50%_off\\")
    '%50\\%\\_off\\\\%'
    """
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: Events per INSERT statement when an article is stored.
_INSERT_BATCH = 500

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

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e`` alone, and its bound parameters.

        The date range keeps events whose own range overlaps it, looking back at most
        :data:`MAX_SPAN_DAYS` for their start: that bound lets the engine skip the blocks of other
        dates (DuckDB's zone maps, an index range in PostgreSQL) instead of scanning every event.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.bbox is not None:
            clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params += [self.bbox[0], self.bbox[2], self.bbox[1], self.bbox[3]]
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


class EventTables:
    """Mixin: articles and events. An article is stored with its events, replacing earlier ones."""

    def add_article(self, article: Article, events: list[Event]) -> int:
        """Store (or replace) an article and its events in one transaction; returns the article id."""
        if article.url:  # issue 15: a javascript: address would become the dashboard's link
            check_web_url(article.url)
        sha = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        with self.transaction():  # type: ignore[attr-defined]
            self._drop_articles([article.doc_id])
            article_id = self.scalar(  # type: ignore[attr-defined]
                "INSERT INTO articles (doc_id, url, title, outlet, published, language, text, content_sha256) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (article.doc_id, article.url, article.title, article.outlet, article.published,
                 article.language, article.text, sha),
            )
            rows = [_event_row(int(article_id), article.doc_id, ordinal, event) for ordinal, event in enumerate(events)]
            # One multi-row INSERT per batch: a statement per event made storing an article ~1.7x slower
            # in DuckDB; batches keep under PostgreSQL's 65,535 bound parameters.
            self._insert_event_rows(rows)
        return int(article_id)

    def add_articles(self, items: list[tuple[Article, list[Event]]]) -> list[int]:
        """Store (or replace) many articles with their events in one transaction, set-based: a few multi-row
        statements per 500 rows instead of several per article (the bulk loader's path). Returns the ids."""
        if not items:
            return []
        with self.transaction():  # type: ignore[attr-defined]
            self._drop_articles([a.doc_id for a, _ in items])
            ids: dict[str, int] = {}
            for lo in range(0, len(items), _INSERT_BATCH):
                batch = items[lo:lo + _INSERT_BATCH]
                values = [(a.doc_id, a.url, a.title, a.outlet, a.published, a.language, a.text,
                           hashlib.sha256(a.text.encode("utf-8")).hexdigest()) for a, _ in batch]
                rows = self.query(  # type: ignore[attr-defined]
                    "INSERT INTO articles (doc_id, url, title, outlet, published, language, text, content_sha256) "
                    f"VALUES {', '.join(['(?, ?, ?, ?, ?, ?, ?, ?)'] * len(batch))} RETURNING id, doc_id",
                    [v for row in values for v in row])
                ids.update({r["doc_id"]: int(r["id"]) for r in rows})
            rows = [_event_row(ids[a.doc_id], a.doc_id, k, e) for a, events in items for k, e in enumerate(events)]
            self._insert_event_rows(rows)
        return [ids[a.doc_id] for a, _ in items]

    def _drop_articles(self, doc_ids: list[str]) -> None:
        """Delete stored articles (and their events) by doc_id, remembering the dedup components they leave."""
        stale: set[str] = getattr(self, "_dedup_stale_components", set())
        for lo in range(0, len(doc_ids), _INSERT_BATCH):
            batch = doc_ids[lo:lo + _INSERT_BATCH]
            marks = ", ".join("?" for _ in batch)
            old = [int(r["id"]) for r in self.query(  # type: ignore[attr-defined]
                f"SELECT id FROM articles WHERE doc_id IN ({marks})", batch)]
            if not old:
                continue
            ids = ", ".join("?" for _ in old)
            stale.update(r["dedup_component"] for r in self.query(  # type: ignore[attr-defined]
                f"SELECT DISTINCT dedup_component FROM events WHERE article_id IN ({ids}) "
                "AND dedup_component IS NOT NULL", old))
            self.execute(f"DELETE FROM events WHERE article_id IN ({ids})", old)  # type: ignore[attr-defined]
            self.execute(f"DELETE FROM articles WHERE id IN ({ids})", old)  # type: ignore[attr-defined]
        self._dedup_stale_components = stale

    def _insert_event_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Multi-row INSERTs of event rows, :data:`_INSERT_BATCH` a statement; DuckDB reads a large batch as
        one Arrow table instead (binding 26 parameters a row was 8 s per 1,000 articles there)."""
        if len(rows) > _INSERT_BATCH and getattr(self, "backend", "") == "duckdb":
            self._insert_arrow(rows)
            return
        one = "(" + ", ".join("?" for _ in rows[0]) + ")" if rows else ""
        for lo in range(0, len(rows), _INSERT_BATCH):
            batch = rows[lo:lo + _INSERT_BATCH]
            self.execute(  # type: ignore[attr-defined]
                f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES {', '.join([one] * len(batch))}",
                [value for row in batch for value in row],
            )

    def _insert_arrow(self, rows: list[tuple[Any, ...]]) -> None:
        """Event rows into DuckDB through a registered Arrow table (one statement, no per-value binding)."""
        import pyarrow as pa

        names = [c.strip() for c in _EVENT_COLUMNS.split(",")]
        table = pa.Table.from_pylist([dict(zip(names, row, strict=True)) for row in rows])
        self.conn.register("_fw_new_events", table)  # type: ignore[attr-defined]
        try:
            self.execute(f"INSERT INTO events ({_EVENT_COLUMNS}) SELECT {_EVENT_COLUMNS} "  # type: ignore[attr-defined]
                         "FROM _fw_new_events")
        finally:
            self.conn.unregister("_fw_new_events")  # type: ignore[attr-defined]

    def get_article(self, doc_id: str) -> dict[str, Any]:
        row = self.query_one("SELECT * FROM articles WHERE doc_id = ?", (doc_id,))  # type: ignore[attr-defined]
        if row is None:
            raise NotFound(f"no article with doc_id {doc_id!r} in the store")
        row["events"] = self.query(  # type: ignore[attr-defined]
            "SELECT * FROM events WHERE article_id = ? ORDER BY ordinal", (row["id"],)
        )
        return row

    def count_events(self) -> int:
        return int(self.scalar("SELECT count(*) FROM events"))  # type: ignore[attr-defined]

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
        where, params = query.where()
        return self.query(  # type: ignore[attr-defined]
            f"SELECT {_PAGE_COLUMNS} FROM events e{where} "
            "ORDER BY e.date_start DESC NULLS LAST, e.id DESC LIMIT ? OFFSET ?",
            [*params, query.limit, query.offset],
        )

    def count_matching_events(self, query: EventQuery) -> int:
        """How many events match ``query`` over all pages."""
        where, params = query.where()
        return int(self.scalar(f"SELECT count(*) FROM events e{where}", params))  # type: ignore[attr-defined]

    def get_event(self, event_id: int) -> dict[str, Any]:
        """One event with its article and every source of its merged incident (its cluster)."""
        row = self.query_one(  # type: ignore[attr-defined]
            f"SELECT {_LIST_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
            (event_id,),
        )
        if row is None:
            raise NotFound(f"no event with id {event_id} in the store")
        event = listed_event(row)
        event["sources"] = self.event_sources(event)
        event["claimants"] = sorted({s["claimant"] for s in event["sources"] if s.get("claimant")})
        summary = getattr(self, "event_cluster", None)  # dedup's view of the incident (store/clusters.py)
        if summary is not None:
            incident = summary(event_id)
            incident.pop("reports", None)  # the same reports as ``sources``
            event["incident"] = incident
        return event

    def event_sources(self, event: dict[str, Any]) -> list[dict[str, Any]]:
        """The reports of the same incident: the events sharing its cluster (itself alone when unclustered).

        Each carries its article, claimant, fatality figures and evidence, so contradicting claims stay
        side by side rather than averaged away (issue 4).
        """
        if event.get("cluster_id"):
            rows = self.query(  # type: ignore[attr-defined]
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

    def article_view(self, doc_id: str) -> dict[str, Any]:
        """An article's text and metadata with its events, each with its evidence span (offsets into the text)."""
        row = self.query_one(  # type: ignore[attr-defined]
            "SELECT id, doc_id, url, title, outlet, published, language, text FROM articles WHERE doc_id = ?",
            (doc_id,),
        )
        if row is None:
            raise NotFound(f"no article with doc_id {doc_id!r} in the store")
        rows = self.query(  # type: ignore[attr-defined]
            f"SELECT {_LIST_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.article_id = ? ORDER BY e.ordinal",
            (row["id"],),
        )
        published = row["published"]
        return {
            "doc_id": row["doc_id"], "url": row["url"], "title": row["title"], "outlet": row["outlet"],
            "published": published.isoformat() if isinstance(published, date) else published,
            "language": row["language"], "text": row["text"], "events": [listed_event(r) for r in rows],
        }

    def event_facets(self) -> dict[str, Any]:
        """What the filters can choose from: event types with sub-types and counts, and the date span."""
        rows = self.query(  # type: ignore[attr-defined]
            "SELECT event_type, sub_event_type, count(*) AS n FROM events "
            "GROUP BY event_type, sub_event_type ORDER BY event_type, sub_event_type"
        )
        span = self.query_one("SELECT min(date_start) AS first, max(date_start) AS last FROM events")  # type: ignore[attr-defined]
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
