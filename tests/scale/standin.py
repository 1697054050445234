"""Stand-in extractors for engine tests: cheap, deterministic, picklable; with fault behaviours.

The engine must equal itself across engines whatever the extractor, so these isolate the engine's
semantics (resume, retries, poisoned documents) from the NLP pipeline's speed. Tests that check the
real pipeline use ``frontwatch.scale.worker.default_factory``.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from pathlib import Path

from frontwatch.models import Article, Event, Evidence, Place

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
