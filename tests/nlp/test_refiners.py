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
