"""The dedup quality gate on the UCDP dev set: floors only go up (bench/results/dedup.md has the figures)."""

from __future__ import annotations

from frontwatch.evaluation.dedup import evaluate_dedup
from tests.conftest import shared_path

PRECISION_FLOOR = 0.955
RECALL_FLOOR = 0.43


def test_ucdp_dedup_floors():
    score = evaluate_dedup(shared_path("data", "eval", "dedup", "ucdp-ukraine-2014-2021-reports.jsonl"))
    assert score.precision >= PRECISION_FLOOR, score.to_dict()
    assert score.recall >= RECALL_FLOOR, score.to_dict()
