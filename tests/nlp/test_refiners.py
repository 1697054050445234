"""The refiners' codebook readings that need more than a sentence's words."""

from __future__ import annotations

from frontwatch.nlp.actors import ActorMention
from frontwatch.nlp.refiners import Draft, remote_strike, territory_by_actor

_ITS_TROOPS = ActorMention(0, 10, "Military Forces", None)


def _draft(claimant: str | None, country: str | None = "Ukraine") -> Draft:
    return Draft(
        "Government regains territory",
        "its troops liberated X",
        0,
        actor=_ITS_TROOPS,
        country=country,
        claimant=claimant,
    )


def test_a_belligerents_claim_is_about_its_own_forces():
    assert territory_by_actor(_draft("Russia's Ministry of Defence")) == "Non-state actor overtakes territory"
    assert territory_by_actor(_draft("Russian MoD")) == "Non-state actor overtakes territory"
    assert territory_by_actor(_draft("Ukraine's General Staff")) == "Government regains territory"


def test_without_a_claimant_a_sideless_state_actor_keeps_the_verb():
    assert territory_by_actor(_draft(None)) == "Government regains territory"
    assert territory_by_actor(_draft("local residents")) == "Government regains territory"


def test_a_violent_crowd_with_no_demonstration_is_mob_violence():
    from frontwatch.nlp.refiners import crowd_without_demonstration

    mob = Draft("Violent demonstration", "A crowd set fire to houses of a minority community.", 0)
    assert crowd_without_demonstration(mob) == "Mob violence"
    for riot in (
        "Rioters smashed shop windows in the centre.",
        "A crowd set fire to a police post.",
        "Opposition supporters blocked streets in the capital.",
    ):
        assert crowd_without_demonstration(Draft("Violent demonstration", riot, 0)) is None


def test_state_force_and_a_toll_right_after_a_protest_belong_to_it():
    from frontwatch.nlp.events import EventMention
    from frontwatch.nlp.refiners import protest_sentences

    text = "Thousands marched in the capital. Soldiers opened fire on them. Gunmen killed a farmer elsewhere."
    a, b = text.index("Soldiers"), text.index("Gunmen")
    mentions = [
        EventMention(0, a - 1, 0, 9, "Peaceful protest", 30, 0),
        EventMention(a, b - 1, a, a + 8, "Attack", 32, 1),
        EventMention(b, len(text), b, b + 6, "Attack", 32, 2),
    ]
    indices, joined = protest_sentences(mentions, text)
    assert indices == frozenset({0, 1})  # gunmen are no state force: their attack is its own incident
    assert "Soldiers opened fire" in joined and "Gunmen" not in joined


def test_a_rape_outside_a_protests_cause_stays_sexual_violence():
    from frontwatch.nlp.refiners import is_protest_sentence

    assert not is_protest_sentence("Sexual violence", "Soldiers raped two women detained at the protest.")
    assert is_protest_sentence("Sexual violence", "Women marched to protest the rape of a girl.")


def test_a_governments_affiliates_regain_ground_and_other_militias_overtake_it():
    from frontwatch.nlp.actors import find_actors

    def typed(sentence: str) -> str | None:
        draft = Draft("Government regains territory", sentence, 0, actor=find_actors(sentence)[0], country=None)
        return territory_by_actor(draft)

    assert typed("Pro-government militias retook two villages from the insurgents.") == "Government regains territory"
    assert typed("Militias retook two villages from the insurgents.") == "Non-state actor overtakes territory"


def _strike(sentence: str, country: str | None, *, sub: str | None = None, settled: bool = True) -> str | None:
    return remote_strike(Draft(sub, sentence, 0, country=country, settled=settled))


def test_a_strike_with_no_weapon_in_the_war_is_remote_fire():
    shelling = "Shelling/artillery/missile attack"
    assert _strike("Sumy hit again overnight", "Ukraine") == shelling  # the place's country
    assert _strike("Russian attack on a market kills two", None) == shelling  # a side named
    assert _strike("Belgorod attacked again", "Russia") == shelling


def test_elsewhere_and_in_talk_a_strike_with_no_weapon_stays_open():
    assert _strike("Attack on a market kills two", "Nigeria") is None  # another war, another default
    assert _strike("Attack on a market kills two", None) is None  # no side, no place: unknown
    assert _strike("Inflation hits Ukraine's households", "Ukraine") is None
    assert _strike("Kremlin says strikes will continue", "Russia") is None
    assert _strike("Miners strike over pay in Kryvyi Rih", "Ukraine") is None
    assert _strike("Russia strikes Kharkiv", "Ukraine", sub="Armed clash") is None  # typed: not the refiner's


def test_before_the_place_is_known_a_weaponless_strike_stays_a_candidate():
    assert _strike("Attack on a market kills two", None, settled=False) == "Shelling/artillery/missile attack"
