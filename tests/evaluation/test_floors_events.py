"""Accuracy floors for event extraction on the dev sets. Floors only go up: raise one when a change beats it.

Figures from ``frontwatch eval events --gold ../shared/data/eval/events/<file>`` (bench/results/events.md).
"""

from __future__ import annotations

import pytest

from frontwatch.evaluation.events import evaluate_events
from tests.conftest import shared_path

FLOORS = {
    ("seed", "article.gold.json"): {"all_fields": 1.0, "sub_event_type_accuracy": 1.0, "date_accuracy": 1.0},
    ("data", "eval", "events", "case2021-task2-dev.jsonl"): {
        "event_type_accuracy": 0.83,
        "sub_event_type_accuracy": 0.78,
        "sub_event_type_weighted_f1": 0.77,
    },
    ("data", "eval", "events", "ucdp-ukraine-2014-2021.jsonl"): {
        "event_found": 0.45,
        "date_accuracy": 0.12,
        "fatalities_best_accuracy": 0.32,
        "claimant_accuracy": 0.12,
    },
}


@pytest.fixture(scope="module")
def extractor():
    from frontwatch.events.extractor import Extractor

    return Extractor()


@pytest.mark.slow
@pytest.mark.parametrize("parts", list(FLOORS), ids=lambda p: p[-1])
def test_floor(parts, extractor):
    report = evaluate_events(shared_path(*parts), extractor=extractor)
    for metric, floor in FLOORS[parts].items():
        value, n = report.metrics[metric]
        assert n > 0 and value is not None and value >= floor, f"{metric} = {value} below its floor {floor}"
