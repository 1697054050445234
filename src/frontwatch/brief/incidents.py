"""The events section of a brief: the period's stored events counted by type and oblast, and the deadliest
incidents with every source that reported them.

An incident is a cluster of events (deduplication merges reports of one incident under one
``cluster_id``); an event no cluster holds is its own incident. Counts are given both ways (reports and
incidents) so a merged incident is counted once. Aggregation is done in SQL, so a year of a million
events costs the engine a scan of the period's rows, not Python a loop over them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from .period import BriefPeriod

if TYPE_CHECKING:
    from ..store import Store

#: How many incidents the brief lists as the deadliest.
DEADLIEST = 5
#: Sources listed per incident.
SOURCES_PER_INCIDENT = 6


def events_section(store: Store, period: BriefPeriod) -> dict[str, Any]:
    """Counts by type and oblast, and the deadliest incidents, of the events dated in the period."""
    span = (period.first_day, period.end)
    reports, incidents = store.clusters.incident_counts(*span)
    out: dict[str, Any] = {"reports": reports, "incidents": incidents,
                           "by_type": [], "by_oblast": [], "deadliest": [], "note": None}
    if not out["reports"]:
        stored = store.events.count_events()
        out["note"] = (f"no events stored for {period.label}" + (
            f" ({stored:,} events are stored for other dates)" if stored else
            ": the store holds no events; add some with frontwatch extract --db"))
        return out
    out["by_type"] = _grouped(store, "event_type", span)
    out["by_oblast"] = _grouped(store, "oblast", span)
    out["deadliest"] = [_incident(store, row) for row in store.clusters.deadliest_incidents(*span, DEADLIEST)]
    return out


def _grouped(store: Store, key: Literal["event_type", "oblast"], span: tuple[date, date]) -> list[dict[str, Any]]:
    rows = store.clusters.incidents_by(key, *span)
    return [{key: r["k"], "incidents": int(r["incidents"]), "reports": int(r["reports"])} for r in rows]


def _incident(store: Store, row: dict[str, Any]) -> dict[str, Any]:
    """An incident with the highest best fatality estimate, with its reports and claimants."""
    head, sources = store.clusters.incident_reports(int(row["event_id"]), SOURCES_PER_INCIDENT)
    day = row["day"]
    return {
        "incident": row["incident"], "date": day.isoformat() if isinstance(day, date) else day,
        "event_type": head.get("event_type"), "sub_event_type": head.get("sub_event_type"),
        "place": head.get("location_name"), "oblast": head.get("admin1"), "country": head.get("country"),
        "fatalities": {"best": _int(row["best"]), "low": _int(row["low"]), "high": _int(row["high"])},
        "reports": int(row["reports"]),
        "claimants": sorted({s["claimant"] for s in sources if s.get("claimant")}),
        "sources": [{"doc_id": s["doc_id"], "title": s["title"], "outlet": s["outlet"], "url": s["url"],
                     "published": s["published"].isoformat() if isinstance(s["published"], date) else s["published"],
                     "claimant": s["claimant"], "fatalities_best": _int(s["fatalities_best"])} for s in sources],
    }


def _int(value: Any) -> int | None:
    return None if value is None else int(value)
