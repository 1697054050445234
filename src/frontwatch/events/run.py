"""One call for the command line and the API: read sources, extract, optionally store, in input order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..errors import FrontwatchError
from ..ingest import read_sources
from ..models import Article, Event
from .extractor import Extraction, Extractor

if TYPE_CHECKING:
    from ..store import Store


def store_article(store: Store, article: Article, events: list[Event]) -> int:
    """Store an article with its events and merge them with stored reports of the same incidents.

    Every path that stores extracted events (CLI, scale-out loader, API, demo) goes through here, so
    deduplication is applied when storing, whichever way the events arrive.
    """
    from ..dedup import assign_clusters

    with store.transaction():
        article_id = int(store.add_article(article, events))
        if events:
            assign_clusters(store, article_id)
    return article_id


def extract_sources(
    sources: list[str],
    *,
    input_format: str = "auto",
    published: str | date | None = None,
    store: Store | None = None,
    extractor: Extractor | None = None,
) -> Iterator[Extraction]:
    """Yield one :class:`Extraction` per document of ``sources``.

    With ``store``, each article is stored with its events as it is done."""
    extractor = extractor or Extractor()
    documents = read_sources(sources, input_format=input_format, published=published)
    for result in extractor.extract_documents(documents):
        if store is not None and result.article is not None and result.error is None:
            try:
                store_article(store, result.article, result.events)
            except FrontwatchError as exc:  # one article the store refuses: recorded, the batch goes on
                result = replace(result, error=f"not stored: {exc}")
        yield result
