"""Protest reports end to end: one incident, one event, with the demonstrators' treatment and dead.

Sentences written for the tests from ACLED's codebook definitions; none comes from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.events.extractor import Extractor
from frontwatch.models import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor(geocoder=None)


def _events(extractor, text):
    return extractor.extract(Article("t", text, published=date(2021, 3, 4)))


@pytest.mark.parametrize(
    ("text", "sub", "dead"),
    [
        # the toll in the next sentence is the demonstrators' dead: lethal force, one event
        (
            "Police dispersed the protest with tear gas. Two people were killed, organisers said.",
            "Excessive force against protesters",
            2,
        ),
        # state forces' violence right after the protest is its treatment, not a separate attack
        (
            "Thousands marched against the junta. Soldiers opened fire, and two people were killed.",
            "Excessive force against protesters",
            2,
        ),
        (
            "Riot police arrested 30 people at a peaceful rally against the election results.",
            "Protest with intervention",
            0,
        ),
        ("Police fired stun grenades at the protesters outside parliament.", "Protest with intervention", 0),
        ("Gunmen stormed a boarding school and abducted 300 students.", "Abduction/forced disappearance", 0),
        ("A crowd set fire to houses belonging to members of a minority community.", "Mob violence", 0),
    ],
)
def test_protest_report(extractor, text, sub, dead):
    events = _events(extractor, text)
    assert len(events) == 1, [(e.sub_event_type, e.evidence.text) for e in events]
    assert (events[0].sub_event_type, events[0].fatalities.best) == (sub, dead)


def test_the_dead_a_protest_mourns_are_not_its_toll(extractor):
    for text in (
        "Hundreds of people protested in the capital on Monday, a day after a teenager was shot dead by police.",
        "Relatives of the victims staged a sit-in demanding justice for the three men killed by soldiers.",
    ):
        (event,) = _events(extractor, text)
        assert (event.sub_event_type, event.fatalities.best) == ("Peaceful protest", 0)


def test_an_attack_by_gunmen_after_a_protest_is_its_own_incident(extractor):
    events = _events(
        extractor, "Hundreds rallied against insecurity. Gunmen killed three villagers elsewhere on Sunday."
    )
    assert sorted(e.sub_event_type for e in events) == ["Attack", "Peaceful protest"]
