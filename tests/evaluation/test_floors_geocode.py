"""Geocoding floors on the dev sets (shared data) and on our terse conflict-report gold set. Floors only go
up; see bench/results/geocode.md. New floors gate on the held-out half (evaluation/split.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.evaluation.events import evaluate_events
from frontwatch.evaluation.geocode import evaluate_geocode
from tests.conftest import shared_path

#: (accuracy within 161 km at least, AUC at most) with --spans semantics.
FLOORS = {
    "lgl.jsonl": (0.835, 0.24),
    "geovirus.jsonl": (0.80, 0.32),
}
#: Accuracy within 161 km on the held-out half (measured 0.841 and 0.804).
HELDOUT_FLOORS = {"lgl.jsonl": 0.838, "geovirus.jsonl": 0.80}
#: eval/gold/places-terse.jsonl, held-out half: the event's place within 25 km (measured 0.835; events the
#: detector misses count as wrong, see bench/results/geocode.md).
TERSE = Path(__file__).resolve().parents[2] / "eval" / "gold" / "places-terse.jsonl"
TERSE_FLOOR_25KM = 0.80


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_geocode_floor(name: str) -> None:
    report = evaluate_geocode(shared_path("data", "eval", "geocode", name)).to_dict()
    accuracy, auc = FLOORS[name]
    assert report["accuracy_161km"] >= accuracy, report
    assert report["auc"] <= auc, report


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_geocode_heldout_floor(name: str) -> None:
    report = evaluate_geocode(shared_path("data", "eval", "geocode", name), split="heldout").to_dict()
    assert report["accuracy_161km"] >= HELDOUT_FLOORS[name], report


@pytest.mark.slow
def test_terse_reports_heldout_floor() -> None:
    report = evaluate_events(TERSE, split="heldout").to_dict()
    value = report["metrics"]["location_within_25km"]["value"]
    assert value >= TERSE_FLOOR_25KM, report["metrics"]
