"""Which place an event happened at: the sentence's place, else the paragraph's, else the article's dateline.

A place the report says the event is coded to ("(coded to Hryhorivka)", ACLED's notes) wins; otherwise,
among the places of a sentence the finest wins (a town over its region, a region over its country,
a country over a sea), then the one nearest after the trigger ("hit an electrical substation in ...
Sevastopol on the annexed Crimean peninsula" is Sevastopol). A country used as an actor ("Kyiv launched",
"Russia's Defense Ministry") is not where the event happened.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from ..models import Place, Toponym
from ..nlp.paragraphs import is_verb

_ACTOR_HEADS = frozenset(
    "ministry military army forces defense defence sector officials government troops president leader navy "
    "command".split()
)


def _attribute(obj: Any, name: str) -> Any:
    return getattr(obj, name, None)


def as_toponyms(found: list[Any]) -> list[Toponym[Place]]:
    """The resolved toponyms of a geocoder's answer (Toponym objects, or dicts with start, end, text, place from
    another geocoder), in text order."""
    out = []
    for t in found or ():
        get: Callable[[str], Any] = t.get if isinstance(t, dict) else partial(_attribute, t)
        place = get("place")
        if isinstance(place, dict):
            fields: dict[str, Any] = {
                k: place[k]
                for k in ("name", "lat", "lon", "geonameid", "admin1", "country", "precision", "feature_code")
                if k in place
            }
            place = Place(**fields)
        if place is not None:
            out.append(Toponym(int(get("start")), int(get("end")), str(get("text") or place.name), place))
    return sorted(out, key=lambda t: t.start)


def level(place: Place) -> int:
    """0 a settlement or site, 1 a part of a country (region), 2 a country, 3 a sea or unknown kind."""
    code = (place.feature_code or "").upper()
    if code.startswith(("PPL", "P.", "S.", "STM", "PRT", "AIRP")) or (not code and place.precision == 1):
        return 0
    if code.startswith(("ADM", "A.ADM", "RGN", "PEN", "ISL", "AREA")) or (not code and place.precision == 2):
        return 1
    if code.startswith(("PCL", "A.PCL")):
        return 2
    if code.startswith(("SEA", "BAY", "GULF", "OCN", "STRT", "H.")):
        return 3
    return 1 if place.precision <= 3 else 3


def is_actor_use(doc: Any, topo: Toponym[Place]) -> bool:
    """True when the name stands for a state or army here ("Kyiv launched", "Ukraine's defense sector")."""
    span = doc.char_span(topo.start, topo.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and level(topo.place) >= 0 and is_verb(root.head):
        return True
    if root.dep_ == "poss" and root.head.lower_ in _ACTOR_HEADS:
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lower_ in ("'s", "’s") and nxt.head.lower_ in _ACTOR_HEADS


_SPONSOR = re.compile(r"-(?:backed|led|based|allied|aligned|supported|sponsored|funded|trained|armed)\b", re.I)


def is_sponsor_use(text: str, topo: Toponym[Place]) -> bool:
    """True when the name qualifies an actor as its sponsor or base ("Iran-backed militia", "US-led coalition",
    "a Kyiv-based group"): it says who backs the actor, not where anything happened.

    >>> is_sponsor_use("the Iran-backed militia", Toponym(4, 8, "Iran", Place("Iran", 32.0, 53.0)))
    True
    >>> is_sponsor_use("Iran-Iraq border", Toponym(0, 4, "Iran", Place("Iran", 32.0, 53.0)))
    False
    """
    return bool(_SPONSOR.match(text, topo.end))


#: Between a settlement and the unit that qualifies it: "Udy (Kharkiv oblast)", "Tolstoi, Donetsk".
_QUALIFIER_GAP = re.compile(r"\s*(?:,|\()\s*(?:the\s+)?")


def is_qualified(text: str, toponyms: list[Toponym[Place]], topo: Toponym[Place]) -> bool:
    """A settlement followed by a qualifier naming a region that contains it ("Udy (Kharkiv oblast) hit by ...",
    "Xyz, Donetsk oblast, came under fire"): the text marks it as a place, so it is never an actor, even where
    the parser makes it the subject."""
    if level(topo.place) != 0 or not topo.place.admin1:
        return False
    after = next((t for t in toponyms if t.start >= topo.end), None)
    if after is None or not _QUALIFIER_GAP.fullmatch(text[topo.end : after.start]):
        return False
    return level(after.place) == 1 and (after.place.country, after.place.admin1) == (
        topo.place.country,
        topo.place.admin1,
    )


def _in_name(doc: Any, topo: Toponym[Place]) -> bool:
    """A place name inside a longer person's name ("President Vladimir Putin").

    Only PERSON, and only when the entity is longer than the name: the small model also tags lone
    towns as people or organisations ("Kyiv" PERSON, "Novorossiysk" ORG).
    """
    for start, end in _persons(doc):
        if start <= topo.start and topo.end <= end:
            return (end - start) > (topo.end - topo.start)
    return False


def _persons(doc: Any) -> list[tuple[int, int]]:
    """The character spans of the document's PERSON entities, in order (``Doc.ents`` rebuilds its spans on
    every access: read once per document and cached on the Doc)."""
    cached = doc.user_data.get("frontwatch_persons")
    if cached is None:
        cached = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        doc.user_data["frontwatch_persons"] = cached
    return cached


_CODED_TO = re.compile(r"\b(?:coded|geo-?coded|located)\s+(?:to|at)\s+(?:the\s+)?$", re.IGNORECASE)


def choose_in(toponyms: list[Toponym[Place]], start: int, end: int, trigger: int, doc: Any,
              text: str | None = None) -> Toponym[Place] | None:
    """The event's place among the toponyms inside [start, end): the one the report says the event is coded to
    ("shelling near Y (coded to X)"), else the finest, nearest after the trigger."""
    source = text if text is not None else getattr(doc, "text", "")
    inside = [
        t
        for t in toponyms
        if start <= t.start < end
        and (is_qualified(source, toponyms, t) or not is_actor_use(doc, t))
        and not _in_name(doc, t)
    ]
    if not inside:
        return None
    coded = [t for t in inside if _CODED_TO.search(source[max(0, t.start - 24):t.start])]
    if coded:
        return coded[0]
    return min(inside, key=lambda t: (level(t.place), 0 if t.start >= trigger else 1, abs(t.start - trigger)))


_COMPASS = re.compile(r"\b(north|south)?-?(east|west)?(?:ern)?\b", re.I)
_BEARING = {
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
}


def compass_near(text: str, start: int, end: int) -> float | None:
    """The bearing of a compass word right before or after a name ("northeast Ukraine", "Ukraine's northeast")."""
    window = text[max(0, start - 16) : start] + " " + text[end : end + 18]
    for m in _COMPASS.finditer(window):
        word = (m.group(1) or "") + (m.group(2) or "")
        if word:
            return _BEARING[word.lower()]
    return None


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.degrees(math.atan2(dx, lat2 - lat1)) % 360


def by_direction(country: Toponym[Place], bearing: float, toponyms: list[Toponym[Place]]) -> Place | None:
    """The article's region (else town) of ``country`` lying in ``bearing`` from its centre: "Ukraine's northeast"
    in an article about Kharkiv is Kharkiv region. None when the article names no such place."""
    c = country.place
    if c.lat is None or c.lon is None:
        return None
    fits = []
    for t in toponyms:
        p = t.place
        if p.country != c.country or level(p) > 1 or p.lat is None or p.lon is None:
            continue
        off = abs((_bearing(c.lat, c.lon, p.lat, p.lon) - bearing + 180) % 360 - 180)
        if off <= 50:
            fits.append((level(p) != 1, t.start, p))
    return replace(min(fits)[2], precision=3) if fits else None


def inferred(place: Place) -> Place:
    """A place taken from the paragraph or the article rather than the event's sentence: at best "near" (ACLED 2)."""
    return replace(place, precision=max(place.precision or 1, 2))
