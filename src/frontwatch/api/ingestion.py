"""Ingestion behind the token: extract an article's events with the same pipeline as ``frontwatch extract``,
then store the article with them (and merge them into incidents, as the extract path does)."""

from __future__ import annotations

from typing import Any

from ..models import Article, Event


def extract_events(article: Article) -> list[Event]:
    """The events of ``article``, most salient first (the library call ``frontwatch extract`` makes)."""
    from ..events import extract_article  # issue 3's pipeline entry point

    return list(extract_article(article))


def extract_and_store(store: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """Extract and store one article given as the API's ``ArticleIn`` fields; returns what was stored."""
    article = Article(
        doc_id=fields["doc_id"], text=fields["text"], published=fields.get("published"), url=fields.get("url"),
        title=fields.get("title"), outlet=fields.get("outlet"),
    )
    events = extract_events(article)
    article_id = store.add_article(article, events)
    return {"doc_id": article.doc_id, "article_id": int(article_id), "events": len(events)}
