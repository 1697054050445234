"""The text's structure: qualifiers restrict a village, name the unit an unknown village falls back to, and a
region's name after a village is the region; streets, demonyms, and global cases."""

from __future__ import annotations

import pytest

from frontwatch.geocode import Geocoder
from frontwatch.geocode.qualifiers import hint_after, is_street
from frontwatch.geodesy import distance_km


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder().warm()


def places(geo: Geocoder, text: str) -> dict[str, object]:
    return {t.text: t.place for t in geo.find(text)}


@pytest.mark.parametrize(("text", "name", "region"), [
    ("Russian forces shelled near Hryhorivka, Donetsk, with mortars.", "Hryhorivka", "Donetsk"),
    ("Shelling hit Zemlianky in the Kharkiv region.", "Zemlianky", "Kharkiv"),
    ("Russian forces shelled near Volodymyrivka (Sumy) with artillery.", "Volodymyrivka", "Sumy"),
    ("Russian forces shelled Huliaipole, Zaporizhia. One civilian was killed.", "Huliaipole", "Zaporizhzhya Oblast"),
])
def test_the_region_written_after_a_village_restricts_it(geo: Geocoder, text: str, name: str, region: str) -> None:
    found = places(geo, text)
    assert found[name].admin1 == region and found[name].precision in (1, 2), found


def test_the_qualifier_is_the_oblast_not_the_city(geo: Geocoder) -> None:
    found = places(geo, "On 3 May 2024, Russian forces shelled Volfyne, Sumy. No casualties reported.")
    assert found["Volfyne"].precision == 1
    assert found["Sumy"].feature_code == "ADM1" and found["Sumy"].precision == 3


def test_a_list_of_cities_stays_cities(geo: Geocoder) -> None:
    found = places(geo, "Drones hit Kyiv, Kharkiv and Odesa.")
    assert all(p.precision == 1 and p.feature_code.startswith("PPL") for p in found.values()), found


@pytest.mark.parametrize(("text", "precision", "unit"), [
    ("Russian forces shelled Fooberivka, Sumy, with artillery.", 3, "ADM1"),
    ("Russian forces shelled near Fooberivka (Sumy oblast) with artillery.", 3, "ADM1"),
    ("Russian forces shelled Fooberivka, Bilopilska hromada, Sumy oblast.", 2, "ADM3"),
])
def test_an_unknown_village_falls_back_to_the_smallest_named_unit(geo: Geocoder, text: str, precision: int,
                                                                  unit: str) -> None:
    found = places(geo, text)
    fallback = found["Fooberivka"]
    assert fallback.precision == precision and fallback.geonameid is None, fallback
    sumy_city = geo.resolve("Sumy")
    assert (fallback.lat, fallback.lon) != (sumy_city.lat, sumy_city.lon)  # never the city named like the region


def test_a_region_that_does_not_exist_is_no_place(geo: Geocoder) -> None:
    found = places(geo, "Russian forces shelled Fooberivka, Narnia.")
    assert all(p is None or p.name != "Narnia" for p in found.values())


def test_streets_fall_back_to_the_city_named(geo: Geocoder) -> None:
    text = "Flooding closed Bourbon Street in New Orleans."
    start = text.index("Bourbon")
    street, city = geo.resolve_spans(text, [(start, start + len("Bourbon Street")), (text.index("New"), len(text) - 1)])
    assert distance_km(street.lat, street.lon, city.lat, city.lon) < 1 and street.precision == 2
    assert is_street("Lincoln Memorial Hospital") and not is_street("Bakhmut")


def test_demonyms_are_not_places(geo: Geocoder) -> None:
    found = places(geo, "European and Canadian officials met in Washington, D.C. on Monday.")
    assert "European" not in found and "Canadian" not in found
    assert found["Washington"].feature_code == "PPLC"  # the capital, as the text says


@pytest.mark.parametrize("text", ["A cow from a Washington state farm tested positive.",
                                  "The case was found in the state of Washington."])
def test_washington_state_is_the_state(geo: Geocoder, text: str) -> None:
    assert places(geo, text)["Washington"].feature_code == "ADM1"


def test_hint_patterns() -> None:
    assert hint_after("Paris, Tex., said", 5) == "Tex."
    assert hint_after("Hryhorivka, Donetsk oblast.", 10) == "Donetsk oblast"
    assert hint_after("near Volfyne (Sumy) with", 12) == "Sumy"
    assert hint_after("Zemlianky in the Kharkiv region", 9) == "Kharkiv region"
    assert hint_after("Bakhmut (coded to Bakhmut)", 7) is None


@pytest.mark.parametrize("text", ["Fighting went on 5 km north-west of Robotyne, Zaporizhzhia oblast.",
                                  "Shelling hit the outskirts of Robotyne.", "Clashes near Robotyne (Zaporizhzhia)."])
def test_near_a_village_is_precision_2(geo: Geocoder, text: str) -> None:
    place = places(geo, text)["Robotyne"]
    assert place.precision == 2 and place.admin1 == "Zaporizhzhya Oblast"
