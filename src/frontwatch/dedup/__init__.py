"""Deduplication: reports of one incident, from several articles and outlets, become one cluster.

``dedup_lines(rows)`` clusters report lines (raw ``{"doc_id", "text", "published"}`` or extraction output);
``assign_clusters(store, article_id)`` does the same for a stored article's events against the events
already in the store (the hook for the extract/store path); ``store.cluster_members(cluster_id)`` lists a
cluster's articles, outlets, claimants and figures, contradicting figures side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .cluster import DedupSettings, canonical, cluster_reports, explain_reports, idf_weights, merge_reports
from .features import Report, report_from_event, report_from_text

if TYPE_CHECKING:
    from ..store import Store


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


def explain_pair(a: dict[str, Any], b: dict[str, Any], settings: DedupSettings | None = None) -> dict[str, Any]:
    """Why two report lines (raw or extraction output) are or are not one incident: the hard constraint that
    separates them, or the parts of their score against the threshold (word weights of the pair alone)."""
    return explain_reports(report_of(0, a), report_of(1, b), settings)


def explain_merges(rows: Sequence[dict[str, Any]], settings: DedupSettings | None = None) -> list[list[dict[str, Any]]]:
    """For every input line, the merges it took part in: the other report, the score, its parts and the
    pair's crowd (the batch's reports of its days and place, which lowers the score at war intensity).

    Merges are the pairs that joined two clusters, best first; a cluster of n reports has n - 1 of them.
    """
    s = settings or DedupSettings()
    reports, order = canonical([report_of(i, row) for i, row in enumerate(rows)])
    merging = merge_reports(reports, s)
    merged, crowd = merging.merged, merging.crowd
    idf = {} if s.fixed_weights else idf_weights(reports)
    out: list[list[dict[str, Any]]] = [[] for _ in rows]
    for value, i, j in merged:
        why = explain_reports(reports[i], reports[j], s, idf, crowd(reports[i], reports[j]))
        for here, there in ((i, j), (j, i)):
            out[order[here]].append({"doc_id": reports[there].doc_id, "score": round(value, 4),
                                     "parts": why["parts"], "shared_words": why["shared_words"],
                                     "shared_places": why["shared_places"], "crowd": why["crowd"]})
    return out


def assign_clusters(store: Store, article_id: int, settings: DedupSettings | None = None) -> dict[int, str]:
    """Give the events of a stored article a cluster id, joining clusters of matching stored events."""
    from .assign import assign_article

    return assign_article(store, article_id, settings)


__all__ = ["DedupResult", "DedupSettings", "Report", "assign_clusters", "cluster_ids", "dedup_lines", "dedup_reports",
           "explain_merges", "explain_pair", "report_of"]
