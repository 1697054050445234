"""Numbers written in digits or words, with the qualifier that bounds them ("at least", "dozens").

>>> parse_number("1,200"), parse_number("twenty-five"), parse_number("a dozen"), parse_number("3.5 million")
(1200.0, 25.0, 12.0, 3500000.0)
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
#: Vague plural amounts, read as their smallest plausible value (UCDP codes "dozens" as a low estimate of 24).
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "several": 3,
    "a few": 3,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a handful of": 3,
    "tens of": 20,
}

_WORDNUM = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
NUMBER_RE = (  # "a dozen" before "a": the longer phrase is the number ("at least a dozen people", not one)
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand|hundred))?"
    r"|a couple of|a handful of|a few|a dozen"
    rf"|(?:{_WORDNUM})(?:[-\s](?:{_WORDNUM}))?(?:\s+(?:hundred|thousand|million))?"
    r"|dozens|scores|hundreds|thousands|several|tens of"
)
QUALIFIERS = {
    "at least": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "up to": "up to",
    "as many as": "up to",
    "fewer than": "up to",
    "less than": "up to",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "at most": "up to",
    "no fewer than": "at least",
}
QUALIFIER_RE = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it is not one."""
    t = text.lower().strip()
    if t in VAGUE:
        return float(VAGUE[t])
    scale = 1.0
    for word, factor in SCALES.items():
        if t.endswith(" " + word):
            t, scale = t[: -len(word) - 1].strip(), float(factor)
            break
    t = t.replace(",", "")
    try:
        return float(t) * scale
    except ValueError:
        pass
    total = 0
    for part in re.split(r"[-\s]+", t):
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return float(total) * scale


def qualifier_of(text: str | None, number_text: str) -> str:
    """The normalised qualifier ("exact" without one; vague amounts qualify themselves)."""
    if text:
        return QUALIFIERS[text.lower()]
    low = number_text.lower()
    if low in ("dozens", "scores", "hundreds", "thousands", "several", "a few", "tens of", "a handful of"):
        return low
    return "exact"
