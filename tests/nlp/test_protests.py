"""The protest family as data: one generated test per example and counter-example a cue carries."""

from __future__ import annotations

import pytest

from frontwatch.nlp.protests import CUES, protest_subtype
from tests.nlp.reach import reach_cases

CASES = reach_cases(CUES)


@pytest.mark.parametrize(("sub", "text", "expected"), CASES)
def test_cue_reach(sub, text, expected):
    got = protest_subtype(text)
    assert (got == sub) is expected, f"{text!r} -> {got}"


def test_every_cue_has_examples_and_counter_examples():
    assert all(cue.examples and cue.counter_examples for cue in CUES)


def test_a_protest_with_no_cue_is_peaceful():
    assert protest_subtype("Hundreds of students marched in Lviv on Sunday.") == "Peaceful protest"


def test_the_manner_of_a_suppression_is_not_the_demonstrators_violence():
    assert protest_subtype("Police violently suppressed a march of pensioners.") == "Excessive force against protesters"
    assert protest_subtype("Soldiers carried out a violent dispersal of a picket.") == "Protest with intervention"
