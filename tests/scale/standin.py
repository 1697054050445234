"""Stand-in extractors for engine tests: cheap, deterministic, picklable; with fault behaviours.

The engine must equal itself across engines whatever the extractor, so these isolate the engine's
semantics (resume, retries, poisoned documents) from the NLP pipeline's speed. Tests that check the
real pipeline use ``frontwatch.scale.worker.default_factory``.
"""

from __future__ import annotations

import errno
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from frontwatch.models import Article, Event, Evidence, Place
from frontwatch.scale.output import ShardWriter

POISON = "POISON-PILL"


@dataclass
class KeywordExtractor:
    """One "Shelling" event per sentence mentioning shelling; raises on a poisoned document."""

    die_once_marker: str | None = None  # kill this process the first time a poisoned doc is seen

    def extract(self, article: Article) -> list[Event]:
        if POISON in article.text:
            if self.die_once_marker and not os.path.exists(self.die_once_marker):
                Path(self.die_once_marker).write_text(str(os.getpid()))
                os.kill(os.getpid(), signal.SIGKILL)
            raise RuntimeError("poisoned document")
        events, pos = [], 0
        for sentence in article.text.split(". "):
            if "shell" in sentence.lower():
                events.append(Event(
                    event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                    evidence=Evidence(text=sentence, start=pos, end=pos + len(sentence)),
                    date_start=article.published, date_end=article.published, date_precision="day",
                    location=Place(name="Kharkiv", lat=49.98, lon=36.25, geonameid=706483, country="UA"),
                ))
            pos += len(sentence) + 2
        return events


def keyword_factory() -> KeywordExtractor:
    return KeywordExtractor()


class FullDiskWriter(ShardWriter):
    """A write layer whose disk fills after ``budget`` bytes: every later write fails with ENOSPC."""

    def __init__(self, budget: int) -> None:
        self.budget = budget

    def open_temp(self, path: Path) -> BinaryIO:
        return _Metered(super().open_temp(path), self)  # type: ignore[return-value]

    def open_append(self, path: Path) -> BinaryIO:
        return _Metered(super().open_append(path), self)  # type: ignore[return-value]


class _Metered:
    """A file that charges its writes to the writer's budget (the real file system underneath)."""

    def __init__(self, raw: BinaryIO, owner: FullDiskWriter) -> None:
        self._file, self._owner = raw, owner

    def write(self, data) -> int:  # type: ignore[override]
        if len(data) > self._owner.budget:
            written = self._file.write(bytes(data[: self._owner.budget]))  # a partial write, as a real disk does
            self._owner.budget = 0
            self._file.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"wrote {written} bytes")
        self._owner.budget -= len(data)
        return self._file.write(data)

    def flush(self) -> None:
        self._file.flush()

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass
class SlowKeywordExtractor(KeywordExtractor):
    """The keyword stand-in at about 20 documents a second, so a test can kill a run halfway."""

    def extract(self, article: Article) -> list[Event]:
        time.sleep(0.05)
        return super().extract(article)


def slow_keyword_factory() -> SlowKeywordExtractor:
    return SlowKeywordExtractor()


@dataclass
class PoisonedPipeline:
    """The real events pipeline, except that a document containing :data:`POISON` raises inside it."""

    inner: object

    def extract_documents(self, documents):
        for document in documents:
            if document.article is not None and POISON in document.article.text:
                raise RuntimeError("poisoned document")
        return self.inner.extract_documents(documents)  # type: ignore[attr-defined]


def poisoned_pipeline() -> PoisonedPipeline:
    """Reuses the worker's already loaded pipeline (same cache entry as the default factory)."""
    from frontwatch.scale.worker import default_factory, get_extractor

    return PoisonedPipeline(get_extractor(default_factory))


def dying_factory(marker: str) -> KeywordExtractor:
    """The keyword stand-in that kills its own worker process on the first poisoned document."""
    return KeywordExtractor(die_once_marker=marker)


@dataclass
class SlowPipeline:
    """The real events pipeline, held back 0.3 s a document so that a test can kill a run halfway."""

    inner: object

    def extract_documents(self, documents):
        documents = list(documents)
        time.sleep(0.3 * len(documents))
        return self.inner.extract_documents(documents)  # type: ignore[attr-defined]


def slow_pipeline() -> SlowPipeline:
    from frontwatch.scale.worker import default_factory, get_extractor

    return SlowPipeline(get_extractor(default_factory))
