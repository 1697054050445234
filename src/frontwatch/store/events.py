"""Store methods for articles and their events (shared by every backend)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..errors import NotFound
from ..models import Article, Event

_EVENT_COLUMNS = (
    "article_id, ordinal, event_type, sub_event_type, actor1, actor2, date_start, date_end, date_precision, "
    "location_name, geonameid, lat, lon, admin1, country, geo_precision, fatalities_best, fatalities_low, "
    "fatalities_high, claimant, evidence_text, evidence_start, evidence_end, confidence, event_json"
)


def _event_row(article_id: int, ordinal: int, event: Event) -> tuple[Any, ...]:
    loc = event.location
    fat = event.fatalities
    return (
        article_id, ordinal, event.event_type, event.sub_event_type, event.actor1, event.actor2,
        event.date_start, event.date_end, event.date_precision,
        loc.name if loc else None, loc.geonameid if loc else None, loc.lat if loc else None,
        loc.lon if loc else None, loc.admin1 if loc else None, loc.country if loc else None,
        loc.precision if loc else None, fat.best, fat.low, fat.high, event.claimant,
        event.evidence.text, event.evidence.start, event.evidence.end, event.confidence,
        json.dumps(event.to_dict(), ensure_ascii=False),
    )


class EventTables:
    """Mixin: articles and events. An article is stored with its events, replacing earlier ones."""

    def add_article(self, article: Article, events: list[Event]) -> int:
        """Store (or replace) an article and its events in one transaction; returns the article id."""
        sha = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        with self.transaction():  # type: ignore[attr-defined]
            old = self.scalar("SELECT id FROM articles WHERE doc_id = ?", (article.doc_id,))  # type: ignore[attr-defined]
            if old is not None:
                self.execute("DELETE FROM events WHERE article_id = ?", (old,))  # type: ignore[attr-defined]
                self.execute("DELETE FROM articles WHERE id = ?", (old,))  # type: ignore[attr-defined]
            article_id = self.scalar(  # type: ignore[attr-defined]
                "INSERT INTO articles (doc_id, url, title, outlet, published, language, text, content_sha256) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (article.doc_id, article.url, article.title, article.outlet, article.published,
                 article.language, article.text, sha),
            )
            placeholders = ", ".join("?" for _ in _EVENT_COLUMNS.split(","))
            for ordinal, event in enumerate(events):
                self.execute(  # type: ignore[attr-defined]
                    f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({placeholders})",
                    _event_row(int(article_id), ordinal, event),
                )
        return int(article_id)

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
