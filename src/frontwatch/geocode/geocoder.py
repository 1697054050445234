"""The geocoder: one object that resolves names and finds and resolves every place name in a text.

A text is resolved in two passes: first each name alone (plus what is written right after it,
"Paris, Tex."), then again with the document's context: the countries and regions it names and the
places resolved unambiguously in the first pass. Local news names places near each other, and wire
reports name the country once and its towns many times.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..models import Place, Toponym
from .gazetteer import Gazetteer
from .names import key
from .qualifiers import contained_by_qualifier, hint_after, is_demonym, place_streets, qualifier_unit, unit_place
from .resolver import GeoContext, Resolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: A margin (in score units) above which a first-pass resolution anchors the document's context.
ANCHOR_MARGIN = 1.5
TOP_VOTES = 60  # candidates per name that vote for a region
MIN_VOTES = 0.35
VOTE_SHARE = 0.8
PASSES = 3  # first guesses, then twice with the other names' resolutions as context
# Words before a name that make it ACLED precision 2 ("near Bakhmut", "10 km north of Kharkiv", "the
# outskirts of Avdiivka"): the event is near or in part of the named place (ACLED Codebook, geo_precision).
_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\bnearby|\boutside|\boutskirts\s+of|\bvicinity\s+of|\bsuburbs?\s+of|\baround|\bclose\s+to|"
    r"\bdirection|\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of|\b(?:km|kilometres|kilometers|miles)\s+from)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
MAX_NAME = 200  # characters: no place name is longer (the longest official ones are about 85)


class Geocoder:
    """Offline geocoding on the bundled GeoNames-derived gazetteer.

    Construction is instant; the gazetteer (about a second) loads on first use and is shared by every
    Geocoder in the process. ``focus`` is the area watched (ISO codes): a small prior for its places when
    nothing else decides.
    """

    def __init__(self, *, focus: tuple[str, ...] = ("UA", "RU"), gazetteer: Gazetteer | None = None) -> None:
        self._resolver = Resolver(gazetteer, focus=focus)

    @property
    def resolver(self) -> Resolver:
        return self._resolver

    def warm(self) -> Geocoder:
        """Load the gazetteer now rather than on the first name."""
        _ = self._resolver.gaz
        return self

    def resolve(self, name: str, *, context: GeoContext | None = None) -> Place | None:
        """The place a name most likely means in a context, or None."""
        return self._resolver.resolve(name, context)

    def resolve_spans(self, text: str, spans: list[tuple[int, int]], *,
                      context: GeoContext | None = None, fallback: bool = True) -> list[Place | None]:
        """Resolve the given character spans of a text together, each in the context of the others.

        With ``fallback``, a name the gazetteer lacks (a hamlet, a river, a district) is placed at the
        text's locality, the middle of the settlements it names, with precision 3: the ACLED practice of
        coding the nearest larger known area when the exact place cannot be found.
        """
        base = context or GeoContext()
        names = [_with_state_word(text, s, e) for s, e in spans]
        hints = [hint_after(text, e) for _, e in spans]
        memo: dict[tuple[str, GeoContext], list[tuple[float, Place]]] = {}  # a name repeats; ranking is pure
        first = [self._rank(n, replace(base, hint=h), memo) for n, h in zip(names, hints, strict=True)]
        evidence: dict[str, _Evidence] = {}
        second = first
        for n, ranked in zip(names, first, strict=True):
            evidence.setdefault(key(n), _evidence(ranked))
        for _round in range(PASSES - 1):
            votes = _Votes.of(evidence)
            contexts = {k: _document_context(evidence, k, base, votes) for k in evidence}
            second = [self._rank(n, replace(contexts[key(n)], hint=h), memo) for n, h in zip(names, hints, strict=True)]
            evidence = {}
            for n, ranked in zip(names, second, strict=True):
                evidence.setdefault(key(n), _evidence(ranked))
        out = [ranked[0][1] if ranked else None for ranked in second]
        out = [p if p is not None or not h else unit_place(n, h, self._resolver)
               for n, h, p in zip(names, hints, out, strict=True)]
        out = _place_counties(out)
        out = [_near_precision(text, start, p) for (start, _), p in zip(spans, out, strict=True)]
        for j in range(1, len(out)):
            unit = qualifier_unit(text, spans, out, j, self._resolver)
            out[j] = unit if unit is not None else out[j]
        out = place_streets(names, out, spans)
        return _fall_back_to_locality(out, names) if fallback else out

    def _rank(self, name: str, context: GeoContext,
              memo: dict[tuple[str, GeoContext], list[tuple[float, Place]]] | None = None) -> list[tuple[float, Place]]:
        """Ranked places for a name; none for a bad name (empty, no letters, absurdly long). ``memo`` keeps the
        rankings already made for one text: the same name in the same context ranks the same."""
        if len(name) > MAX_NAME or not any(ch.isalpha() for ch in name):
            return []
        if memo is None:
            return self._resolver.rank(name, context)
        found = memo.get((name, context))
        if found is None:
            found = memo[(name, context)] = self._resolver.rank(name, context)
        return found

    def find(self, text: str, *, doc: Doc | None = None,
             context: GeoContext | None = None) -> list[Toponym[Place | None]]:
        """Find the place names in a text and resolve them (spaCy entities when ``doc`` is given)."""
        from .toponyms import find_spans

        # "European", "Canadian": no place; but "Tolstoi, Donetsk" is the village its qualifier places
        spans = [s for s in find_spans(text, doc=doc, resolver=self._resolver)
                 if not is_demonym(text[s[0]:s[1]], self._resolver)
                 or contained_by_qualifier(text, s[0], s[1], self._resolver)]
        places = self.resolve_spans(text, [(s, e) for s, e, _ in spans], context=context)
        return [Toponym(s, e, text[s:e], p) for (s, e, _), p in zip(spans, places, strict=True)]


_STATE_AFTER = re.compile(r"\s+state\b")
_STATE_BEFORE = re.compile(r"\bstate\s+of\s+$", re.IGNORECASE)


def _with_state_word(text: str, start: int, end: int) -> str:
    """The name, with "state" added where the text says it is the state ("Washington state", "the state of
    Washington"), so the resolver looks for a first-level region and not the capital or a town."""
    name = text[start:end]
    if _STATE_AFTER.match(text, end) or _STATE_BEFORE.search(text[max(0, start - 12):start]):
        return f"{name} state"
    return name


def _near_precision(text: str, start: int, place: Place | None) -> Place | None:
    """Precision 2 for a settlement the text places something near, not at."""
    if place is None or place.precision != 1 or not _NEAR_BEFORE.search(text[max(0, start - 40):start]):
        return place
    return replace(place, precision=2)


@dataclass
class _Evidence:
    """What one distinct name of a text says about where the text is."""

    anchor_country: str | None = None
    anchor_region: str | None = None  # "CC<TAB>region name"
    anchor_point: tuple[float, float] | None = None
    votes: dict[tuple[str, str], float] = field(default_factory=dict)
    country_votes: dict[str, float] = field(default_factory=dict)


def _evidence(ranked: list[tuple[float, Place]]) -> _Evidence:
    """Anchor (a first-pass winner by a clear margin) and region/country votes of one name."""
    ev = _Evidence()
    if not ranked:
        return ev
    score, place = ranked[0]
    margin = score - ranked[1][0] if len(ranked) > 1 else ANCHOR_MARGIN
    if margin >= ANCHOR_MARGIN and place.country is not None:
        ev.anchor_country = place.country
        if place.feature_code == "ADM1":
            ev.anchor_region = f"{place.country}\t{place.name}"
        elif place.feature_code == "ADM2" and place.admin1:  # a county names its state
            ev.anchor_region = f"{place.country}\t{place.admin1}"
        elif place.feature_code in ("PPL", "PPLC") and place.lat is not None and place.lon is not None:
            ev.anchor_point = (place.lat, place.lon)
    cands: set[tuple[str, str]] = set()
    for _, p in ranked[:TOP_VOTES]:
        if p.country and p.feature_code == "ADM1":
            cands.add((p.country, p.name))
        elif p.country and p.admin1:
            cands.add((p.country, p.admin1))
    ev.votes = {r: 1.0 / len(cands) for r in cands}
    ccs = {p.country for _, p in ranked[:TOP_VOTES] if p.country}
    ev.country_votes = {cc: 1.0 / len(ccs) for cc in ccs}
    return ev


@dataclass
class _Votes:
    """What all names of a text vote for together (the same for every name resolved in the second pass)."""

    regions: list[tuple[str, str]]  # the regions most names agree on
    country_votes: dict[str, float]
    country_voters: dict[str, set[str]]

    @classmethod
    def of(cls, evidence: dict[str, _Evidence]) -> _Votes:
        votes: defaultdict[tuple[str, str], float] = defaultdict(float)
        voters: defaultdict[tuple[str, str], int] = defaultdict(int)
        country_votes: defaultdict[str, float] = defaultdict(float)
        country_voters: defaultdict[str, set[str]] = defaultdict(set)
        for k, ev in evidence.items():
            for r, w in ev.votes.items():
                votes[r] += w
                voters[r] += 1
            for cc, w in ev.country_votes.items():
                country_votes[cc] += w
                country_voters[cc].add(k)
        backed = {r: w for r, w in votes.items() if voters[r] >= 2 and w >= MIN_VOTES}
        best = max(backed.values(), default=0.0)
        # the regions most names agree on, not every one some agree on
        regions = [r for r, weight in backed.items() if weight >= VOTE_SHARE * best]
        return cls(regions, country_votes, country_voters)


def _document_context(evidence: dict[str, _Evidence], own: str, base: GeoContext, votes: _Votes) -> GeoContext:
    """The context for resolving name ``own`` in the second pass.

    Anchors come from the other names only, so a name does not confirm its own first guess ("Paris"
    said four times is not four votes for France). Regions also come from co-occurrence (:class:`_Votes`):
    each distinct name votes for the regions of its candidates, split evenly among them, and a region that
    two or more names vote for joins the context ("Paris" and "Edgar County" agree on Illinois).
    """
    countries: Counter[str] = Counter(base.countries)
    regions: set[str] = set(base.regions)
    points: list[tuple[float, float]] = list(base.points)
    for k, ev in evidence.items():
        if k != own:
            if ev.anchor_country:
                countries[ev.anchor_country] += 1
            if ev.anchor_region:
                regions.add(ev.anchor_region)
            if ev.anchor_point:
                points.append(ev.anchor_point)
    for cc, region in votes.regions:
        regions.add(f"{cc}\t{region}")
    dominant = base.dominant_country or _dominant(countries, votes.country_votes, votes.country_voters)
    return replace(base, countries=tuple(sorted(countries)), regions=tuple(sorted(regions)),
                   dominant_country=dominant, points=tuple(points))


def _dominant(anchors: Counter[str], votes: dict[str, float], voters: dict[str, set[str]]) -> str | None:
    """The article's country: the most anchored one, else the one most names vote for (two at least).

    Ties go to the alphabetically first code, so the answer never depends on set order.
    """
    if anchors:
        return sorted(anchors.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    backed = [(w, cc) for cc, w in votes.items() if len(voters[cc]) >= 2]
    return sorted(backed, key=lambda t: (-t[0], t[1]))[0][1] if backed else None


def _fall_back_to_locality(places: list[Place | None], names: list[str]) -> list[Place | None]:
    """Unresolved names at the median point of the text's resolved settlements (precision 3)."""
    towns = [(p.lat, p.lon, p) for p in places if p is not None and p.feature_code in ("PPL", "PPLC")
             and p.lat is not None and p.lon is not None]
    if not towns or all(p is not None for p in places):
        return places
    lats = sorted(t[0] for t in towns)
    lons = sorted(t[1] for t in towns)
    lat, lon = lats[len(lats) // 2], lons[len(lons) // 2]
    anchor = min(towns, key=lambda t: abs(t[0] - lat) + abs(t[1] - lon))[2]
    return [p if p is not None else Place(name=" ".join(n.split()), lat=anchor.lat, lon=anchor.lon, geonameid=None,
                                          admin1=anchor.admin1, country=anchor.country, precision=3,
                                          feature_code=None)
            for p, n in zip(places, names, strict=True)]


def _place_counties(places: list[Place | None]) -> list[Place | None]:
    """Move each county to the article's settlements in its state (GeoNames gives counties no point here)."""
    out = []
    for p in places:
        if p is not None and p.feature_code == "ADM2" and p.geonameid is None and p.country == "US":
            points = [(q.lat, q.lon) for q in places if q is not None and q.feature_code in ("PPL", "PPLC")
                      and q.country == p.country and q.admin1 == p.admin1 and q.lat is not None and q.lon is not None]
            if points:
                p = replace(p, lat=sum(lat for lat, _ in points) / len(points),
                            lon=sum(lon for _, lon in points) / len(points))
        out.append(p)
    return out
