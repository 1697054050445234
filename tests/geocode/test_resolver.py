"""Resolution on the real bundled gazetteer: variants, renamed places, regions, context, fuzzy fallback."""

from __future__ import annotations

import pytest

from frontwatch.geocode import Geocoder, GeoContext, settlements
from frontwatch.geodesy import distance_km

KHARKIV = (49.98, 36.25)


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder().warm()


def near(place, lat: float, lon: float, km: float = 25.0) -> bool:
    return place is not None and distance_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Kharkov", *KHARKIV),
        ("Kharkiv", *KHARKIV),
        ("Nikolaev", 46.97, 31.99),
        ("Mykolaiv", 46.97, 31.99),
        ("Zaporozhye", 47.85, 35.12),
        ("Zaporizhzhia", 47.85, 35.12),
        ("Kiev", 50.45, 30.52),
        ("Kyiv", 50.45, 30.52),
        ("Dnepr", 48.45, 35.04),
        ("Kropyvnytskyy", 48.51, 32.26),
        ("Avdeyevka", 48.14, 37.75),
        ("Volchansk", 50.29, 36.94),  # Vovchansk by the front, not the Urals' Volchansk
    ],
)
def test_transliteration_variants(geo: Geocoder, name: str, lat: float, lon: float) -> None:
    place = geo.resolve(name)
    assert near(place, lat, lon), place
    assert place.precision == 1
    assert place.country == "UA"


@pytest.mark.parametrize(
    ("old", "new"),
    [("Artemivsk", "Bakhmut"), ("Dnepropetrovsk", "Dnipro"), ("Kirovograd", "Kropyvnytskyi"),
     ("Dzerzhynsk", "Toretsk"), ("Krasnoarmeysk", "Pokrovsk")],
)
def test_renamed_places(geo: Geocoder, old: str, new: str) -> None:
    ukraine = GeoContext(countries=("UA",))  # Russia has its own Krasnoarmeysk
    assert geo.resolve(old, context=ukraine) == geo.resolve(new)
    assert geo.resolve(new).country == "UA"


@pytest.mark.parametrize(
    ("phrase", "country", "region_word"),
    [
        ("Kharkiv region", "UA", "Kharkiv"),
        ("Kharkiv oblast", "UA", "Kharkiv"),
        ("Kharkivska oblast", "UA", "Kharkiv"),
        ("Donetska oblast", "UA", "Donetsk"),
        ("Bryansk oblast", "RU", "Bryansk"),
        ("Belgorod region", "RU", "Belgorod"),
        ("Zaporizka oblast", "UA", "Zaporizh"),
    ],
)
def test_region_phrasings(geo: Geocoder, phrase: str, country: str, region_word: str) -> None:
    place = geo.resolve(phrase)
    assert place is not None and place.feature_code == "ADM1"
    assert place.country == country and region_word in place.name
    assert place.precision == 3


def test_a_bare_oblast_centre_is_the_city(geo: Geocoder) -> None:
    assert geo.resolve("Kharkiv").feature_code != "ADM1"
    assert geo.resolve("Sumy").feature_code != "ADM1"


def test_crimea_and_seas(geo: Geocoder) -> None:
    crimea = geo.resolve("the annexed Crimean peninsula")
    assert crimea == geo.resolve("Crimea")
    assert near(crimea, 45.3, 34.4, km=150)
    black_sea = geo.resolve("Black Sea")
    assert black_sea.feature_code == "SEA" and black_sea.precision == 3
    assert near(geo.resolve("Sea of Azov"), 46.0, 36.6, km=150)


def test_near_gives_precision_2(geo: Geocoder) -> None:
    place = geo.resolve("near Bakhmut")
    assert place.name == "Bakhmut" and place.precision == 2


def test_context_picks_the_homonym(geo: Geocoder) -> None:
    ukraine = geo.resolve("Odessa")
    texas = geo.resolve("Odessa", context=GeoContext(hint="Texas"))
    assert ukraine.country == "UA"
    assert texas.country == "US" and texas.admin1 == "Texas"
    assert geo.resolve("Odessa", context=GeoContext(regions=("Texas",))).admin1 == "Texas"


