"""`frontwatch eval events`: the metrics on hand-made gold, and the seed article's acceptance."""

from __future__ import annotations

import json

import pytest

from frontwatch.cli import main
from frontwatch.evaluation.events import claimant_match, evaluate_events, pair_events, score, weighted_f1
from tests.conftest import shared_path


def test_weighted_f1_matches_sklearn_definition():
    # by hand: F1(a) = 2*1/(2+1+1) = 0.5 (support 2), F1(b) = 2/3 (support 1), F1(c) = 0 (support 1)
    # weighted: (0.5*2 + 2/3*1 + 0*1) / 4 = 0.4167, as sklearn's f1_score(average="weighted") gives
    assert weighted_f1([("a", "a"), ("a", "b"), ("b", "b"), ("c", "a")]) == 0.4167


def test_null_gold_fields_are_not_scored_and_empty_gold_expects_nothing():
    gold = [
        {"sub_event_type": "Arrests", "event_type": "Strategic developments", "fatalities": None, "date_start": None}
    ]
    pred = [
        {
            "sub_event_type": "Arrests",
            "event_type": "Strategic developments",
            "fatalities": {"best": 3},
            "date_start": "2020-01-01",
            "date_end": "2020-01-01",
            "evidence": {"start": 0, "end": 5},
        }
    ]
    metrics = score(pair_events("d", "text", gold, pred) + pair_events("e", "x", [], pred))
    assert metrics["date_accuracy"] == (None, 0) and metrics["fatalities_best_accuracy"] == (None, 0)
    assert metrics["sub_event_type_accuracy"] == (0.5, 2)  # the empty gold wanted no event and got one


def test_pairing_by_evidence_not_by_order():
    text = "First sentence about a strike. Second sentence about an arrest."
    gold = [{"evidence": "Second sentence about an arrest.", "sub_event_type": "Arrests"}]
    preds = [
        {"sub_event_type": "Air/drone strike", "evidence": {"start": 0, "end": 30}},
        {"sub_event_type": "Arrests", "evidence": {"start": 31, "end": 63}},
    ]
    (pair,) = pair_events("d", text, gold, preds)
    assert pair.pred["sub_event_type"] == "Arrests"


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Russian Defense Ministry", "Russia's Defense Ministry", True),
        ("Krasnodar governor Veniamin Kondratyev", "local governor Veniamin Kondratyev", True),
        ("Russian military", "The Russian military", True),
        ("Russian military", "Ukraine's air force", False),
        ("authorities", None, False),
    ],
)
def test_claimant_match(gold, pred, same):
    assert claimant_match(gold, pred) is same


def test_eval_command_on_a_small_gold_file(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    rows = [
        {
            "doc_id": "1",
            "text": "Police arrested four suspects in Lagos on Monday.",
            "published": "2021-03-03",
            "events": [
                {
                    "event_type": "Strategic developments",
                    "sub_event_type": "Arrests",
                    "date_start": "2021-03-01",
                    "date_end": "2021-03-01",
                    "location": {"lat": 6.45, "lon": 3.39},
                }
            ],
        },
        {"doc_id": "2", "text": "The weather was fine.", "published": "2021-03-03", "events": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert main(["eval", "events", "--gold", str(gold), "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)["metrics"]
    assert metrics["sub_event_type_accuracy"] == {"value": 1.0, "n": 2}
    assert metrics["date_accuracy"] == {"value": 1.0, "n": 1}
    assert metrics["location_within_25km"]["value"] == 1.0


def test_missing_gold_file_is_one_clear_error(tmp_path, capsys):
    assert main(["eval", "events", "--gold", str(tmp_path / "none.jsonl")]) == 1
    assert "gold file not found" in capsys.readouterr().err


def test_seed_article_acceptance():
    """Issue 3: at least 8 of the 10 annotated events right on every field; the interception as issued."""
    report = evaluate_events(shared_path("seed", "article.gold.json"))
    value, n = report.metrics["all_fields"]
    assert n == 10 and value * n >= 8
    interception = next(p for p in report.per_event if p["gold"]["sub_event_type"] == "Disrupted weapons use")
    assert interception["pred"]["sub_event_type"] == "Disrupted weapons use"
    assert {"value": 100, "unit": "drone", "qualifier": "more than"} in interception["pred"]["quantities"]
