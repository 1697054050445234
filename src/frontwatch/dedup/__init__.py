"""Deduplication: reports of one incident, from several articles and outlets, become one cluster.

``dedup_lines(rows)`` clusters report lines (raw ``{"doc_id", "text", "published"}`` or extraction output);
``assign_clusters(store, article_id)`` does the same for a stored article's events against the events
already in the store (the hook for the extract/store path); ``store.cluster_members(cluster_id)`` lists a
cluster's articles, outlets, claimants and figures, contradicting figures side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .cluster import DedupSettings, cluster_reports
from .features import Report, report_from_event, report_from_text


def report_of(index: int, row: dict[str, Any]) -> Report:
    """One input line as a :class:`Report`: from its most salient event when it carries extraction output."""
    doc_id = str(row.get("doc_id", index))
    events = row.get("events") or []
    if events and isinstance(events[0], dict):
        return report_from_event(index, doc_id, row.get("text") or "", row.get("published"), events[0])
    return report_from_text(index, doc_id, row.get("text") or "", row.get("published"))


def dedup_lines(rows: Sequence[dict[str, Any]], settings: DedupSettings | None = None) -> list[int]:
    """A cluster label per input line (the index of the cluster's first line), in input order."""
    return cluster_reports([report_of(i, row) for i, row in enumerate(rows)], settings)


@dataclass(frozen=True)
class DedupResult:
    """Cluster ids per report (input order) and how many reports had no date (kept apart)."""

    doc_ids: list[str]
    clusters: list[str]
    undated: int

    @property
    def incidents(self) -> int:
        return len(set(self.clusters))


def dedup_reports(rows: Sequence[dict[str, Any]], settings: DedupSettings | None = None) -> DedupResult:
    """Deduplicate report lines; a cluster is named by the smallest doc_id among its reports."""
    reports = [report_of(i, row) for i, row in enumerate(rows)]
    labels = cluster_reports(reports, settings)
    return DedupResult([r.doc_id for r in reports], cluster_ids(rows, labels), sum(r.day is None for r in reports))


def cluster_ids(rows: Sequence[dict[str, Any]], labels: Iterable[int]) -> list[str]:
    """Stable cluster names, whatever the input order: the smallest doc_id of each cluster's reports."""
    labels = list(labels)
    names: dict[int, str] = {}
    for i, label in enumerate(labels):
        doc_id = str(rows[i].get("doc_id", i))
        names[label] = min(names.get(label, doc_id), doc_id)
    return [names[label] for label in labels]


def assign_clusters(store: Any, article_id: int, settings: DedupSettings | None = None) -> dict[int, str]:
    """Give the events of a stored article a cluster id, joining clusters of matching stored events."""
    from .assign import assign_article

    return assign_article(store, article_id, settings)


__all__ = ["DedupResult", "DedupSettings", "Report", "assign_clusters", "cluster_ids", "dedup_lines", "dedup_reports",
           "report_of"]
