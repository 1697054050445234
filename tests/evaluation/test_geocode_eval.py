"""The geocoding metrics (Gritta et al. 2018) on small hand-made gold files."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from frontwatch.cli import main
from frontwatch.errors import InputError
from frontwatch.evaluation.geocode import MAX_ERROR_KM, auc, evaluate_geocode


def test_auc_bounds_and_order() -> None:
    assert auc([0.0]) == 0.0
    assert auc([MAX_ERROR_KM] * 3) == pytest.approx(1.0, abs=1e-4)
    assert auc([1.0, 10.0, 100.0]) < auc([10.0, 100.0, 1000.0])
    assert auc([5.0, 500.0]) == auc([500.0, 5.0])  # order of input does not matter
    assert math.isnan(auc([]))


TEXT = "Shelling in Kharkiv and Xyzzyqwv was reported; Kyiv was quiet."


def _gold(tmp_path: Path, toponyms: list[dict], extra: list[dict] | None = None) -> Path:
    assert TEXT[12:19] == "Kharkiv" and TEXT[24:32] == "Xyzzyqwv" and TEXT[47:51] == "Kyiv"
    path = tmp_path / "gold.jsonl"
    lines = [{"doc_id": "1", "text": TEXT, "toponyms": toponyms}, *(extra or [])]
    path.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    return path


def test_scores_resolved_unresolved_and_skipped(tmp_path: Path) -> None:
    alone = {"doc_id": "2", "text": "Xyzzyqwv.", "toponyms": [{"start": 0, "end": 8, "lat": 10.0, "lon": 10.0}]}
    gold = _gold(tmp_path, [
        {"start": 12, "end": 19, "lat": 49.98, "lon": 36.25},  # Kharkiv: right
        {"start": 24, "end": 32, "lat": 50.2, "lon": 33.4},  # unknown: placed at the text's towns (~200 km)
        {"start": 47, "end": 51, "lat": 49.98, "lon": 36.25},  # Kyiv scored against Kharkiv: ~410 km off
        {"start": 47, "end": 51, "lat": None, "lon": None},  # no gold coordinates: skipped
    ], extra=[alone])  # an unknown name with nothing else in its text stays unresolved: the largest error
    report = evaluate_geocode(gold)
    d = report.to_dict()
    assert (d["toponyms"], d["unresolved"], d["skipped_without_coordinates"]) == (4, 1, 1)
    assert d["accuracy_161km"] == pytest.approx(1 / 4, abs=1e-3)
    errors = report.errors_km
    assert errors[0] < 25 and 161 < errors[1] < 300 and 380 < errors[2] < 440 and errors[3] == MAX_ERROR_KM
    assert d["mean_error_km"] == pytest.approx(sum(errors) / 4, abs=0.1)


def test_gold_without_spans_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "1", "text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="toponyms"):
        evaluate_geocode(path)


def test_cli_json(tmp_path: Path, capsys) -> None:
    gold = _gold(tmp_path, [{"start": 12, "end": 19, "lat": 49.98, "lon": 36.25}])
    assert main(["eval", "geocode", "--gold", str(gold), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["accuracy_161km"] == 1.0 and {"mean_error_km", "auc"} <= set(out)


def test_find_mode_counts_precision_and_recall(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [
        {"start": 12, "end": 19, "lat": 49.98, "lon": 36.25},  # Kharkiv: found and right
        {"start": 33, "end": 36, "lat": 10.0, "lon": 10.0},  # "was": nothing finds it, the largest error
    ])
    assert TEXT[33:36] == "was"
    d = evaluate_geocode(gold, find=True).to_dict()
    assert d["mode"] == "find" and d["recall"] == 0.5
    assert d["found"] >= 2 and 0.0 < d["precision"] <= 1.0  # Kyiv is found too, but no gold span covers it
    assert d["accuracy_161km"] == 0.5 and d["unresolved"] == 1
