"""Pairwise scoring of deduplication against gold incidents (``frontwatch eval dedup``).

Gold lines are ``{"doc_id", "text", "published", "events": [id, ...]}``: the UCDP events a report covers.
Two reports are a gold pair when they share at least one event. A round-up report listing several events
is therefore paired with every report of any of them, even when those reports are not paired with each other:
the gold relation is not transitive, while a clustering is, so no clustering reaches 1.0 on both precision
and recall; the report gives that ceiling (``best_recall_at_full_precision`` is not computable cheaply, so we
give the share of gold pairs that lie within the date window, the recall a date-window blocker can reach).

Pairwise precision = predicted pairs that are gold pairs / predicted pairs; recall = predicted gold pairs /
gold pairs; F1 their harmonic mean (the standard entity-resolution measure, e.g. Christen 2012, ch. 7).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, UnreadableFile
from .split import SPLITS, select

if TYPE_CHECKING:
    from ..dedup import DedupSettings


@dataclass
class DedupScore:
    """Pairwise precision, recall and F1 with the counts behind them."""

    gold_file: str
    reports: int
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    clusters: int
    undated: int
    gold_pairs_within_window: int
    window_days: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_file, "reports": self.reports, "clusters": self.clusters, "undated": self.undated,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "gold_pairs": self.gold_pairs, "predicted_pairs": self.predicted_pairs, "true_pairs": self.true_pairs,
            "window_days": self.window_days, "gold_pairs_within_window": self.gold_pairs_within_window,
            "recall_ceiling_of_window": round(self.gold_pairs_within_window / self.gold_pairs, 4)
            if self.gold_pairs else 1.0, **self.extra,
        }

    def rows(self) -> list[list[Any]]:
        d = self.to_dict()
        keys = ("precision", "recall", "f1", "gold_pairs", "predicted_pairs", "true_pairs", "clusters", "reports",
                "undated", "recall_ceiling_of_window")
        return [[k, f"{d[k]:.4f}" if isinstance(d[k], float) else d[k]] for k in keys]


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Gold report lines; each must carry ``doc_id`` and ``events`` (read as ``frontwatch dedup`` reads reports)."""
    from ..dedup.io import read_reports

    rows = read_reports(Path(path))
    for number, row in enumerate(rows, 1):
        if "events" not in row or "doc_id" not in row:
            raise UnreadableFile(f"report {number} lacks 'doc_id' or 'events': not a dedup gold file", path=str(path))
    return rows


def gold_pairs(rows: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """Index pairs of reports sharing at least one gold event."""
    by_event: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for event in set(map(str, row["events"])):
            by_event[event].append(i)
    return {pair for members in by_event.values() for pair in combinations(sorted(members), 2)}


def _day(value: Any) -> int | None:
    try:
        return date.fromisoformat(str(value)[:10]).toordinal() if value else None
    except ValueError:
        return None


def score_labels(rows: list[dict[str, Any]], labels: list[int], *, gold_file: str, window_days: int) -> DedupScore:
    """Compare a cluster label per report with the gold pairs."""
    gold = gold_pairs(rows)
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    predicted = true = 0
    for group in members.values():
        for pair in combinations(group, 2):
            predicted += 1
            true += pair in gold
    days = [_day(r.get("published")) for r in rows]
    within = 0
    for i, j in gold:
        day_i, day_j = days[i], days[j]
        within += day_i is not None and day_j is not None and abs(day_i - day_j) <= window_days
    return DedupScore(gold_file, len(rows), len(gold), predicted, true, len(members),
                      sum(d is None for d in days), within, window_days)


#: Spans of time for tuning on earlier reports and reporting on later ones (issue 12): tune on 2014-2017,
#: report on 2018-2021, as the project is measured on reports later than any it was tuned on.
TIME_SPLITS = {"until-2017": (None, date(2017, 12, 31)), "from-2018": (date(2018, 1, 1), None)}


def select_time(rows: list[dict[str, Any]], first: date | None, last: date | None) -> list[dict[str, Any]]:
    """The reports published within [first, last] (either end open); undated reports only when both are."""
    if first is None and last is None:
        return rows
    kept = []
    for row in rows:
        day = _day(row.get("published"))
        if day is not None and (first is None or day >= first.toordinal()) and \
                (last is None or day <= last.toordinal()):
            kept.append(row)
    return kept


def select_reports(rows: list[dict[str, Any]], split: str, first: date | None = None,
                   last: date | None = None) -> list[dict[str, Any]]:
    """One split of the gold reports: a doc_id half (:mod:`.split`) or a span of time, then a date filter."""
    if split in TIME_SPLITS:
        rows = select_time(rows, *TIME_SPLITS[split])
    elif split not in SPLITS:
        raise InputError(f"unknown split {split!r}; expected one of {', '.join((*SPLITS, *TIME_SPLITS))}")
    else:
        rows = select(rows, split)
    return select_time(rows, first, last)


def stack(rows: list[dict[str, Any]], days: int) -> list[dict[str, Any]]:
    """The reports with their dates folded into one span of ``days``: war-time density from a quieter record.

    Each report is moved back by a whole number of spans (from its first report's date), so reports of one
    span keep their days between them while incidents of different spans, which are distinct, now share the
    same days and oblasts: at 28 days, four years of reports fall on 4 weeks, about 50 times as dense. Gold
    pairs split across a span's boundary end up far apart (recall lost, counted as such).
    """
    days_of = [_day(r.get("published")) for r in rows]
    start = min((d for d in days_of if d is not None), default=0)
    out = []
    for row, day in zip(rows, days_of, strict=True):
        if day is not None:
            moved = start + (day - start) % days
            row = {**row, "published": date.fromordinal(moved).isoformat()}
        out.append(row)
    return out


def evaluate_dedup(path: Path, settings: DedupSettings | None = None, *, split: str = "all", first: date | None = None,
                   last: date | None = None, stack_days: int | None = None) -> DedupScore:
    """Run deduplication on one split of the gold file's reports and score it pairwise.

    ``split`` is a doc_id half (``tune``, ``heldout``, ``all``) or a span of time (``until-2017``,
    ``from-2018``); ``first``/``last`` keep the reports published in that range; ``stack_days`` folds
    them into one span of that many days (:func:`stack`), to approximate war-time density.
    """
    from ..dedup import DedupSettings, dedup_lines

    settings = settings or DedupSettings()
    rows = select_reports(read_gold(path), split, first, last)
    if stack_days:
        rows = stack(rows, stack_days)
    labels = dedup_lines(rows, settings)
    score = score_labels(rows, labels, gold_file=Path(path).name, window_days=settings.window_days)
    # The same labels scored on single-event reports only: round-ups listing many events dominate the pair
    # count, so this is the figure closer to "one strike reported by ten outlets".
    single = [i for i, r in enumerate(rows) if len(set(map(str, r["events"]))) == 1]
    sub = score_labels([rows[i] for i in single], [labels[i] for i in single], gold_file="",
                       window_days=settings.window_days)
    score.extra["single_event_reports"] = {"reports": len(single), "gold_pairs": sub.gold_pairs,
                                           "precision": round(sub.precision, 4), "recall": round(sub.recall, 4),
                                           "f1": round(sub.f1, 4)}
    return score


def parse_day(value: str | None, option: str) -> date | None:
    """A ``YYYY-MM-DD`` option value, or an InputError naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date: give YYYY-MM-DD") from None
