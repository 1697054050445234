"""What identifies an incident in a report: date, place and its precision, event family, deaths, targets, words.

Two inputs give the same :class:`Report`: a raw report line ``{"doc_id", "text", "published"}``, read with cheap
rules (a gazetteer look-up, keyword families, numbers next to death words) so that 100,000 reports take
seconds, and an extraction output line ``{"doc_id", "events": [EVENT...]}`` whose first (most salient) event
already carries type, place, dates and fatalities (CONTRACTS EVENT).

>>> r = report_from_text(0, "a", "Five dead as Ukraine police storm Kiev protest camp", "2014-01-22")
>>> r.family, sorted(r.deaths), r.places[0].startswith("g:")
('protest', [5], True)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .hierarchy import PlaceKeys, place_keys
from .places import _stop_words, find_places, normalise

#: Coarse event families, in priority order: the first family whose stem appears wins. They stand in for
#: ACLED's event types on raw headlines (ACLED codebook 2023: Protests, Battles, Explosions/Remote violence,
#: Violence against civilians, Strategic developments).
FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("air", ("airliner", "plane", "aircraft", "helicopter", "jet", "il 76", "mh17", "an 26", "su 25", "downing")),
    ("protest", ("protest", "rally", "demonstrat", "maidan", "euromaidan", "activist")),
    ("explosion", ("shell", "artillery", "rocket", "missile", "mortar", "grad", "drone", "bomb", "blast",
                   "explos", "landmine", "booby", "strike", "airstrike", "sniper")),
    ("battle", ("clash", "fight", "battle", "attack", "offensive", "assault", "storm", "raid", "ambush")),
    ("civilian", ("abduct", "kidnap", "execut", "tortur", "murder", "hostage")),
)
#: Incompatible families: a protest is never a plane crash or shelling; battles and shelling mix in reports.
COMPATIBLE = {
    frozenset({"explosion", "battle"}), frozenset({"battle", "civilian"}), frozenset({"explosion", "civilian"}),
}
TARGETS = ("airport", "airliner", "bus", "checkpoint", "hospital", "school", "market", "train", "station", "bridge",
           "refinery", "substation", "plant", "mine", "convoy", "helicopter", "plane", "base", "port", "church",
           "kindergarten", "border", "crossing", "building", "depot", "warehouse", "factory", "camp", "square")
_DAILY = re.compile(r"\b(?:past|last)\s+(?:24\s+hours|day)\b|\bover\s+the\s+day\b|\bdaily\b")
_DEATH_WORDS = re.compile(r"\b(kia|kill|killed|kills|dead|death|deaths|die|died|dies|toll|lives|bodies|body|fatal)")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                    "august september october november december".split())


@dataclass(frozen=True, slots=True)
class Report:
    """One report reduced to what dedup compares; ``day`` is a proleptic ordinal (None: no date)."""

    index: int
    doc_id: str
    day: int | None
    text: str
    words: frozenset[str]
    places: tuple[str, ...] = ()  # place keys, "g:<geonameid>" for a town, "a:<country><admin1>" for a region
    towns: frozenset[str] = frozenset()  # the precise places (settlement keys) among them
    precise: bool = False  # a town (ACLED geo_precision 1-2) rather than a region or nothing
    family: str | None = None
    deaths: frozenset[int] = frozenset()
    targets: frozenset[str] = frozenset()
    claimant: str | None = None
    stated_days: frozenset[tuple[int, int]] = frozenset()  # (month, day) pairs written in the text
    daily: bool = False  # a daily bulletin ("in the past 24 hours"): bulletins of different days differ
    event: dict[str, Any] | None = field(default=None, compare=False)
    last: int | None = None  # the last day the report's date may mean (a week or month precision: its end)
    regions: frozenset[str] = frozenset()  # first-level units named or implied by the towns named
    place: PlaceKeys | None = None  # an extracted event's location: settlement and units (hierarchy.py)
    sub_type: str | None = None  # ACLED sub-event type of an extracted event
    actors: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()  # capitalised names that are not places (people, units, aircraft)
    death_range: tuple[int, int] | None = None  # (low, high) deaths stated, None when no count is stated
    exact: bool = False  # the date is the incident's own (an extracted date range), not a publication date
    figures: frozenset[tuple[str, int]] = frozenset()  # counted things stated: (stem of the counted word, number)

    @property
    def end(self) -> int | None:
        """The last day of the report's date range."""
        return self.last if self.last is not None else self.day


