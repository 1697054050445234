"""Deduplication on reports written for these tests."""

from __future__ import annotations

import json
import math

import pytest

from frontwatch.cli import main
from frontwatch.dedup import DedupSettings, dedup_lines, dedup_reports, explain_merges
from frontwatch.dedup.cluster import candidate_pairs, idf_weights
from frontwatch.dedup.features import report_from_text


def rows(*items: tuple[str, str | None]) -> list[dict]:
    return [{"doc_id": f"d{i}", "text": text, "published": day} for i, (text, day) in enumerate(items)]


def same(labels: list[int], i: int, j: int) -> bool:
    return labels[i] == labels[j]


def test_one_strike_from_several_outlets_is_one_incident():
    labels = dedup_lines(rows(
        ("Shelling kills three civilians in Horlivka, local officials say", "2019-06-03"),
        ("Three civilians killed by shelling in Gorlovka", "2019-06-03"),
        ("Horlivka shelling: three dead, mayor says", "2019-06-04"),
    ))
    assert same(labels, 0, 1) and same(labels, 1, 2)


def test_same_day_same_region_different_towns_stay_apart():
    labels = dedup_lines(rows(
        ("Shelling kills two civilians in Avdiivka", "2019-06-03"),
        ("Shelling kills two civilians in Marinka", "2019-06-03"),
    ))
    assert not same(labels, 0, 1)


def test_protest_and_shelling_in_one_city_stay_apart():
    labels = dedup_lines(rows(
        ("Protesters rally in Kharkiv against the mayor", "2015-03-01"),
        ("Rocket strike hits Kharkiv, two killed", "2015-03-01"),
    ))
    assert not same(labels, 0, 1)


def test_daily_bulletins_of_different_days_stay_apart():
    labels = dedup_lines(rows(
        ("Situation update, east of Ukraine as of morning, June 27", "2018-06-27"),
        ("Situation update, east of Ukraine as of morning, June 28", "2018-06-28"),
    ))
    assert not same(labels, 0, 1)


def test_reports_too_far_apart_in_time_stay_apart():
    labels = dedup_lines(rows(
        ("Shelling kills three civilians in Horlivka", "2019-06-03"),
        ("Shelling kills three civilians in Horlivka", "2019-07-20"),
    ))
    assert not same(labels, 0, 1)


def test_reports_without_dates_are_kept_apart_and_counted():
    result = dedup_reports(rows(
        ("Shelling kills three civilians in Horlivka", None),
        ("Shelling kills three civilians in Horlivka", None),
    ))
    assert result.undated == 2 and result.incidents == 2


def test_transliterations_meet_in_one_block():
    a = report_from_text(0, "a", "Rebels shell Slavyansk", "2014-05-02")
    b = report_from_text(1, "b", "Rebels shell Sloviansk", "2014-05-02")
    assert a.places and a.places == b.places


def test_blocking_compares_far_fewer_pairs_than_all():
    texts = [(f"Shelling in {town} kills {n} people", "2020-01-0" + str(1 + n % 9))
             for n, town in enumerate(["Avdiivka", "Marinka", "Horlivka", "Pisky", "Shchastia"] * 20)]
    reports = [report_from_text(i, str(i), t, d) for i, (t, d) in enumerate(texts)]
    pairs = candidate_pairs(reports, idf_weights(reports), DedupSettings())
    assert 0 < len(pairs) < len(reports) * (len(reports) - 1) // 2 // 4


def test_extraction_output_uses_the_event_fields():
    event = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "claimant": "governor",
             "date_start": "2024-05-17", "location": {"name": "Tuapse", "geonameid": 480716, "precision": 1},
             "fatalities": {"best": 0, "low": 0, "high": 0}, "evidence": {"text": "Drones hit a refinery in Tuapse"}}
    other = dict(event, claimant="ministry", evidence={"text": "A drone attack set the Tuapse oil refinery on fire"})
    far = dict(event, location={"name": "Novorossiysk", "geonameid": 518255, "precision": 1},
               evidence={"text": "Drones hit the port of Novorossiysk"})
    labels = dedup_lines([{"doc_id": "a", "events": [event]}, {"doc_id": "b", "events": [other]},
                          {"doc_id": "c", "events": [far]}])
    assert same(labels, 0, 1) and not same(labels, 0, 2)


def test_cli_writes_one_line_per_report(tmp_path, capsys):
    path = tmp_path / "reports.jsonl"
    data = rows(("Shelling kills three civilians in Horlivka", "2019-06-03"),
                ("Three civilians killed by shelling in Gorlovka", "2019-06-03"),
                ("Protest in Lviv", None))
    path.write_text("\n".join(json.dumps(r) for r in data) + "\n", encoding="utf-8")
    assert main(["dedup", str(path)]) == 0
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["doc_id"] for o in out] == ["d0", "d1", "d2"]
    assert out[0]["cluster"] == out[1]["cluster"] != out[2]["cluster"]
    assert "without a date" in captured.err


