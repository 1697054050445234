"""Numbers, qualifiers, units and casualties."""

from __future__ import annotations

import pytest

from frontwatch.nlp.numbers import parse_number
from frontwatch.nlp.quantities import find_casualties, find_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("1,200", 1200),
        ("3.5", 3.5),
        ("twenty-five", 25),
        ("forty two", 42),
        ("a dozen", 12),
        ("dozens", 24),
        ("two hundred", 200),
        ("2 million", 2_000_000),
        ("banana", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_areas_drones_settlements():
    found = [
        (q.value, q.unit, q.qualifier)
        for q in find_quantities(
            "took 278 square kilometers (107 square miles), up to 40 sq km more, downed more than 100 Ukrainian drones "
            "and liberated 12 settlements"
        )
    ]
    assert found == [
        (278, "km2", "exact"),
        (107, "mi2", "exact"),
        (40, "km2", "up to"),
        (100, "drone", "more than"),
        (12, "settlement", "exact"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("attacks killed at least three people, including a child", [("killed", 3, "at least", False, 1)]),
        ("shelling killed one person", [("killed", 1, "exact", False, None)]),
        (
            "Two soldiers were killed and five wounded",
            [("killed", 2, "exact", True, None), ("wounded", 5, "exact", False, None)],
        ),
        ("dozens of people were killed", [("killed", 24, "dozens", False, None)]),
        ("the death toll rose to 28", [("killed", 28, "exact", False, None)]),
        (
            "a woman was killed and nearly 20 injured",
            [("killed", 1, "exact", False, None), ("wounded", 20, "about", False, None)],
        ),
        ("One KIA, one WIA in Donbas", [("killed", 1, "exact", False, None), ("wounded", 1, "exact", False, None)]),
        ("no one was hurt", []),
        # ACLED's "Reported fatalities": every side of one incident, ranges at their low end, later deaths, bodies
        (
            "4 Ukrainian and 6 Russian servicemen were killed",
            [("killed", 4, "exact", True, None), ("killed", 6, "exact", True, None)],
        ),
        ("10-15 civilians were killed", [("killed", 10, "at least", False, None)]),
        ("between ten and fifteen people died", [("killed", 10, "at least", False, None)]),
        (
            "Two men were killed and a third died in hospital",
            [("killed", 2, "exact", False, None), ("killed", 1, "exact", False, None)],
        ),
        ("A woman's body was found in the ruins", [("killed", 1, "exact", False, None)]),
        ("Twenty-one people died", [("killed", 21, "exact", False, None)]),
        ("a man aged 45 died of his wounds", [("killed", 1, "exact", False, None)]),  # an age is no count
        ("At least a dozen people were killed", [("killed", 12, "at least", False, None)]),
        ("The shelling claimed one life", [("killed", 1, "exact", False, None)]),
        ("Two bodies were recovered", [("killed", 2, "exact", False, None)]),
        ("An elderly couple died", [("killed", 2, "exact", False, None)]),
        ("a woman and her son were killed", [("killed", 1, "exact", False, None), ("killed", 1, "exact", False, None)]),
        ("the victim, a 60-year-old man, died in hospital", [("killed", 1, "exact", False, None)]),
        ("The number of dead rose to 7", [("killed", 7, "exact", False, None)]),
        ("7 people were confirmed dead", [("killed", 7, "exact", False, None)]),
        ("3 people have died", [("killed", 3, "exact", False, None)]),
        ("There were 2 fatalities", [("killed", 2, "exact", False, None)]),
        ("resulting in the deaths of 3 civilians", [("killed", 3, "exact", False, None)]),
        ("Death toll: 5", [("killed", 5, "exact", False, None)]),
        ("two civilians were fatally injured", [("killed", 2, "exact", False, None)]),
        ("a man was mortally wounded", [("killed", 1, "exact", False, None)]),
        ("no fatalities were reported", []),
        # whose or where the counted are, between them and the verb (the headline rule read "one victim")
        ("three residents of the village were killed", [("killed", 3, "exact", False, None)]),
        ("two soldiers of the 24th brigade died", [("killed", 2, "exact", True, None)]),
        ("four people from the suburb were wounded", [("wounded", 4, "exact", False, None)]),
        # military usage: people "eliminated" are killed; equipment is not a death
        ("the brigade eliminated 40 occupiers", [("killed", 40, "exact", True, None)]),
        ("the unit eliminated 3 tanks", []),
    ],
)
def test_casualties(text, expected):
    got = [(c.kind, c.value, c.qualifier, c.combatant, c.children) for c in find_casualties(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("He and his wife were killed.", 2),
        ("She and her two sons died.", 3),
        ("A farmer and his son were killed.", 2),
        ("Three soldiers and a civilian were killed.", 4),
        ("A police officer and two rescuers were killed.", 3),
        ("Four civilians and a volunteer were killed and seven injured.", 5),
        ("The strike hit the house, killing a man and his wife.", 2),
        ("The drone killed two medics and a driver.", 3),
        ("The shell killed a soldier and a civilian was wounded.", 1),
        # whoever speaks after the list is its source, not one more of the dead
        ("A bomb hit their car, killing three officers, an official said.", 3),
        ("The blast killed two guards and a driver, a police spokesman told reporters.", 3),
    ],
)
def test_every_person_of_a_list_of_the_dead_counts(text, deaths):
    """ACLED's "Reported fatalities": a coordinated list of the dead is one death per person named."""
    assert sum(c.value for c in find_casualties(text) if c.kind == "killed") == deaths


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Soldiers gunned down three protesters in the square.", 3),
        ("Police gunned down a teenager near the checkpoint.", 1),
        ("A mob lynched two men accused of stealing goats.", 2),
        ("Two traders were lynched by a crowd at the market.", 2),
        ("Attackers hacked four farmers to death in their fields.", 4),
        ("The crowd beat a suspected thief to death.", 1),
        ("Residents burned him alive after the robbery.", 1),
        ("Insurgents beheaded a policeman in the village.", 1),
    ],
)
def test_killing_verbs_beyond_killed_count_their_dead(text, deaths):
    """ACLED's "Reported fatalities": the dead of a lynching, a beating or a shooting count, whatever the verb."""
    assert sum(c.value for c in find_casualties(text) if c.kind == "killed") == deaths


