"""Progress on the terminal (rich, on stderr): shards and documents done, rate, time left.

The total number of documents is not known without reading every shard (gzip included), so it is
estimated from the input bytes at the documents-per-byte of the shards seen so far, and refined as
shards finish. Callbacks may arrive from Dask's client thread; rich's ``Progress.update`` is locked.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from .worker import ShardResult


class RunProgress:
    """A live progress bar for one run (a silent counter when ``enabled`` is False)."""

    def __init__(self, *, shards: int, input_bytes: int, docs_per_byte: float, enabled: bool) -> None:
        self.shards_total = shards
        self.input_bytes = max(input_bytes, 1)
        self.docs_per_byte = docs_per_byte
        self.shards_done = 0
        self.bytes_done = 0
        self.docs_finished = 0  # documents of finished shards
        self.partial: dict[str, int] = {}  # documents done so far in running shards
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._bar: Progress | None = None
        if enabled:
            self._bar = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), TaskProgressColumn(),
                TextColumn("{task.completed:,.0f}/~{task.total:,.0f} docs · shards {task.fields[shards]}"),
                TextColumn("· {task.fields[rate]} docs/s ·"), TimeElapsedColumn(), TextColumn("elapsed ·"),
                TimeRemainingColumn(), TextColumn("left"), console=Console(stderr=True), transient=False,
            )
            self._task = self._bar.add_task("extract", total=self._estimate_total(), shards=self._shards(), rate="-")

    def __enter__(self) -> RunProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._refresh()
            self._bar.stop()

    @property
    def documents(self) -> int:
        return self.docs_finished + sum(self.partial.values())

    def on_docs(self, shard: str, done: int) -> None:
        """A running shard reports how many of its documents are done."""
        with self._lock:
            self.partial[shard] = done
        self._refresh()

    def shard_done(self, result: ShardResult) -> None:
        """A shard finished (or failed): its final count replaces its partial one."""
        with self._lock:
            self.partial.pop(result.shard, None)
            self.shards_done += 1
            self.docs_finished += result.documents
            self.bytes_done += result.size or 0
            if self.bytes_done and self.docs_finished:
                self.docs_per_byte = self.docs_finished / self.bytes_done
        self._refresh()

    def _estimate_total(self) -> float:
        return max(self.input_bytes * self.docs_per_byte, float(self.documents), 1.0)

    def _shards(self) -> str:
        return f"{self.shards_done}/{self.shards_total}"

    def _refresh(self) -> None:
        if self._bar is None:
            return
        elapsed = time.monotonic() - self.started
        rate = f"{self.documents / elapsed:,.1f}" if elapsed else "-"
        fields: dict[str, Any] = {"shards": self._shards(), "rate": rate}
        self._bar.update(self._task, completed=self.documents, total=self._estimate_total(), **fields)
