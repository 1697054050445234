"""What the text's structure says about a name: the region written after it, streets and demonyms.

Conflict reports qualify a village by its region: "near Hryhorivka, Donetsk", "Zemlianky in the Kharkiv
region", "near Volfyne (Sumy)", "Robotyne, Polohy raion". The qualifier restricts the village to that unit
(the resolver's hint), is itself the unit and not the city of that name, and is where the event falls back
to, with the unit's precision, when the village is not in the gazetteer (ACLED's practice: the smallest named
area that can be found, geo_precision 2 for a hromada or raion, 3 for a region).

A street or building ("Bourbon Street", "City Hospital") lies in the city the text names; a demonym
("European", "Canadian") is an actor or an adjective, not a place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..geodesy import distance_km
from ..models import Place
from . import gazetteer as gz
from .names import key
from .resolver import CENTRE_NAMED, Resolver

_UNIT_WORDS = (r"(?:[Oo]blast|[Rr]egion|[Pp]rovince|[Rr]aion|[Rr]ayon|[Dd]istrict|[Hh]romada|"
               r"(?:territorial\s+)?[Cc]ommunity)")
_NAME = r"[A-Z][\w.'’-]*\.?(?:\s+[A-Z][\w.'’-]*\.?){0,2}"
_HINTS = (
    re.compile(rf"\s*,\s*(?:the\s+)?({_NAME}(?:\s+{_UNIT_WORDS})?)"),  # "Paris, Tex.", "Hryhorivka, Donetsk oblast"
    re.compile(rf"\s*\(\s*(?!coded\b)({_NAME}(?:\s+{_UNIT_WORDS})?)\s*\)"),  # "near Volfyne (Sumy)"
    re.compile(rf"\s+in\s+(?:the\s+)?({_NAME}\s+{_UNIT_WORDS})"),  # "Zemlianky in the Kharkiv region"
)
# Between a name and its qualifier; and what follows a qualifier that is really the next item of a list.
_QUALIFIER_GAP = re.compile(r"^(?:\s*,\s*(?:the\s+)?|\s*\(\s*|\s+in\s+(?:the\s+)?)$")
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?[A-Z]")
_STREET_HEADS = frozenset(
    "street st avenue ave road rd boulevard blvd lane drive highway square plaza bridge park hospital school "
    "university college stadium station airport mall market building tower hotel church cathedral mosque "
    "temple prison courthouse embassy neighborhood neighbourhood quarter ward".split()
)
_DEMONYM_ENDINGS = ("an", "ans", "ian", "ians", "ese", "ish", "ic", "i", "is", "ch")


def hint_after(text: str, end: int) -> str | None:
    """The qualifier written right after a name: "Paris, Tex." -> "Tex.", "Volfyne (Sumy)" -> "Sumy"."""
    for pattern in _HINTS:
        m = pattern.match(text, end)
        if m:
            return m.group(1)
    return None


def contained_by_qualifier(text: str, start: int, end: int, resolver: Resolver) -> bool:
    """The name at ``text[start:end]`` is a settlement of the watched countries and the qualifier written after it
    names a region that contains it ("Udy (Kharkiv oblast)", "Tolstoi, Donetsk"): the text marks it as a place.
    """
    hint = hint_after(text, end)
    if not hint:
        return False
    hits = [e for e in resolver.gaz.lookup(text[start:end]) if e.kind == gz.SETTLEMENT
            and e.place.country in resolver.focus]
    regions = {(e.place.country, e.place.admin1) for e in resolver.hint_entries(hint) if e.kind == gz.REGION}
    return any((e.place.country, e.place.admin1) in regions for e in hits)


def is_street(name: str) -> bool:
    """A street, building or quarter of a town ("Bourbon Street", "Lincoln Memorial Hospital")."""
    words = key(name).split()
    return len(words) >= 2 and words[-1] in _STREET_HEADS


def is_demonym(name: str, resolver: Resolver) -> bool:
    """An adjective or people's name ("European", "Canadians"): no gazetteer place bears it as its own name."""
    k = key(name)
    if " " in k or not k.endswith(_DEMONYM_ENDINGS) or not name[:1].isupper():
        return False
    return not any(key(e.place.name) == k for e in resolver.gaz.lookup(name))


def unit_place(name: str, hint: str, resolver: Resolver) -> Place | None:
    """A name the gazetteer lacks, placed at the unit its qualifier names (precision 2 hromada or raion,
    3 region), or None when the qualifier names no unit ("X, Narnia")."""
    entries = [e for e in resolver.hint_entries(hint) if e.kind in (gz.REGION, gz.HROMADA, gz.RAION)]
    if not entries:
        return None
    e = max(entries, key=lambda e: (e.kind != gz.REGION, e.weight))
    p = e.place
    return Place(name=" ".join(name.split()), lat=p.lat, lon=p.lon, geonameid=None, admin1=p.admin1,
                 country=p.country, precision=2 if e.kind != gz.REGION else 3, feature_code=None)


def qualifier_unit(text: str, spans: list[tuple[int, int]], places: list[Place | None], j: int,
                   resolver: Resolver) -> Place | None:
    """The unit span ``j`` names when it qualifies the name before it ("Hryhorivka, Donetsk": Donetsk oblast,
    not the city), else None. Only for countries whose regions are named after their centres."""
    if j == 0:
        return None
    (_, prev_end), (start, end) = spans[j - 1], spans[j]
    if not _QUALIFIER_GAP.match(text[prev_end:start]) or _LIST_GOES_ON.match(text[end:end + 40]):
        return None
    name = text[start:end]
    entries = [e for e in resolver.hint_entries(name) if e.kind in (gz.REGION, gz.HROMADA, gz.RAION)
               and e.place.country in CENTRE_NAMED]
    prev = places[j - 1]
    if prev is not None and prev.feature_code not in (None, "ADM2", "ADM3") and \
            not prev.feature_code.startswith("PPL"):
        return None  # a region after a region is a list, not a qualifier
    for e in sorted(entries, key=lambda e: (e.kind == gz.REGION, -e.weight)):
        if prev is None or (prev.country == e.place.country and prev.admin1 == e.place.admin1):
            kind_precision = 2 if e.kind != gz.REGION else 3
            return Place(name=e.place.name, lat=e.place.lat, lon=e.place.lon, geonameid=e.place.geonameid,
                         admin1=e.place.admin1, country=e.place.country, precision=kind_precision,
                         feature_code=e.place.feature_code)
    return None


def place_streets(names: list[str], places: list[Place | None], spans: list[tuple[int, int]]) -> list[Place | None]:
    """Streets and buildings at the nearest settlement the text names (precision 2: a part of the town)."""
    towns = [(s, p) for (s, _), p in zip(spans, places, strict=True)
             if p is not None and p.precision == 1 and (p.feature_code or "").startswith("PPL")]
    out = []
    for name, place, (start, _) in zip(names, places, spans, strict=True):
        if is_street(name) and towns and not _near_any(place, [t for _, t in towns]):
            _, town = min(towns, key=lambda t: abs(t[0] - start))
            place = replace(town, name=" ".join(name.split()), geonameid=None, precision=2)
        out.append(place)
    return out


def _near_any(place: Place | None, towns: list[Place], km: float = 50.0) -> bool:
    """A street's own resolution that lies by a town of the text ("Da Nang International Airport") stands."""
    if place is None or place.lat is None or place.lon is None or place.precision == 3:
        return False
    return any(distance_km(place.lat, place.lon, t.lat, t.lon) <= km for t in towns
               if t.lat is not None and t.lon is not None)
