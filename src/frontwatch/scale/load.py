"""Load a finished run's outputs into the store (DuckDB or PostGIS) in one step, idempotently.

Articles are keyed by ``doc_id`` and :meth:`add_article` replaces an article with its events, so loading
the same output twice (or after a resumed run) changes nothing. The article text is not copied into the
output shards; it is read back from the input shard recorded in the manifest, whose SHA-256 must still
match, so that the stored evidence offsets point into the very text they were extracted from.

A load has two steps. First every shard is stored in its own transaction (its articles and events, or
nothing). Then the new events are deduplicated against the store (dedup/assign.py) in batches of articles
taken in date order, a transaction each. Clustering depends only on the set of stored events, so the clusters
are the same as clustering each shard as it is stored; but a shard of a sharded run spans the run's whole
period, and clustering shard by shard reclustered every day's incidents once per shard (62 % of a 10,000-article
load). Components left behind by replaced articles are marked in the store in the shard's transaction, so a
load killed between the two steps is completed by running it again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FrontwatchError, NotFound, UnreadableFile
from ..models import Article, Event, Evidence, Fatalities, JsonMixin, Place, Quantity
from .manifest import MANIFEST, Manifest
from .output import output_paths
from .shards import parse_records, read_shard

if TYPE_CHECKING:
    from ..store import Store


#: Articles deduplicated per transaction once a load has stored them, in date order: a batch covers a few
#: weeks of a run spread over years, so each day's incidents are clustered about once.
CLUSTER_BATCH = 250


@dataclass
class LoadReport(JsonMixin):
    """What a load stored: articles and events, and the shards it could not load (with why)."""

    target: str
    shards: int = 0
    articles: int = 0
    events: int = 0
    skipped_documents: int = 0  # documents whose extraction failed: nothing to store
    failed: list[dict[str, Any]] = field(default_factory=list)
    #: Batches of stored articles whose deduplication failed (stored, not clustered; a re-run retries them).
    unclustered: list[dict[str, Any]] = field(default_factory=list)


def load_outputs(out_dir: Path, db: str, *, cluster_batch: int = CLUSTER_BATCH) -> LoadReport:
    """Store every finished shard of the run in ``out_dir``, then deduplicate the new events; a shard that
    cannot be loaded, or a batch that cannot be clustered, is reported with why."""
    from ..store import open_store

    out_dir = Path(out_dir)
    if not (out_dir / MANIFEST).exists():
        raise NotFound(f"{out_dir} holds no {MANIFEST}: give the --out folder of a `frontwatch extract` run")
    with Manifest(out_dir) as manifest:
        entries = manifest.done()
    with open_store(db) as store:
        report = LoadReport(target=store.target)
        stored: list[tuple[date, str, int]] = []  # (first day, doc_id, article id) of articles with events
        for entry in entries:
            try:
                shard, skipped = _load_shard(store, out_dir, entry)
            except FrontwatchError as exc:
                report.failed.append({"shard": entry["shard"], "error": str(exc)})
                continue
            report.shards += 1
            report.articles += shard.articles
            report.events += shard.events
            report.skipped_documents += skipped
            stored += shard.dated
        _cluster(store, stored, report, cluster_batch)
    return report


@dataclass
class _Stored:
    """What one shard's transaction stored."""

    articles: int
    events: int
    dated: list[tuple[date, str, int]]  # (first day, doc_id, article id) of its articles that have events


def _load_shard(store: Store, out_dir: Path, entry: dict[str, Any]) -> tuple[_Stored, int]:
    """One shard in one transaction, set-based: all its articles and events or none. The components its
    replaced articles leave behind are marked stale in the same transaction (clustered in :func:`_cluster`)."""
    lines, fp = read_shard(entry["input"])
    if fp.sha256 != entry.get("sha256"):
        raise NotFound(f"input {entry['input']} changed since it was extracted: re-run `frontwatch extract`",
                       path=entry["input"])
    articles = {r.doc_id: r.article for r in parse_records(lines, name=entry["shard"]) if r.article is not None}
    items, skipped, events = [], 0, 0
    for line in _result_lines(out_dir, entry):
        doc_id = line.get("doc_id")
        article = articles.get(doc_id) if isinstance(doc_id, str) else None
        if "error" in line or article is None:
            skipped += 1
            continue
        evs = [event_from_dict(e, doc_id=article.doc_id) for e in line["events"]]
        items.append((article, evs))
        events += len(evs)
    with store.transaction():
        ids = store.add_articles(items)
        store.mark_stale_components()
    dated = [(_first_day(article, evs), article.doc_id, i) for i, (article, evs) in zip(ids, items, strict=True)
             if evs]
    return _Stored(len(items), events, dated), skipped


