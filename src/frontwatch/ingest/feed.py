"""RSS and Atom feeds via feedparser: one document per item; a broken item is recorded, not fatal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..errors import UnreadableFile
from ..models import Article
from .document import Document, failed
from .text import cap_text

_TAG = re.compile(r"<[^>]+>")


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes start like an RSS or Atom document."""
    head = data[:1000].lstrip().lower()
    return (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)) or head.startswith(
        (b"<rss", b"<feed")
    )


def documents_from_feed(data: bytes, *, name: str, published: date | None = None) -> Iterator[Document]:
    """Yield one document per feed item (title + summary or content), in feed order."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        raise UnreadableFile(f"not a readable RSS/Atom feed ({reason})", path=name)
    for i, entry in enumerate(parsed.entries):
        doc_id = entry.get("id") or entry.get("link") or f"{name}#{i}"
        try:
            yield _entry_document(entry, doc_id=doc_id, published=published)
        except (ValueError, TypeError, AttributeError) as exc:
            yield failed(doc_id, f"feed item {i}: {exc}")


def _entry_document(entry: dict, *, doc_id: str, published: date | None) -> Document:
    body = ""
    if entry.get("content"):
        body = " ".join(c.get("value", "") for c in entry["content"])
    body = body or entry.get("summary", "")
    title = (entry.get("title") or "").strip()
    text = "\n\n".join(p for p in (title, _TAG.sub(" ", body).strip()) if p)
    if not text:
        raise ValueError("item has neither title nor text")
    day = published
    if day is None:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    text, notes = cap_text(text)
    article = Article(doc_id=str(doc_id), text=text, published=day, url=entry.get("link"), title=title or None)
    return Document(doc_id=str(doc_id), article=article, notes=notes)
