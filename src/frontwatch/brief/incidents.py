"""The events section of a brief: the period's stored events counted by type and oblast, and the deadliest
incidents with every source that reported them.

An incident is a cluster of events (deduplication merges reports of one incident under one
``cluster_id``); an event no cluster holds is its own incident. Counts are given both ways (reports and
incidents) so a merged incident is counted once. Aggregation is done in SQL, so a year of a million
events costs the engine a scan of the period's rows, not Python a loop over them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .period import BriefPeriod

#: How many incidents the brief lists as the deadliest.
DEADLIEST = 5
#: Sources listed per incident.
SOURCES_PER_INCIDENT = 6

_INCIDENT = "COALESCE(e.cluster_id, 'e' || CAST(e.id AS TEXT))"
_IN_PERIOD = "e.date_start >= ? AND e.date_start <= ?"


def events_section(store: Any, period: BriefPeriod) -> dict[str, Any]:
    """Counts by type and oblast, and the deadliest incidents, of the events dated in the period."""
    span = [period.first_day, period.end]
    totals = store.query_one(
        f"SELECT count(*) AS reports, count(DISTINCT {_INCIDENT}) AS incidents FROM events e WHERE {_IN_PERIOD}",
        span,
    ) or {"reports": 0, "incidents": 0}
    out: dict[str, Any] = {"reports": int(totals["reports"]), "incidents": int(totals["incidents"]),
                           "by_type": [], "by_oblast": [], "deadliest": [], "note": None}
    if not out["reports"]:
        stored = int(store.scalar("SELECT count(*) FROM events"))
        out["note"] = (f"no events stored for {period.label}" + (
            f" ({stored:,} events are stored for other dates)" if stored else
            ": the store holds no events; add some with frontwatch extract --db"))
        return out
    out["by_type"] = _grouped(store, "e.event_type", span, "event_type")
    out["by_oblast"] = _grouped(store, "COALESCE(e.admin1, 'region unknown')", span, "oblast")
    out["deadliest"] = _deadliest(store, span)
    return out


def _grouped(store: Any, key: str, span: list[date], name: str) -> list[dict[str, Any]]:
    rows = store.query(
        f"SELECT {key} AS k, count(*) AS reports, count(DISTINCT {_INCIDENT}) AS incidents FROM events e "
        f"WHERE {_IN_PERIOD} GROUP BY 1 ORDER BY incidents DESC, reports DESC, k LIMIT 30",
        span,
    )
    return [{name: r["k"], "incidents": int(r["incidents"]), "reports": int(r["reports"])} for r in rows]


def _deadliest(store: Any, span: list[date]) -> list[dict[str, Any]]:
    """The incidents with the highest best fatality estimate, each with its reports and claimants."""
    top = store.query(
        f"SELECT {_INCIDENT} AS incident, max(e.fatalities_best) AS best, min(e.fatalities_low) AS low, "
        "max(e.fatalities_high) AS high, count(*) AS reports, min(e.date_start) AS day, min(e.id) AS event_id "
        f"FROM events e WHERE {_IN_PERIOD} AND e.fatalities_best > 0 "
        "GROUP BY 1 ORDER BY best DESC, reports DESC, incident LIMIT ?",
        [*span, DEADLIEST],
    )
    return [_incident(store, row) for row in top]


def _incident(store: Any, row: dict[str, Any]) -> dict[str, Any]:
    head = store.query_one(
        "SELECT e.event_type, e.sub_event_type, e.location_name, e.admin1, e.country, e.cluster_id "
        "FROM events e WHERE e.id = ?", (row["event_id"],),
    ) or {}
    if head.get("cluster_id"):
        where, params = "e.cluster_id = ?", [head["cluster_id"]]
    else:
        where, params = "e.id = ?", [row["event_id"]]
    sources = store.query(
        "SELECT e.id, e.claimant, e.fatalities_best, a.doc_id, a.title, a.outlet, a.url, a.published "
        f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY a.published, e.id LIMIT ?",
        [*params, SOURCES_PER_INCIDENT],
    )
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
