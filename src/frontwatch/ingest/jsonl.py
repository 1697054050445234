"""JSONL corpora: one ``{"doc_id", "text", "published"?, ...}`` per line; a bad line is recorded, not fatal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from ..models import Article
from .document import Document, failed
from .published import parse_published
from .text import cap_text


def documents_from_jsonl(lines: Iterable[str], *, name: str, published: date | None = None) -> Iterator[Document]:
    """One document per non-blank line, in order (CONTRACTS: one output line per input line)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc_id = f"{name}:{number}"
        try:
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(row, dict):
                raise ValueError(f"line {number} is not a JSON object")
            doc_id = str(row.get("doc_id") or row.get("id") or doc_id)
            yield _row_document(row, doc_id=doc_id, published=published)
        except ValueError as exc:  # JSONDecodeError, UnresolvableDate, missing text
            yield failed(doc_id, exc)


def _row_document(row: dict, *, doc_id: str, published: date | None) -> Document:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f'document {doc_id!r} has no "text"')
    day = published or parse_published(row.get("published"))
    text, notes = cap_text(text)
    article = Article(
        doc_id=doc_id, text=text, published=day, url=row.get("url"), title=row.get("title"), outlet=row.get("outlet")
    )
    return Document(doc_id=doc_id, article=article, notes=notes)
