"""How news text names places around a core name: "Kharkiv region", "the annexed Crimean peninsula",
"near Bakhmut", "the outskirts of Avdiivka", "Laurel County".

:func:`parse` splits a phrase into its core name, whether it asks for a first-level region, and ACLED's
geo_precision implied by the wording (ACLED Codebook 2023, "geo_precision": 1 the named place itself,
2 near it or a part of it, 3 a larger region).

>>> parse("Kharkiv region")
Phrase(core='Kharkiv', wants_region=True, precision=3, county=False, stems=(), compass=False)
>>> parse("the annexed Crimean peninsula")
Phrase(core='Crimean peninsula', wants_region=False, precision=1, county=False, stems=(), compass=False)
>>> parse("outskirts of Avdiivka")
Phrase(core='Avdiivka', wants_region=False, precision=2, county=False, stems=(), compass=False)
>>> parse("Kharkivska oblast").stems
('Kharkivsk', 'Kharkiv')
>>> parse("Laurel County")
Phrase(core='Laurel County', wants_region=False, precision=2, county=True, stems=(), compass=False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEADING = re.compile(
    r"^(?:the\s+)?(?:(?:annexed|occupied|russian-occupied|ukrainian-held|russian-held|liberated|frontline|"
    r"front-line|border|embattled|besieged|city\s+of|town\s+of|village\s+of|settlement\s+of|port\s+of|"
    r"region\s+of|province\s+of|state\s+of|republic\s+of)\s+)+",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"^(?:the\s+)?(?:(?:near|nearby|outside|around|outskirts\s+of|suburbs?\s+of|vicinity\s+of|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+|"
    r"(?:north|south|east|west)-(?:east|west)\s+of\s+|"
    r"(?:edge|direction|district|area)\s+of)\s*)+",
    re.IGNORECASE,
)
_REGION_SUFFIX = re.compile(
    r"\s+(?:region|oblast'?|province|krai|kray|governorate|raion|rayon|district|area|direction|axis|front|state)$",
    re.IGNORECASE,
)
# "eastern Ukraine", "Western Europe": a part of the named area (tried only when the whole phrase is no
# name itself, so "South Carolina" and "West Bank" stay whole).
_COMPASS = re.compile(
    r"^(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|mid)\s+(?=[A-Z])", re.IGNORECASE
)
_COUNTY_SUFFIX = re.compile(r"\s+(?:county|parish|borough)$", re.IGNORECASE)
_PART_SUFFIX = re.compile(r"\s+(?:township|twp\.?|municipality|hromada|community|village council)$", re.IGNORECASE)
# Ukrainian adjectival region names: Kharkivska -> Kharkiv, Donetska -> Donetsk, Sumska -> Sum(y),
# Zaporizka -> Zaporiz(hzhia): the resolver tries each stem, the last one as a prefix.
_ADJECTIVAL = re.compile(r"(?:s|c|z)['ʼ’]?k(?:a|iy|yi|yy)$", re.IGNORECASE)
_WORDS_MEANING_PART = ("district", "area", "direction", "axis", "front", "raion", "rayon", "outskirts")


@dataclass(frozen=True)
class Phrase:
    """A place phrase split into its core name and what the wording says about it."""

    core: str
    wants_region: bool
    precision: int
    county: bool
    stems: tuple[str, ...] = ()  # shorter forms of an adjectival core, most likely first
    compass: bool = False  # "eastern Ukraine": a part of a large area, never of a small town


def stems(core: str) -> tuple[str, ...]:
    """Stems of an adjectival Ukrainian region name ("Donetska" -> "Donetsk", "Donet").

    >>> stems("Kharkivska")
    ('Kharkivsk', 'Kharkiv')
    >>> stems("Bryansk")
    ()
    """
    m = _ADJECTIVAL.search(core)
    if not m or m.start() < 3:
        return ()
    without_vowel = re.sub(r"(?:a|iy|yi|yy)$", "", core)
    return (without_vowel, core[: m.start()])


def parse(phrase: str) -> Phrase:
    """Split a place phrase into its core name and region/precision cues."""
    text = " ".join(phrase.split())
    precision = 1
    near = _NEAR.match(text)
    if near and near.end() < len(text):
        text, precision = text[near.end():], 2
    lead = _LEADING.match(text)
    if lead and lead.end() < len(text):
        text = text[lead.end():]
    compass = _COMPASS.match(text)
    if compass and compass.end() < len(text):
        text, precision = text[compass.end():], 2
    if _COUNTY_SUFFIX.search(text):
        return Phrase(text, False, 2, True)
    part = _PART_SUFFIX.search(text)
    if part and part.start() > 0:  # "Pleasant Township", "Vovchansk hromada": the area around the town
        text, precision = text[: part.start()], 2
    suffix = _REGION_SUFFIX.search(text)
    wants_region = False
    if suffix and suffix.start() > 0:
        word = suffix.group(0).strip().lower()
        text = text[: suffix.start()]
        if word in _WORDS_MEANING_PART:
            precision = 2
        else:
            wants_region, precision = True, 3
    text = text.strip()
    return Phrase(text, wants_region, precision, False, stems(text) if wants_region else (), bool(compass))
