"""The main job, end to end and offline, on the example data bundled in ``frontwatch/data/demo``.

The control maps there are SYNTHETIC (an invented front line in DeepStateMap's raw format, labelled in
every feature) and the two reports are invented in the style of a wire story: the demo shows what
frontwatch does, not what happened. Everything it makes goes to one folder, including a DuckDB store
that ``frontwatch serve --db`` can show on the dashboard.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    from .store import Store

DEMO_DATA = Path(__file__).resolve().parent / "data" / "demo"


@dataclass
class DemoReport:
    """What the demo did and where it put it."""

    out_dir: Path
    db: Path
    snapshots_imported: int = 0
    week: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] = field(default_factory=dict)
    events: int = 0
    clusters: int = 0
    claims: list[dict[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"out_dir": str(self.out_dir), "db": str(self.db), "snapshots_imported": self.snapshots_imported,
                "last_week": self.week, "record": self.record, "events": self.events, "clusters": self.clusters,
                "claims": self.claims, "files": [str(p) for p in self.files]}


def _fresh_store(out_dir: Path) -> tuple[Any, Path]:
    from .store import open_store

    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "frontwatch.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)  # the demo always starts from an empty store of its own
    return open_store(db), db


def run_demo(out_dir: str | Path = "frontwatch-demo", *, say: Callable[[str], None] = lambda _: None) -> DemoReport:
    """Import the demo maps and regions, measure, extract and check the demo reports; write it all to ``out_dir``."""
    if not (DEMO_DATA / "snapshots").is_dir():
        raise ConfigError(f"the demo data is missing from {DEMO_DATA}: reinstall frontwatch")
    out = Path(out_dir)
    store, db = _fresh_store(out)
    report = DemoReport(out_dir=out, db=db)
    try:
        _territory(store, report, say)
        _events(store, report, say)
        _claims(store, report, say)
    finally:
        store.close()
    (out / "summary.json").write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str),
                                      encoding="utf-8")
    report.files.append(out / "summary.json")
    return report


def _territory(store: Store, report: DemoReport, say: Callable[[str], None]) -> None:
    from .territory.changes import change
    from .territory.importer import import_paths
    from .territory.output import write_change_geojson, write_series_chart, write_series_csv
    from .territory.records import record
    from .territory.regions import import_regions
    from .territory.series import series

    imported = import_paths(store, [DEMO_DATA / "snapshots"], source="deepstate")
    report.snapshots_imported = imported.imported
    import_regions(store, DEMO_DATA / "regions.geojson")
    say(f"imported {imported.imported} synthetic DeepState-format snapshots and 2 demo regions")

    last = max(s.time for s in store.list_snapshots("deepstate")).date()
    week = change(store, layer="occupied", start=last - timedelta(days=7), end=last, by_region=True,
                  settlements=True, geometry=True)
    report.week = week.to_dict()
    say(f"occupied layer, {last - timedelta(days=7)} to {last}: gained {week.gained_km2:.1f} km², "
        f"lost {week.lost_km2:.1f} km², net {week.net_km2:+.1f} km²")
    for region in week.regions:
        say(f"  {region.name}: net {region.net_km2:+.1f} km²")
    report.files.append(write_change_geojson(week, report.out_dir / "change-last-week.geojson"))

    weekly = series(store, freq="week", layer="occupied")
    report.files.append(write_series_chart(weekly, report.out_dir / "weekly-net-change.png",
                                           title="Synthetic demo data: occupied layer, net change per week"))
    report.files.append(write_series_csv(weekly, report.out_dir / "weekly-net-change.csv"))
    rec = record(store, window=7, at=last, layer="occupied")
    report.record = rec.to_dict()
    say(f"7-day window to {last}: {report.record['net_km2']:+.1f} km², largest since {report.record['largest_since']}")


def _events(store: Store, report: DemoReport, say: Callable[[str], None]) -> None:
    from .events.run import extract_sources
    from .events.writers import write

    results = list(extract_sources([str(DEMO_DATA / "articles.jsonl")], input_format="jsonl", store=store))
    for result in results:
        if result.error:
            say(f"  {result.doc_id}: {result.error}")
    report.events = sum(len(r.events) for r in results)
    report.clusters = store.clusters.count_clusters()
    say(f"extracted {report.events} events from {len(results)} example reports; "
        f"{report.clusters} distinct incidents after merging reports of the same one")
    path = report.out_dir / "events.geojson"
    with path.open("w", encoding="utf-8") as fh:
        write(results, "geojson", fh)
    report.files.append(path)


def _claims(store: Store, report: DemoReport, say: Callable[[str], None]) -> None:
    from .claims.check import check_text

    for line in (DEMO_DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        checked = check_text(store, article["text"], published=date.fromisoformat(article["published"]))
        for claim in checked.to_dict()["claims"]:
            report.claims.append(claim)
            say(f"claim \"{claim['text']}\": {claim['verdict']}: {claim['explanation']}")
