"""Experiment: a calibrated pair scorer for deduplication (issue 12), logistic regression on the pair features.
NEGATIVE: nothing ships in ``src/`` (figures in ``bench/results/dedup.md``, "issue 12, second pass").

Question: does a logistic regression on the rule score's own parts (text similarity, same place, death
counts, names, target, days apart, figures, no settlement, the crowd of the pair's days and place) separate
reports of one incident from others better than the hand-set weights, at war-time density?

Training pairs are the blocker's candidate pairs of the UCDP dev reports of 2014-2017 (``until-2017``), plain
and folded into 28 days (war-time density, see ``frontwatch.evaluation.dedup.stack``); a pair is positive
when the two reports share a UCDP event. Pairs a hard constraint separates are left out (they never merge),
and so are copies (identical texts within days, merged by rule: they are most gold pairs and would swamp the
fit). The threshold gives the rules' own pair precision on the folded tuning pairs, so recall is compared at
equal precision. Reported
on 2018-2021 (``from-2018``), plain and folded, which it never sees, beside the rule score at its threshold.
Pair figures here are over candidate pairs, not clusters (``frontwatch eval dedup`` scores clusters).

    PYTHONPATH=src python tools/train_dedup_scorer.py [--out weights.json]

Pure numpy (Newton's method with a small L2 penalty), deterministic.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from frontwatch.dedup import DedupSettings, report_of
from frontwatch.dedup.cluster import (
    _copies,
    _norms,
    candidate_pairs,
    canonical,
    conflict,
    contributions,
    crowd_of,
    gap_days,
    idf_weights,
)
from frontwatch.evaluation.dedup import gold_pairs, read_gold, select_reports, stack

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "eval" / "dedup" / \
    "ucdp-ukraine-2014-2021-reports.jsonl"
FEATURES = ("text similarity", "copies", "same place", "same death count", "different death counts", "same target",
            "shared names", "days apart", "different figures", "no settlement named", "ln crowd / base", "bias")


def pair_features(rows: list[dict], s: DedupSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, gold labels and rule scores of the candidate pairs a hard constraint does not separate."""
    reports, order = canonical([report_of(i, r) for i, r in enumerate(rows)])
    gold = {(min(a, b), max(a, b)) for a, b in _canonical_gold(rows, order)}
    idf = idf_weights(reports)
    norms = _norms(reports, idf)
    crowd = crowd_of(reports, s)
    x, y, rule = [], [], []
    for i, j in sorted(candidate_pairs(reports, idf, s)):
        a, b = reports[i], reports[j]
        if conflict(a, b, s) or _copies(a, b, s):
            continue  # separated, or copies of one report (merged by rule)
        n = crowd(a, b)
        parts = dict(contributions(a, b, idf, norms[i], norms[j], s, n))
        x.append([parts["text similarity"], float(_copies(a, b, s)), "same place" in parts,
                  "same death count" in parts, "different death counts" in parts, "same target" in parts,
                  "shared names" in parts, gap_days(a, b) or 0, "different figures" in parts,
                  "no settlement named" in parts, max(0.0, math.log(max(n, 1) / s.crowd_base)), 1.0])
        y.append((i, j) in gold)
        rule.append(sum(parts.values()))
    return np.array(x, dtype=float), np.array(y, dtype=float), np.array(rule)


def _canonical_gold(rows: list[dict], order: list[int]) -> list[tuple[int, int]]:
    position = {input_index: k for k, input_index in enumerate(order)}
    return [(position[a], position[b]) for a, b in gold_pairs(rows)]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Logistic regression weights by Newton's method (L2 on every weight but the bias)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def precision_recall(y: np.ndarray, chosen: np.ndarray) -> tuple[float, float]:
    true = float((y * chosen).sum())
    return (true / chosen.sum() if chosen.sum() else 1.0), (true / y.sum() if y.sum() else 1.0)


def threshold_for(y: np.ndarray, p: np.ndarray, target: float = 0.9) -> float:
    """The lowest probability at which the pairs scoring at least it reach ``target`` precision."""
    order = np.argsort(-p)
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(y) + 1)
    ok = np.nonzero(precision >= target)[0]
    return float(p[order][ok.max()]) if len(ok) else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the weights and threshold as JSON here")
    args = parser.parse_args()
    s = DedupSettings()
    gold_rows = read_gold(GOLD)
    spans = {}
    for split in ("until-2017", "from-2018"):
        rows = select_reports(gold_rows, split)
        spans[split] = pair_features(rows, s)
        spans[split + "/28"] = pair_features(stack(rows, 28), s)
    x = np.vstack([spans["until-2017"][0], spans["until-2017/28"][0]])
    y = np.concatenate([spans["until-2017"][1], spans["until-2017/28"][1]])
    w = fit(x, y)
    dense_x, dense_y, dense_rule = spans["until-2017/28"]
    rule_precision, _ = precision_recall(dense_y, dense_rule >= s.threshold)
    # the threshold that gives the rules' own pair precision on the folded tuning span: recall compared at equal P
    cut = threshold_for(dense_y, 1 / (1 + np.exp(-dense_x @ w)), rule_precision)
    print(json.dumps({name: round(float(v), 3) for name, v in zip(FEATURES, w, strict=True)}))
    print(f"threshold (the rules' pair precision {rule_precision:.3f} on until-2017/28 pairs): {cut:.3f}")
    for name, (xs, ys, rule) in spans.items():
        p = 1 / (1 + np.exp(-xs @ w))
        lp, lr = precision_recall(ys, p >= cut)
        rp, rr = precision_recall(ys, rule >= s.threshold)
        print(f"{name:14s} pairs {len(ys):6d} gold {int(ys.sum()):6d}  learned P {lp:.3f} R {lr:.3f}"
              f"  rules P {rp:.3f} R {rr:.3f}")
    if args.out:
        args.out.write_text(json.dumps({"features": FEATURES, "weights": [round(float(v), 6) for v in w],
                                        "threshold": round(cut, 6)}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
