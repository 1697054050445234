"""Deduplication applied when storing events: a new article's events join the clusters of stored events.

Candidates are the stored events of other articles dated within the dedup window of the new events and, when
every new event has a place, sharing its GeoNames place or first-level region (one indexed query: blocking by
date and place), then the same blocking and scoring as ``frontwatch dedup``. A new event that merges
with stored events takes their cluster id (the most common one when they disagree; stored events are not
relabelled); one that merges with none starts its own cluster, ``e<event id>``.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import Counter, OrderedDict
from datetime import date, timedelta
from typing import Any

from .cluster import DedupSettings, cluster_reports
from .features import Report, report_from_event

#: Reports of stored events kept per store: candidates recur from one article to the next, and building a
#: report (tokens, places, figures) was 28 % of loading 1,000 articles. Bounded to keep memory in check.
REPORT_CACHE_SIZE = 50_000


class ReportCache:
    """Least-recently-used reports by event id (event ids are never reused within a store)."""

    def __init__(self, size: int = REPORT_CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[int, Report] = OrderedDict()
        self._lock = threading.Lock()

    def report(self, index: int, row: dict[str, Any]) -> Report:
        """The report of the stored event ``row``, numbered ``index`` for this clustering."""
        key = int(row["id"])
        with self._lock:
            cached = self._items.get(key)
            if cached is not None:
                self._items.move_to_end(key)
        if cached is None:
            cached = _report(0, row)
            with self._lock:
                self._items[key] = cached
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return dataclasses.replace(cached, index=index)


def report_cache(store: Any) -> ReportCache:
    """The store's report cache, made on first use."""
    cache = getattr(store, "_dedup_report_cache", None)
    if cache is None:
        cache = ReportCache()
        store._dedup_report_cache = cache
    return cache  # type: ignore[no-any-return]


def _report(index: int, row: dict[str, Any]) -> Report:
    event = json.loads(row["event_json"]) if row.get("event_json") else {}
    return report_from_event(index, str(row["id"]), row.get("evidence_text") or "", row.get("published"), event)


def assign_article(store: Any, article_id: int, settings: DedupSettings) -> dict[int, str]:
    """Cluster ids for the article's events (event id -> cluster id), written to the store and returned."""
    new_rows = store.article_events(article_id)
    days = [r["date_start"] or r["published"] for r in new_rows]
    days = [d for d in days if isinstance(d, date)]
    if not new_rows:
        return {}
    if not days:  # no date: nothing to compare in a date window; each event is its own incident
        assignments = {int(r["id"]): r["cluster_id"] or f"e{r['id']}" for r in new_rows}
        store.set_event_clusters(assignments)
        return assignments
    window = timedelta(days=settings.window_days)
    geonameids = sorted({int(r["geonameid"]) for r in new_rows if r["geonameid"] is not None})
    admin1s = sorted({r["admin1"] for r in new_rows if r["admin1"]})
    placed = all(r["geonameid"] is not None or r["admin1"] for r in new_rows)
    stored = store.dedup_candidates(min(days) - window, max(days) + window, exclude_article=article_id,
                                    geonameids=geonameids if placed else None, admin1s=admin1s if placed else None)
    rows = stored + new_rows
    cache = report_cache(store)
    labels = cluster_reports([cache.report(i, r) for i, r in enumerate(rows)], settings)
    existing: dict[int, Counter[str]] = {}
    for i, row in enumerate(stored):
        existing.setdefault(labels[i], Counter())[row["cluster_id"] or f"e{row['id']}"] += 1
    assignments: dict[int, str] = {}
    for i, row in enumerate(new_rows, start=len(stored)):
        joined = existing.get(labels[i])
        if joined:
            assignments[int(row["id"])] = joined.most_common(1)[0][0]
        else:
            assignments[int(rows[labels[i]]["id"])] = f"e{rows[labels[i]]['id']}"
            assignments[int(row["id"])] = f"e{rows[labels[i]]['id']}"
    # stored events that had no cluster id yet and were joined get theirs written too
    for i, row in enumerate(stored):
        if row["cluster_id"] is None and labels[i] in {labels[j] for j in range(len(stored), len(rows))}:
            assignments[int(row["id"])] = existing[labels[i]].most_common(1)[0][0]
    store.set_event_clusters(assignments)
    return assignments
