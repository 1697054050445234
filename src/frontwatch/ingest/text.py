"""Plain text: decode bytes strictly, refuse binaries and empties, cap the size.

>>> decode_text(b"Hello", name="x.txt")
('Hello', ())
>>> decode_text(b"\\xff\\xfe\\x00", name="x.bin")
Traceback (most recent call last):
...
frontwatch.errors.UnreadableFile: x.bin: looks binary (NUL bytes); give a UTF-8 text, HTML or JSONL file
"""

from __future__ import annotations

from ..errors import UnreadableFile

#: Characters of text kept per document. A long news article is 10-50 k characters; spaCy's parser needs about
#: 1 GB of memory per 100 k characters and refuses texts over 1 M (its ``max_length``). 300 k keeps a worker's
#: memory bounded and is six times the longest report; longer inputs are truncated with a note.
MAX_TEXT_CHARS = 300_000
#: Bytes read from a file or URL before giving up on the rest.
MAX_INPUT_BYTES = 20 * 1024 * 1024


def decode_text(data: bytes, *, name: str) -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8 (BOM tolerated) into text; return it with notes (truncation)."""
    if not data.strip():
        raise UnreadableFile("empty input; give a file with article text", path=name)
    if b"\x00" in data[:8192]:
        raise UnreadableFile("looks binary (NUL bytes); give a UTF-8 text, HTML or JSONL file", path=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"invalid UTF-8 at byte {exc.start}; re-encode the file as UTF-8", path=name) from None
    return cap_text(text)


def cap_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Truncate ``text`` at :data:`MAX_TEXT_CHARS` (on a paragraph boundary where one is near), noting it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) <= MAX_TEXT_CHARS:
        return text, ()
    cut = text.rfind("\n", MAX_TEXT_CHARS - 10_000, MAX_TEXT_CHARS)
    cut = cut if cut > 0 else MAX_TEXT_CHARS
    note = f"text of {len(text):,} characters truncated to the first {cut:,} (cap {MAX_TEXT_CHARS:,})"
    return text[:cut], (note,)
