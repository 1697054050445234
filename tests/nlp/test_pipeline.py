"""The spaCy pipeline's components on sentences written for the tests (never the seed article)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.nlp import load_pipeline, process
from frontwatch.nlp.actors import find_actors
from frontwatch.nlp.events import classify
from frontwatch.nlp.pipeline import COMPONENTS, DISABLED
from frontwatch.nlp.refiners import protest_subtype


def _doc(text, published=date(2023, 9, 8)):
    return next(process([(text, published)]))


def test_pipeline_names_its_components_and_leaves_the_lemmatizer_out():
    nlp = load_pipeline()
    assert list(COMPONENTS) == nlp.pipe_names[-len(COMPONENTS) :]
    assert not set(DISABLED) & set(nlp.pipe_names)
    for name in COMPONENTS:
        assert nlp.get_pipe_meta(name).assigns, name  # each declares what it sets


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("A missile hit a school in Zaporizhzhia, the regional governor said.", "the regional governor"),
        ("Three people died in the attack, according to the State Emergency Service.", "the State Emergency Service"),
        ("Ukraine's air force said it destroyed 20 of 25 Shahed drones.", "Ukraine’s air force"),
        ("The port was hit twice, as Reuters calculated from satellite images.", "Reuters"),
        ("A missile hit a school in Zaporizhzhia on Tuesday.", None),
    ],
)
def test_attribution(text, claimant):
    doc = _doc(text.replace("'", "’"))
    sent = next(doc.sents)
    assert sent._.claimant == (claimant.replace("'", "’") if claimant else None)


def test_attribution_does_not_reach_a_clause_it_does_not_govern():
    doc = _doc("Russian troops shelled Kupiansk on Monday, but the mayor said that nobody was hurt.")
    trigger = doc.text.index("shelled")
    atts = doc._.attributions
    assert atts and atts[0].claimant == "the mayor" and not atts[0].covers(trigger)


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [
        ("Air defences intercepted 18 cruise missiles over the Kyiv region.", "Disrupted weapons use"),
        ("Police seized a cache of rifles and grenades in the raid.", "Disrupted weapons use"),
        ("A roadside bomb struck an army convoy near the town.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
        ("Militants lobbed a grenade at a police post.", "Grenade"),
        ("Warplanes struck rebel positions near the city.", "Air/drone strike"),
        ("Russian artillery shelled the village for hours.", "Shelling/artillery/missile attack"),
        ("Heavy fighting continued around the town.", "Armed clash"),
        ("Government troops recaptured the town from the rebels.", "Government regains territory"),
        ("The rebels captured three villages in the north.", "Non-state actor overtakes territory"),
        ("Gunmen abducted twelve passengers from a bus.", "Abduction/forced disappearance"),
        ("Both sides agreed a ceasefire on Sunday.", "Agreement"),
        ("Police arrested four suspects after the raid.", "Arrests"),
        ("Looters ransacked shops in the centre.", "Looting/property destruction"),
        ("The group established a new base in the hills.", "Headquarters or base established"),
        ("Hundreds of fighters defected to the government.", "Change to group/activity"),
        ("A strong earthquake killed eight people.", "none"),
    ],
)
def test_trigger_rules(sentence, sub):
    found = classify(sentence)
    assert found is not None and found[0] == sub


def test_denied_and_hypothetical_triggers_are_no_event():
    assert classify("The president said there were no plans to capture the city.") is None
    assert classify("Officials threatened to arrest the organisers.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect that the rebels will seize the port before the rains.",
        "The general staff is preparing a counteroffensive to liberate the region.",
        "Troops are preparing for an assault on the ridge.",
        "Government forces are poised to capture the last rebel stronghold.",
    ],
)
def test_what_is_still_to_come_is_no_event(text):
    """ACLED codes what took place: a future or a preparation reports no event yet."""
    assert classify(text) is None, classify(text)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Thousands rallied in the capital on Sunday.", "Peaceful protest"),
        ("Thousands rallied in the capital. Police fired tear gas to disperse them.", "Protest with intervention"),
        ("Demonstrators threw stones at police during the protest.", "Violent demonstration"),
        ("Security forces opened fire on protesters, killing two.", "Excessive force against protesters"),
    ],
)
def test_protest_subtype(text, sub):
    assert protest_subtype(text) == sub


def test_event_mentions_one_per_event_sentence_headings_skipped():
    doc = _doc(
        "Front Line\n\nRussian artillery shelled Kupiansk on Monday. The weather was mild.\n\n"
        "Ukrainian drones hit a depot in Belgorod overnight, the governor said."
    )
    subs = [m.sub_event_type for m in doc._.event_mentions]
    assert subs == ["Shelling/artillery/missile attack", "Air/drone strike"]


def test_actors_are_named_as_acled_names_them():
    names = [
        a.name for a in find_actors("Russian troops and Ukrainian police clashed; Kyiv said the Taliban and rebels")
    ]
    assert names == [
        "Military Forces of Russia",
        "Police Forces of Ukraine",
        "Military Forces of Ukraine",
        "Taliban",
        "Rebels",
    ]
    assert find_actors("Russian-controlled port and Russian border zones") == []
