"""Fast place look-up for blocking reports by place, on the geocoder's offline gazetteer.

Deduplication must handle 100,000 reports in under a minute, so it does not run the context-aware resolver
on raw text: it looks up runs of capitalised words in the gazetteer (:mod:`frontwatch.geocode.gazetteer`,
GeoNames, CC BY 4.0) and keeps places in Ukraine and the larger ones of its neighbours. Among places sharing a
name, one whose own name (not an alternate) matches wins, then one whose name is a transliteration variant
("Sloviansk" is Slovyansk, not Nikopol, which GeoNames also lists under that alternate name), then the most
populous. Results are cached per name, so a large batch looks each distinct name up once.

>>> normalise("Ilovays’k")
'ilovaysk'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..geocode.gazetteer import REGION, SETTLEMENT, Entry, load
from ..geocode.names import key, skeleton

#: Countries whose places all count, and the population above which a neighbour's places count too.
HOME_COUNTRIES = frozenset({"UA"})
NEIGHBOUR_COUNTRIES = frozenset({"RU", "BY", "MD"})
NEIGHBOUR_MIN_POPULATION = 50_000
#: Longest place name, in words, looked up.
MAX_NGRAM = 3
_REGION_WORDS = frozenset({"region", "oblast", "province", "regions", "oblasts"})


def normalise(name: str) -> str:
    """The gazetteer's lookup key: ASCII, lower case, no apostrophes, single spaces."""
    return key(name)


@dataclass(frozen=True, slots=True)
class IndexedPlace:
    """A gazetteer place as the dedup blocking sees it: ``key`` is its blocking key."""

    key: str  # "g:<geonameid>" for a settlement, "a:<country><admin1 code>" for a first-level region
    name: str
    country: str
    precise: bool
    region: str = ""  # the first-level region's key ("a:<country><admin1 code>"), the place's own for a region


#: English function words and headline words that are also place names somewhere (kept short on purpose:
#: importing spaCy's list would cost seconds of start-up, a quarter of the whole 100,000-report budget).
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other
our out over own same she should so some such than that the their them then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
says said say new after amid near east west north south eastern western northern southern central
ukraine russia news update press war army peace police people world day week month year today
""".split())


def _stop_words() -> frozenset[str]:
    return STOP_WORDS


def _eligible(entry: Entry) -> bool:
    country = entry.place.country or ""
    if entry.kind not in (SETTLEMENT, REGION):
        return False
    return country in HOME_COUNTRIES or (
        country in NEIGHBOUR_COUNTRIES and entry.place.population >= NEIGHBOUR_MIN_POPULATION)


@functools.lru_cache(maxsize=500_000)
def lookup(name: str, region: bool = False) -> IndexedPlace | None:
    """The place a normalised name most plausibly means (a region when ``region``), or None."""
    if len(name) < 4 or name in _stop_words() or not name[0].isalpha():
        return None
    gazetteer = load()
    entries = [e for e in gazetteer.lookup(name) if _eligible(e)] or \
        [e for e in gazetteer.lookup_skeleton(name) if _eligible(e)]
    if not entries:
        return None
    sk = skeleton(name)
    wanted = REGION if region else SETTLEMENT

    def rank(e: Entry) -> tuple[bool, bool, bool, bool, int]:
        own = key(e.place.name)
        return (e.kind == wanted, (e.place.country or "") in HOME_COUNTRIES, own == name, skeleton(own) == sk,
                e.place.population)

    best = max(entries, key=rank)
    region_key = f"a:{best.place.country}{best.admin1_code}" if best.admin1_code else ""
    if best.kind == REGION:
        return IndexedPlace(region_key, best.place.name, best.place.country or "", False, region_key)
    return IndexedPlace(f"g:{best.place.geonameid}", best.place.name, best.place.country or "", True, region_key)


def find_places(words: list[str], capitalised: list[bool]) -> tuple[list[IndexedPlace], set[int]]:
    """Places named by runs of up to three capitalised words (longest match first), in text order, and the
    positions of the words that named them; a name followed by "region" or "oblast" is the region."""
    found: list[IndexedPlace] = []
    used: set[int] = set()
    i, n = 0, len(words)
    while i < n:
        if not capitalised[i]:
            i += 1
            continue
        for size in range(min(MAX_NGRAM, n - i), 0, -1):
            region = i + size < n and words[i + size] in _REGION_WORDS
            place = lookup(" ".join(words[i : i + size]), region)
            if place is not None:
                if place not in found:
                    found.append(place)
                used.update(range(i, i + size))
                i += size
                break
        else:
            i += 1
    return found, used