def test_cli_bad_line_is_one_clear_error(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "a", "text": "x"}\n{broken\n', encoding="utf-8")
    assert main(["dedup", str(path)]) == 1
    assert "line 2 is not JSON" in capsys.readouterr().err


def test_the_same_reports_in_any_order_give_the_same_clusters():
    import random

    from tests.conftest import shared_path

    gold = shared_path("data", "eval", "dedup", "ucdp-ukraine-2014-2021-reports.jsonl")
    lines = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()[:600]]
    first = dict(zip(*(lambda r: (r.doc_ids, r.clusters))(dedup_reports(lines)), strict=True))
    assert len(set(first.values())) < len(first)
    shuffled = lines[:]
    random.Random(5).shuffle(shuffled)
    again = dedup_reports(shuffled)
    assert dict(zip(again.doc_ids, again.clusters, strict=True)) == first


def test_explain_says_why_two_reports_were_merged_or_kept_apart(tmp_path, capsys):
    from frontwatch.dedup import explain_pair

    path = tmp_path / "reports.jsonl"
    data = rows(("Shelling kills three civilians in Horlivka, local officials say", "2019-06-03"),
                ("Three civilians killed by shelling in Gorlovka", "2019-06-03"),
                ("Shelling kills three civilians in Avdiivka", "2019-06-03"))
    path.write_text("\n".join(json.dumps(r) for r in data) + "\n", encoding="utf-8")
    assert main(["dedup", str(path), "--explain"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    merge = out[0]["merged_with"][0]
    assert merge["doc_id"] == "d1" and merge["score"] >= 0.5 and "same place" in merge["parts"]
    assert out[2]["merged_with"] == []
    apart = explain_pair(data[0], data[2])
    assert not apart["same_incident"] and "different settlements" in apart["separated_by"]


def test_incompatible_death_tolls_are_different_incidents():
    labels = dedup_lines(rows(
        ("Shelling kills two civilians in Horlivka", "2019-06-03"),
        ("Shelling kills 30 civilians in Horlivka", "2019-06-03"),
    ))
    assert not same(labels, 0, 1)


def test_a_crowded_day_needs_more_than_a_shared_day_and_wording():
    # two reports naming no place: one incident on a quiet day, not evidence among hundreds of reports
    pair = rows(("Three Ukrainian soldiers killed in fresh clashes in the east", "2015-03-02"),
                ("Three Ukrainian soldiers killed in new clashes in east", "2015-03-02"))
    crowd = [{"doc_id": f"f{i:03d}", "text": f"Officials discuss budget item{i} and tariff{i}",
              "published": f"2015-03-0{1 + i % 3}"} for i in range(900)]
    assert same(dedup_lines(pair), 0, 1)
    labels = dedup_lines(pair + crowd)
    assert not same(labels, 0, 1)
    assert len(set(labels)) == len(labels)  # the crowd itself stays apart
    without = dedup_lines(pair + crowd, DedupSettings(crowd_penalty=0.0))
    assert same(without, 0, 1)


def test_explain_names_the_crowd_part_of_a_score():
    pair = rows(("Three Ukrainian soldiers killed in clashes in the east", "2015-03-02"),
                ("Three Ukrainian soldiers killed in clashes in east", "2015-03-02"))
    crowd = [{"doc_id": f"f{i:03d}", "text": f"Officials discuss budget item{i}", "published": "2015-03-02"}
             for i in range(100)]
    merge = explain_merges(pair + crowd)[0][0]
    assert merge["doc_id"] == "d1" and merge["crowd"] == 102
    part = merge["parts"]["crowded days and place"]
    assert part == pytest.approx(-0.1 * math.log(102 / 30), abs=1e-4)


def test_a_region_only_report_pairs_with_an_earlier_report_whose_span_reaches_it():
    """Within a region's block, reports are sorted by their first day: looking back from a report placed only
    at the region, one that starts earlier and ends on its day must be paired even when a nearer one ends
    sooner (the search stopped there, so the pair depended on which other reports were in the set)."""
    from frontwatch.dedup.assign import store_settings
    from frontwatch.dedup.features import report_from_event

    def event(text: str, first: str, last: str, location: dict) -> dict:
        return {"event_type": "Battles", "sub_event_type": "Armed clash", "date_start": first, "date_end": last,
                "location": location, "evidence": {"text": text}}

    region = {"name": "Donetsk Oblast", "admin1": "Donetsk", "country": "UA", "precision": 3}
    town = {"name": "Pisky", "geonameid": 697618, "admin1": "Donetsk", "country": "UA", "precision": 1}
    other = {"name": "Marinka", "geonameid": 702069, "admin1": "Donetsk", "country": "UA", "precision": 1}
    spanning = event("Fighting went on near Pisky for three days", "2020-01-08", "2020-01-10", town)
    nearer = event("A clash near Marinka", "2020-01-09", "2020-01-09", other)
    loose = event("Fighting in Donetsk region", "2020-01-10", "2020-01-10", region)
    reports = [report_from_event(i, f"d{i}", "", "2020-01-10", e) for i, e in enumerate([spanning, nearer, loose])]
    assert not reports[2].towns and reports[0].towns and reports[1].towns
    pairs = candidate_pairs(reports, {}, store_settings())
    assert (0, 2) in pairs  # the spanning report reaches the region-only one's day
    assert (1, 2) not in pairs  # a day apart: outside the event window
