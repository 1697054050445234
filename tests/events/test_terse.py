"""Terse reports (conflict-database notes, headlines, general-staff summaries): the events each one reports.

Sentences written for the tests from the codebook's definitions; none comes from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.events.extractor import Extractor
from frontwatch.models import Article

PUB = date(2023, 2, 6)


@pytest.fixture(scope="module")
def extractor():
    return Extractor(geocoder=None)


def _events(extractor, text):
    return [e.to_dict() for e in extractor.extract(Article("t", text, published=PUB))]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 5 February 2023, Russian forces shelled near Kupiansk, Kharkiv. Casualties unknown.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Interception: On 4 February 2023, Ukrainian air defence shot down two Shahed drones over Odesa.",
            "Disrupted weapons use",
        ),
        (
            "In the south, the aircraft of the Armed Forces of Ukraine inflicted 18 strikes on the enemy.",
            "Air/drone strike",
        ),
        ("APU forced Russian troops to withdraw in four directions.", "Government regains territory"),
        ("Ukrainian drones struck a refinery owned by the oil company Rosneft in Tuapse.", "Air/drone strike"),
        ("Russia denied that its missiles hit a hospital in Kharkiv.", "Shelling/artillery/missile attack"),
        (
            "Russian forces fired on Ukrainian positions with grenade launchers and small arms near Marinka.",
            "Armed clash",
        ),
        ("A Russian soldier dropped a VOG from a quadcopter on a car in Beryslav.", "Air/drone strike"),
        ("Shopkeeper dead after clashes near Horlivka", "Armed clash"),
    ],
)
def test_one_terse_report_one_event(extractor, text, sub):
    events = _events(extractor, text)
    assert [e["sub_event_type"] for e in events] == [sub]


def test_the_toll_in_the_next_sentence_belongs_to_the_incident(extractor):
    (event,) = _events(
        extractor,
        "On 3 February 2023, Russian forces conducted four airstrikes on Vuhledar. Two civilians were killed "
        "and one was injured.",
    )
    assert event["sub_event_type"] == "Air/drone strike" and event["fatalities"]["best"] == 2
    assert event["date_start"] == "2023-02-03"


def test_deaths_of_every_side_add_up_and_later_deaths_count(extractor):
    (clash,) = _events(
        extractor,
        "On 2 February 2023, one Ukrainian soldier and three Russian soldiers were killed in clashes near Kreminna.",
    )
    assert clash["fatalities"]["best"] == 4
    (shot,) = _events(
        extractor, "On 1 February 2023, Russian soldiers shot a civilian in Kherson. The man died in hospital."
    )
    assert shot["sub_event_type"] == "Attack" and shot["fatalities"]["best"] == 1
    (found,) = _events(extractor, "On 1 February 2023, the body of a man with gunshot wounds was found in Izium.")
    assert found["fatalities"]["best"] == 1


def test_a_belligerents_count_of_enemy_dead_stays_a_claim(extractor):
    (event,) = _events(
        extractor, "Russia's Defense Ministry said its forces killed 200 Ukrainian soldiers near Kupiansk."
    )
    assert event["fatalities"]["best"] is None
    assert any(q["unit"] == "claimed enemy killed" and q["value"] == 200 for q in event["quantities"])


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("The Russian MoD said 120 Ukrainian servicemen were killed near Kupiansk.", None),
        ("On 3 February 2023, Russian MoD: 40 Ukrainian soldiers were killed in a failed attack near Vuhledar.", None),
        ("Russian forces lost up to 40 soldiers killed near Bakhmut, according to the Ukrainian military.", None),
        ("Ukraine's General Staff: 30 Russian soldiers were killed near Kreminna; 2 Ukrainian soldiers died.", 2),
        ("Two militiamen were killed in shelling by Ukrainian troops near Horlivka, the DPR command said.", 2),
    ],
)
def test_claims_of_enemy_dead_in_the_forms_of_notes(extractor, text, deaths):
    (event,) = _events(extractor, text)
    assert event["fatalities"]["best"] == deaths


def test_every_event_without_reported_deaths_has_zero(extractor):
    (event,) = _events(extractor, "On 4 February 2023, residents of Kyiv rallied to demand more funding for the army.")
    assert event["event_type"] == "Protests" and event["fatalities"]["best"] == 0


def test_a_general_staff_summary_gives_each_kind_it_counts(extractor):
    events = _events(
        extractor,
        "Over the past day, the enemy launched 3 missile strikes and 40 air strikes, and carried out "
        "67 MLRS attacks on positions of Ukrainian troops and settlements.",
    )
    assert sorted(e["sub_event_type"] for e in events) == ["Air/drone strike", "Shelling/artillery/missile attack"]


def test_drone_and_shelling_uncounted_stay_one_event(extractor):
    events = _events(extractor, "Drone and mortar attacks on two frontier hamlets killed two people on Friday.")
    assert [e["sub_event_type"] for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0]["fatalities"]["best"] == 2


@pytest.mark.parametrize(
    ("second", "deaths"),
    [
        ("Two civilians were killed in Kupiansk.", 2),  # the toll names the incident's own place
        ("The shelling killed two civilians.", 2),  # more of the same kind, same place, same day
        ("Another civilian died in hospital.", 1),
    ],
)
def test_a_follow_up_sentence_is_the_same_incident(extractor, second, deaths):
    events = _events(extractor, f"On 5 February 2023, Russian forces shelled Kupiansk, killing a woman. {second}")
    assert len(events) == 1 and events[0]["fatalities"]["best"] == 1 + deaths


def test_the_same_kind_elsewhere_is_another_incident():
    events = _events(
        Extractor(),  # with the geocoder: the places tell the incidents apart
        "On 5 February 2023, Russian forces shelled Kupiansk. Russian forces also shelled Vovchansk, killing one man.",
    )
    assert sorted(e["fatalities"]["best"] for e in events) == [0, 1]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 4 February 2023, authorities ordered the evacuation of families with children from the town.",
            "Change to group/activity",
        ),
        ("Over the past day, four villages of the hromada came under enemy fire.", "Shelling/artillery/missile attack"),
        ("Over the past day, the enemy attacked five times near the village.", "Armed clash"),
        ("On 4 February 2023, Russian troops attacked the village without success.", "Armed clash"),
        ("On 4 February 2023, Russian forces fired at Ukrainian positions near the river.", "Armed clash"),
    ],
)
def test_summary_and_announcement_forms_give_their_event(extractor, text, sub):
    """Forms that gave no event (or an attack on civilians) before the fourth pass of issue 11."""
    events = _events(extractor, text)
    assert events and events[0]["sub_event_type"] == sub


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("On 4 Feb the command said its troops repelled an assault, killing 30 soldiers.", None),
        ("On 4 Feb the General Staff said its forces killed 45 soldiers near the bridge.", None),
        ("On 4 Feb the command said its troops repelled an assault; two of its soldiers were killed.", 2),
        ("On 4 Feb the command said three of its soldiers were killed by shelling.", 3),
    ],
)
def test_a_claimant_naming_no_side_claims_what_its_own_forces_killed(extractor, text, deaths):
    """ "Its forces killed N" is a belligerent's count of enemy dead (a claim); its own dead count."""
    (event,) = _events(extractor, text)
    assert event["fatalities"]["best"] == deaths


def test_coordinated_dead_add_up_in_a_note(extractor):
    (event,) = _events(extractor, "On 4 February 2023, Russian forces shelled a house. He and his wife were killed.")
    assert event["fatalities"]["best"] == 2
