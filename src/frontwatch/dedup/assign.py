"""Deduplication applied when storing events: a new article's events join the clusters of stored events.

Candidates are the stored events of other articles dated within the dedup window of the new events and, when
every new event has a place, sharing its GeoNames place or first-level region (one indexed query: blocking by
date and place), then the same blocking and scoring as ``frontwatch dedup``. A new event that merges
with stored events takes their cluster id (the most common one when they disagree; stored events are not
relabelled); one that merges with none starts its own cluster, ``e<event id>``.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from typing import Any

from .cluster import DedupSettings, cluster_reports
from .features import Report, report_from_event


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
    labels = cluster_reports([_report(i, r) for i, r in enumerate(rows)], settings)
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
