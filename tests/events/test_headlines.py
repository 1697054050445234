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


@pytest.fixture(scope="module")
def placing():
    """An extractor that places events: where no side is named, the place's country decides the strike's weapon."""
    return Extractor()


@pytest.mark.parametrize(
    ("text", "sub", "dead"),
    [
        # a strike, hit or attack that names no weapon, in the war: remote fire (ACLED codes the means by context),
        # also when it kills civilians (an Attack needs the armed actor present)
        ("Russia strikes Mykolaiv overnight", SHELL, 0),
        ("Russian attack on Bila Tserkva kills four", SHELL, 4),
        ("Kostiantynivka hit again, one dead", SHELL, 1),
        ("Huliaipole under fire, two injured", SHELL, 0),
        ("Okhtyrka comes under attack", SHELL, 0),
        ("Ukraine hits Russian positions near Tokmak", SHELL, 0),
        ("Ukrainian strike on Shebekino injures three, governor says", SHELL, 0),
        ("Russians target Kherson again; woman killed", SHELL, 1),
        ("Fierce battles for Chasiv Yar", CLASH, 0),
        ("Air defence destroys 14 Shaheds over Cherkasy region", "Disrupted weapons use", 0),
        ("Bombs fall on Huliaipole, one killed", "Air/drone strike", 1),
        ("Two sappers wounded in mine explosion near Izium", IED, 0),
    ],
)
def test_a_strike_that_names_no_weapon_is_remote_fire(placing, text, sub, dead):
    events = _events(placing, text)
    assert events, f"no event from {text!r}"
    assert events[0]["sub_event_type"] == sub
    assert events[0]["fatalities"]["best"] == dead


@pytest.mark.parametrize(
    "text",
    [
        "Air raid alert declared in Kyiv region",  # an alert: nothing happened yet
        "Kremlin says strikes on Ukraine will go on",  # a prospect
        "Red Cross calls for end to attacks on hospitals in Kharkiv",  # a call, not a report
        "Russia attacks: what we know so far",  # a round-up
        "Hryvnia hit by war jitters in Kyiv",  # figurative
        "Bus drivers strike in Lviv over pay",  # a labour strike
    ],
)
def test_talk_of_strikes_reports_no_incident(placing, text):
    assert _events(placing, text) == []


def _claimed(event) -> list[float]:
    return [q["value"] for q in event.get("quantities") or () if str(q["unit"]).startswith("claimed")]


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        # a belligerent's count of the enemy's dead is its claim: no fatality figure (UCDP, ACLED "Fatalities")
        ("The General Staff said Ukrainian forces killed 45 Russian soldiers near Kreminna.", 45),
        ("Russia claims 70 Ukrainian soldiers killed in strike near Sloviansk", 70),
        ("Kyiv says its troops killed 25 Russians near Svatove", 25),
        ("Russian MoD said its forces destroyed up to 90 Ukrainian servicemen near Kupiansk.", 90),
        ("Russian MoD said 35 Ukrainian servicemen were eliminated near Bakhmut.", 35),
        ("Wagner says it killed 80 Ukrainian soldiers near Soledar", 80),  # the claimant did the killing
        ("Russian MoD: 55 Ukrainian militants killed in strike on Sloviansk", 55),  # its source split off at the colon
    ],
)
def test_a_claim_of_enemy_dead_is_no_toll(extractor, text, claimed):
    (event,) = _events(extractor, text)
    assert event["fatalities"]["best"] is None
    assert _claimed(event) == [claimed]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Russia said four of its soldiers were killed in a Ukrainian attack near Kursk.", 4),  # its own dead count
        ("Ukraine says Russian shelling killed two Ukrainian soldiers near Kupiansk.", 2),
        ("Russian MoD: Ukrainian shelling killed three Russians in Belgorod", 3),  # its own people
        ("Ukrainian army says it repelled assault near Avdiivka, killing 20 Russians; three defenders died", 3),
        ("The army said it had four soldiers killed near Toretsk.", 4),  # "it had ... killed": its own
    ],
)
def test_a_sides_own_dead_count(extractor, text, dead):
    events = _events(extractor, text)
    assert events and events[0]["fatalities"]["best"] == dead


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers hand out bread in Kupiansk, where the bakery was destroyed in an earlier strike.",
        "Officials in the capital said the attacks on the ports justified new air defences.",
        "Residents of Kherson say constant attacks have emptied the riverside streets.",
    ],
)
def test_a_strike_spoken_of_in_the_background_is_no_event(placing, text):
    assert _events(placing, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky hits out at critics in Kyiv",
        "Ukraine targets EU membership by 2030",
        "Ukrainian grain exports hit record in Odesa",
    ],
)
def test_figurative_strikes_are_no_event(placing, text):
    assert _events(placing, text) == []
