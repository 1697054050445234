"""The articles repository: an article is stored with its events, replacing any earlier version of it.

SQL is the portable subset (``?`` placeholders) DuckDB and PostgreSQL share; every value a user gives is a
bound parameter.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..errors import NotFound
from ..models import Article, Event
from ..urls import check_web_url
from .base import Database
from .events import _LIST_COLUMNS, listed_event

_EVENT_COLUMNS = (
    "article_id, ordinal, event_type, sub_event_type, actor1, actor2, date_start, date_end, date_precision, "
    "location_name, geonameid, lat, lon, admin1, country, geo_precision, fatalities_best, fatalities_low, "
    "fatalities_high, claimant, evidence_text, evidence_start, evidence_end, confidence, event_json, doc_id"
)

#: What a listed event carries besides its CONTRACTS EVENT: where it is stored and which article it came from.
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


#: What a dedup component's name starts with while it waits to be clustered again (its article was replaced).
STALE_PREFIX = "stale:"

#: Events per INSERT statement when an article is stored.
_INSERT_BATCH = 500


class ArticleTables(Database):
    """Articles with their events; an article is stored with its events, replacing earlier ones."""

    def __init__(self) -> None:
        super().__init__()
        #: Dedup components that lost members when articles were replaced (dedup/assign.py reclusters them).
        self._dedup_stale_components: set[str] = set()

    def add_article(self, article: Article, events: list[Event]) -> int:
        """Store (or replace) an article and its events in one transaction; returns the article id."""
        if article.url:  # issue 15: a javascript: address would become the dashboard's link
            check_web_url(article.url)
        sha = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        with self.transaction():
            self._drop_articles([article.doc_id])
            article_id = self.scalar(
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
        with self.transaction():
            self._drop_articles([a.doc_id for a, _ in items])
            ids: dict[str, int] = {}
            for lo in range(0, len(items), _INSERT_BATCH):
                batch = items[lo:lo + _INSERT_BATCH]
                values = [(a.doc_id, a.url, a.title, a.outlet, a.published, a.language, a.text,
                           hashlib.sha256(a.text.encode("utf-8")).hexdigest()) for a, _ in batch]
                stored = self.query(
                    "INSERT INTO articles (doc_id, url, title, outlet, published, language, text, content_sha256) "
                    f"VALUES {', '.join(['(?, ?, ?, ?, ?, ?, ?, ?)'] * len(batch))} RETURNING id, doc_id",
                    [v for row in values for v in row])
                ids.update({r["doc_id"]: int(r["id"]) for r in stored})
            rows = [_event_row(ids[a.doc_id], a.doc_id, k, e) for a, events in items for k, e in enumerate(events)]
            self._insert_event_rows(rows)
        return [ids[a.doc_id] for a, _ in items]

    def _drop_articles(self, doc_ids: list[str]) -> None:
        """Delete stored articles (and their events) by doc_id, remembering the dedup components they leave."""
        stale = self._dedup_stale_components
        for lo in range(0, len(doc_ids), _INSERT_BATCH):
            batch = doc_ids[lo:lo + _INSERT_BATCH]
            marks = ", ".join("?" for _ in batch)
            old = [int(r["id"]) for r in self.query(
                f"SELECT id FROM articles WHERE doc_id IN ({marks})", batch)]
            if not old:
                continue
            ids = ", ".join("?" for _ in old)
            stale.update(r["dedup_component"] for r in self.query(
                f"SELECT DISTINCT dedup_component FROM events WHERE article_id IN ({ids}) "
                "AND dedup_component IS NOT NULL", old))
            self.execute(f"DELETE FROM events WHERE article_id IN ({ids})", old)
            self.execute(f"DELETE FROM articles WHERE id IN ({ids})", old)
        self._dedup_stale_components = stale

    def _insert_event_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Multi-row INSERTs of event rows, :data:`_INSERT_BATCH` a statement; DuckDB reads a large batch as
        one Arrow table instead (binding 26 parameters a row was 8 s per 1,000 articles there)."""
        if len(rows) > _INSERT_BATCH and self.backend == "duckdb":
            self._insert_arrow(rows)
            return
        one = "(" + ", ".join("?" for _ in rows[0]) + ")" if rows else ""
        for lo in range(0, len(rows), _INSERT_BATCH):
            batch = rows[lo:lo + _INSERT_BATCH]
            self.execute(
                f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES {', '.join([one] * len(batch))}",
                [value for row in batch for value in row],
            )

    def _insert_arrow(self, rows: list[tuple[Any, ...]]) -> None:
        """Event rows into DuckDB through a registered Arrow table (one statement, no per-value binding)."""
        import pyarrow as pa

        names = [c.strip() for c in _EVENT_COLUMNS.split(",")]
        # column by column: a dict per row (Table.from_pylist) cost 2-8x as much for the same table
        table = pa.Table.from_arrays([pa.array(column) for column in zip(*rows, strict=True)], names=names)
        self.conn.register("_fw_new_events", table)
        try:
            self.execute(f"INSERT INTO events ({_EVENT_COLUMNS}) SELECT {_EVENT_COLUMNS} "
                         "FROM _fw_new_events")
        finally:
            self.conn.unregister("_fw_new_events")

    def stored_doc_ids(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of ``doc_ids`` the store holds."""
        found: set[str] = set()
        for lo in range(0, len(doc_ids), _INSERT_BATCH):
            batch = list(doc_ids[lo:lo + _INSERT_BATCH])
            marks = ", ".join("?" for _ in batch)
            rows = self.query(f"SELECT doc_id FROM articles WHERE doc_id IN ({marks})", batch)
            found.update(r["doc_id"] for r in rows)
        return found

    def articles_mentioning(self, first: date, last: date, words: Sequence[str],
                            limit: int) -> tuple[int, list[dict[str, Any]]]:
        """Articles published in [first, last] whose text contains any of ``words`` (lower case): how many in all,
        and the latest ``limit`` of them (doc_id, title, outlet, url, published, text)."""
        if not words:
            return 0, []
        hint = " OR ".join("lower(text) LIKE ?" for _ in words)
        params: list[Any] = [first, last, *[f"%{w}%" for w in words]]
        where = f"published >= ? AND published <= ? AND ({hint})"
        total = int(self.scalar(f"SELECT count(*) FROM articles WHERE {where}", params))
        rows = self.query(
            f"SELECT doc_id, title, outlet, url, published, text FROM articles WHERE {where} "
            "ORDER BY published DESC, doc_id LIMIT ?", [*params, limit],
        )
        return total, rows

    def take_stale_components(self) -> set[str]:
        """The dedup components that replaced articles left behind (to recluster), forgotten once taken."""
        stale, self._dedup_stale_components = self._dedup_stale_components, set()
        return stale

    def marked_stale_components(self) -> set[str]:
        """The components marked stale in the store (:meth:`mark_stale_components`), which a later clustering
        step takes; one scan of the events' components."""
        return {str(r["dedup_component"]) for r in self.query(
            "SELECT DISTINCT dedup_component FROM events WHERE dedup_component LIKE ?", (STALE_PREFIX + "%",))}

    def mark_stale_components(self) -> int:
        """Write the remembered stale components into the store (their events' component gets
        :data:`STALE_PREFIX`), so that clustering done in a later transaction finds them even after a crash
        in between; returns how many were marked."""
        stale, self._dedup_stale_components = self._dedup_stale_components, set()
        stale = {c for c in stale if not c.startswith(STALE_PREFIX)}
        batch = sorted(stale)
        for lo in range(0, len(batch), _INSERT_BATCH):
            part = batch[lo:lo + _INSERT_BATCH]
            self.execute(f"UPDATE events SET dedup_component = ? || dedup_component WHERE dedup_component IN "
                         f"({', '.join('?' for _ in part)})", [STALE_PREFIX, *part])
        return len(stale)

    def get_article(self, doc_id: str) -> dict[str, Any]:
        row = self.query_one("SELECT * FROM articles WHERE doc_id = ?", (doc_id,))
        if row is None:
            raise NotFound(f"no article with doc_id {doc_id!r} in the store")
        row["events"] = self.query(
            "SELECT * FROM events WHERE article_id = ? ORDER BY ordinal", (row["id"],)
        )
        return row

    def article_view(self, doc_id: str) -> dict[str, Any]:
        """An article's text and metadata with its events, each with its evidence span (offsets into the text)."""
        row = self.query_one(
            "SELECT id, doc_id, url, title, outlet, published, language, text FROM articles WHERE doc_id = ?",
            (doc_id,),
        )
        if row is None:
            raise NotFound(f"no article with doc_id {doc_id!r} in the store")
        rows = self.query(
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

