"""Resolve a place name to one gazetteer entry, using the context it appears in.

Candidates come from the exact key, then transliteration skeletons, then a fuzzy match (rapidfuzz).
Each candidate is scored: the population its name stands for (log10), its kind, and the context: the
country and region named nearby ("Paris, Texas"), the article's dominant country, the places already
resolved in the same article (local news names places near each other), and the area being watched (the
conflict zone). Population alone sends "Odessa" to Ukraine and "Paris" to France whatever the article says;
the context terms are what let "Paris, Tex." and "Odessa, Texas" resolve to Texas (the approach of
spatial-minimality and context heuristics surveyed in Gritta et al. 2018, "What's missing in geographical
parsing?", Language Resources and Evaluation 52).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..geodesy import distance_km
from ..models import Place
from . import gazetteer as gz
from .gazetteer import COUNTRY, COUNTY, REGION, SEA, SETTLEMENT, Entry, Gazetteer
from .names import key
from .regions import Phrase, parse

#: Countries whose first-level regions are named after their centres: a bare "Kharkiv" or "Bryansk" in
#: news means the city, "Kharkiv region" the oblast.
CENTRE_NAMED = frozenset({"UA", "RU", "BY", "KZ", "MD", "GE", "AM", "AZ", "KG", "TJ", "UZ", "TM"})

#: The conflict zone (GeoNames admin1 codes): Ukraine's front-line and border oblasts and Russia's border
#: regions, where a name shared with a far-away place most likely means the one near the front
#: ("Volchansk" is Vovchansk in Kharkiv oblast, not the town in Sverdlovsk). Applied while the focus
#: includes the country.
FRONTLINE_REGIONS = frozenset({
    ("UA", "05"), ("UA", "14"), ("UA", "07"), ("UA", "21"), ("UA", "02"), ("UA", "26"), ("UA", "08"),
    ("UA", "11"), ("UA", "20"), ("UA", "04"), ("UA", "16"),  # Donetsk ... Mykolaiv
    ("RU", "09"), ("RU", "41"), ("RU", "10"), ("RU", "61"), ("RU", "38"), ("RU", "86"),  # Belgorod ... Voronezh
})
FRONTLINE_BONUS = 1.0

#: Score terms (log10-population units); chosen on the LGL and GeoVirus dev sets, see bench/results/geocode.md.
KIND_BONUS = {COUNTRY: 2.0, REGION: 0.6, SEA: 0.0, gz.CONTINENT: 1.5, SETTLEMENT: 0.0, COUNTY: 0.0,
              gz.HROMADA: 0.0, gz.RAION: 0.0}
#: ACLED geo_precision of an entry's own point: a settlement 1, a hromada or raion (a part of a region) 2,
#: anything larger 3.
KIND_PRECISION = {SETTLEMENT: 1, gz.HROMADA: 2, gz.RAION: 2}
ALIAS_ONLY_PENALTY = 1.0  # matched only through an alternate name, not the place's main name
DOMINANT_BONUS = 1.5
COUNTRY_BONUS = 1.5
REGION_BONUS = 2.5
HINT_BONUS = 4.0  # "Paris, Texas": the region or country written right after the name
FOCUS_BONUS = 0.5
NEAR_BONUS = 2.5
NEAR_SCALE_KM = 200.0
LOCAL_OVERLAP = 0.25
COMPASS_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class GeoContext:
    """Hints for disambiguation: what else the text names, and where it is about.

    ``countries``: ISO codes of countries named nearby; ``regions``: first-level regions named nearby,
    as names ("Kharkiv Oblast", "Texas") or ``"CC.code"``; ``dominant_country``: the article's main
    country; ``points``: (lat, lon) of places already resolved in the same text; ``hint``: a region or
    country written right after the name ("Odessa, Texas").
    """

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    dominant_country: str | None = None
    points: tuple[tuple[float, float], ...] = ()
    hint: str | None = None
    focus: tuple[str, ...] | None = None  # None: the geocoder's default focus


@dataclass
class _Scope:
    """A GeoContext resolved against the gazetteer (region names to codes)."""

    countries: set[str] = field(default_factory=set)
    regions: set[tuple[str, str]] = field(default_factory=set)  # (country, region name)
    dominant: str | None = None
    points: tuple[tuple[float, float], ...] = ()
    hint_countries: set[str] = field(default_factory=set)
    hint_regions: set[tuple[str, str]] = field(default_factory=set)
    hint_units: set[str] = field(default_factory=set)  # P-codes of hromadas and raions written after the name
    focus: frozenset[str] = frozenset()


class Resolver:
    """Scores gazetteer candidates for a name in a context."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, focus: tuple[str, ...] = ("UA", "RU")) -> None:
        self._gaz = gazetteer
        self.focus = frozenset(focus)

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = gz.load()
        return self._gaz

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the gazetteer (workers load their own, once): a few bytes, not 100 MB."""
        state = dict(self.__dict__)
        shared = state["_gaz"] is not None and gz.load.cache_info().currsize and state["_gaz"] is gz.load()
        if shared:
            state["_gaz"] = None
        return state

    # ------------------------------------------------------------ public
    def resolve(self, name: str, context: GeoContext | None = None) -> Place | None:
        """The best place for a name, or None when nothing in the gazetteer fits."""
        best = self.rank(name, context)
        return best[0][1] if best else None

    def rank(self, name: str, context: GeoContext | None = None) -> list[tuple[float, Place]]:
        """Scored places for a name, best first."""
        phrase = parse(name)
        whole = " ".join(name.split())
        if phrase.core != whole and not phrase.county and self.gaz.ids(key(whole)):
            phrase = Phrase(whole, False, 1, False)  # "South Carolina" is a name, not south of Carolina
        if not phrase.core or not any(ch.isalpha() for ch in phrase.core):
            return []
        scope = self.scope(context or GeoContext())
        if phrase.county:
            return self._counties(phrase, scope)
        entries, exact_name = self._candidates(phrase)
        if phrase.compass:  # "North Island" is not the north of a village called Island
            entries = [e for e in entries if e.kind != SETTLEMENT or e.place.population >= COMPASS_MIN_POPULATION]
        if not entries:
            return []
        scored = []
        for e in entries:
            if math.isnan(e.place.lat):
                continue
            s = self.score(e, scope, exact=key(e.place.name) in exact_name)
            scored.append((s, e))
        scored = self._prefer_centres(scored, phrase)
        scored.sort(key=lambda t: -t[0])
        return [(s, self._place(e, phrase)) for s, e in scored]

    def scope(self, context: GeoContext) -> _Scope:
        """Resolve a context's names to codes."""
        out = _Scope(countries=set(context.countries), dominant=context.dominant_country, points=context.points,
                     focus=frozenset(context.focus) if context.focus is not None else self.focus)
        for region in context.regions:
            out.regions |= self._region_codes(region)
        if context.hint:
            for e in self.hint_entries(context.hint):
                if e.kind == REGION:
                    out.hint_regions.add((e.place.country or "", e.place.name))
                elif e.kind == COUNTRY and e.place.country:
                    out.hint_countries.add(e.place.country)
                elif e.kind in (gz.HROMADA, gz.RAION) and e.place.pcode:
                    out.hint_units.add(e.place.pcode)
        return out

    def hint_entries(self, hint: str) -> list[Entry]:
        """The regions, countries, raions and hromadas a qualifier names ("Donetsk", "Zaporizhia oblast",
        "Bakhmut raion"): written after a settlement's name, a centre's name means its region."""
        hits = [e for e in self.gaz.lookup(hint) if e.kind in (REGION, COUNTRY, gz.HROMADA, gz.RAION)]
        if hits:
            return hits
        phrase = parse(hint)
        if not phrase.core or not any(ch.isalpha() for ch in phrase.core):
            return []
        regions = self._regions_for(phrase if phrase.wants_region else parse(f"{phrase.core} region"))
        # only where regions are named after their centres: "Guildford, Surrey" is not in Surrey's province
        return [r for r in regions if phrase.wants_region or r.place.country in CENTRE_NAMED]

    def score(self, e: Entry, scope: _Scope, *, exact: bool = True) -> float:
        """The candidate's score in a context (higher is better)."""
        cc = e.place.country or ""
        s = e.weight + KIND_BONUS.get(e.kind, 0.0) - (0.0 if exact else ALIAS_ONLY_PENALTY)
        if scope.dominant and cc == scope.dominant:
            s += DOMINANT_BONUS
        if cc in scope.countries:
            s += COUNTRY_BONUS
        region = (cc, e.place.admin1 or "")
        local = 0.0  # being in a region named nearby and being near places named nearby say one thing
        if region in scope.regions or (e.kind == COUNTRY and cc in scope.countries):
            local = REGION_BONUS  # a country named beside its towns is as sure as a region is
        if scope.points and e.kind in (SETTLEMENT, REGION):
            d = min(distance_km(e.place.lat, e.place.lon, lat, lon) for lat, lon in scope.points)
            near = NEAR_BONUS * math.exp(-d / NEAR_SCALE_KM)
            local = max(local, near) + LOCAL_OVERLAP * min(local, near)
        s += local
        if region in scope.hint_regions or (cc in scope.hint_countries and e.kind != COUNTRY):
            s += HINT_BONUS
        if scope.hint_units and e.place.pcode and e.place.pcode.startswith(tuple(scope.hint_units)):
            s += HINT_BONUS
        if cc in scope.focus:
            s += FOCUS_BONUS
            if (cc, e.admin1_code) in FRONTLINE_REGIONS:
                s += FRONTLINE_BONUS
        return s

    # ------------------------------------------------------------ candidates
    def _candidates(self, phrase: Phrase) -> tuple[list[Entry], set[str]]:
        """Entries for the phrase's core (region-aware), and the keys counted as an exact main-name match."""
        g = self.gaz
        core_key = key(phrase.core)
        if phrase.wants_region:
            regions = self._regions_for(phrase)
            if regions:
                return regions, {key(e.place.name) for e in regions}
        found = g.lookup(phrase.core)
        if not found:
            found = g.lookup_skeleton(phrase.core)
            return found, {key(e.place.name) for e in found}  # a variant spelling is not an alias match
        if not found and len(core_key) >= 5:
            found = self._fuzzy(core_key)
            return found, {key(e.place.name) for e in found}
        return found, {core_key}

    def _regions_for(self, phrase: Phrase) -> list[Entry]:
        """First-level regions meant by "<X> region/oblast": a region named X, or the region of the city X."""
        g = self.gaz
        for core in (phrase.core, *phrase.stems):
            hits = g.lookup(core) or g.lookup_skeleton(core)
            regions = [e for e in hits if e.kind == REGION]
            if regions:
                return regions
            towns = [e for e in hits if e.kind == SETTLEMENT]
            named = [t for t in towns if key(t.place.name) == key(core)]
            towns = named or towns  # "Odesa region" is Odesa's, not that of a Texan "Odessa" also spelt so
            if towns:
                seen: dict[int, Entry] = {}
                top = max(t.weight for t in towns)
                # the regions of the main towns of that name: "Kherson region" is not a Greek hamlet's
                for t in sorted((t for t in towns if t.weight >= top - 1.0), key=lambda e: -e.weight):
                    r = g.region(t.place.country or "", t.admin1_code)
                    if r is not None and r.index not in seen:
                        seen[r.index] = r
                return list(seen.values())
        if phrase.stems:
            return self._prefix_regions(phrase.stems[-1])
        return []

    def _prefix_regions(self, stem: str) -> list[Entry]:
        """Regions of the focus countries' largest cities whose name begins with a stem ("Zapori")."""
        g = self.gaz
        towns: list[Entry] = []
        for _key, rows in g.keys_with_prefix(key(stem)):
            if len(towns) >= 200:
                break
            for idx in rows:
                e = g.entry(idx)
                if e.kind == SETTLEMENT and e.place.country in self.focus and e.place.population >= 20_000:
                    towns.append(e)
        towns.sort(key=lambda e: -e.weight)
        regions = [g.region(t.place.country or "", t.admin1_code) for t in towns[:1]]
        return [r for r in regions if r is not None]

    def _fuzzy(self, core_key: str) -> list[Entry]:
        """Near spellings (rapidfuzz ratio >= 88) among keys sharing the first letter."""
        g = self.gaz
        keys = g.keys_near(core_key[0], len(core_key), 3)
        hits = process.extract(core_key, keys, scorer=fuzz.ratio, score_cutoff=88, limit=5)
        out: list[Entry] = []
        for k, _score, _ in hits:
            for e in g.ids(k):
                entry = g.entry(e)
                if entry.kind != SETTLEMENT or entry.place.population >= 5000 or entry.place.country in self.focus:
                    out.append(entry)
        return out

    def _region_codes(self, region: str) -> set[tuple[str, str]]:
        if "." in region and region.split(".", 1)[0].isupper() and len(region.split(".", 1)[0]) == 2:
            cc, code = region.split(".", 1)
            return {(cc, code)}
        if "\t" in region:  # "CC<TAB>region name", as the geocoder passes them
            cc, name = region.split("\t", 1)
            return {(cc, name)}
        hits = self._regions_for(parse(region if " " in region else f"{region} region"))
        return {(e.place.country or "", e.place.name) for e in hits}

    def _prefer_centres(self, scored: list[tuple[float, Entry]], phrase: Phrase) -> list[tuple[float, Entry]]:
        """A bare "Kharkiv" or "Alexandria" is the city, not the region named after it.

        Applies where a settlement of that very name lies in the region, and throughout the countries of
        :data:`CENTRE_NAMED` (Kyiv city is not in Kyiv oblast; Odesa is spelt apart from "Odessa" oblast).
        """
        if phrase.wants_region:
            return scored
        core = key(phrase.core)
        inside = {(e.place.country, e.place.admin1) for _, e in scored
                  if e.kind == SETTLEMENT and key(e.place.name) == core}
        centres = {e.place.country for _, e in scored if e.kind == SETTLEMENT and e.place.population >= 50_000}
        out = []
        for s, e in scored:
            if e.kind == REGION and e.place.feature_code == "ADM1" and (
                (e.place.country, e.place.name) in inside
                or (e.place.country in CENTRE_NAMED and e.place.country in centres)
            ):
                s -= 4.0

            out.append((s, e))
        return out

    # ------------------------------------------------------------ counties
    def _counties(self, phrase: Phrase, scope: _Scope) -> list[tuple[float, Place]]:
        """US counties of that name, one per state, placed at the state's point and ranked by context.

        GeoNames' cities500 carries no county, so the geocoder later moves a county to the article's places
        in the same state when there are any (an article naming a county is usually about a town in it).
        """
        g = self.gaz
        out = []
        for e in g.lookup(phrase.core):
            state = g.region("US", e.admin1_code) if e.kind == COUNTY else None
            if state is None:
                continue
            region = ("US", state.place.name)
            s = 3.0 + state.weight / 10
            s += REGION_BONUS if region in scope.regions else 0.0
            s += HINT_BONUS if region in scope.hint_regions else 0.0
            s += DOMINANT_BONUS if scope.dominant == "US" else 0.0
            if scope.points:
                d = min(distance_km(state.place.lat, state.place.lon, lat, lon) for lat, lon in scope.points)
                s += NEAR_BONUS * math.exp(-d / (2 * NEAR_SCALE_KM))
            out.append((s, Place(name=e.place.name, lat=state.place.lat, lon=state.place.lon, geonameid=None,
                                 admin1=state.place.name, country="US", precision=2, feature_code="ADM2")))
        out.sort(key=lambda t: -t[0])
        return out

    # ------------------------------------------------------------ output
    @staticmethod
    def _place(e: Entry, phrase: Phrase) -> Place:
        kind_precision = KIND_PRECISION.get(e.kind, 3)
        precision = max(kind_precision, phrase.precision) if kind_precision < 3 else 3
        p = e.place
        return Place(name=p.name, lat=p.lat, lon=p.lon, geonameid=p.geonameid, admin1=p.admin1,
                     country=p.country, precision=precision, feature_code=p.feature_code)
