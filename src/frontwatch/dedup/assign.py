"""Deduplication applied when storing events: the same stored events give the same clusters, in any order.

Stored events are linked when their pair score (with set-independent word weights) reaches the threshold;
linked events form a *component*, and clusters are the constrained merging of :mod:`.cluster` run over
a whole component. Both depend on the component's events alone, so re-running a load, loading in another
order or resuming after a crash gives the same clusters (issue 15, item 9). Names are content-based too:
a cluster (component) is named by a hash of its smallest member's ``doc_id`` and ordinal, never by an
autoincrement id, which differs between runs.

When articles are stored, their events are compared with a bounded, indexed candidate set: stored events
whose dates lie within the window of theirs (a few days' chunk at a time) in the same first-level region
(or unplaced); the components of the candidates they link to are read whole, and clusters are recomputed
over them and the new events. The work per article depends on how many events share its place and days,
not on the size of the store.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .cluster import DedupSettings, _norms, candidate_pairs, canonical, link_components, merge_reports, score
from .features import Report, report_from_event

if TYPE_CHECKING:
    from ..store import Store

#: Largest spread of new events' dates read with one candidate query (days): a shard spanning years is
#: matched chunk by chunk, so each query reads only the events of a few days.
CHUNK_DAYS = 3
#: How far before a date an event's own range may start (a month: the longest dated span, see store/events).
MAX_SPAN_DAYS = 31


def store_settings(settings: DedupSettings | None = None) -> DedupSettings:
    """The settings with set-independent word weights, which incremental clustering needs."""
    return dataclasses.replace(settings or DedupSettings(), fixed_weights=True)


def member_key(row: dict[str, Any]) -> str:
    """An event's identity that does not depend on storage order: its article's doc_id and its ordinal."""
    return f"{row['doc_id']}\x1f{int(row['ordinal'])}"


def _name(prefix: str, keys: Iterable[str]) -> str:
    return prefix + hashlib.sha256(min(keys).encode("utf-8")).hexdigest()[:16]


def report_of_row(index: int, row: dict[str, Any]) -> Report:
    """The report of a stored event row (its CONTRACTS EVENT, evidence and article date); its doc_id is the
    member key, so the canonical order is the same in every store."""
    event = json.loads(row["event_json"]) if row.get("event_json") else {}
    return report_from_event(index, member_key(row), row.get("evidence_text") or "", row.get("published"), event)


#: Reports of stored events kept per store: candidates recur from one article to the next, and building a
#: report (tokens, places, figures) was 28 % of loading 1,000 articles. Bounded to keep memory in check.
REPORT_CACHE_SIZE = 50_000


class ReportCache:
    """Least-recently-used reports by event id (an event id is never reused, nor its row changed, in a store)."""

    def __init__(self, size: int = REPORT_CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[int, Report] = OrderedDict()
        self._lock = threading.Lock()

    def report(self, index: int, row: dict[str, Any]) -> Report:
        """The report of the stored event ``row``, numbered ``index``."""
        key = int(row["id"])
        with self._lock:
            cached = self._items.get(key)
            if cached is not None:
                self._items.move_to_end(key)
        if cached is None:
            cached = report_of_row(0, row)
            with self._lock:
                self._items[key] = cached
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return dataclasses.replace(cached, index=index)


def report_cache(store: Store) -> ReportCache:
    """The store's report cache, made on first use."""
    cache = getattr(store, "_dedup_report_cache", None)
    if cache is None:
        cache = ReportCache()
        store._dedup_report_cache = cache
    return cache


def assign_article(store: Store, article_id: int, settings: DedupSettings | None = None) -> dict[int, str]:
    """Cluster ids for one stored article's events (event id -> cluster id), written to the store."""
    return assign_articles(store, [article_id], settings)


def assign_articles(store: Store, article_ids: Sequence[int], settings: DedupSettings | None = None,
                    stale_components: Iterable[str] = ()) -> dict[int, str]:
    """Cluster the events of newly stored articles with the stored events, in a set-independent way.

    ``stale_components`` are components that lost members (a replaced article): they are recomputed too.
    Returns event id -> cluster id for every event whose cluster was (re)computed.
    """
    s = store_settings(settings)
    new_rows = store.events_of_articles(list(article_ids))
    stale = set(stale_components) | store.articles.take_stale_components()
    rows: dict[int, dict[str, Any]] = {int(r["id"]): r for r in new_rows}
    cache = report_cache(store)
    for chunk in _date_chunks(new_rows):
        stale |= _linked_components(store, chunk, rows, s, cache)
    if stale:
        for row in store.component_members(sorted(stale)):
            rows.setdefault(int(row["id"]), row)
    if not rows:
        return {}
    assignments = recluster(list(rows.values()), s, cache)
    store.set_event_clusters({i: c for i, (c, _) in assignments.items()},
                             components={i: k for i, (_, k) in assignments.items()})
    return {i: c for i, (c, _) in assignments.items()}


