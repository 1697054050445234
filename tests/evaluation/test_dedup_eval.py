"""Pairwise scoring of deduplication on gold files written for the test."""

from __future__ import annotations

import json

import pytest

from frontwatch.cli import main
from frontwatch.errors import InputError, UnreadableFile
from frontwatch.evaluation.dedup import gold_pairs, read_gold, score_labels


def test_gold_pairs_share_an_event_and_multi_event_reports_link_both():
    rows = [{"doc_id": "a", "events": ["1"]}, {"doc_id": "b", "events": ["1", "2"]},
            {"doc_id": "c", "events": ["2"]}, {"doc_id": "d", "events": ["3"]}]
    # the round-up b pairs with a and with c, but a and c are not a pair: the relation is not transitive
    assert gold_pairs(rows) == {(0, 1), (1, 2)}


def test_precision_recall_f1():
    rows = [{"doc_id": x, "events": [e], "published": "2020-01-01"} for x, e in
            [("a", "1"), ("b", "1"), ("c", "1"), ("d", "2")]]
    score = score_labels(rows, [0, 0, 2, 2], gold_file="g", window_days=2)
    # predicted pairs: (a,b) right, (c,d) wrong; gold pairs: ab, ac, bc
    assert (score.predicted_pairs, score.true_pairs, score.gold_pairs) == (2, 1, 3)
    assert score.precision == pytest.approx(0.5) and score.recall == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(0.4)


def test_bad_gold_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"doc_id": "a", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(UnreadableFile, match="lacks"):
        read_gold(path)


def test_cli_eval_dedup_json(tmp_path, capsys):
    path = tmp_path / "g.jsonl"
    lines = [{"doc_id": "a", "text": "Shelling kills three civilians in Horlivka", "published": "2019-06-03",
              "events": ["1"]},
             {"doc_id": "b", "text": "Three civilians killed by shelling in Gorlovka", "published": "2019-06-03",
              "events": ["1"]},
             {"doc_id": "c", "text": "Protest in Lviv against the mayor", "published": "2019-06-03", "events": ["2"]}]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    assert main(["eval", "dedup", "--gold", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["precision"] == 1.0 and out["recall"] == 1.0 and out["gold_pairs"] == 1


def test_time_split_and_date_filter_keep_the_right_reports():
    from datetime import date

    from frontwatch.evaluation.dedup import select_reports

    rows = [{"doc_id": x, "events": ["1"], "published": p} for x, p in
            [("a", "2015-03-01"), ("b", "2017-12-31"), ("c", "2018-01-01"), ("d", None)]]
    assert [r["doc_id"] for r in select_reports(rows, "until-2017")] == ["a", "b"]
    assert [r["doc_id"] for r in select_reports(rows, "from-2018")] == ["c"]
    assert [r["doc_id"] for r in select_reports(rows, "all", date(2017, 1, 1), date(2018, 6, 1))] == ["b", "c"]
    with pytest.raises(InputError, match="unknown split"):
        select_reports(rows, "2018")


def test_stacking_folds_dates_into_one_span_keeping_days_between_reports():
    from frontwatch.evaluation.dedup import stack

    rows = [{"doc_id": x, "published": p} for x, p in
            [("a", "2018-01-01"), ("b", "2018-01-03"), ("c", "2018-01-29"), ("d", "2018-01-31"), ("e", None)]]
    assert [r["published"] for r in stack(rows, 28)] == ["2018-01-01", "2018-01-03", "2018-01-01", "2018-01-03",
                                                         None]


def test_cli_bad_date_option_is_one_line(tmp_path, capsys):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "text": "x", "published": "2019-01-01", "events": ["1"]}) + "\n",
                    encoding="utf-8")
    assert main(["eval", "dedup", "--gold", str(path), "--from", "01/02/2019"]) == 1
    assert "--from '01/02/2019' is not a date" in capsys.readouterr().err