def _day(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.toordinal()
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


_FAMILY_PATTERNS = tuple((name, re.compile(r"\b(?:" + "|".join(stems) + ")")) for name, stems in FAMILIES)
_TARGET_PATTERN = re.compile(r"\b(" + "|".join(TARGETS) + r")s?\b")


def family_of(lowered: str) -> str | None:
    """The first event family with a word starting with one of its stems in the (lower-case, ASCII) text."""
    for name, pattern in _FAMILY_PATTERNS:
        if pattern.search(lowered):
            return name
    return None


_DEATH_STEM = re.compile(r"^(kill|dead|death|die|toll|live|bod|fatal|kia)")
_WOUND_STEM = re.compile(r"^(wound|injur|hurt|wia|hospital)")
_SINGULAR_DEATH = re.compile(r"\b(?:soldier|serviceman|civilian|man|woman|child|boy|girl|militiaman|officer|fighter|"
                             r"person|journalist|policeman|resident|volunteer|medic)\s+(?:was\s+|is\s+)?"
                             r"(?:killed|dies|died|dead|shot dead)\b")


def deaths_in(tokens: list[str], lowered: str) -> frozenset[int]:
    """Death counts a text states: a number (digits or words, not a year or a day of a month) followed within
    four words by a death word before any word of wounds ("two soldiers killed, four wounded" -> 2), or one
    right after a killing verb ("kills three"); "a soldier killed" with no number is one."""
    if not _DEATH_WORDS.search(lowered):
        return frozenset()
    found = set()
    for i, tok in enumerate(tokens):
        value = int(tok) if tok.isdigit() and len(tok) <= 4 else _NUMBER_WORDS.get(tok)
        if value is None or value >= 1900:
            continue
        neighbours = {tokens[i - 1] if i else "", tokens[i + 1] if i + 1 < len(tokens) else ""}
        if neighbours & _MONTHS:
            continue
        if any(_WOUND_STEM.match(w) for w in tokens[i + 1:i + 3]):
            continue  # "three injured", "two wounded": not deaths
        if (i and _DEATH_STEM.match(tokens[i - 1])) or "toll" in tokens[max(0, i - 3):i]:
            found.add(value)  # "kills three", "the toll now stands at 40"
            continue
        for word in tokens[i + 1:i + 5]:
            if _WOUND_STEM.match(word) or word.isdigit() or word in _NUMBER_WORDS:
                break
            if _DEATH_STEM.match(word):
                found.add(value)
                break
    if not found and _SINGULAR_DEATH.search(lowered):
        found.add(1)
    return frozenset(found)


_MONTH_NUMBER = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
#: Words that news use interchangeably for one thing, folded to one form so the word overlap sees them.
SYNONYMS = {
    "separatist": "rebel", "militant": "rebel", "insurgent": "rebel", "militia": "rebel", "militiaman": "rebel",
    "militiamen": "rebel", "jet": "plane", "aircraft": "plane", "airliner": "plane", "troop": "soldier",
    "serviceman": "soldier", "servicemen": "soldier", "kia": "kill", "dead": "kill", "die": "kill",
    "death": "kill", "fighter": "soldier", "shellfire": "shell", "bombard": "shell", "bombardment": "shell",
    "wia": "wound", "injur": "wound", "injure": "wound", "hurt": "wound", "slavyansk": "sloviansk",
    "kiev": "kyiv", "lugansk": "luhansk",
}
_SUFFIXES = ("ings", "ing", "ed", "s")


def stem(word: str) -> str:
    """A crude English stem (suffix stripping) folded through :data:`SYNONYMS`."""
    if word in SYNONYMS:
        return SYNONYMS[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return SYNONYMS.get(word, word)


def figures_in(tokens: list[str]) -> frozenset[tuple[str, int]]:
    """Counted things a text states, as (stem of the counted word, number): "amid 46 enemy attacks" ->
    ("attack", 46), "1 KIA, 3 WIA" -> ("kia", 1), ("wia", 3). Two reports counting one thing differently
    describe different events (or different days of a bulletin)."""
    found = set()
    for i, tok in enumerate(tokens[:-1]):
        value = int(tok) if tok.isdigit() and len(tok) <= 4 else _NUMBER_WORDS.get(tok)
        if value is None or value >= 1900 or tokens[i + 1] in _MONTHS or (i and tokens[i - 1] in _MONTHS):
            continue
        following = [w for w in tokens[i + 1:i + 3] if w not in _FIGURE_SKIP]
        if following and following[0].isalpha():
            found.add((stem(following[0]), value))
    return frozenset(found)


#: Words between a number and what it counts ("46 enemy attacks", "three more soldiers").
_FIGURE_SKIP = frozenset({"enemy", "more", "other", "ukrainian", "russian", "of", "the", "people", "times"})


def stated_days(tokens: list[str]) -> frozenset[tuple[int, int]]:
    """Days of a month written in the text ("June 27", "27 June", "Jul 19"): reports of different days differ."""
    found = set()
    for i, tok in enumerate(tokens):
        month = _MONTH_NUMBER.get(tok[:3]) if tok in _MONTHS else None
        if month is None:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens) and tokens[j].isdigit() and 1 <= int(tokens[j]) <= 31:
                found.add((month, int(tokens[j])))
                break
    return frozenset(found)


@functools.cache
def _content_stop() -> frozenset[str]:
    return _stop_words() | {"ukrainian", "ukraine", "says", "said", "reports", "report", "update", "russian", "kiev",
                            "kyiv", "east", "eastern", "rebel", "rebels", "pro", "amid"}


#: A headline's closing attribution: the source after its last colon or dash ("...: Kiev", "- Kiev military").
_ATTRIBUTION = re.compile(r"(?:\s[-–—]|:)\s*((?:[\w’'.]+\s*){1,4})$")


def attribution(text: str) -> str:
    """The source a headline ends with, by the agencies' convention (Reuters, AFP: "...: officials"), or "":
    a capital named there is who speaks, not where the incident was.

    >>> attribution("Three soldiers killed in east Ukraine fighting: Kiev"), attribution("Shelling in Donetsk")
    ('Kiev', '')
    """
    found = _ATTRIBUTION.search(text.strip())
    return found.group(1).strip() if found else ""


#: A wire service's slug before a headline: its version ("UPDATE 2-", "WRAPUP 1-", Reuters) or its kind
#: ("FACTBOX-", "EXCLUSIVE-"). Its number counts versions, not casualties, and it names no incident.
_SLUG = re.compile(r"^\s*(?:UPDATE|WRAPUP|WRAP|REFILE|RPT|CORRECTED|FACTBOX|EXCLUSIVE|ANALYSIS|INSIGHT|"
                   r"TIMELINE|URGENT|BREAKING)(?:\s+\d{1,2})?\s*(?:[-:–—]|\s-)\s*")


def headline_body(text: str) -> str:
    """The text without a wire service's leading slug.

    >>> headline_body("UPDATE 3-Army reports shelling of border post"), headline_body("Two hurt in Sumy")
    ('Army reports shelling of border post', 'Two hurt in Sumy')
    """
    return _SLUG.sub("", text, count=1)


def report_from_text(index: int, doc_id: str, text: str, published: Any, claimant: str | None = None) -> Report:
    """Features of a raw report (a headline or an article) read with cheap rules."""
    raw_words = _WORD.findall(text[:2000])
    ascii_words = [normalise(w) for w in raw_words]
    lowered = " ".join(ascii_words)
    capitalised = [w[:1].isupper() for w in raw_words]
    told = len(raw_words) - len(_WORD.findall(attribution(text[:2000])))
    # numbers are read after a wire slug ("UPDATE 2-" counts versions, not deaths)
    counted = ascii_words[len(raw_words) - len(_WORD.findall(headline_body(text[:2000]))):]
    places, place_words = find_places(ascii_words[:told], capitalised[:told])
    keys = tuple(p.key for p in places)
    stop = _content_stop()
    # place names are compared as places (so Horlivka and Gorlovka agree), not as words
    words = frozenset(stem(w) for i, w in enumerate(ascii_words)
                      if len(w) > 2 and w not in stop and not w.isdigit() and i not in place_words)
    deaths = deaths_in(counted, " ".join(counted))
    entities = frozenset(w for i, w in enumerate(ascii_words) if i and capitalised[i] and i not in place_words
                         and len(w) > 3 and w not in stop and not raw_words[i].isupper())
    return Report(
        index=index, doc_id=doc_id, day=_day(published), text=text, words=words, places=keys,
        towns=frozenset(p.key for p in places if p.precise),
        precise=any(p.precise for p in places), family=family_of(lowered), deaths=deaths,
        targets=frozenset(_TARGET_PATTERN.findall(lowered)), claimant=claimant,
        stated_days=stated_days(counted), daily=bool(_DAILY.search(lowered)), figures=figures_in(counted),
        regions=frozenset(p.region for p in places if p.region), entities=entities,
        death_range=(min(deaths), max(deaths)) if deaths else None,
    )


_ACLED_FAMILY = {"Protests": "protest", "Riots": "protest", "Battles": "battle",
                 "Explosions/Remote violence": "explosion", "Violence against civilians": "civilian"}


def report_from_event(index: int, doc_id: str, text: str, published: Any, event: dict[str, Any]) -> Report:
    """Features of an extracted EVENT (CONTRACTS): its type, place, precision, dates and fatalities."""
    base = report_from_text(index, doc_id, event.get("evidence", {}).get("text") or text, published,
                            claimant=event.get("claimant"))
    place = place_keys(event.get("location"))
    places = place.keys if place is not None else base.places
    fat = event.get("fatalities") or {}
    stated = [int(v) for v in (fat.get("best"), fat.get("low"), fat.get("high")) if v]  # 0: none stated
    deaths = frozenset(stated) or base.deaths
    sub_type = event.get("sub_event_type")
    words = base.words | {f"type:{sub_type}"} if sub_type else base.words  # the coded sub-type counts as a word
    actors = frozenset(normalise(str(a)) for a in (event.get("actor1"), event.get("actor2")) if a)
    return Report(
        index=index, doc_id=doc_id, day=_day(event.get("date_start")) or base.day, text=base.text,
        words=words, places=places, towns=frozenset({place.settlement} if place and place.settlement else ()),
        precise=bool(place and place.settlement),
        family=_ACLED_FAMILY.get(event.get("event_type") or "", base.family), deaths=deaths,
        targets=base.targets, claimant=event.get("claimant"), stated_days=base.stated_days, figures=base.figures,
        daily=base.daily, event=event, last=_day(event.get("date_end")) if event.get("date_start") else None,
        exact=_day(event.get("date_start")) is not None,
        regions=frozenset(place.units) if place else base.regions, place=place, sub_type=sub_type,
        actors=actors, entities=base.entities, death_range=(min(stated), max(stated)) if stated else base.death_range,
    )
