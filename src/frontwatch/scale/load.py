"""Load a finished run's outputs into the store (DuckDB or PostGIS) in one step, idempotently.

Articles are keyed by ``doc_id`` and :meth:`add_article` replaces an article with its events, so loading
the same output twice (or after a resumed run) changes nothing. The article text is not copied into the
output shards; it is read back from the input shard recorded in the manifest, whose SHA-256 must still
match, so that the stored evidence offsets point into the very text they were extracted from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FrontwatchError, NotFound, UnreadableFile
from ..models import Event, Evidence, Fatalities, JsonMixin, Place, Quantity
from .manifest import MANIFEST, Manifest
from .output import output_paths
from .shards import parse_records, read_shard

if TYPE_CHECKING:
    from ..store import Store


@dataclass
class LoadReport(JsonMixin):
    """What a load stored: articles and events, and the shards it could not load (with why)."""

    target: str
    shards: int = 0
    articles: int = 0
    events: int = 0
    skipped_documents: int = 0  # documents whose extraction failed: nothing to store
    failed: list[dict[str, Any]] = field(default_factory=list)


def load_outputs(out_dir: Path, db: str) -> LoadReport:
    """Store every finished shard of the run in ``out_dir``; a shard that cannot be loaded is reported."""
    from ..store import open_store

    out_dir = Path(out_dir)
    if not (out_dir / MANIFEST).exists():
        raise NotFound(f"{out_dir} holds no {MANIFEST}: give the --out folder of a `frontwatch extract` run")
    with Manifest(out_dir) as manifest:
        entries = manifest.done()
    with open_store(db) as store:
        report = LoadReport(target=store.target)
        for entry in entries:
            try:
                articles, events, skipped = _load_shard(store, out_dir, entry)
            except FrontwatchError as exc:
                report.failed.append({"shard": entry["shard"], "error": str(exc)})
                continue
            report.shards += 1
            report.articles += articles
            report.events += events
            report.skipped_documents += skipped
    return report


def _load_shard(store: Store, out_dir: Path, entry: dict[str, Any]) -> tuple[int, int, int]:
    """One shard in one transaction, set-based: all its articles and events or none, then deduplicated
    against the bounded candidate set of their places and days (dedup/assign.py)."""
    from ..dedup.assign import assign_articles

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
        assign_articles(store, [i for i, (_, evs) in zip(ids, items, strict=True) if evs])
    return len(items), events, skipped


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
