"""Ingest: turn files, URLs, feeds and JSONL corpora into :class:`~frontwatch.models.Article` records.

Every source yields :class:`Document` items in input order: an article, or the reason it could not be
read. A batch never stops on one bad document (STYLE: errors recorded, the batch goes on).

>>> docs = list(read_sources(["-"], stdin_text="Shelling killed two people on Friday.", published="2024-05-17"))
>>> docs[0].article.published.isoformat(), docs[0].error
('2024-05-17', None)
"""

from __future__ import annotations

from .document import Document
from .sources import read_sources

__all__ = ["Document", "read_sources"]
