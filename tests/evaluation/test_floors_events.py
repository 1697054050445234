"""Accuracy floors for event extraction, gated on the held-out half of each dev set. Floors only go up.

Rules are tuned on the ``tune`` half (:mod:`frontwatch.evaluation.split`); the floors below are the
``heldout`` half's figures (bench/results/events.md gives both halves side by side), reproduced with
``frontwatch eval events --gold FILE --split heldout``. The terse-notes gold is our own, generated from the
codebook's definitions by ``tools/make_events_gold.py``; the seed article is scored whole (10 of 10).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.evaluation.events import evaluate_events
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]

#: (gold file, split) -> floors. The CASE 2021 floors were set on the whole file before the split (0.83 / 0.78 /
#: 0.77); on the held-out half, with the rules that matched single dev documents removed, they were 0.81 / 0.75 /
#: 0.75; issue 11's second pass (protest cues, interceptions of weapons only, ...) raised them to 0.815 / 0.76 /
#: 0.755; its third pass (salience: main clause over setting, the lead sentence; codebook readings) to 0.825 / 0.78 /
#: 0.775; its fifth pass (the news before the history it recalls, and the codebook's families probed with our own
#: sentences: battles, protests, strategic developments, weaponless strikes) to these (measured 0.867 / 0.828 / 0.826).
FLOORS = {
    (("seed", "article.gold.json"), "all"): {"all_fields": 1.0, "sub_event_type_accuracy": 1.0, "date_accuracy": 1.0},
    (("data", "eval", "events", "case2021-task2-dev.jsonl"), "heldout"): {
        "event_type_accuracy": 0.86,
        "sub_event_type_accuracy": 0.82,
        "sub_event_type_weighted_f1": 0.82,
    },
    # UCDP: about half of its "headlines" are a place or a person's name, a round-up's title or unreadable Cyrillic,
    # which report no incident; issue 11's headline pass (ucdp11) raised event found 0.490 -> 0.501, its weaponless
    # pass (headline11d) to 0.505, best toll 0.346 -> 0.357, claimant 0.1585 -> 0.1606, date 0.227 -> 0.231.
    (("data", "eval", "events", "ucdp-ukraine-2014-2021.jsonl"), "heldout"): {
        "event_found": 0.505,
        "date_accuracy": 0.23,
        "fatalities_best_accuracy": 0.355,
        "deaths_where_killed_accuracy": 0.355,
        "claimant_accuracy": 0.16,
    },
}
#: events-terse held-out (620 notes since issue 11's third pass: its date, toll and place forms; before the rules for
#: them, date 0.879, deaths 0.768, place 0.943 on this half, now 1.0 / 0.994 / 1.0). 740 since its fourth pass
#: (note forms, summaries, lists of the dead): at the merge base 0.944 / 0.942 / 0.963 / 0.944 / 0.943 on this half,
#: now 1.0 / 0.997 / 0.995 / 1.0 / 1.0.
TERSE_FLOORS = {
    "event_type_accuracy": 0.99,
    "sub_event_type_accuracy": 0.99,
    "deaths_where_killed_accuracy": 0.99,
    "date_accuracy": 0.99,
    "location_within_25km": 0.99,
    "event_found": 0.99,
}


@pytest.fixture(scope="module")
def extractor():
    from frontwatch.events.extractor import Extractor

    return Extractor()


def _check(report, floors):
    for metric, floor in floors.items():
        value, n = report.metrics[metric]
        assert n > 0 and value is not None and value >= floor, f"{metric} = {value} below its floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize("key", list(FLOORS), ids=lambda k: f"{k[0][-1]}-{k[1]}")
def test_floor(key, extractor):
    parts, split = key
    _check(evaluate_events(shared_path(*parts), extractor=extractor, split=split), FLOORS[key])


#: Held-out floors on notes written by an author who had not read the rules (tools/make_terse_independent.py:
#: templated notes from ACLED's codebook plus hand-written ones); bench/results/events-terse-independent.md.
INDEPENDENT_FLOORS = {
    "event_type_accuracy": 0.955,  # 0.935 -> 0.940 (issue 11, fourth pass) -> 0.960 (fifth: battles, strategic)
    "sub_event_type_accuracy": 0.94,  # 0.920 -> 0.925 (the same) -> 0.945 (fifth pass)
    "deaths_where_killed_accuracy": 0.97,  # 0.946 -> 0.960 (third pass: tolls) -> 0.973 (fourth: lists of the dead)
    "date_accuracy": 0.975,  # 0.965 -> 0.970 (fourth pass) -> 0.980 (fifth: two more notes give their event)
    "location_within_25km": 0.965,  # 0.950 -> 0.955 (a settlement its qualifier contains) -> 0.960 -> 0.970
    "fatalities_best_accuracy": 0.97,  # 0.757 -> 0.960 (fatalities 0 as ACLED codes it) -> 0.971 (fourth pass)
    "event_found": 0.975,  # 0.965 -> 0.970 (fourth pass) -> 0.980 (fifth pass)
}


#: Held-out floors on our own news headlines (eval/gold/headlines-own.jsonl, written from the codebook's definitions;
#: 44 incidents and 13 headlines that report none; 117 since the weaponless pass): at the branch point event found
#: 0.88, sub-type 0.83; 1.0 / 1.0 since issue 11's fifth pass.
HEADLINE_FLOORS = {
    "event_found": 0.99,
    "sub_event_type_accuracy": 0.99,
    "date_accuracy": 0.99,
    "fatalities_best_accuracy": 0.99,
}


#: Held-out floors on our own codebook sentences for Strategic developments, the Explosions borders and non-events
#: (eval/gold/codebook-strategic.jsonl, world-wide news written from the codebook's definitions; the rules were
#: changed after probing on it, so its figures check consistency): at the branch point sub-type 0.710, found 0.925.
STRATEGIC_FLOORS = {
    "event_type_accuracy": 0.95,
    "sub_event_type_accuracy": 0.95,  # 0.710 -> 1.000 (issue 11, strat11d)
    "event_found": 0.95,  # 0.925 -> 1.000
    "fatalities_best_accuracy": 0.95,  # 0.882 -> 1.000
}


#: Held-out floors on the protest, riot and civilian-targeting probes (eval/gold/codebook-protests.jsonl, written
#: from ACLED's codebook by protest11d; 71 before the rules changed, 13 after): at the branch point (5c6e3a6)
#: sub-type 0.721, event type 0.767, found 0.953; bench/results/protests.md.
PROTEST_FLOORS = {
    "event_found": 0.99,
    "event_type_accuracy": 0.97,
    "sub_event_type_accuracy": 0.97,
    "fatalities_best_accuracy": 0.97,
    "deaths_where_killed_accuracy": 0.93,
}


#: Held-out floors on the Battles family and its borders (eval/gold/codebook-battles.jsonl, written from the codebook's
#: definitions before the rules for them: armed victims, killed captives, failed captures, territory by who takes it):
#: at the branch point sub-type 0.552, event type 0.655, found 0.931 on this half (29 notes), now 1.0 (one of slack).
BATTLES_FLOORS = {
    "event_type_accuracy": 0.96,
    "sub_event_type_accuracy": 0.96,
    "event_found": 0.96,
    "fatalities_best_accuracy": 0.96,
}


#: Our own gold files (eval/gold/): the fewest held-out documents each must have, and its floors.
OWN_GOLD = {
    "events-terse.jsonl": (150, TERSE_FLOORS),
    "terse-independent.jsonl": (150, INDEPENDENT_FLOORS),
    "headlines-own.jsonl": (20, HEADLINE_FLOORS),
    "codebook-strategic.jsonl": (40, STRATEGIC_FLOORS),
    "codebook-protests.jsonl": (40, PROTEST_FLOORS),
    "codebook-battles.jsonl": (20, BATTLES_FLOORS),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(OWN_GOLD))
def test_own_gold_floor(name, extractor):
    fewest, floors = OWN_GOLD[name]
    report = evaluate_events(REPO / "eval" / "gold" / name, extractor=extractor, split="heldout")
    assert report.documents >= fewest
    _check(report, floors)


#: Held-out floors on the 60 headlines of issue 11's weaponless-strike pass (headline11d: lines 58-117 of
#: headlines-own.jsonl, written from the codebook before the rules: strikes with no weapon named, claims,
#: interceptions, summaries, 12 with no incident): at the branch point event found 0.79, sub-type 0.65 on this half
#: (27 documents, 24 incidents), now 1.0 / 1.0. The UCDP and CASE floors it raised are with theirs above.
WEAPONLESS_FLOORS = {
    "event_found": 0.95,
    "sub_event_type_accuracy": 0.95,
    "date_accuracy": 0.95,
    "fatalities_best_accuracy": 0.95,
}


@pytest.mark.slow
def test_weaponless_headlines_floor(extractor, tmp_path):
    lines = (REPO / "eval" / "gold" / "headlines-own.jsonl").read_text(encoding="utf-8").splitlines()[57:]
    gold = tmp_path / "weaponless.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = evaluate_events(gold, extractor=extractor, split="heldout")
    assert report.documents >= 25
    _check(report, WEAPONLESS_FLOORS)
