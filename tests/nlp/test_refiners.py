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


def test_a_governments_affiliates_regain_ground_and_other_militias_overtake_it():
    from frontwatch.nlp.actors import find_actors

    def typed(sentence: str) -> str | None:
        draft = Draft("Government regains territory", sentence, 0, actor=find_actors(sentence)[0], country=None)
        return territory_by_actor(draft)

    assert typed("Pro-government militias retook two villages from the insurgents.") == "Government regains territory"
    assert typed("Militias retook two villages from the insurgents.") == "Non-state actor overtakes territory"
