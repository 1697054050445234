"""HTML pages: the main text via trafilatura (comments, navigation and boilerplate excluded)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import UnreadableFile
from ..models import Article
from .published import parse_published
from .text import cap_text

#: Fewer words than this is a navigation bar or a caption, not an article.
MIN_WORDS = 6


def article_from_html(
    html: str, *, doc_id: str, url: str | None = None, published: str | date | None = None
) -> tuple[Article, tuple[str, ...]]:
    """Extract the article of an HTML page; the page's own date unless ``published`` is given."""
    import trafilatura  # slow import: only when HTML is met

    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    meta: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text")
    if not text or len(text.split()) < MIN_WORDS:
        raise UnreadableFile(
            "no article text found in the HTML page (navigation or comments only?)", path=url or doc_id
        )
    day = parse_published(published) if published else _page_date(meta.get("date"))
    text, notes = cap_text(text)
    article = Article(
        doc_id=doc_id,
        text=text,
        published=day,
        url=url or meta.get("url"),
        title=meta.get("title"),
        outlet=meta.get("sitename"),
    )
    return article, notes


def _page_date(value: str | None) -> date | None:
    try:
        return parse_published(value) if value else None
    except ValueError:  # a page's odd date is not fatal: the user can give --published
        return None