def test_document_context_disambiguates(geo: Geocoder) -> None:
    text = "Odessa, Texas: police in Odessa said the Ector County fire was out."
    spans = [(0, 6), (8, 13), (25, 31), (41, 53)]
    places = geo.resolve_spans(text, spans)
    assert places[0].admin1 == "Texas" and places[2].admin1 == "Texas"
    ukraine = geo.resolve_spans("Russian drones hit Odessa and Kharkiv in Ukraine overnight.", [(19, 25)])
    assert ukraine[0].country == "UA"


def test_kharkiv_near_ukraine_versus_a_homonym(geo: Geocoder) -> None:
    text = "Shelling hit Georgia's capital? No: officials in Tbilisi, Georgia, and in Kharkiv, Ukraine, spoke."
    i = text.index("Georgia,")
    georgia = geo.resolve_spans(text, [(i, i + 7), (text.index("Tbilisi"), text.index("Tbilisi") + 7)])[0]
    assert georgia.country == "GE"
    text = "Atlanta, Georgia: the Fulton County sheriff said."
    atlanta, us, _ = geo.resolve_spans(text, [(0, 7), (9, 16), (22, 35)])
    assert us.country == "US" and us.feature_code == "ADM1" and atlanta.admin1 == "Georgia"


def test_fuzzy_fallback(geo: Geocoder) -> None:
    assert near(geo.resolve("Bakhmutt"), 48.59, 38.0)
    assert near(geo.resolve("Kharkiw"), *KHARKIV)
    assert geo.resolve("Qwzxvbnm") is None


def test_unknown_and_empty_names(geo: Geocoder) -> None:
    assert geo.resolve("") is None
    assert geo.resolve("   ") is None
    assert geo.resolve("12345") is None


def test_settlements_are_ukrainian_places() -> None:
    places = settlements()
    assert len(places) > 4000
    assert all(p.country == "UA" for p in places)
    names = {p.name for p in places}
    assert {"Bakhmut", "Vovchansk"} <= names
    assert settlements(("UA",)) == places  # cached, same content
    both = settlements(("UA", "RU"))
    assert len(both) > len(places) and any(p.country == "RU" for p in both)


def test_unknown_names_fall_back_to_the_texts_locality(geo: Geocoder) -> None:
    text = "Strikes hit Vovchansk and Xyzzyqwv village near Kharkiv."
    v, x, _k = geo.resolve_spans(text, [(12, 21), (26, 34), (48, 55)])
    assert x is not None and x.precision == 3 and x.geonameid is None and x.country == "UA"
    assert distance_km(x.lat, x.lon, v.lat, v.lon) < 100
    assert geo.resolve_spans(text, [(26, 34)], fallback=True) == [None]  # nothing to fall back on
    assert geo.resolve_spans(text, [(12, 21), (26, 34)], fallback=False)[1] is None


@pytest.mark.parametrize(
    ("phrase", "country", "code"),
    [("eastern Ukraine", "UA", "PCLI"), ("Western Europe", None, "CONT"), ("southern Kherson region", "UA", "ADM1"),
     ("the Pacific", None, "SEA")],
)
def test_parts_of_large_areas(geo: Geocoder, phrase: str, country: str | None, code: str) -> None:
    place = geo.resolve(phrase)
    assert place is not None and place.country == country and place.feature_code == code


def test_compound_names_are_not_parts(geo: Geocoder) -> None:
    assert geo.resolve("South Carolina").admin1 == "South Carolina"
    assert geo.resolve("West Virginia").admin1 == "West Virginia"
    assert geo.resolve("North Island") is None  # not the north of some village called Island
    assert geo.resolve("Odesa region").country == "UA"  # not the region of a Texan "Odessa" also spelt Odesa


def test_a_geocoder_pickles_small_for_workers(geo: Geocoder) -> None:
    import pickle

    blob = pickle.dumps(geo)
    assert len(blob) < 10_000
    assert pickle.loads(blob).resolve("Kharkov") == geo.resolve("Kharkov")


def test_construction_is_lazy() -> None:
    fresh = Geocoder(gazetteer=None)
    assert fresh.resolver._gaz is None  # the table loads on the first name, not in the constructor
