"""Feeds for the watch job: download an RSS/Atom feed, keep the items not yet stored, extract and store them.

Items are read by ``frontwatch.ingest.feed`` (a broken item becomes an error line, the others go on)
and stored through ``events.run.store_article``, the path every stored article takes, so new events are
merged with the incidents already stored. An item is new when its ``doc_id`` (the item's id or link)
is not in the store, so a second run stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from ..errors import FetchError, FrontwatchError
from ..ingest.document import Document

if TYPE_CHECKING:
    from ..store import Store

MAX_FEED_BYTES = 16 * 1024 * 1024


def read_feed(client: httpx.Client, url: str) -> list[Document]:
    """The feed's items as documents (FetchError when it cannot be downloaded or read)."""
    from ..ingest.feed import documents_from_feed
    from ..territory.fetch import get_bytes

    if url.startswith(("http://", "https://")):
        data = get_bytes(client, url, max_bytes=MAX_FEED_BYTES)
    else:
        try:
            data = Path(url.removeprefix("file://")).read_bytes()
        except OSError as exc:
            raise FetchError(f"cannot read feed file {url}: {exc.strerror}") from exc
    try:
        return list(documents_from_feed(data, name=url))
    except FrontwatchError as exc:
        raise FetchError(f"{url}: {exc}") from exc


def store_new(store: Store, documents: list[Document],
              extractor: Callable[[], Any]) -> tuple[int, int, list[str]]:
    """Extract and store the documents the store lacks: (stored, already stored, error lines)."""
    from ..events.run import store_article

    errors = [f"item {d.doc_id}: {d.error}" for d in documents if not d.ok]
    readable = [d for d in documents if d.ok]
    known = _stored_ids(store, [d.doc_id for d in readable])
    new = [d for d in readable if d.doc_id not in known]
    stored = 0
    if new:
        for result in extractor().extract_documents(new):
            if result.error or result.article is None:
                errors.append(f"item {result.doc_id}: {result.error}")
                continue
            store_article(store, result.article, result.events)
            stored += 1
    return stored, len(readable) - len(new), errors


def _stored_ids(store: Store, doc_ids: list[str]) -> set[str]:
    return store.articles.stored_doc_ids(doc_ids)
