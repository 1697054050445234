"""The refiners' codebook readings that need more than a sentence's words."""

from __future__ import annotations

from frontwatch.nlp.actors import ActorMention
from frontwatch.nlp.refiners import Draft, territory_by_actor

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
