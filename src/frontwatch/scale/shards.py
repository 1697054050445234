"""Input shards: find them (files, folders, globs), fingerprint them, and read their documents.

A shard is one JSONL or JSONL.gz file whose lines are ``{"doc_id", "text", "published"?, ...}``
(CONTRACTS, ``--input jsonl``). A shard is the unit of work, of output and of resumption: a worker
reads a whole shard, so reading errors that make the file unusable (a missing file, a corrupt gzip
stream) fail that shard alone, while a bad *line* fails only its document.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import NotFound, UnreadableFile
from ..ingest.document import Document, failed
from ..ingest.jsonl import documents_from_jsonl
from ..models import Article, JsonMixin

#: File names taken from a folder or a glob; anything else there (outputs, notes) is ignored.
SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


@dataclass(frozen=True)
class ShardInput(JsonMixin):
    """One input shard and the output name its results are written under."""

    path: str
    name: str  # output stem, unique within a run


@dataclass(frozen=True)
class Fingerprint(JsonMixin):
    """What identifies an input's content: a re-run skips a shard only if this still matches."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class Record:
    """One input line as an ingested document (an article, or the reason it could not become one)."""

    line: int  # 1-based line number in the shard
    document: Document

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def article(self) -> Article | None:
        return self.document.article


def shard_stem(path: str | Path) -> str:
    """The file name without its shard suffix.

    >>> shard_stem("/data/news-0003.jsonl.gz")
    'news-0003'
    >>> shard_stem("part.ndjson")
    'part'
    """
    name = Path(path).name
    for suffix in sorted(SHARD_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def discover(inputs: list[str]) -> list[ShardInput]:
    """The shards named by ``inputs`` (files, folders searched recursively, globs), in a stable order.

    A file named explicitly is kept even if it does not exist, so that it is reported as a failed
    shard while the rest of the batch goes on; a folder or glob that matches nothing is an error.
    """
    paths: list[str] = []
    for item in inputs:
        if any(ch in item for ch in "*?["):
            matched = sorted(p for p in glob.glob(item, recursive=True) if _is_shard(p))
            if not matched:
                raise NotFound(f"no .jsonl or .jsonl.gz shard matches the pattern {item!r}")
            paths.extend(matched)
        elif os.path.isdir(item):
            found = sorted(str(p) for p in Path(item).rglob("*") if p.is_file() and _is_shard(str(p)))
            if not found:
                raise NotFound(f"folder {item} holds no .jsonl or .jsonl.gz shard")
            paths.extend(found)
        else:
            paths.append(item)
    if not paths:
        raise NotFound("no input shards given: pass files, folders or glob patterns")
    unique = list(dict.fromkeys(os.path.abspath(p) for p in paths))
    return _name_outputs(unique)


def _is_shard(path: str) -> bool:
    return path.endswith(SHARD_SUFFIXES) and os.path.isfile(path)


def _name_outputs(paths: list[str]) -> list[ShardInput]:
    """Output stems from file names; two inputs with one stem get a short hash of their path."""
    stems = [shard_stem(p) for p in paths]
    clashes = {s for s in stems if stems.count(s) > 1}
    named = []
    for path, stem in zip(paths, stems, strict=True):
        if stem in clashes:
            stem = f"{stem}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"
        named.append(ShardInput(path=path, name=stem))
    return named


def stat_of(path: str) -> tuple[int, int]:
    """(size, mtime_ns) of a file; raises :class:`NotFound` with what to do."""
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise NotFound(f"input shard {path} does not exist: check the path or remove it from the run") from exc
    return st.st_size, st.st_mtime_ns


def fingerprint(path: str) -> Fingerprint:
    """Size, modification time and SHA-256 of the raw file bytes (compressed or not)."""
    size, mtime_ns = stat_of(path)
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return Fingerprint(size=size, mtime_ns=mtime_ns, sha256=digest.hexdigest())


def read_shard(path: str) -> tuple[list[bytes], Fingerprint]:
    """Every line of a shard, decompressed, with the fingerprint of the bytes read.

    The shard is read completely before any document is processed, so a gzip stream that breaks
    halfway fails the whole shard (with a clear error) and never yields half a shard of output.
    """
    size, mtime_ns = stat_of(path)
    try:
        with open(path, "rb") as raw:
            data = raw.read()
        print_ = Fingerprint(size=size, mtime_ns=mtime_ns, sha256=hashlib.sha256(data).hexdigest())
        if path.endswith(".gz") or data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise UnreadableFile(
            f"unreadable gzip ({exc}): the file is corrupt or truncated; re-create or re-download it",
            path=path,
        ) from exc
    except FileNotFoundError as exc:
        raise NotFound(f"input shard {path} disappeared during the run: restore it and re-run") from exc
    except OSError as exc:
        raise UnreadableFile(f"cannot read the shard: {exc.strerror or exc}", path=path) from exc
    return data.splitlines(), print_


def parse_records(lines: list[bytes], *, name: str) -> Iterator[Record]:
    """Records from raw lines, read exactly as ``frontwatch extract --input jsonl`` reads them.

    Delegates to :func:`frontwatch.ingest.jsonl.documents_from_jsonl` (doc_id fallback ``NAME:LINE``,
    publication dates, text cap) so both paths agree; only the per-line UTF-8 check is done here,
    because a shard is read as bytes and one bad line must not fail its neighbours.
    """

    texts: list[str] = []
    bad: dict[int, str] = {}
    for number, raw in enumerate(lines, start=1):
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            texts.append("")  # blank for the reader (skipped), reported here with its line number
            bad[number] = f"line {number} is not valid UTF-8 (byte {exc.start}); re-encode the shard as UTF-8"
    documents = documents_from_jsonl(texts, name=name)
    for number, text in enumerate(texts, start=1):
        if number in bad:
            yield Record(line=number, document=failed(f"{name}:{number}", bad[number]))
        elif text.strip():
            yield Record(line=number, document=next(documents))
