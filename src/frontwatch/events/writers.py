"""Output formats for extracted events (CONTRACTS: json, jsonl, csv, acled, geojson).

``jsonl`` keeps one line per input document; the others flatten events (documents without events add
nothing, failed documents are reported on stderr by the caller).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from .extractor import Extraction

FORMATS = ("json", "jsonl", "csv", "acled", "geojson")

_CSV_COLUMNS = [
    "doc_id",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "date_start",
    "date_end",
    "date_precision",
    "location_name",
    "geonameid",
    "lat",
    "lon",
    "admin1",
    "country",
    "geo_precision",
    "fatalities_best",
    "fatalities_low",
    "fatalities_high",
    "claimant",
    "quantities",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
]
#: ACLED's export columns (ACLED codebook, "Data columns"), filled where the extractor knows them.
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
_DISORDER = {
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_TIME_PRECISION = {"day": 1, "range": 2, "week": 2, "month": 3, "year": 3}


def _flat(ex: Extraction, event: dict[str, Any]) -> dict[str, Any]:
    loc = event["location"] or {}
    fat = event["fatalities"] or {}
    return {
        "doc_id": ex.doc_id,
        **{
            k: event[k]
            for k in ("event_type", "sub_event_type", "actor1", "actor2", "date_start", "date_end", "date_precision")
        },
        "location_name": loc.get("name"),
        "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "admin1": loc.get("admin1"),
        "country": loc.get("country"),
        "geo_precision": loc.get("precision"),
        "fatalities_best": fat.get("best"),
        "fatalities_low": fat.get("low"),
        "fatalities_high": fat.get("high"),
        "claimant": event["claimant"],
        "quantities": json.dumps(event["quantities"], ensure_ascii=False),
        "evidence": event["evidence"]["text"],
        "evidence_start": event["evidence"]["start"],
        "evidence_end": event["evidence"]["end"],
        "confidence": event["confidence"],
    }


def _acled(ex: Extraction, n: int, event: dict[str, Any]) -> dict[str, Any]:
    loc = event["location"] or {}
    day = event["date_start"] or ""
    source = (ex.article.outlet or ex.article.url) if ex.article else None
    return {
        "event_id_cnty": f"{ex.doc_id}-{n}",
        "event_date": day,
        "year": day[:4] or None,
        "time_precision": _TIME_PRECISION.get(event["date_precision"] or ""),
        "disorder_type": _DISORDER.get(event["event_type"], "Political violence"),
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "actor1": event["actor1"],
        "actor2": event["actor2"],
        "civilian_targeting": "Civilian targeting" if (event["actor2"] or "").startswith("Civilians") else "",
        "iso": loc.get("country"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "source": source or event["claimant"],
        "notes": event["evidence"]["text"],
        "fatalities": (event["fatalities"] or {}).get("best"),
    }


#: Characters that ``str.splitlines`` breaks at but JSON leaves raw: escaped so every reader sees one line.
_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _one_line(text: str) -> str:
    return text.translate(_LINE_BREAKS)


def write(results: Iterable[Extraction], fmt: str, out: IO[str]) -> int:
    """Write ``results`` to ``out`` in ``fmt``; returns the number of events written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "jsonl":
        for ex in results:
            out.write(_one_line(json.dumps(ex.to_dict(), ensure_ascii=False)) + "\n")
            count += len(ex.events)
        return count
    if fmt == "json":
        docs = [ex.to_dict() for ex in results]
        out.write(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2) + "\n")
        return sum(len(d["events"]) for d in docs)
    if fmt in ("csv", "acled"):
        writer = csv.DictWriter(out, fieldnames=_CSV_COLUMNS if fmt == "csv" else ACLED_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for ex in results:
            for n, event in enumerate(ex.to_dict()["events"], start=1):
                writer.writerow(_flat(ex, event) if fmt == "csv" else _acled(ex, n, event))
                count += 1
        return count
    features = []
    for ex in results:
        for event in ex.to_dict()["events"]:
            loc = event["location"] or {}
            geometry = (
                {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]} if loc.get("lat") is not None else None
            )
            features.append({"type": "Feature", "geometry": geometry, "properties": {"doc_id": ex.doc_id, **event}})
    out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n")
    return len(features)
