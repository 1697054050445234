"""Ingestion behind the token: extract an article's events with the same pipeline as ``frontwatch extract``,
store the article with them, and merge them into the incidents already stored (dedup), as the extract path does."""

from __future__ import annotations

import threading
from typing import Any

from ..models import Article, Event
from ..store import Store

_extractor: Any = None
_lock = threading.Lock()


def extractor() -> Any:
    """One :class:`~frontwatch.events.Extractor` per process: loading the spaCy pipeline takes seconds."""
    global _extractor  # a lazily built, process-wide pipeline
    with _lock:
        if _extractor is None:
            from ..events import Extractor

            _extractor = Extractor()
        return _extractor


def extract_events(article: Article) -> list[Event]:
    """The events of ``article``, most salient first (the library call ``frontwatch extract`` makes)."""
    return list(extractor().extract(article))


def extract_and_store(store: Store, fields: dict[str, Any]) -> dict[str, Any]:
    """Extract and store one article given as the API's ``ArticleIn`` fields; returns what was stored."""
    from ..events.run import store_article

    article = Article(
        doc_id=fields["doc_id"], text=fields["text"], published=fields.get("published"), url=fields.get("url"),
        title=fields.get("title"), outlet=fields.get("outlet"),
    )
    events = extract_events(article)
    article_id = store_article(store, article, events)
    clusters = {row["cluster_id"] for row in store.article_events(article_id) if row["cluster_id"]}
    return {"doc_id": article.doc_id, "article_id": int(article_id), "events": len(events),
            "clusters": sorted(clusters)}
