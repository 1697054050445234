"""Read the article a check is asked for: a UTF-8 text file or standard input, with one clear error otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import NotFound, UnreadableFile

#: Articles longer than this are not news reports (10 MB of text would take minutes to scan).
MAX_BYTES = 5_000_000


def read_article(path: Path) -> str:
    """The text of ``path`` ("-" reads standard input)."""
    if str(path) == "-":
        return sys.stdin.read()
    if not path.is_file():
        raise NotFound(f"article {path} does not exist: give a text file (or - for standard input)")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"{len(data):,} bytes is too long for an article (limit {MAX_BYTES:,})", path=str(path))
    if b"\x00" in data[:4096]:
        raise UnreadableFile("binary file, not text: give the article as UTF-8 text", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not valid UTF-8 (byte {exc.start}): save the article as UTF-8", path=str(path)) from exc
