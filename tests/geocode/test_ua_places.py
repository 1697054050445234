"""Ukraine's places from ua-places: every village, its spellings, former names, hromadas, raions, oblasts."""

from __future__ import annotations

import pytest

from frontwatch.geocode import Geocoder, GeoContext
from frontwatch.geocode.gazetteer import HROMADA, RAION, SETTLEMENT, load, settlements
from frontwatch.geodesy import distance_km


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder().warm()


@pytest.mark.parametrize("name", ["Volfyne", "Stelmakhivka", "Kostobobriv", "Iskryskivshchyna", "Klishchiivka",
                                  "Robotyne", "Krynky"])
def test_front_line_villages_missing_from_geonames_are_found(geo: Geocoder, name: str) -> None:
    place = geo.resolve(name)
    assert place is not None and place.country == "UA" and place.precision == 1, place


@pytest.mark.parametrize("spelling", ["Huliaipole", "Hulyaypole", "Gulyaipole", "Gulyaypole", "Гуляйполе"])
def test_every_romanisation_of_one_name_meets_one_place(geo: Geocoder, spelling: str) -> None:
    place = geo.resolve(spelling)
    assert place is not None and place.name == "Huliaipole" and place.admin1 == "Zaporizhzhya Oblast"


def test_russian_names_and_former_names(geo: Geocoder) -> None:
    assert geo.resolve("Kleshcheevka").name == "Klishchiivka"
    assert geo.resolve("Artemivsk").name == "Bakhmut"
    niu_york = geo.resolve("New York", context=GeoContext(hint="Donetsk"))
    assert niu_york.name == "Niu-York" and niu_york.country == "UA"


def test_geonames_places_are_merged_not_doubled() -> None:
    gaz = load()
    kharkiv = [e for e in gaz.lookup("Kharkiv") if e.kind == SETTLEMENT and e.place.country == "UA"
               and e.place.population > 100_000]
    assert len(kharkiv) == 1 and kharkiv[0].place.geonameid == 706483 and kharkiv[0].place.pcode
    ukraine = [p for p in settlements(("UA",)) if p.pcode]
    assert len(ukraine) == 29_705  # every ua-places settlement, once


@pytest.mark.parametrize(("phrase", "kind"), [("Tokmak hromada", HROMADA), ("Krasnopillia community", HROMADA),
                                              ("Tokmatska hromada", HROMADA), ("Bakhmut raion", RAION),
                                              ("Bakhmutskyi district", RAION), ("Sumy raion", RAION)])
def test_hromadas_and_raions_are_places_of_precision_2(geo: Geocoder, phrase: str, kind: str) -> None:
    place = geo.resolve(phrase)
    assert place is not None and place.precision == 2, place
    assert place.feature_code == ("ADM3" if kind == HROMADA else "ADM2")


@pytest.mark.parametrize("phrase", ["Sumy region", "Zaporizhia oblast", "Kharkivska", "Kharkivska oblast",
                                    "Donetsk Oblast", "Сумська"])
def test_oblast_phrasings(geo: Geocoder, phrase: str) -> None:
    place = geo.resolve(phrase)
    assert place is not None and place.feature_code == "ADM1" and place.precision == 3, place


def test_oblast_point_is_inside_the_oblast(geo: Geocoder) -> None:
    sumy = geo.resolve("Sumy region")
    assert distance_km(sumy.lat, sumy.lon, 50.9, 34.0) < 60  # the oblast's representative point, not a corner
