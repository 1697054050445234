"""Actor attribution follows the conflict profile: its sides' name variants, its dyad, its ISO codes."""

from __future__ import annotations

from frontwatch.conflict import ENVIRONMENT, active_profile, profile_from_dict
from frontwatch.nlp.actors import country_of_iso, find_actors
from tests.test_conflict import MADE_UP


def test_a_made_up_conflicts_sides_are_actors_by_every_name():
    profile = profile_from_dict(MADE_UP)
    found = find_actors("Ostlandic troops shelled Westhaven as the WDF pushed back; Ostburg said", profile=profile)
    assert [(a.name, a.side) for a in found] == [
        ("Military Forces of Ostland", "Ostland"), ("Military Forces of Westria", "Westria"),
        ("Military Forces of Westria", "Westria"), ("Military Forces of Ostland", "Ostland")]
    assert country_of_iso("xw", profile) == "Westria" and country_of_iso("SY", profile) == "Syria"


def test_the_default_profile_does_not_know_them_and_the_setting_switches(tmp_path, monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    assert [a.side for a in find_actors("Ostlandic troops shelled Westhaven")] == [None]  # "troops" alone
    assert [a.side for a in find_actors("ZSU pushed a Russian soldier out")] == ["Ukraine", "Russia"]
    path = tmp_path / "made-up.json"
    path.write_text(__import__("json").dumps(MADE_UP), encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(path))
    assert active_profile().opponents == {"Ostland": "Westria", "Westria": "Ostland"}
    assert [a.side for a in find_actors("Ostlandic troops shelled Westhaven")] == ["Ostland", "Westria"]
    assert [a.side for a in find_actors("ZSU pushed a Russian soldier out")] == []


def test_a_sponsor_prefix_names_who_backs_the_actor_not_the_actor():
    # ACLED codes the backed group ("Russia-backed separatists" are separatists), not its sponsor
    assert [a.name for a in find_actors("Russia-backed separatists shelled the town")] == ["Separatists"]
    assert [a.name for a in find_actors("A Kyiv-based group said rebels attacked")] == ["Rebels"]
    assert [a.name for a in find_actors("Russian troops shelled the town")] == ["Military Forces of Russia"]


def test_non_state_groups_by_their_common_names():
    found = find_actors("Rebel fighters and militiamen clashed; terrorists and bandits fled; assailants hid")
    assert [(a.name, a.state) for a in found] == [
        ("Rebels", False), ("Militia", False), ("Militants", False), ("Unidentified Armed Group", False),
        ("Unidentified Armed Group", False)]


def test_a_governments_affiliates_act_for_the_state_in_territory():
    # ACLED: "Government regains territory" covers state forces "or their affiliates"; other militias are non-state
    found = find_actors("Pro-government militias and government-backed fighters drove out militias")
    assert [(a.name, a.state) for a in found] == [
        ("Militia (Pro-Government)", True), ("Militia (Pro-Government)", True), ("Militia", False)]
