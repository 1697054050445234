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
from typing import Any

from ..errors import FrontwatchError, NotFound
from ..events.run import store_article
from ..models import Event, Evidence, Fatalities, JsonMixin, Place, Quantity
from .manifest import MANIFEST, Manifest
from .output import output_paths
from .shards import parse_records, read_shard


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


def _load_shard(store: Any, out_dir: Path, entry: dict[str, Any]) -> tuple[int, int, int]:
    """One shard in one transaction: all its articles or none."""
    lines, fp = read_shard(entry["input"])
    if fp.sha256 != entry.get("sha256"):
        raise NotFound(f"input {entry['input']} changed since it was extracted: re-run `frontwatch extract`",
                       path=entry["input"])
    articles = {r.doc_id: r.article for r in parse_records(lines, name=entry["shard"]) if r.article is not None}
    results = output_paths(out_dir, entry["shard"], ("jsonl",))["jsonl"]
    stored = events = skipped = 0
    with store.transaction(), results.open(encoding="utf-8") as fh:
        for raw in fh:
            line = json.loads(raw)
            article = articles.get(line.get("doc_id"))
            if "error" in line or article is None:
                skipped += 1
                continue
            evs = [event_from_dict(e, doc_id=article.doc_id) for e in line["events"]]
            store_article(store, article, evs)
            stored += 1
            events += len(evs)
    return stored, events, skipped


def event_from_dict(d: dict[str, Any], *, doc_id: str | None = None) -> Event:
    """An :class:`Event` from its CONTRACTS JSON (the inverse of ``Event.to_dict``)."""
    loc = d.get("location")
    fat = d.get("fatalities") or {}
    ev = d.get("evidence") or {}
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
        confidence=d.get("confidence") if d.get("confidence") is not None else 0.5,
        doc_id=doc_id,
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
