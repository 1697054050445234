"""One call for the command line and the API: read sources, extract, optionally store, in input order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..ingest import read_sources
from .extractor import Extraction, Extractor


def extract_sources(
    sources: list[str],
    *,
    input_format: str = "auto",
    published: object = None,
    store: Any = None,
    extractor: Extractor | None = None,
) -> Iterator[Extraction]:
    """Yield one :class:`Extraction` per document of ``sources``.

    With ``store``, each article is stored with its events as it is done."""
    extractor = extractor or Extractor()
    documents = read_sources(sources, input_format=input_format, published=published)
    for result in extractor.extract_documents(documents):
        if store is not None and result.article is not None and result.error is None:
            store.add_article(result.article, result.events)
        yield result
