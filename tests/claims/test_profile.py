"""Claims follow the conflict profile: its sides decide who gains, its start is "the start of the war", its map
sources are what an article credits; the code has no war of its own."""

from __future__ import annotations

from datetime import date

from frontwatch.claims.explain import explain
from frontwatch.claims.extract import ClaimKind, extract_claims
from frontwatch.claims.results import AreaFigure, Verdict
from frontwatch.conflict import load_profile, profile_from_dict
from tests.test_conflict import MADE_UP

PUBLISHED = date(2032, 6, 9)


def test_the_second_sides_gain_is_the_occupied_grounds_loss():
    profile = profile_from_dict(MADE_UP)
    (claim,) = extract_claims("Westrian troops recaptured 40 km² between June 1 and 7.", PUBLISHED, profile=profile)
    assert (claim.kind, claim.actor) == (ClaimKind.AREA_LOST, "Westria")
    (claim,) = extract_claims("Grimsby's army seized 12 villages between June 1 and 7.", PUBLISHED, profile=profile)
    assert (claim.kind, claim.actor) == (ClaimKind.SETTLEMENTS_TAKEN, "Ostland")


def test_the_same_sentence_under_the_default_profile_names_no_side():
    (claim,) = extract_claims("Westrian troops recaptured 40 km² between June 1 and 7.", PUBLISHED,
                              profile=load_profile("russia-ukraine"))
    assert (claim.kind, claim.actor) == (ClaimKind.AREA_GAINED, None)


def test_the_start_of_the_war_and_the_credited_map_come_from_the_profile():
    profile = profile_from_dict(MADE_UP)
    text = ("Ostland made its biggest gains since the start of the war over the past week, "
            "according to the Frontline Atlas.")
    record = next(c for c in extract_claims(text, PUBLISHED, profile=profile) if c.kind is ClaimKind.RECORD)
    assert record.lookback_since == date(2031, 3, 5) and record.map_source == "atlas"
    default = extract_claims(text, PUBLISHED, profile=load_profile("russia-ukraine"))
    assert all(c.lookback_since != date(2031, 3, 5) and c.map_source is None for c in default)


def test_the_explanation_names_the_profiles_sides_and_maps():
    profile = profile_from_dict(MADE_UP)
    (claim,) = extract_claims("Westria lost 100 km² between June 1 and 7, according to the Frontline Atlas.",
                              PUBLISHED, profile=profile)
    figure = AreaFigure(source="atlas", layer="occupied", value_km2=98.0, value_mi2=37.8, gained_km2=98.0,
                        lost_km2=0.0, net_km2=98.0, start={}, end={}, verdict=Verdict.CONSISTENT)
    line = explain(claim, [figure], Verdict.CONSISTENT, ["deepstate"], profile)
    assert line.startswith("100 km² lost by Westria") and "Frontline Atlas occupied 98.0 km²" in line
    assert "the Atlas marks ground either side holds" in line
