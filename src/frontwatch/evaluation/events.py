"""``frontwatch eval events``: score extraction against gold files (CONTRACTS: Evaluation).

Gold lines are ``{"doc_id", "text", "published", "events": [EVENT, ...]}`` (a single JSON document, like the
seed's hand annotation, is read too). A field absent or null in gold is not scored; ``"events": []``
expects no event. Gold events are paired with predictions by their evidence when gold gives it (the
prediction whose evidence overlaps most), otherwise in salience order (the first gold event with the
most salient prediction). A gold event without a partner scores as "none" / wrong on every field.

Metrics: event type and sub-type accuracy and weighted F1 (over gold labels, "none" included: sklearn's
``average="weighted"``), location within 25 and 161 km, date (start and end equal), fatalities (best equal;
low and high separately), claimant (>= 70 % of the shorter one's words shared, after normalising
"Russia's" -> "Russian"), ``event_found`` (gold events that got a partner), ``all_fields``: gold events
right on every field gold gives (the seed article's acceptance rule), and ``deaths_where_killed_accuracy``:
the best death count right where gold says someone died.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..conflict import ConflictProfile, active_profile
from ..errors import NotFound, UnreadableFile
from .split import select

NONE = "none"
_STOP = frozenset("the a an of in from by".split())


@dataclass
class Pair:
    """One gold event (or an expected absence) with its predicted partner (or None)."""

    doc_id: str
    gold: dict[str, Any] | None
    pred: dict[str, Any] | None


@dataclass
class EventsReport:
    gold_file: str
    documents: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    failed_documents: int = 0
    metrics: dict[str, tuple[float | None, int]] = field(default_factory=dict)
    per_event: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_file,
            "documents": self.documents,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "failed_documents": self.failed_documents,
            "metrics": {k: {"value": None if v is None else round(v, 4), "n": n} for k, (v, n) in self.metrics.items()},
        }

    def rows(self) -> list[list[Any]]:
        return [[k, "" if v is None else f"{v:.3f}", n] for k, (v, n) in self.metrics.items()]


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Gold documents from a JSONL file, or from a JSON file holding one document or a list."""
    if not path.is_file():
        raise NotFound(f"gold file not found: {path}; give a JSONL file of gold documents")
    text = path.read_text(encoding="utf-8")
    try:
        whole = json.loads(text)
        return whole if isinstance(whole, list) else [whole]
    except json.JSONDecodeError:
        pass
    docs = []
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 is valid in JSON
        if line.strip():
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UnreadableFile(
                    f"line {number} is not JSON ({exc.msg}); fix the gold file", path=str(path)
                ) from None
    return docs


def _document_text(gold: dict[str, Any], path: Path) -> str:
    if gold.get("text"):
        return str(gold["text"])
    sibling = path.with_name(path.name.replace(".gold.json", ".txt"))  # the seed keeps its text beside the gold
    if sibling != path and sibling.is_file():
        return sibling.read_text(encoding="utf-8")
    raise UnreadableFile(f"gold document {gold.get('doc_id')!r} has no text", path=str(path))


def evaluate_events(gold_path: Path | str, *, extractor: Any = None, split: str = "all") -> EventsReport:
    """Run the extractor over the gold documents of one half (:mod:`.split`) and score it."""
    from ..events.extractor import Extractor
    from ..ingest.document import Document
    from ..ingest.published import parse_published
    from ..models import Article

    path = Path(gold_path)
    golds = select(read_gold(path), split)
    extractor = extractor or Extractor()
    documents = []
    for i, gold in enumerate(golds):
        doc_id = str(gold.get("doc_id") or f"doc-{i}")
        article = Article(doc_id, _document_text(gold, path), published=parse_published(gold.get("published")))
        documents.append(Document(doc_id, article=article))
    report = EventsReport(gold_file=str(path), documents=len(golds))
    pairs: list[Pair] = []
    for gold, result in zip(golds, extractor.extract_documents(documents), strict=True):
        predicted = [e.to_dict() for e in result.events]
        report.predicted_events += len(predicted)
        report.failed_documents += result.error is not None
        report.gold_events += len(gold.get("events") or [])
        pairs.extend(
            pair_events(
                result.doc_id, result.article.text if result.article else "", gold.get("events") or [], predicted
            )
        )
    report.metrics = score(pairs)
    report.per_event = [{"doc_id": p.doc_id, "gold": p.gold, "pred": p.pred} for p in pairs]
    return report


