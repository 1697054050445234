"""JSONL corpora: one ``{"doc_id", "text", "published"?, ...}`` per line; a bad line is recorded, not fatal.

A corpus is streamed line by line, so its size is not capped (only each document's text is, by
:func:`~frontwatch.ingest.text.cap_text`). Lines end at ``\\n`` only: JSON allows raw U+2028, U+2029 and
U+0085 inside strings, and ``str.splitlines`` would cut a document in two at them.

>>> [line for _, line in jsonl_lines(iter([b'{"text": "a\\xe2\\x80\\xa8b"}\\r\\n', b"{}"]))]
['{"text": "a\\u2028b"}', '{}']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from ..models import Article
from .document import Document, failed
from .published import parse_published
from .text import MAX_INPUT_BYTES, cap_text

#: Bytes of one JSONL line read before it is refused: one document's text is capped far below this anyway.
MAX_LINE_BYTES = MAX_INPUT_BYTES


class LineError(ValueError):
    """A JSONL line that could not be read as text (too long, invalid UTF-8); it names the line."""


def jsonl_lines(
    chunks: Iterable[bytes], *, max_line_bytes: int = MAX_LINE_BYTES
) -> Iterator[tuple[int, str | LineError]]:
    """(line number, text) for every line of a byte stream, split at ``\\n`` only.

    A line that is not UTF-8, or longer than ``max_line_bytes``, is yielded as a :class:`LineError`
    in place of its text (the caller records it); the lines after it are read as usual.
    """
    number, pending, overflow = 0, bytearray(), False
    for chunk in chunks:
        parts = chunk.split(b"\n")
        for i, part in enumerate(parts):
            if not overflow:
                pending += part
                overflow = len(pending) > max_line_bytes
                if overflow:
                    pending.clear()
            if i == len(parts) - 1:
                break  # the last part has no newline yet: the next chunk continues it
            number += 1
            yield number, _line_text(number, bytes(pending), overflow, max_line_bytes)
            pending.clear()
            overflow = False
    if pending or overflow:
        number += 1
        yield number, _line_text(number, bytes(pending), overflow, max_line_bytes)


def _line_text(number: int, raw: bytes, overflow: bool, max_line_bytes: int) -> str | LineError:
    if overflow:
        return LineError(f"line {number} is longer than {max_line_bytes:,} bytes and was not read; split the document")
    if number == 1:
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # a BOM at the start of the file
    try:
        return raw.decode("utf-8").removesuffix("\r")
    except UnicodeDecodeError as exc:
        return LineError(f"line {number} is not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8")


def documents_from_jsonl(lines: Iterable[str], *, name: str, published: date | None = None) -> Iterator[Document]:
    """One document per non-blank line, in order (CONTRACTS: one output line per input line)."""
    yield from _documents(enumerate(lines, start=1), name=name, published=published)


def documents_from_stream(
    chunks: Iterable[bytes], *, name: str, published: date | None = None, max_line_bytes: int = MAX_LINE_BYTES
) -> Iterator[Document]:
    """One document per non-blank line of a byte stream; an empty stream is one error naming it."""
    seen = False
    for document in _documents(jsonl_lines(chunks, max_line_bytes=max_line_bytes), name=name, published=published):
        seen = True
        yield document
    if not seen:
        yield failed(name, "empty input (no JSONL lines); give one JSON object per line")


def _documents(
    numbered: Iterable[tuple[int, str | LineError]], *, name: str, published: date | None
) -> Iterator[Document]:
    for number, line in numbered:
        doc_id = f"{name}:{number}"
        if isinstance(line, LineError):
            yield failed(doc_id, line)
            continue
        if not line.strip():
            continue
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
