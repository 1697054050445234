"""What runs on a worker: load the extractor once per process, then turn whole shards into outputs.

The same :func:`process_shard` runs in-process (``engine="local"``) and on Dask workers, so the two
engines produce byte-identical outputs. A document that raises is recorded with its error and the
shard goes on; a shard that cannot be read or written is returned as failed with a clear reason
(the driver records it in the manifest and a re-run retries it).
"""

from __future__ import annotations

import functools
import os
import resource
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import ConfigError, FrontwatchError
from ..ingest.document import Document
from ..models import Article, Event, JsonMixin
from .output import ShardWriter, is_disk_full, write_outputs
from .shards import Record, ShardInput, parse_records, read_shard

#: Errors kept per shard in the manifest (the output JSONL keeps every one).
MAX_ERRORS_KEPT = 20
#: Documents handed to the extractor at a time (it batches them through spaCy) and per progress report.
CHUNK = 32


class Extractor(Protocol):
    """Anything that maps an article to its events (the events pipeline, or a test stand-in)."""

    def extract(self, article: Article) -> list[Event]: ...


ExtractorFactory = Callable[[], Extractor]

#: One loaded extractor per factory per process: a worker pays the model's start-up once.
_LOADED: dict[str, Extractor] = {}


def default_factory() -> Extractor:
    """The events pipeline (``frontwatch.events``), loaded with its default settings."""
    try:
        from ..events.extractor import Extractor as PipelineExtractor
    except ImportError as exc:
        raise ConfigError(f"the events pipeline is not available ({exc}): install frontwatch fully") from exc
    return PipelineExtractor()


def extractor_key(factory: ExtractorFactory) -> str:
    """A stable name for a factory, recorded per shard so a changed extractor redoes the shard.

    >>> extractor_key(functools.partial(dict, a=1))
    'builtins:dict(a=1)'
    """
    from .. import __version__

    if isinstance(factory, functools.partial):
        args = ", ".join([*map(repr, factory.args), *(f"{k}={v!r}" for k, v in sorted(factory.keywords.items()))])
        return f"{extractor_key(factory.func).split('@')[0]}({args})"
    name = f"{getattr(factory, '__module__', '?')}:{getattr(factory, '__qualname__', type(factory).__name__)}"
    return f"{name}@{__version__}" if factory is default_factory else name


def get_extractor(factory: ExtractorFactory) -> Extractor:
    """The extractor of ``factory`` in this process, loading it on first use."""
    key = extractor_key(factory)
    if key not in _LOADED:
        _LOADED[key] = factory()
    return _LOADED[key]


@dataclass(frozen=True)
class ShardTask:
    """Everything a worker needs for one shard; picklable (the factory and writer must be too)."""

    shard: ShardInput
    out_dir: str
    formats: tuple[str, ...]
    factory: ExtractorFactory
    extractor: str  # extractor_key(factory)
    writer: ShardWriter = field(default_factory=ShardWriter)


@dataclass
class ShardResult(JsonMixin):
    """The outcome of one shard, as recorded in the manifest."""

    shard: str
    input: str
    status: str  # "done" | "failed"
    extractor: str
    size: int | None = None
    mtime_ns: int | None = None
    sha256: str | None = None
    documents: int = 0
    events: int = 0
    document_errors: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    disk_full: bool = False
    outputs: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of this process on the shard (wall minus waiting for a shared core)
    worker: str = ""
    peak_rss_mb: float = 0.0


def process_shard(task: ShardTask, on_docs: Callable[[int], None] | None = None) -> ShardResult:
    """Extract the events of every document of one shard and write its outputs atomically."""
    started = (time.perf_counter(), time.process_time())
    result = ShardResult(shard=task.shard.name, input=task.shard.path, status="failed", extractor=task.extractor,
                         worker=f"{socket.gethostname()}:{os.getpid()}")
    try:
        lines, fp = read_shard(task.shard.path)
    except FrontwatchError as exc:
        return _finish(result, started, error=str(exc))
    result.size, result.mtime_ns, result.sha256 = fp.size, fp.mtime_ns, fp.sha256
    extractor = get_extractor(task.factory)
    records = list(parse_records(lines, name=task.shard.name))
    out_lines: list[dict[str, Any]] = []
    for lo in range(0, len(records), CHUNK):
        chunk = records[lo:lo + CHUNK]
        out_lines.extend(extract_chunk(extractor, [r.document for r in chunk]))
        if on_docs is not None:
            on_docs(len(chunk))
    _count(result, records, out_lines)
    try:
        result.outputs = write_outputs(task.writer, Path(task.out_dir), task.shard.name, task.formats, out_lines)
    except OSError as exc:
        result.disk_full = is_disk_full(exc)
        what = "no space left on the device" if result.disk_full else (exc.strerror or str(exc))
        return _finish(result, started, error=f"cannot write the outputs of shard {task.shard.name} "
                                              f"in {task.out_dir}: {what}; free space and re-run")
    result.status = "done"
    return _finish(result, started)


def extract_chunk(extractor: Extractor, documents: list[Document]) -> list[dict[str, Any]]:
    """CONTRACTS output lines for a few documents, in order; a document that raises gets its error.

    The events pipeline's ``extract_documents`` batches documents through spaCy (much faster than one
    at a time) and records per-document failures itself; should a whole batch raise (a crash inside
    the parser), the chunk is redone one document at a time so only the culprit fails.
    """
    batch = getattr(extractor, "extract_documents", None)
    if batch is None:
        return [_extract_one(extractor, d) for d in documents]
    try:
        return [extraction.to_dict() for extraction in batch(documents)]
    except Exception as exc:  # noqa: BLE001 - a poisoned document must not stop its shard (STYLE: record, go on)
        if len(documents) == 1:
            return [_error_line(documents[0], exc)]
        return [line for d in documents for line in extract_chunk(extractor, [d])]


def _extract_one(extractor: Extractor, document: Document) -> dict[str, Any]:
    """One output line through the plain ``extract(article)`` interface."""
    if document.article is None or document.error:
        line: dict[str, Any] = {"doc_id": document.doc_id, "events": [], "error": document.error or "unreadable"}
    else:
        try:
            events = extractor.extract(document.article)
        except Exception as exc:  # noqa: BLE001 - a poisoned document must not stop its shard
            return _error_line(document, exc)
        line = {"doc_id": document.doc_id, "events": [event.to_dict() for event in events]}
    if document.notes:
        line["notes"] = list(document.notes)
    return line


def _error_line(document: Document, exc: BaseException) -> dict[str, Any]:
    return {"doc_id": document.doc_id, "events": [], "error": f"extraction failed: {type(exc).__name__}: {exc}"}


def _count(result: ShardResult, records: list[Record], out_lines: list[dict[str, Any]]) -> None:
    for record, line in zip(records, out_lines, strict=True):
        result.documents += 1
        result.events += len(line["events"])
        if "error" in line:
            result.document_errors += 1
            if len(result.errors) < MAX_ERRORS_KEPT:
                result.errors.append({"doc_id": line["doc_id"], "line": record.line, "error": line["error"]})


def _finish(result: ShardResult, started: tuple[float, float], *, error: str | None = None) -> ShardResult:
    result.error = error
    result.seconds = round(time.perf_counter() - started[0], 3)
    result.cpu_seconds = round(time.process_time() - started[1], 3)
    result.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB
    return result