def pair_events(doc_id: str, text: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[Pair]:
    """Pair gold events with predictions (by evidence overlap where gold gives evidence, else by rank)."""
    if not gold:
        return [Pair(doc_id, None, predicted[0] if predicted else None)]
    spans = [_gold_span(text, g.get("evidence")) for g in gold]
    if all(s is None for s in spans):
        return [Pair(doc_id, g, predicted[i] if i < len(predicted) else None) for i, g in enumerate(gold)]
    used: set[int] = set()
    pairs = []
    for g, span in zip(gold, spans, strict=True):
        best, best_overlap = None, 0
        for j, p in enumerate(predicted):
            ev = p.get("evidence") or {}
            overlap = min(span[1], ev.get("end", 0)) - max(span[0], ev.get("start", 0)) if span else 0
            if j not in used and overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            used.add(best)
        pairs.append(Pair(doc_id, g, predicted[best] if best is not None else None))
    return pairs


def _gold_span(text: str, evidence: Any) -> tuple[int, int] | None:
    if isinstance(evidence, dict) and "start" in evidence:
        return int(evidence["start"]), int(evidence["end"])
    if not isinstance(evidence, str) or not evidence:
        return None
    probe = evidence.rstrip('…."”')[:80]
    at = text.find(probe)
    return (at, at + len(evidence)) if at >= 0 else None


def score(pairs: list[Pair]) -> dict[str, tuple[float | None, int]]:
    """Every metric as (value, number of scored items); value None where nothing was scorable."""
    out: dict[str, tuple[float | None, int]] = {}
    for key in ("event_type", "sub_event_type"):
        labelled = [(_label(p.gold, key), _label(p.pred, key)) for p in pairs if p.gold is None or p.gold.get(key)]
        out[f"{key}_accuracy"] = _mean([g == q for g, q in labelled])
        out[f"{key}_weighted_f1"] = (weighted_f1(labelled), len(labelled)) if labelled else (None, 0)
    scored = [(p, p.gold) for p in pairs if p.gold is not None]  # each pair with its (present) gold event
    out["event_found"] = _mean([p.pred is not None for p, _ in scored])
    for km in (25, 161):
        out[f"location_within_{km}km"] = _mean([_within(p, km) for p, g in scored if _gold_point(g)])
    out["date_accuracy"] = _mean([_date_ok(p) for p, g in scored if g.get("date_start") or g.get("date_end")])
    for part in ("best", "low", "high"):
        out[f"fatalities_{part}_accuracy"] = _mean(
            [_fatal(p, part) for p, g in scored if _gold_fatal(g, part) is not None]
        )
    out["deaths_where_killed_accuracy"] = _mean(  # the toll right where someone died (0 is the easy answer)
        [_fatal(p, "best") for p, g in scored if (_gold_fatal(g, "best") or 0) > 0]
    )
    out["claimant_accuracy"] = _mean(
        [claimant_match(g["claimant"], (p.pred or {}).get("claimant")) for p, g in scored if g.get("claimant")]
    )
    out["actor1_accuracy"] = _mean([(p.pred or {}).get("actor1") == g["actor1"] for p, g in scored if g.get("actor1")])
    out["all_fields"] = _mean([all_fields_right(p) for p, g in scored if g.get("evidence")])
    return out


def _mean(flags: list[bool]) -> tuple[float | None, int]:
    return (sum(flags) / len(flags), len(flags)) if flags else (None, 0)


def _label(event: dict[str, Any] | None, key: str) -> str:
    return str(event.get(key)) if event and event.get(key) else NONE


def weighted_f1(labelled: list[tuple[str, str]]) -> float:
    """F1 per gold class, averaged with the classes' gold support as weights (sklearn ``average="weighted"``).

    >>> weighted_f1([("a", "a"), ("a", "b"), ("b", "b")])
    0.6667
    """
    support = Counter(g for g, _ in labelled)
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, q in labelled if g == label and q == label)
        fp = sum(1 for g, q in labelled if g != label and q == label)
        fn = n - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        total += f1 * n
    return round(total / len(labelled), 4)


