"""The dedup quality gate on the UCDP dev reports: floors only go up (bench/results/dedup.md has the figures).

Gated on reports nobody tuned on: the held-out doc_id half, the later span of time (2018-2021; rules were
tuned on 2014-2017) and that later span folded into 28 days, which approximates the density of the
full-scale war (dozens of distinct incidents an oblast a day), where precision matters most.
"""

from __future__ import annotations

import pytest

from frontwatch.evaluation.dedup import evaluate_dedup
from tests.conftest import shared_path

GOLD = ("data", "eval", "dedup", "ucdp-ukraine-2014-2021-reports.jsonl")
# (split, stack_days) -> (precision floor, recall floor). Measured 2026-11-27 (issue 12, second pass: the
# density-aware score): heldout 0.949 / 0.484, from-2018 0.959 / 0.046, from-2018 stacked 0.946 / 0.102,
# heldout stacked 0.986 / 0.531, all 0.964 / 0.423 (first pass: 0.941 / 0.475, 0.955 / 0.046, 0.828 / 0.102,
# 0.894 / 0.533, 0.957 / 0.419).
FLOORS = {
    ("heldout", None): (0.945, 0.48),
    ("from-2018", None): (0.955, 0.045),
    ("from-2018", 28): (0.94, 0.10),
    ("heldout", 28): (0.98, 0.53),
    # all reports: the recall floor was 0.43 before the dates were corrected; the old rules measure 0.424
    # on the corrected file
    ("all", None): (0.96, 0.42),
}


@pytest.mark.parametrize(("split", "stack_days"), list(FLOORS))
def test_ucdp_dedup_floors(split, stack_days):
    score = evaluate_dedup(shared_path(*GOLD), split=split, stack_days=stack_days)
    precision, recall = FLOORS[(split, stack_days)]
    assert score.precision >= precision, score.to_dict()
    assert score.recall >= recall, score.to_dict()
