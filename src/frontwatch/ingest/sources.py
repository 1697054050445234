"""Dispatch inputs (paths, URLs, ``-`` for stdin) to the right reader, in order, one Document at a time."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..errors import FrontwatchError, UnreadableFile
from ..models import Article
from .document import Document, failed
from .language import is_english
from .published import parse_published
from .text import MAX_INPUT_BYTES, decode_text

FORMATS = ("auto", "text", "html", "jsonl")
#: Bytes looked at to tell the format of an input (a JSONL corpus names "text" within its first lines).
SNIFF_BYTES = 100_000
#: Bytes read at a time from a file or stdin.
CHUNK_BYTES = 1 << 20


def read_sources(
    sources: Iterable[str],
    *,
    input_format: str = "auto",
    published: str | date | None = None,
    stdin_text: str | None = None,
) -> Iterator[Document]:
    """Yield the documents of every source in order; non-English ones come back with an error note."""
    if input_format not in FORMATS:
        raise UnreadableFile(f"unknown input format {input_format!r}; use one of {', '.join(FORMATS)}")
    day = parse_published(published)  # raises at once: a bad --published is the user's to fix
    for source in sources:
        try:
            for doc in _read_one(str(source), input_format=input_format, published=day, stdin_text=stdin_text):
                yield _check_language(doc)
        except FrontwatchError as exc:
            yield failed(str(source), exc)


def _check_language(doc: Document) -> Document:
    if doc.article is None or is_english(doc.article.text):
        return doc
    return Document(doc_id=doc.doc_id, error="skipped: the text is not in English", notes=doc.notes)


def _read_one(source: str, *, input_format: str, published: date | None, stdin_text: str | None) -> Iterator[Document]:
    if source.startswith(("http://", "https://")):
        from .url import fetch_url

        data, content_type = fetch_url(source)
        kind = "html" if "html" in content_type and input_format == "auto" else input_format
        yield from _from_bytes(data, name=source, input_format=kind, published=published, url=source)
        return
    if source == "-":
        if stdin_text is not None:
            yield from _from_stream(
                iter([stdin_text.encode("utf-8")]), name="stdin", input_format=input_format, published=published
            )
            return
        yield from _from_stream(_chunks(sys.stdin.buffer), name="stdin", input_format=input_format, published=published)
        return
    path = Path(source)
    if not path.is_file():
        raise UnreadableFile("no such file; check the path", path=source)
    kind = input_format
    if kind == "auto" and path.suffix.lower() in (".jsonl", ".ndjson"):
        kind = "jsonl"
    with path.open("rb") as fh:
        yield from _from_stream(_chunks(fh), name=source, input_format=kind, published=published)


def _chunks(fh: BinaryIO, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    while chunk := fh.read(size):
        yield chunk


def _from_stream(
    chunks: Iterator[bytes], *, name: str, input_format: str, published: date | None
) -> Iterator[Document]:
    """A JSONL stream is read line by line to its end; any other input whole, up to MAX_INPUT_BYTES."""
    head = b""
    for chunk in chunks:  # enough of the start to tell the format
        head += chunk
        if len(head) >= SNIFF_BYTES:
            break
    kind = _sniff(head) if input_format == "auto" else input_format
    if kind == "jsonl":
        from .jsonl import documents_from_stream

        yield from documents_from_stream(itertools.chain([head], chunks), name=name, published=published)
        return
    data = bytearray(head)
    for chunk in chunks:
        data += chunk
        if len(data) > MAX_INPUT_BYTES:
            break
    yield from _from_bytes(bytes(data), name=name, input_format=kind, published=published)


def _from_bytes(
    data: bytes, *, name: str, input_format: str, published: date | None, url: str | None = None
) -> Iterator[Document]:
    notes: tuple[str, ...] = ()
    if len(data) > MAX_INPUT_BYTES:
        data = data[:MAX_INPUT_BYTES]
        data = data[: data.rfind(b"\n") + 1] or data
        notes = (f"input larger than {MAX_INPUT_BYTES:,} bytes: only its first {len(data):,} bytes were read",)
    if input_format == "auto":
        input_format = _sniff(data)
    if input_format == "jsonl":
        from .jsonl import documents_from_stream

        yield from documents_from_stream(iter([data]), name=name, published=published)
        return
    if input_format == "feed":
        from .feed import documents_from_feed

        yield from documents_from_feed(data, name=name, published=published)
        return
    text, more = decode_text(data, name=name)
    doc_id = Path(name).stem if url is None else url
    if input_format == "html":
        from .html import article_from_html

        article, more_html = article_from_html(text, doc_id=doc_id, url=url, published=published)
        yield Document(doc_id=doc_id, article=article, notes=notes + more + more_html)
        return
    yield Document(
        doc_id=doc_id, article=Article(doc_id=doc_id, text=text, published=published, url=url), notes=notes + more
    )


def _sniff(data: bytes) -> str:
    """Guess the format of bytes: an RSS/Atom feed, an HTML page, JSONL, or plain text."""
    from .feed import looks_like_feed

    head = data[:2000].lstrip().lower()
    if looks_like_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith(b"{") and b'"text"' in data[:SNIFF_BYTES]:
        return "jsonl"
    return "text"