def _date_chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """New events grouped by date, each group spanning at most :data:`CHUNK_DAYS` (undated ones alone)."""
    dated = sorted(((day, r) for r in rows if (day := _first_day(r)) is not None),
                   key=lambda pair: (pair[0], int(pair[1]["id"])))
    chunks: list[list[dict[str, Any]]] = []
    start = date.min  # the first day of the last chunk
    for day, row in dated:
        if chunks and (day - start).days <= CHUNK_DAYS:
            chunks[-1].append(row)
        else:
            chunks.append([row])
            start = day
    return chunks


def _first_day(row: dict[str, Any]) -> date | None:
    value = row.get("date_start") or row.get("published")
    return value if isinstance(value, date) else None


def _linked_components(store: Store, chunk: list[dict[str, Any]], rows: dict[int, dict[str, Any]],
                       s: DedupSettings, cache: ReportCache) -> set[str]:
    """Components of stored events that a chunk of new events links to (their rows are added to ``rows``)."""
    exact = all(r.get("date_start") is not None for r in chunk)  # incident dates: the event window applies
    window = timedelta(days=s.event_window_days if exact else s.window_days)
    days = [(r, day) for r in chunk if (day := _first_day(r)) is not None]  # all of them: chunks are dated
    first = min(day for _, day in days) - window
    last = max((r.get("date_end") or day) for r, day in days) + window
    precise = [r for r in chunk if r["geonameid"] is not None and (r["geo_precision"] or 3) <= 2]
    loose = [r for r in chunk if r not in precise]
    unplaced = any(r["admin1"] is None and r["geonameid"] is None for r in chunk)
    # an event placed at a place without a first-level region (a country) blocks on that place alone
    regionless = [r for r in loose if r["geonameid"] is not None and not r["admin1"]]
    new_ids = {int(r["id"]) for r in chunk}
    candidates = [c for c in store.dedup_candidates(
        first, last, geonameids=sorted({int(r["geonameid"]) for r in precise + regionless}),
        admin1s=sorted({r["admin1"] for r in loose if r["admin1"]}),
        loose_admin1s=sorted({r["admin1"] for r in precise if r["admin1"]}), unplaced=unplaced,
        span_from=first - timedelta(days=MAX_SPAN_DAYS)) if int(c["id"]) not in rows]
    if not candidates:
        return set()
    pool = chunk + candidates
    reports = [cache.report(i, r) for i, r in enumerate(pool)]
    norms = _norms(reports, {})
    linked: set[str] = set()
    for i, j in candidate_pairs(reports, {}, s):
        new_i, new_j = int(pool[i]["id"]) in new_ids, int(pool[j]["id"]) in new_ids
        if new_i == new_j:
            continue  # new-new pairs are scored when reclustering, stored-stored ones already were
        if score(reports[i], reports[j], {}, norms[i], norms[j], s) >= s.threshold:
            other = pool[j] if new_i else pool[i]
            rows.setdefault(int(other["id"]), other)
            if other.get("dedup_component"):
                linked.add(str(other["dedup_component"]))
    return linked


def recluster(rows: list[dict[str, Any]], s: DedupSettings,
              cache: ReportCache | None = None) -> dict[int, tuple[str, str]]:
    """Event id -> (cluster id, component id) for a closed set of events (whole components)."""
    make = cache.report if cache is not None else report_of_row
    reports, order = canonical([make(i, r) for i, r in enumerate(rows)])
    merging = merge_reports(reports, s)
    roots, components = merging.roots, link_components(len(reports), merging.links)
    keys = [r.doc_id for r in reports]  # member keys, in canonical order
    cluster_names: dict[int, str] = {}
    component_names: dict[int, str] = {}
    for k, root in enumerate(roots):
        cluster_names[root] = min(cluster_names.get(root, keys[k]), keys[k])
        component_names[components[k]] = min(component_names.get(components[k], keys[k]), keys[k])
    return {int(rows[order[k]]["id"]): (_name("c", [cluster_names[roots[k]]]),
                                        _name("k", [component_names[components[k]]])) for k in range(len(reports))}