def test_alive_is_no_death():
    assert find_casualties("Rescuers pulled two people alive from the rubble.") == []


def test_he_alone_is_no_list():
    assert [c.kind for c in find_casualties("He said two soldiers were wounded.")] == ["wounded"]


@pytest.mark.parametrize(
    ("text", "killed", "combatant"),
    [
        ("Policeman killed, three residents wounded as shells hit Orikhiv", 1, True),  # one dead beside the wounded
        ("Volunteer dead after drone attack on Kherson", 1, False),
        ("Ukrainian serviceman killed by sniper near Toretsk", 1, True),  # the adjective before the noun
        ("Three defenders died in the assault", 3, True),
        ("Saboteurs kill Russian commander in Nova Kakhovka", 1, False),
        ("The MoD said its units destroyed 120 Ukrainian servicemen", 120, True),  # military usage: people destroyed
        ("40 Russian soldiers were eliminated near Klishchiivka", 40, True),
        ("Drones hit the port; worker killed", 1, False),
    ],
)
def test_headline_and_military_tolls(text, killed, combatant):
    dead = [c for c in find_casualties(text) if c.kind == "killed"]
    assert sum(c.value for c in dead) == killed
    assert all(c.combatant == combatant for c in dead)


def test_equipment_destroyed_is_no_toll():
    assert find_casualties("Units destroyed 12 tanks and 3 artillery systems") == []


def test_a_toll_that_rises_far_from_its_words():
    (c,) = find_casualties("The death toll from the strike on the apartment block in Dnipro rose to 46.")
    assert (c.kind, c.value) == ("killed", 46)
