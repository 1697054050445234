"""Claim extraction on sentences written for these tests (never the seed's answers)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.claims import KM2_PER_MI2, extract_claims

PUB = date(2023, 9, 22)


def one(text: str, kind: str, published: date | None = PUB):
    found = [c for c in extract_claims(text, published) if c.kind == kind]
    assert len(found) == 1, [c.kind for c in extract_claims(text, published)]
    return found[0]


def test_area_in_km2_with_day_range_measures_from_the_day_before():
    c = one("Russian troops captured 95 square kilometres between September 3 and 9, analysts said.", "area_gained")
    assert c.value == 95 and c.actor == "Russia"
    assert c.period == (date(2023, 9, 3), date(2023, 9, 9))
    assert (c.state_from, c.state_to) == (date(2023, 9, 2), date(2023, 9, 9))


def test_square_miles_are_converted_both_ways():
    c = one("Moscow's army seized 20 square miles in the past week.", "area_gained")
    assert c.value == pytest.approx(20 * KM2_PER_MI2)
    assert c.claimed()["value_mi2"] == pytest.approx(20.0)
    assert c.unit == "mi2"


def test_relative_week_counts_back_from_publication():
    c = one("Moscow's army seized 20 square miles in the past week.", "area_gained")
    assert (c.state_from, c.state_to) == (date(2023, 9, 15), date(2023, 9, 22))


def test_ukrainian_gains_are_the_occupied_layer_losses():
    c = one("Ukrainian forces liberated 48 km2 near Robotyne between September 1 and 10.", "area_lost")
    assert c.actor == "Ukraine"


def test_russian_losses_are_area_lost():
    assert one("Russia lost 12 sq km in the south between August 1 and 5.", "area_lost").actor == "Russia"


def test_contradictory_units_are_flagged():
    c = one("Russian forces took 150 square kilometers (300 square miles) between September 1 and 7.", "area_gained")
    assert any("contradictory units" in p for p in c.problems)


def test_matching_units_are_not_flagged():
    c = one("Russian forces took 150 square kilometers (58 square miles) between September 1 and 7.", "area_gained")
    assert c.problems == ()


def test_settlements_with_region_and_claimant():
    c = one("Russia's Defence Ministry said its forces had captured seven villages in the Donetsk region "
            "over the past week.", "settlements_taken")
    assert c.value == 7 and c.region == "Donetsk"
    assert c.credited is not None and "Ministry" in c.credited


def test_record_with_lookback_and_window_from_the_area_figure():
    c = one("Russian forces took 90 km2 between September 10 and 16, their largest gains in two years.", "record")
    assert c.lookback_months == 24 and c.window_days == 7


def test_record_since_a_month():
    c = one("Russia seized 400 km2 in August, its fastest advance since March 2022.", "record")
    assert c.lookback_since == date(2022, 3, 1)


def test_credited_map_source():
    c = one("Russian troops took 60 km2 between September 2 and 8, according to DeepState.", "area_gained")
    assert c.map_source == "deepstate"
    c = one("Russian troops took 60 km2 between September 2 and 8, as Reuters calculated from data of the "
            "Institute for the Study of War.", "area_gained")
    assert c.map_source == "isw" and c.credited.startswith("Reuters")


def test_no_period_is_a_problem_not_a_guess():
    c = one("Russian troops have taken 60 km2.", "area_gained")
    assert c.state_from is None and c.problems


def test_relative_period_without_publication_date_is_unresolved():
    c = one("Russian troops took 60 km2 last week.", "area_gained", published=None)
    assert c.state_from is None


def test_text_without_claims():
    assert extract_claims("Drones struck a fuel depot overnight, the governor said.", PUB) == []


def test_area_without_a_gain_verb_is_not_a_claim():
    assert extract_claims("The reservoir covers 2,155 square kilometres.", PUB) == []


def test_bounds_and_since():
    c = one("Since September 10, Russian forces have seized more than 40 km2, officials said.", "area_gained")
    assert c.qualifier == "more than"
    assert (c.state_from, c.state_to) == (date(2023, 9, 9), PUB)