def _gold_point(event: dict[str, Any]) -> tuple[float, float] | None:
    loc = event.get("location") or {}
    return (loc["lat"], loc["lon"]) if loc.get("lat") is not None and loc.get("lon") is not None else None


def _within(pair: Pair, km: float) -> bool:
    from ..geodesy import distance_km

    gold = _gold_point(pair.gold or {})
    pred = _gold_point(pair.pred or {})
    return bool(gold and pred and distance_km(gold[0], gold[1], pred[0], pred[1]) <= km)


def _date_ok(pair: Pair) -> bool:
    gold, pred = pair.gold or {}, pair.pred or {}
    return all(pred.get(k) == gold[k] for k in ("date_start", "date_end") if gold.get(k))


def _gold_fatal(event: dict[str, Any], part: str) -> int | None:
    fat = event.get("fatalities")
    return fat.get(part) if isinstance(fat, dict) else None


def _fatal(pair: Pair, part: str) -> bool:
    return _gold_fatal(pair.pred or {}, part) == _gold_fatal(pair.gold or {}, part)


def _claimant_tokens(text: str) -> set[str]:
    words = re.findall(r"[\w']+", text.lower().replace("’", "'"))
    demonym = _demonyms(active_profile())
    return {demonym.get(w, w.removesuffix("'s")) for w in words} - _STOP


@functools.lru_cache(maxsize=4)
def _demonyms(profile: ConflictProfile) -> dict[str, str]:
    """A side's name in the possessive read as its adjective ("Russia's", "Kyiv's" -> "russian", "ukrainian")."""
    return {f"{noun.lower()}'s": side.adjective.lower() for side in profile.sides for noun in side.nouns}


def claimant_match(gold: str, pred: str | None) -> bool:
    """Same claimant: one's words (less articles, "Russia's" read "Russian") contain most of the other's.

    >>> claimant_match("Bryansk regional governor", "the regional governor")
    True
    >>> claimant_match("AFP (from ISW data)", "AFP")
    True
    >>> claimant_match("Russian military", "Ukraine's air force")
    False
    """
    if not pred:
        return False
    g, p = _claimant_tokens(gold), _claimant_tokens(pred)
    if not g or not p:
        return False
    common = len(g & p)
    return common / min(len(g), len(p)) >= 0.7 or (
        common >= 1 and common / min(len(g), len(p)) >= 0.5 and min(len(g), len(p)) <= 2
    )


def all_fields_right(pair: Pair) -> bool:
    """Right on every field gold gives: sub-type, place (25 km for a named town, 161 km otherwise),
    dates, fatalities, claimant."""
    gold, pred = pair.gold or {}, pair.pred
    if pred is None or pred.get("sub_event_type") != gold.get("sub_event_type"):
        return False
    loc = gold.get("location") or {}
    if _gold_point(gold) and not _within(pair, 25 if loc.get("precision") == 1 else 161):
        return False
    if (gold.get("date_start") or gold.get("date_end")) and not _date_ok(pair):
        return False
    if any(_gold_fatal(gold, k) is not None and not _fatal(pair, k) for k in ("best", "low", "high")):
        return False
    return not (gold.get("claimant") and not claimant_match(gold["claimant"], pred.get("claimant")))
