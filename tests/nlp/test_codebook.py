"""The codebook as data: one generated test per example and counter-example a rule carries."""

from __future__ import annotations

import pytest

from frontwatch.nlp.codebook import DEFINITIONS, NO_EVENT, RANK_OF, RULES
from frontwatch.nlp.events import classify
from frontwatch.nlp.taxonomy import SUB_EVENT_TYPES
from tests.nlp.reach import reach_cases

CASES = reach_cases(RULES)


@pytest.mark.parametrize(("sub", "text", "expected"), CASES)
def test_rule_reach(sub, text, expected):
    found = classify(text)
    got = found[0] if found else NO_EVENT
    assert (got == sub) is expected, f"{text!r} -> {got}"


def test_every_rule_has_examples_and_every_sub_type_a_definition():
    assert all(rule.examples for rule in RULES), [r.name for r in RULES if not r.examples]
    assert set(DEFINITIONS) == set(SUB_EVENT_TYPES)
    typed = {r.sub_event_type for r in RULES} - {NO_EVENT}
    assert typed == set(SUB_EVENT_TYPES)  # "Other" only for a weapons test, the one notable development it names


def test_priorities_are_explicit_and_main_rules_rank_the_sub_types():
    names = [(r.sub_event_type, r.name) for r in RULES]
    assert len(set(names)) == len(names)
    assert RANK_OF["Disrupted weapons use"] < RANK_OF["Grenade"] < RANK_OF["Remote explosive/landmine/IED"]
    assert RANK_OF["Armed clash"] < RANK_OF["Shelling/artillery/missile attack"] < RANK_OF["Attack"]
    assert RANK_OF["Other"] == max(RANK_OF.values())  # a weapons test is the least salient event of a report
