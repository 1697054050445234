"""Store methods for merged incidents: events of one incident share ``events.cluster_id`` (issue 4).

``cluster_members`` is what the API and dashboard show for a merged event: every report with its article,
outlet, claimant and figures, and the range of the figures; contradicting claims stay side by side.
SQL is the portable subset (``?`` placeholders) so every backend inherits it.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from ..errors import NotFound
from .base import Database

#: Cluster ids written per UPDATE statement.
_UPDATE_BATCH = 500

_MEMBER_COLUMNS = (
    "e.id, e.article_id, e.event_type, e.sub_event_type, e.date_start, e.date_end, e.location_name, e.geonameid, "
    "e.lat, e.lon, e.admin1, e.geo_precision, e.fatalities_best, e.fatalities_low, e.fatalities_high, e.claimant, "
    "e.evidence_text, e.cluster_id, e.event_json, a.doc_id, a.title, a.url, a.outlet, a.published, e.ordinal, "
    "e.dedup_component"
)


#: What deduplication reads of an event: the event row alone. Joining ``articles`` made DuckDB hash the whole
#: articles table for every candidate query, so the cost of loading grew with the store; the event keeps its
#: article's doc_id (0031), and its own dates make ``published`` unnecessary.
_DEDUP_COLUMNS = (
    "e.id, e.article_id, e.ordinal, e.event_type, e.sub_event_type, e.date_start, e.date_end, e.geonameid, "
    "e.admin1, e.geo_precision, e.evidence_text, e.cluster_id, e.dedup_component, e.event_json, e.doc_id, "
    "CAST(NULL AS DATE) AS published"
)


#: An incident: its cluster, or the event alone when no cluster holds it.
_INCIDENT = "COALESCE(e.cluster_id, 'e' || CAST(e.id AS TEXT))"
_IN_PERIOD = "e.date_start >= ? AND e.date_start <= ?"
#: What the period's incidents may be grouped by.
_GROUP_KEYS = {"event_type": "e.event_type", "oblast": "COALESCE(e.admin1, 'region unknown')"}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _span(values: list[int]) -> dict[str, int] | None:
    return {"min": min(values), "max": max(values)} if values else None


class ClusterTables(Database):
    """Merged incidents: reading candidates for deduplication, writing cluster ids, listing a cluster's members,
    counting a period's incidents."""

    #: What deduplication caches with the store (``dedup.assign.ReportCache``), made there on first use.
    _dedup_report_cache: Any = None

    def dedup_candidates(
        self, first: date, last: date, *, exclude_article: int | None = None,
        geonameids: list[int] | None = None, admin1s: list[str] | None = None, unplaced: bool = False,
        loose_admin1s: list[str] | None = None, span_from: date | None = None, limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events starting within [first, last] (the date index; from ``span_from`` for events whose
        own range reaches ``first``), blocked by place when places are given: the same GeoNames place, any
        event of a first-level region in ``admin1s``, an event placed no finer than a region in
        ``loose_admin1s``, or (``unplaced``) no place at all."""
        # One range on date_start, the rest beside it: "in [first, last], or from span_from on and reaching
        # first" written as an OR of two ranges was not pushed into DuckDB's scan (it read every row group,
        # 0.3-0.4 s a query at 1.4 M events); a plain range lets it skip the row groups of other dates.
        sql = f"SELECT {_DEDUP_COLUMNS} FROM events e WHERE e.date_start >= ? AND e.date_start <= ?"
        params: list[Any] = [first, last]
        if span_from is not None and span_from < first:
            sql += " AND (e.date_start >= ? OR e.date_end >= ?)"
            params = [span_from, last, first, first]
        places = []
        for column, values, extra in (("e.geonameid", geonameids, ""), ("e.admin1", admin1s, ""),
                                      ("e.admin1", loose_admin1s, " AND (e.geonameid IS NULL OR e.geo_precision > 2)")):
            if values:
                places.append(f"({column} IN ({', '.join('?' for _ in values)}){extra})")
                params.extend(values)
        if unplaced:
            places.append("(e.admin1 IS NULL AND e.geonameid IS NULL)")
        if places:
            sql += " AND (" + " OR ".join(places) + ")"
        if exclude_article is not None:
            sql += " AND e.article_id <> ?"
            params.append(exclude_article)
        sql += " ORDER BY e.date_start, e.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self.query(sql, params)

    def article_events(self, article_id: int) -> list[dict[str, Any]]:
        """The events of one stored article, most salient first."""
        return self.events_of_articles([article_id])

    def events_of_articles(self, article_ids: list[int]) -> list[dict[str, Any]]:
        """The events of stored articles, article by article, most salient first, with the article's date."""
        rows: list[dict[str, Any]] = []
        for lo in range(0, len(article_ids), _UPDATE_BATCH):
            batch = article_ids[lo:lo + _UPDATE_BATCH]
            marks = ", ".join("?" for _ in batch)
            published = {int(r["id"]): r["published"] for r in self.query(
                f"SELECT id, published FROM articles WHERE id IN ({marks})", batch)}
            found = self.query(
                f"SELECT {_DEDUP_COLUMNS} FROM events e WHERE e.article_id IN ({marks}) "
                "ORDER BY e.article_id, e.ordinal", batch)
            for row in found:
                row["published"] = published.get(int(row["article_id"]))
            rows += found
        return rows

    def component_members(self, components: list[str]) -> list[dict[str, Any]]:
        """Every stored event of the given dedup components (see dedup/assign.py)."""
        rows: list[dict[str, Any]] = []
        for lo in range(0, len(components), _UPDATE_BATCH):
            batch = components[lo:lo + _UPDATE_BATCH]
            rows += self.query(
                f"SELECT {_DEDUP_COLUMNS} FROM events e WHERE e.dedup_component IN "
                f"({', '.join('?' for _ in batch)})", batch)
        return rows

    def set_event_clusters(self, assignments: dict[int, str], components: dict[int, str] | None = None) -> None:
        """Write cluster ids (event id -> cluster id), and dedup components, in one transaction.

        Only rows whose cluster or component changes are written: a load reclusters whole components, most of
        whose stored members keep their names, and every written row costs a delete and an insert in each of
        the events table's indexes (DuckDB updates indexed columns that way). In DuckDB the values go in as one
        Arrow table (binding three parameters a row, 500 rows a statement, was 8 % of loading 1,000 articles);
        elsewhere a few hundred rows per statement. An UPDATE per event cost 3 ms each in DuckDB.
        """
        components = components or {}
        pairs = [(i, c, components.get(i)) for i, c in assignments.items()]
        changed = ("(events.cluster_id IS DISTINCT FROM v.cluster_id "
                   "OR events.dedup_component IS DISTINCT FROM COALESCE(v.component, events.dedup_component))")
        update = ("UPDATE events SET cluster_id = v.cluster_id, dedup_component = COALESCE(v.component, "
                  "events.dedup_component) FROM {source} WHERE events.id = v.id AND " + changed)
        with self.transaction():
            if self.backend == "duckdb" and len(pairs) > _UPDATE_BATCH:
                self._update_clusters_arrow(pairs, update)
                return
            for lo in range(0, len(pairs), _UPDATE_BATCH):
                batch = pairs[lo:lo + _UPDATE_BATCH]
                values = ", ".join(["(CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR))"] * len(batch))
                self.execute(update.format(source=f"(VALUES {values}) AS v(id, cluster_id, component)"),
                             [value for triple in batch for value in triple])

    def _update_clusters_arrow(self, pairs: list[tuple[int, str, str | None]], update: str) -> None:
        """``update`` with its values read from one registered Arrow table (DuckDB)."""
        import pyarrow as pa

        ids, clusters, comps = zip(*pairs, strict=True)
        table = pa.table({"id": pa.array(ids, pa.int64()), "cluster_id": pa.array(clusters, pa.string()),
                          "component": pa.array(comps, pa.string())})
        self.conn.register("_fw_cluster_values", table)
        try:
            self.execute(update.format(source="_fw_cluster_values AS v"))
        finally:
            self.conn.unregister("_fw_cluster_values")

    def cluster_members(self, cluster_id: str) -> dict[str, Any]:
        """A merged incident: its reports (article, outlet, claimant, figures, evidence) and the figures' range."""
        rows = self.query(
            f"SELECT {_MEMBER_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id = ? ORDER BY a.published, e.id", (cluster_id,))
        if not rows:
            raise NotFound(f"no events in cluster {cluster_id!r}: list clusters from the events' cluster_id")
        return _summary(cluster_id, rows)

    def event_cluster(self, event_id: int) -> dict[str, Any]:
        """The merged incident an event belongs to (the event alone while it has no cluster)."""
        row = self.query_one(
            f"SELECT {_MEMBER_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
            (event_id,))
        if row is None:
            raise NotFound(f"no event with id {event_id} in the store")
        if row["cluster_id"]:
            return self.cluster_members(str(row["cluster_id"]))
        return _summary(f"e{event_id}", [row])

    # -- incidents of a period (the brief's events section): aggregated in SQL, a scan of the period's rows

    def count_clusters(self) -> int:
        """How many distinct clusters the stored events form (unclustered events not counted)."""
        return int(self.scalar("SELECT count(DISTINCT cluster_id) FROM events"))

    def incident_counts(self, first: date, last: date) -> tuple[int, int]:
        """(reports, incidents) of the events starting in [first, last]: an incident is counted once."""
        row = self.query_one(
            f"SELECT count(*) AS reports, count(DISTINCT {_INCIDENT}) AS incidents FROM events e WHERE {_IN_PERIOD}",
            (first, last),
        ) or {}
        return int(row.get("reports") or 0), int(row.get("incidents") or 0)

    def incidents_by(self, key: Literal["event_type", "oblast"], first: date, last: date,
                     limit: int = 30) -> list[dict[str, Any]]:
        """The period's events grouped by ``key`` (``k``) with their ``reports`` and ``incidents``, most first."""
        return self.query(
            f"SELECT {_GROUP_KEYS[key]} AS k, count(*) AS reports, count(DISTINCT {_INCIDENT}) AS incidents "
            f"FROM events e WHERE {_IN_PERIOD} GROUP BY 1 ORDER BY incidents DESC, reports DESC, k LIMIT ?",
            (first, last, limit),
        )

    def deadliest_incidents(self, first: date, last: date, limit: int) -> list[dict[str, Any]]:
        """The period's incidents with the highest best fatality figure: ``incident``, ``best``, ``low``,
        ``high``, ``reports``, first ``day`` and one ``event_id`` of each."""
        return self.query(
            f"SELECT {_INCIDENT} AS incident, max(e.fatalities_best) AS best, min(e.fatalities_low) AS low, "
            "max(e.fatalities_high) AS high, count(*) AS reports, min(e.date_start) AS day, min(e.id) AS event_id "
            f"FROM events e WHERE {_IN_PERIOD} AND e.fatalities_best > 0 "
            "GROUP BY 1 ORDER BY best DESC, reports DESC, incident LIMIT ?",
            (first, last, limit),
        )

    def incident_reports(self, event_id: int, limit: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """An event's type and place, and the first ``limit`` reports of its incident with their articles."""
        head = self.query_one(
            "SELECT e.event_type, e.sub_event_type, e.location_name, e.admin1, e.country, e.cluster_id "
            "FROM events e WHERE e.id = ?", (event_id,),
        ) or {}
        if head.get("cluster_id"):
            where, params = "e.cluster_id = ?", [head["cluster_id"]]
        else:
            where, params = "e.id = ?", [event_id]
        sources = self.query(
            "SELECT e.id, e.claimant, e.fatalities_best, a.doc_id, a.title, a.outlet, a.url, a.published "
            f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY a.published, e.id LIMIT ?",
            [*params, limit],
        )
        return head, sources


def _summary(cluster_id: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Every report of a cluster and the range of their figures."""
    reports = [_member(r) for r in rows]
    best = [r["fatalities_best"] for r in rows if r["fatalities_best"] is not None]
    dates = sorted(_iso(r["date_start"]) for r in rows if r["date_start"] is not None)
    return {
        "cluster_id": cluster_id,
        "events": len(rows),
        "articles": sorted({r["doc_id"] for r in rows}),
        "outlets": sorted({r["outlet"] for r in rows if r["outlet"]}),
        "claimants": sorted({r["claimant"] for r in rows if r["claimant"]}),
        "event_types": sorted({f"{r['event_type']} / {r['sub_event_type']}" for r in rows}),
        "places": sorted({r["location_name"] for r in rows if r["location_name"]}),
        "dates": [dates[0], dates[-1]] if dates else None,
        "fatalities_best": _span(best),
        "fatalities_low": _span([r["fatalities_low"] for r in rows if r["fatalities_low"] is not None]),
        "fatalities_high": _span([r["fatalities_high"] for r in rows if r["fatalities_high"] is not None]),
        "contradicting": len(set(best)) > 1,
        "reports": reports,
    }


def _member(row: dict[str, Any]) -> dict[str, Any]:
    """One report of a cluster, every figure as that report states it (never averaged)."""
    event = json.loads(row["event_json"]) if row.get("event_json") else {}
    return {
        "event_id": int(row["id"]), "doc_id": row["doc_id"], "title": row["title"], "url": row["url"],
        "outlet": row["outlet"], "published": _iso(row["published"]), "claimant": row["claimant"],
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "date_start": _iso(row["date_start"]), "date_end": _iso(row["date_end"]),
        "location": event.get("location"),
        "fatalities": {"best": row["fatalities_best"], "low": row["fatalities_low"], "high": row["fatalities_high"]},
        "quantities": event.get("quantities", []), "evidence": row["evidence_text"],
    }
