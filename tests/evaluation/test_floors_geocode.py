"""Geocoding floors on the dev sets (shared data). Floors only go up; see bench/results/geocode.md."""

from __future__ import annotations

import pytest

from frontwatch.evaluation.geocode import evaluate_geocode
from tests.conftest import shared_path

#: (accuracy within 161 km at least, AUC at most) with --spans semantics.
FLOORS = {
    "lgl.jsonl": (0.835, 0.24),
    "geovirus.jsonl": (0.80, 0.32),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_geocode_floor(name: str) -> None:
    report = evaluate_geocode(shared_path("data", "eval", "geocode", name)).to_dict()
    accuracy, auc = FLOORS[name]
    assert report["accuracy_161km"] >= accuracy, report
    assert report["auc"] <= auc, report