def _first_day(article: Article, events: list[Event]) -> date:
    days = [e.date_start for e in events if e.date_start is not None]
    return min(days) if days else (article.published or date.max)


def _cluster(store: Store, stored: list[tuple[date, str, int]], report: LoadReport, batch: int) -> None:
    """Deduplicate the stored articles' events, :data:`CLUSTER_BATCH` articles a transaction in date order,
    with the components marked stale (by this load or by one that was killed)."""
    from ..dedup.assign import assign_articles

    order = sorted(stored)
    stale = store.marked_stale_components()
    for lo in range(0, len(order) or (1 if stale else 0), batch):
        part = order[lo:lo + batch]
        try:
            with store.transaction():
                assign_articles(store, [i for _, _, i in part], stale_components=stale)
            stale = set()
        except FrontwatchError as exc:
            report.unclustered.append({"articles": len(part), "first_doc_id": part[0][1] if part else None,
                                       "error": str(exc)})


def _result_lines(out_dir: Path, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The shard's result lines, checked against its manifest entry (documents and events it recorded)."""
    results = output_paths(out_dir, entry["shard"], ("jsonl",))["jsonl"]
    if not results.exists():
        raise NotFound(f"result file {results.name} of shard {entry['shard']} is missing: re-run "
                       "`frontwatch extract` on the same --out to redo it", path=str(results))
    lines = []
    with results.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                line = json.loads(raw)
                if not isinstance(line, dict) or not isinstance(line.get("events", []), list):
                    raise ValueError("not a result object")
            except ValueError as exc:
                raise UnreadableFile(f"line {number} of shard {entry['shard']}'s results is corrupt ({exc}): "
                                     "delete the file and re-run `frontwatch extract`", path=str(results)) from exc
            lines.append(line)
    counted = (len(lines), sum(len(x.get("events") or []) for x in lines))
    recorded = (entry.get("documents"), entry.get("events"))
    if None not in recorded and counted != recorded:
        raise UnreadableFile(f"shard {entry['shard']}: the manifest records {recorded[0]} documents and "
                             f"{recorded[1]} events, its results hold {counted[0]} and {counted[1]}: delete "
                             "the results and re-run `frontwatch extract`", path=str(results))
    return lines


def event_from_dict(d: dict[str, Any], *, doc_id: str | None = None) -> Event:
    """An :class:`Event` from its CONTRACTS JSON (the inverse of ``Event.to_dict``)."""
    loc = d.get("location")
    fat = d.get("fatalities") or {}
    ev = d.get("evidence") or {}
    confidence = d.get("confidence")
    return Event(
        event_type=d["event_type"], sub_event_type=d["sub_event_type"],
        evidence=Evidence(text=ev.get("text", ""), start=ev.get("start", 0), end=ev.get("end", 0)),
        actor1=d.get("actor1"), actor2=d.get("actor2"),
        date_start=_day(d.get("date_start")), date_end=_day(d.get("date_end")),
        date_precision=d.get("date_precision"),
        location=Place(**{k: loc.get(k) for k in ("name", "lat", "lon", "geonameid", "admin1", "country")},
                       precision=loc.get("precision") or 1) if loc else None,
        fatalities=Fatalities(best=fat.get("best"), low=fat.get("low"), high=fat.get("high"),
                              children=fat.get("children")),
        claimant=d.get("claimant"),
        quantities=[Quantity(value=q["value"], unit=q["unit"], qualifier=q.get("qualifier", "exact"))
                    for q in d.get("quantities") or []],
        confidence=confidence if confidence is not None else 0.5,
        doc_id=doc_id,
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
