"""The lines of our own probe gold (``tools/make_*_gold.py``): one event of a sub-type, the documents as JSONL.

An event gives its type and sub-type (none: only "found" is scored), its dates when the file scores them, and its
deaths when given (0 where nobody died), in that order, so every file regenerates byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from frontwatch.nlp.taxonomy import EVENT_TYPE_OF


def gold_event(sub: str | None, *, dead: int | None = None, dates: tuple[str, str] | None = None) -> dict:
    event: dict = {}
    if sub:
        event["event_type"], event["sub_event_type"] = EVENT_TYPE_OF[sub], sub
    if dates:
        event["date_start"], event["date_end"] = dates
    if dead is not None:
        event["fatalities"] = {"best": dead}
    return event


def write_jsonl(path: str, docs: Iterable[dict]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
