"""Extract events from a sharded corpus, resumably, in-process or on a Dask cluster.

    extract_corpus(["news/*.jsonl.gz"], Path("out"), engine="dask", workers=8)

Each input shard becomes one output shard per format (``NAME.events.jsonl``, ``NAME.events.parquet``)
written atomically; ``OUT/manifest.jsonl`` records each finished shard with its counts, errors and the
input's size, mtime and SHA-256. A re-run skips finished shards whose input is unchanged and retries
failed ones, so a run killed at any point resumes with nothing duplicated or lost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, FrontwatchError, StoreError
from .engine import open_engine
from .manifest import Manifest
from .output import FORMAT_SUFFIXES, ShardWriter, remove_stale_temps
from .progress import RunProgress
from .shards import ShardInput, discover, read_shard
from .worker import ExtractorFactory, ShardResult, ShardTask, default_factory, extractor_key

#: Documents per input byte assumed before any shard is measured (about 4 kB of JSON per article).
_DOCS_PER_BYTE_GUESS = 1 / 4000


@dataclass
class CorpusSummary:
    """What a run did: shards processed, skipped and failed; documents, events, errors; speed; memory."""

    out_dir: str
    engine: str
    workers: int
    shards_total: int = 0
    shards_done: int = 0
    shards_skipped: int = 0
    shards_failed: int = 0
    documents: int = 0
    events: int = 0
    document_errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # summed over shards: the work, whatever else shared the cores
    failed: list[dict[str, Any]] = field(default_factory=list)
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)
    loaded: dict[str, Any] | None = None

    def add(self, result: ShardResult) -> None:
        """Count one shard's outcome."""
        if result.status == "done":
            self.shards_done += 1
            self.documents += result.documents
            self.events += result.events
            self.document_errors += result.document_errors
            self.cpu_seconds += result.cpu_seconds
        else:
            self.shards_failed += 1
            self.failed.append({"shard": result.shard, "input": result.input, "error": result.error})
        if result.worker:
            old = self.worker_peak_rss_mb.get(result.worker, 0.0)
            self.worker_peak_rss_mb[result.worker] = max(old, result.peak_rss_mb)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` summary."""
        return {
            "out_dir": self.out_dir, "engine": self.engine, "workers": self.workers,
            "shards": {"total": self.shards_total, "done": self.shards_done, "skipped": self.shards_skipped,
                       "failed": self.shards_failed},
            "documents": self.documents, "events": self.events, "document_errors": self.document_errors,
            "seconds": round(self.seconds, 2), "docs_per_second": round(self.docs_per_second, 2),
            "cpu_seconds": round(self.cpu_seconds, 2),
            "failed": self.failed, "worker_peak_rss_mb": self.worker_peak_rss_mb, "loaded": self.loaded,
        }


def extract_corpus(
    inputs: list[str],
    out_dir: Path,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    formats: tuple[str, ...] | list[str] = ("jsonl", "parquet"),
    progress: bool = True,
    db: str | None = None,
    extractor_factory: ExtractorFactory | None = None,
    writer: ShardWriter | None = None,
) -> CorpusSummary:
    """Extract every shard of ``inputs`` into ``out_dir`` (skipping finished ones); optionally load ``db``.

    ``extractor_factory`` is any picklable callable returning an object with ``extract(article)``;
    it is called once per worker process. ``writer`` is where bytes are written (a test can pass one
    that fails with a full disk). Raises :class:`StoreError` when the disk fills: the manifest then
    holds exactly the shards finished before, and a re-run resumes from there.
    """
    import time

    formats = _check_formats(formats)
    out_dir = _prepare_out_dir(Path(out_dir))
    shards = discover(list(inputs))
    factory = extractor_factory or default_factory
    key = extractor_key(factory)
    writer = writer or ShardWriter()
    started = time.perf_counter()
    with Manifest(out_dir, writer) as manifest:
        remove_stale_temps(out_dir)
        todo = [s for s in shards if manifest.pending_reason(s, formats, key) is not None]
        summary = CorpusSummary(out_dir=str(out_dir), engine=engine, workers=1, shards_total=len(shards),
                                shards_skipped=len(shards) - len(todo))
        if todo:
            tasks = [ShardTask(shard=s, out_dir=str(out_dir), formats=formats, factory=factory, extractor=key,
                               writer=writer) for s in todo]
            _run_tasks(tasks, manifest, summary, engine=engine, scheduler=scheduler, workers=workers,
                       progress=progress)
    summary.seconds = time.perf_counter() - started
    if db:
        from .load import load_outputs

        summary.loaded = load_outputs(out_dir, db).to_dict()
    return summary


def _run_tasks(tasks: list[ShardTask], manifest: Manifest, summary: CorpusSummary, *, engine: str,
               scheduler: str | None, workers: int | None, progress: bool) -> None:
    """Run the tasks on the engine, recording each result in the manifest as it arrives."""
    runner = open_engine(engine, scheduler=scheduler, workers=workers)
    summary.workers = runner.workers
    disk_full: str | None = None
    bar = RunProgress(shards=len(tasks), input_bytes=sum(_size(t.shard) for t in tasks),
                      docs_per_byte=_docs_per_byte(tasks[0].shard) if progress else 0.0, enabled=progress)
    try:
        with bar:
            for result in runner.map_shards(tasks, bar.on_docs):
                try:
                    manifest.record(result.to_dict())
                except StoreError as exc:  # the manifest could not be appended: it still holds every earlier shard
                    disk_full = str(exc)
                summary.add(result)
                bar.shard_done(result)
                if result.disk_full and disk_full is None:
                    disk_full = result.error
                if disk_full:
                    runner.cancel()
                    break
    finally:
        runner.close()
    if disk_full:
        raise StoreError(f"{disk_full} ({summary.shards_done} shards finished in this run are kept)")


def _check_formats(formats: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMAT_SUFFIXES]
    if unknown or not chosen:
        raise ConfigError(f"unknown output format {unknown or formats!r}: expected jsonl and/or parquet")
    if "jsonl" not in chosen:
        raise ConfigError("the jsonl output is required (it is what `frontwatch scale load` reads); add jsonl")
    return chosen


def _prepare_out_dir(out_dir: Path) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the output folder {out_dir}: {exc.strerror or exc}") from exc
    if not os.access(out_dir, os.W_OK):
        raise StoreError(f"the output folder {out_dir} is not writable: choose another --out")
    return out_dir.resolve()


def _size(shard: ShardInput) -> int:
    try:
        return os.path.getsize(shard.path)
    except OSError:
        return 0


def _docs_per_byte(shard: ShardInput) -> float:
    """Documents per input byte of one shard, to size the progress bar before any shard finishes."""
    try:
        lines, fp = read_shard(shard.path)
    except FrontwatchError:
        return _DOCS_PER_BYTE_GUESS
    docs = sum(1 for line in lines if line.strip())
    return docs / fp.size if fp.size and docs else _DOCS_PER_BYTE_GUESS
