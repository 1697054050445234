"""Setting clauses: the main clause's event decides over its background (sentences written from the definition)."""

from __future__ import annotations

import pytest

from frontwatch.nlp.clauses import settings
from frontwatch.nlp.events import classify_sentence
from frontwatch.nlp.pipeline import load_pipeline

#: (sentence, sub-type of its main clause): the setting alone would give another, higher-ranked sub-type.
MAIN_DECIDES = [
    (
        "Rockets fired from across the border hit a market in the town, as the army pressed its offensive "
        "against the rebels.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Air strikes killed four people in the rebel-held district, as militia fighters captured two villages "
        "in the north.",
        "Air/drone strike",
    ),
    ("A senior commander defected to the government with 40 fighters amid heavy fighting in the province.",
     "Change to group/activity"),
    ("As fighting raged near the border, the government declared martial law in four regions.",
     "Change to group/activity"),
    ("Artillery shells hit the village, killing two, a day after rebels captured a nearby hilltop.",
     "Shelling/artillery/missile attack"),
    ("Air strikes killed 15 militants in the province weeks after the group seized the town.", "Air/drone strike"),
    # a relative clause that describes a place tells its past
    ("Government troops recaptured Tessit, where a car bomb killed nine soldiers in March.",
     "Government regains territory"),
    ("Militants overran the district centre, which the army had held since an air strike destroyed the old base.",
     "Non-state actor overtakes territory"),
]
#: (sentence, sub-type): the main clause reports nothing, or there is no setting, so the whole sentence decides.
WHOLE_DECIDES = [
    ("Two people were killed as shells hit their house in the village.", "Shelling/artillery/missile attack"),
    ("A farmer was killed after stepping on a landmine near the village.", "Remote explosive/landmine/IED"),
    ("Residents fled as rebels overran the town.", "Non-state actor overtakes territory"),
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _sentence(nlp, text):
    return next(nlp(text).sents)


@pytest.mark.parametrize(("text", "sub"), MAIN_DECIDES + WHOLE_DECIDES)
def test_main_clause_decides(nlp, text, sub):
    found = classify_sentence(_sentence(nlp, text))
    assert found is not None and found[0] == sub, (text, found)


def test_clauses_about_people_are_not_settings(nlp):
    """What a relative clause says of people belongs to the event ("protesters who threw stones" are violent)."""
    assert settings(_sentence(nlp, "Police fired tear gas at protesters who threw stones at the parliament.")) == []


def test_the_dead_of_a_place_past_are_not_the_events(nlp):
    """A place's clause with its own time keeps its dead from the main clause's event; one in the same time
    tells the event itself and keeps them."""
    from frontwatch.nlp.clauses import pasts

    sent = _sentence(nlp, "The army retook Tessit, where a car bomb killed nine soldiers last month.")
    assert [sent.text[a:b] for a, b in pasts(sent)] == ["where a car bomb killed nine soldiers last month"]
    same_time = _sentence(nlp, "Rebels attacked the village of Kibirizi, where they killed ten civilians.")
    assert pasts(same_time) == []


def test_bare_after_and_since_clauses_are_not_settings(nlp):
    for text in ("A farmer was killed after stepping on a landmine.", "The town has been shelled since troops left."):
        assert settings(_sentence(nlp, text)) == []


def test_a_setting_is_its_whole_clause(nlp):
    sent = _sentence(nlp, "Rebels took a hill on Monday, ahead of a summit in Vienna.")
    assert [sent.text[a:b] for a, b in settings(sent)] == ["ahead of a summit in Vienna"]


def test_what_lies_ahead_is_no_event(nlp):
    """Talks still to come have not happened: with nothing in the main clause, the sentence reports no event."""
    text = "The delegation arrived in the capital on Tuesday, just ahead of new peace talks."
    found = classify_sentence(_sentence(nlp, text))
    assert found is None or found[0] != "Agreement", found
    found = classify_sentence(_sentence(nlp, "The two sides signed a peace agreement in the capital on Tuesday."))
    assert found is not None and found[0] == "Agreement"
