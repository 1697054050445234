"""Headlines as whole reports: the incident each reports, and nothing from one that reports none.

Headline grammar drops the auxiliary ("Two killed in shelling of X"), writes past events in the present
("Separatists open fire on ..."), puts the toll in a second clause ("X shelled, one wounded") or after a
kicker ("Exclusive! ..."). Sentences written for the tests from ACLED's codebook definitions; none comes from
an evaluation set. Places are real towns, names of people invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.events.extractor import Extractor
from frontwatch.models import Article

PUB = date(2023, 3, 15)  # a Wednesday


@pytest.fixture(scope="module")
def extractor():
    return Extractor(geocoder=None)


def _events(extractor, text):
    return [e.to_dict() for e in extractor.extract(Article("t", text, published=PUB))]


SHELL, CLASH, IED = "Shelling/artillery/missile attack", "Armed clash", "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "sub", "dead"),
    [
        ("Two killed in shelling of Huliaipole", SHELL, 2),
        ("Huliaipole shelled overnight, one wounded", SHELL, 0),
        ("Shellings of Toretsk leave two civilians wounded", SHELL, 0),  # the plural is still shelling
        ("Ceasefire violated 17 times in the east", CLASH, 0),  # ACLED codes the violence, not an agreement
        ("Separatists breach truce 30 times, army says", CLASH, 0),
        ("One soldier wounded amid 31 enemy attacks along the front", CLASH, 0),
        ("No one hurt as enemy attacks 11 times near Kupiansk", CLASH, 0),
        ("Car hits mine near Marinka, driver wounded", IED, 0),
        ("Explosion rocks Melitopol", IED, 0),
        ("Partisans blow up railway bridge near Tokmak", IED, 0),
        ("Ukrainian forces capture two Russian soldiers near Bakhmut", CLASH, 0),  # people, not ground
        ("Ukrainian troops come under fire near Horlivka", CLASH, 0),
        ("Mercenary fighters take control of Soledar", "Non-state actor overtakes territory", 0),
        ("Russian forces bombard Vovchansk", SHELL, 0),
        ("Head of a village council killed by saboteurs near Svatove", "Attack", 1),
        ("Breaking! Volunteer medic killed in eastern Ukraine", "Attack", 1),
        ("Breaking! Missile strike on Odesa port", SHELL, 0),  # a kicker is no heading of a verbless headline
        ("FPV drone hits car in Beryslav, driver killed", "Air/drone strike", 1),
    ],
)
def test_a_headline_reports_its_incident(extractor, text, sub, dead):
    events = _events(extractor, text)
    assert events, f"no event from {text!r}"
    assert events[0]["sub_event_type"] == sub
    assert events[0]["fatalities"]["best"] == dead


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Three soldiers wounded near Avdiivka", CLASH),  # injuries imply violence, as deaths do
        ("Two civilians wounded by gunfire in Kherson", "Attack"),
        ("Separatists open fire on frontline village 40 times", "Attack"),
    ],
)
def test_the_wounded_alone_report_violence(extractor, text, sub):
    (event,) = _events(extractor, text)
    assert event["sub_event_type"] == sub
    assert event["fatalities"]["best"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Kramatorsk",  # a place alone
        "Morning update, 14 March",  # a round-up's title
        "Ukraine plans counteroffensive in spring",  # a plan has not happened
        "Ukraine plans a new offensive",
        "Kremlin denies plans for new mobilisation",
        "War toll could exceed official counts, monitors say",
        "Four workers hurt as boiler explodes at a bakery",  # an accident, which ACLED does not code
    ],
)
def test_a_headline_that_reports_no_incident_gives_none(extractor, text):
    assert _events(extractor, text) == []


def test_plans_named_as_a_noun_do_not_hide_the_act(extractor):
    (event,) = _events(extractor, "Scouts found the enemy plans and attacked the positions")
    assert event["sub_event_type"] == CLASH
