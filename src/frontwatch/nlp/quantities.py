"""Component ``frontwatch_quantities``: counted things and casualties.

Sets ``Doc._.quantities`` (:class:`QuantityMention`: value, unit, qualifier, span) and
``Doc._.casualties`` (:class:`CasualtyMention`: killed or wounded, how many, who).
Areas are converted to km² ("107 square miles" is kept as ``mi2``; the claims checker converts).

>>> [(q.value, q.unit, q.qualifier) for q in find_quantities("took 278 square kilometers (107 square miles) and more than 100 Ukrainian drones")]
[(278.0, 'km2', 'exact'), (107.0, 'mi2', 'exact'), (100.0, 'drone', 'more than')]
>>> [(c.kind, c.value, c.qualifier, c.children) for c in find_casualties("attacks killed at least three people, including a child")]
[('killed', 3.0, 'at least', 1)]
>>> [(c.kind, c.value) for c in find_casualties("Two soldiers were killed and five wounded")]
[('killed', 2.0), ('wounded', 5.0)]
>>> [(c.kind, c.value) for c in find_casualties("The strike claimed the lives of four residents. Fatalities: 4.")]
[('killed', 4.0), ('killed', 4.0)]
>>> [(c.kind, c.value) for c in find_casualties("A woman was injured and later died in hospital.")]
[('killed', 1.0)]
>>> [(c.kind, c.value) for c in find_casualties("A bomb hit the house, killing an elderly couple. The driver, 34, was killed.")]
[('killed', 2.0), ('killed', 1.0)]
>>> [(c.kind, c.value) for c in find_casualties("A man driving a tractor hit a mine and died; a 58-y.o. woman was killed.")]
[('killed', 1.0), ('killed', 1.0)]
>>> [(c.kind, c.value) for c in find_casualties("Soldiers tortured a resident of Lobasove (Luhansk) to death.")]
[('killed', 1.0)]
"""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .numbers import NUMBER_RE, QUALIFIER_RE, parse_number, qualifier_of
from .paragraphs import doc_text

_UNIT_WORDS: dict[str, str] = {
    "square kilometers": "km2",
    "square kilometres": "km2",
    "sq km": "km2",
    "km2": "km2",
    "km²": "km2",
    "square miles": "mi2",
    "sq miles": "mi2",
    "square mile": "mi2",
    "square kilometer": "km2",
    "square kilometre": "km2",
    "drone": "drone",
    "drones": "drone",
    "uav": "drone",
    "uavs": "drone",
    "missile": "missile",
    "missiles": "missile",
    "rocket": "rocket",
    "rockets": "rocket",
    "shell": "shell",
    "shells": "shell",
    "settlement": "settlement",
    "settlements": "settlement",
    "village": "settlement",
    "villages": "settlement",
    "town": "settlement",
    "towns": "settlement",
    "people": "person",
    "person": "person",
    "civilians": "person",
    "civilian": "person",
    "soldiers": "soldier",
    "soldier": "soldier",
    "troops": "soldier",
    "servicemen": "soldier",
    "tanks": "tank",
    "tank": "tank",
}
_ADJ = r"(?:[A-Z][a-z]+(?:-[A-Za-z]+)?\s+|long-range\s+|attack\s+|combat\s+|kamikaze\s+|enemy\s+|more\s+)?"
_QTY = re.compile(
    rf"\b(?:(?P<qual>{QUALIFIER_RE})\s+)?(?P<num>{NUMBER_RE})\s+{_ADJ}(?P<unit>"
    + "|".join(sorted(map(re.escape, _UNIT_WORDS), key=len, reverse=True))
    + r")\b",
    re.I,
)

# Who died: civilians and combatants are told apart for ACLED's actor2 and UCDP's claim rule.
_COMBATANT = r"soldiers?|troops|servicem[ae]n|defenders|militants?|fighters?|rebels?|insurgents?|separatists?|militiam[ae]n|personnel|police(?:m[ae]n)?|officers?|guards?|jihadists?|terrorists?|gunmen|mercenaries|paratroopers|marines|occupiers|invaders|peacekeepers?|sappers?"
_VICTIM = rf"people|persons?|adults?|civilians?|residents?|villagers?|children|child|kids?|boys?|girls?|wom[ae]n|m[ae]n|teenagers?|farmers?|workers?|students?|journalists?|worshippers?|protesters?|demonstrators?|passengers?|pilgrims?|rescuers?|firefighters?|herders?|herdsm[ae]n|shepherds?|fishermen|traders?|shopkeepers?|deminers?|(?:para)?medics?|doctors?|nurses?|volunteers?|pensioners?|teachers?|officials?|employees?|members?|family members|relatives|sons?|daughters?|husbands?|wives|wife|mothers?|fathers?|grandmothers?|grandfathers?|brothers?|sisters?|drivers?|others|{_COMBATANT}"
_KILL = r"KIA|killed in action|(?:fatally|mortally)\s+(?:wounded|injured)|fatalit(?:y|ies)|killed|killing|kills|kill|dead|died|die|dies|deaths?|lives|slain|shot dead|gunned down|lynched|beheaded|assassinated|perished|murdered|massacred|executed|lost their lives|death toll|(?:beaten|hacked|stabbed|stoned|clubbed|burn(?:ed|t)) to death|burn(?:ed|t) alive"
_WOUND = r"WIA|wounded in action|wounded|wounding|injured|injuring|injuries|hurt|wounds"
_NUM = rf"(?:(?P<qual>{QUALIFIER_RE})\s+)?(?P<num>{NUMBER_RE})\b"
_ADJS = r"(?:[\w-]+\s+){0,2}?"
# "10-15 civilians were killed", "between 10 and 15 people died": the lower bound, as ACLED and UCDP code the most
# conservative figure of a range.
_RANGE = re.compile(
    rf"\b(?:between\s+)?(?P<num>{NUMBER_RE})(?:\s*[-–]\s*(?=\d)|\s+(?:to|and)\s+)(?:{NUMBER_RE})\s+{_ADJS}(?P<who>{_VICTIM})\s+(?:(?:were|was|have been|had been|are|reportedly)\s+)*(?P<verb>{_KILL}|{_WOUND})\b",
    re.I,
)
# Whose or where the counted people are, between them and the verb: "two residents of the village were killed",
# "three soldiers from the brigade died" (up to four words, the shortest that reaches the verb).
_OF_PLACE = r"(?:\s+(?:of|from)\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)?"
_CASUALTY_PATTERNS = [
    # "killed at least three people", "killing two civilians", "wounding five"
    re.compile(rf"\b(?P<verb>{_KILL}|{_WOUND})\s+{_NUM}(?:\s+{_ADJS}(?P<who>{_VICTIM})\b)?", re.I),
    # "three people were killed", "two soldiers died", "five wounded", "2 dead"
    re.compile(
        rf"\b{_NUM}(?:\s+{_ADJS}(?P<who>{_VICTIM})(?:(?:\s*,|\s+and)\s+(?:[\w-]+\s+)?(?:{_VICTIM}))*{_OF_PLACE})?\s*(?:(?:were|was|have been|had been|are|is|been|have|has|reportedly|also|later|confirmed|found)\s+)*(?P<verb>{_KILL}|{_WOUND})\b",
        re.I,
    ),
    # military usage: "eliminated 40 occupiers", "liquidated two militants" (people only: "eliminated 3 tanks" is none)
    re.compile(
        rf"\b(?P<verb>eliminated|eliminating|liquidated|liquidating|neutrali[sz]ed)\s+{_NUM}\s+{_ADJS}(?P<who>{_COMBATANT}|{_VICTIM})\b",
        re.I,
    ),
    # the same of soldiers only, "destroyed" too ("destroyed up to 200 soldiers"; "destroyed 3 tanks" is none), and in
    # the passive ("35 servicemen were eliminated")
    re.compile(rf"\b(?P<verb>destroyed|destroying)\s+{_NUM}\s+{_ADJS}(?P<who>{_COMBATANT})\b", re.I),
    re.compile(
        rf"\b{_NUM}\s+{_ADJS}(?P<who>{_COMBATANT})\s+(?:were|was|have been|had been|are|been)\s+"
        r"(?P<verb>eliminated|liquidated|destroyed|neutrali[sz]ed)\b",
        re.I,
    ),
    # "beat two men to death", "burned three villagers alive": the verb's object dies
    re.compile(
        rf"\b(?P<verb>beat|beaten|hacked|stabbed|stoned|clubbed|burn(?:ed|t))\s+{_NUM}\s+{_ADJS}(?P<who>{_VICTIM})\s+(?:to\s+death|alive)\b",
        re.I,
    ),
    # "claimed the lives of four residents", "took the lives of 2 people"
    re.compile(rf"\b(?:claimed|took|cost|claiming|taking|costing)\s+(?:the\s+)?(?P<verb>lives)\s+of\s+{_NUM}", re.I),
    # "claimed two lives", "the shelling claimed one life"
    re.compile(rf"\b(?:claimed|took|cost|claiming|taking|costing)\s+{_NUM}\s+(?:more\s+)?(?P<verb>lives|life)\b", re.I),
    # "two bodies were recovered", "the bodies of ..." (a body found is a death: ACLED counts the dead found)
    re.compile(rf"\b{_NUM}\s+(?:more\s+)?(?P<verb>bodies)\b", re.I),
    # "Fatalities: 3", "Killed - 2", "Deaths: 4" (tabular notes)
    re.compile(rf"\b(?P<verb>fatalities|death toll|deaths|killed|dead|wounded|injured)\s*[:–-]\s*{_NUM}", re.I),
    # "resulting in the deaths of 3 civilians"
    re.compile(rf"\b(?P<verb>deaths?)\s+of\s+{_NUM}(?:\s+{_ADJS}(?P<who>{_VICTIM}))?\b", re.I),
    # "death toll rises to 28", "toll climbed to 12"
    re.compile(
        rf"\b(?P<verb>death toll|toll|number of (?:the )?(?:dead|killed|deaths|fatalities))\s+(?:[\w'’-]+\s+){{0,9}}?(?:rises\s+|rose\s+|climbs\s+|climbed\s+)?(?:to|at|of|reached|hit)\s+{_NUM}\b",
        re.I,
    ),
]
# "one Ukrainian soldier and three rebels were killed": every side's dead in one incident, each counted.
# A pronoun is one person when it is coordinated with others: "he and his wife were killed" (ACLED counts each).
_ITEM = rf"(?:\b(?:he|she)\b|(?:(?:his|her|their)\s+)?(?:{NUMBER_RE}|a|an|his|her)\s+{_ADJS}(?:{_VICTIM}))"
_ITEMS = rf"(?P<items>{_ITEM}(?:(?:\s*,\s*|,?\s+and\s+){_ITEM})+)"
_LIST = re.compile(
    rf"\b{_ITEMS}\s+(?:(?:were|was|have been|had been|are|also|reportedly|both|all)\s+)*(?P<verb>{_KILL}|{_WOUND})\b",
    re.I,
)
# The same list after its verb: "killing a man and his wife", "killed two soldiers and a civilian"; an item
# that speaks is the source, not a victim ("killing four officers, an official said").
_LIST_AFTER = re.compile(
    rf"\b(?P<verb>killing|killed|kills|wounding|injuring)\s+{_ITEMS}\b"
    r"(?!\s+(?:were|was|are)\b|(?:\s+[\w-]+){0,2}?\s+(?:said|says|told|added|reported|confirmed|stated|announced)\b)",
    re.I,
)
# "4 Ukrainian and 6 Russian servicemen were killed": two counts that share one noun, each counted.
_SHARED = re.compile(
    rf"\b(?P<items>(?:{NUMBER_RE})\s+[\w-]+(?:\s*,\s*(?:{NUMBER_RE})\s+[\w-]+)*,?\s+and\s+(?:{NUMBER_RE})\s+[\w-]+)\s+(?P<who>{_VICTIM})\s+(?:(?:were|was|have been|had been|are|also|reportedly)\s+)*(?P<verb>{_KILL}|{_WOUND})\b",
    re.I,
)
_SHARED_NUM = re.compile(rf"\b(?P<num>{NUMBER_RE})\s+(?P<adj>[\w-]+)", re.I)
_VERB_BEFORE = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring)\s+$", re.I)
_ITEM_RE = re.compile(
    rf"\b(?P<pron>he|she)\b|(?:(?P<qual>{QUALIFIER_RE})\s+)?(?:(?:his|her|their)\s+)?(?P<num>{NUMBER_RE}|a|an|his|her)\s+{_ADJS}(?P<who>{_VICTIM})\b",
    re.I,
)
# One person named as dead without a number: "the man died in hospital", "his body was found", "found dead".
_ONE_DEAD = re.compile(
    r"\b(?:(?:the|this|that|another)\s+(?:[\w-]+\s+)?(?P<who>man|woman|civilian|resident|victim|soldier|serviceman|driver|boy|girl|teenager|pensioner|volunteer|official|journalist|medic)(?:\s*,\s*[^,.;]{1,40},)?|he|she)\s+(?:later\s+|subsequently\s+)?(?:died|succumbed|was\s+killed|was\s+shot\s+dead)\b"
    r"|\b(?:a|an|one)\s+(?:[\w-]+\s+)?(?:man|woman|child|boy|girl|civilian|resident|soldier|serviceman)\s+(?:was|is)\s+among\s+the\s+(?:dead|killed)\b"
    r"|\b(?:a|an|one)\s+(?:[\w.-]+\s+)?(?P<who4>man|woman|civilian|resident|soldier|serviceman|driver|boy|girl|teenager|pensioner|farmer)\b[^.;:]{0,80}?\band\s+(?:later\s+)?(?:died|was\s+killed)\b"
    r"|\b(?:his|her|the)\s+body\b(?!\s+armou?r)|\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?:man|woman|civilian|resident|soldier|serviceman|boy|girl|teenager|pensioner|volunteer|person)['’]s\s+body\b|\bbody\s+of\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}(?P<who2>man|woman|civilian|resident|soldier|serviceman|boy|girl|teenager|volunteer|person)\b"
    r"|\b(?<!to )kill(?:s|ed|ing)?\s+(?:a\s+|an\s+|the\s+|one\s+)?(?:[\w-]+\s+)?(?P<who3>civilian|man|woman|soldier|serviceman|militiaman|resident|child|boy|girl|driver|official|officer|commander|policeman|volunteer|journalist|medic|pensioner)\b(?!s)|\b(?:was|were)\s+found\s+dead\b|\b(?:tortured|beat|beaten|stabbed|hacked|burned|starved|stoned|clubbed)\s+(?:(?:a|an|one|the)\s+[^.;]{0,60}?|him\s+|her\s+)\bto\s+death\b|\bburn(?:ed|t)\s+(?:him|her)\s+alive\b|\bone\s+of\s+(?:them|the\s+(?:injured|wounded|victims))\s+(?:later\s+)?died\b"
    r"|\b(?:a|the)\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:[\w-]+\s+)?(?:later\s+|subsequently\s+)?(?:died|succumbed|was\s+killed)\b",
    re.I,
)
# Hurt first, dead later, in one phrase: "a woman was injured and later died in hospital" (counted as dead).
_DIED_LATER = re.compile(
    rf"\b(?:(?P<num>{NUMBER_RE}|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_VICTIM})\s+(?:was|were)\s+)?(?:injured|wounded|hurt)\s+and\s+(?:later\s+|subsequently\s+)?died\b",
    re.I,
)
_FAMILY = re.compile(rf"\bkill\w*\s+(?:a\s+|an\s+)?(?:entire\s+)?family\s+of\s+{_NUM}", re.I)
_COUPLE = re.compile(
    r"\bkill\w*\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?couple\b|\bcouple\s+(?:(?:was|were)\s+killed|died)\b", re.I
)
_BODIES = re.compile(rf"\bbodies\s+of\s+{_NUM}(?:\s+{_ADJS}(?P<who>{_VICTIM}))?", re.I)
_SINGULAR = re.compile(
    r"\b(?P<num>a|an|one)\s+(?:[\w.-]+\s+)?(?P<who>man|woman|child|boy|girl|person|civilian|soldier|policeman|police officer|officer|resident|farmer|teenager|journalist)(?:\s+aged\s+\d{1,3}|\s*,\s*\d{1,3}\s*,)?\s+(?:(?:was|has been|had been)\s+)?(?P<verb>killed|died|shot dead|(?:fatally|mortally)\s+(?:wounded|injured)|wounded|injured)\b"
    r"|\b(?P<verb2>killed|killing|wounded|injuring|injured|gunned down|shot dead|lynched|beheaded|assassinated|murdered)\s+(?P<num2>a|an|one)\s+(?:[\w-]+\s+)?(?P<who2>man|woman|child|boy|girl|person|civilian|soldier|policeman|officer|resident|farmer|teenager|journalist)\b",
    re.I,
)
_CHILDREN = re.compile(
    rf"\bincluding\s+(?P<num>{NUMBER_RE})\s+(?:\w+\s+)?(?P<who>children|child|minors?|kids?|boys?|girls?)\b", re.I
)
# A headline naming one victim without a number: "<Town> teacher killed in shelling", also after a
# kicker ("Exclusive! ...", "Donetsk: ...") or as a headline's second clause ("Drone hits car, driver killed"),
# and with an "of" phrase ("Head of a village council killed").
_HEADLINE_DEAD = re.compile(
    r"(?:^|(?<=[!?:,;] ))(?P<who>(?:[\w'’-]+\s+){0,3}?(?:of\s+(?:[\w'’-]+\s+){0,3}?)?(?:[a-z]+[^s\W]|man|woman|child|boy|girl|soldier|civilian|policeman|journalist))\s+(?:\w+\s+){0,1}?(?P<verb>killed|dies|died|shot dead|found dead|found hanging|dead(?= (?:after|in|as|following|amid)\b))\b",
    re.I,
)


_AGE_BEFORE = re.compile(r"\b(?:aged|age)\s+(?:about\s+)?$", re.I)


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    value: float
    unit: str
    qualifier: str


@dataclass(frozen=True)
class CasualtyMention:
    """People killed or wounded, as one phrase of the text states them."""

    start: int
    end: int
    kind: str  # "killed" | "wounded"
    value: float
    qualifier: str
    combatant: bool = False  # soldiers, militants ... (else civilians or unknown)
    children: int | None = None


def find_quantities(text: str) -> list[QuantityMention]:
    """Counted things with units (areas, drones, settlements, people)."""
    out = []
    for m in _QTY.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit = _UNIT_WORDS[m.group("unit").lower()]
        out.append(QuantityMention(m.start(), m.end(), value, unit, qualifier_of(m.group("qual"), m.group("num"))))
    return out


#: Word stems without which no casualty pattern matches: the patterns run only near them (an article's few toll
#: sentences), not over every position of the text. Each pattern names a death, a wound, a body or a toll.
_CUES = (
    "kill",
    "dead",
    "die",
    "death",
    "wound",
    "injur",
    "hurt",
    "kia",
    "wia",
    "slain",
    "perish",
    "murder",
    "massacr",
    "execut",
    "lives",
    "life",
    "bod",
    "toll",
    "eliminat",
    "destroy",
    "liquidat",
    "neutrali",
    "fatalit",
    "succumb",
    "couple",
    "gunned down",
    "lynch",
    "behead",
    "assassinat",
    "alive",
)
_MARGIN = 250  # characters around a cue: longer than any casualty phrase


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans of the text around its cue words, cut at white space (so ``\b`` holds at their edges)."""
    low = text.lower()
    spans = []
    for cue in _CUES:
        at = low.find(cue)
        while at >= 0:
            spans.append((at, at + len(cue)))
            at = low.find(cue, at + 1)
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        start, end = max(0, a - _MARGIN), min(len(text), b + _MARGIN)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _matches(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def find_casualties(text: str) -> list[CasualtyMention]:
    """Killed and wounded counts; one mention per span (the first pattern to claim it wins)."""
    windows = _windows(text)
    found = _listed(text, windows)
    found += _shared(text, windows, found)
    for m in _matches(_COUPLE, text, windows):
        found.append(CasualtyMention(m.start(), m.end(), "killed", 2.0, "exact"))
    for m in _matches(_DIED_LATER, text, windows):
        num = (m.group("num") or "one").lower()
        value = 1.0 if num in ("a", "an") else parse_number(num)
        if value is not None and not any(c.start < m.end() and m.start() < c.end for c in found):
            found.append(CasualtyMention(m.start(), m.end(), "killed", value, "exact"))
    for pattern in (_FAMILY, _RANGE, *_CASUALTY_PATTERNS, _BODIES):
        for m in _matches(pattern, text, windows):
            value = parse_number(m.group("num"))
            if value is None or any(c.start < m.end() and m.start() < c.end for c in found):
                continue
            if text[max(0, m.start("num") - 4) : m.start("num")].lower().endswith(("no ", "not ")):
                continue  # "no one was hurt"
            if _AGE_BEFORE.search(text[max(0, m.start("num") - 12) : m.start("num")]):
                continue  # "a man aged 45 died": an age, not a count
            verb = m.groupdict().get("verb") or "killed"
            kind = "wounded" if re.fullmatch(_WOUND, verb, re.I) else "killed"
            qual = "at least" if pattern is _RANGE else qualifier_of(m.group("qual"), m.group("num"))
            found.append(_mention(m.start(), m.end(), kind, value, qual, m))
    for m in _matches(_SINGULAR, text, windows):
        if any(c.start < m.end() and m.start() < c.end for c in found):
            continue
        verb = (m.group("verb") or m.group("verb2")).lower()
        who = (m.group("who") or m.group("who2")).lower()
        kind = "wounded" if re.fullmatch(_WOUND, verb) else "killed"
        found.append(CasualtyMention(m.start(), m.end(), kind, 1.0, "exact", combatant=_is_combatant(who)))
    for m in _matches(_ONE_DEAD, text, windows):
        if not any(c.start < m.end() and m.start() < c.end for c in found):
            who = (m.group("who") or m.group("who2") or m.group("who3") or m.group("who4") or "").lower()
            found.append(CasualtyMention(m.start(), m.end(), "killed", 1.0, "exact", combatant=_is_combatant(who)))
    head = _HEADLINE_DEAD.search(text[:200])
    # the headline's one dead, also beside its wounded ("Medic killed, three wounded near ...")
    clear = head and not any(c.kind == "killed" or (c.start < head.end() and head.start() < c.end) for c in found)
    if head and clear and len(text) < 200:
        combatant = bool(re.search(rf"\b(?:{_COMBATANT})\b", text[head.start() : head.start("verb")], re.I))
        found.append(CasualtyMention(head.start(), head.end(), "killed", 1.0, "exact", combatant=combatant))
    return _with_children(sorted(found, key=lambda c: c.start), text)


def _is_combatant(who: str) -> bool:
    return bool(who and re.fullmatch(_COMBATANT, who, re.I)) or who in ("soldier", "serviceman")


def _mention(start: int, end: int, kind: str, value: float, qualifier: str, m: re.Match) -> CasualtyMention:
    who = (m.groupdict().get("who") or "").lower()
    return CasualtyMention(start, end, kind, value, qualifier, combatant=_is_combatant(who))


def _listed(text: str, windows: list[tuple[int, int]]) -> list[CasualtyMention]:
    """Each item of a list of the dead or wounded of several groups, as its own mention."""
    out: list[CasualtyMention] = []
    for pattern in (_LIST, _LIST_AFTER):
        for m in _matches(pattern, text, windows):
            if any(c.start < m.end("items") and m.start("items") < c.end for c in out):
                continue
            if pattern is _LIST and _VERB_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "killed a soldier and a civilian was wounded": the first item is the verb's object
            kind = "wounded" if re.fullmatch(_WOUND, m.group("verb"), re.I) else "killed"
            base = m.start("items")
            for item in _ITEM_RE.finditer(m.group("items")):
                num = (item.group("num") or "one").lower()
                value = 1.0 if num in ("a", "an", "his", "her") else parse_number(num)
                if value is not None:
                    qual = "exact" if item.group("pron") else qualifier_of(item.group("qual"), num)
                    out.append(_mention(base + item.start(), base + item.end(), kind, value, qual, item))
    return out


def _shared(text: str, windows: list[tuple[int, int]], taken: list[CasualtyMention]) -> list[CasualtyMention]:
    """Each count of a list whose counts share one noun ("2 Ukrainian and 4 Russian soldiers were killed")."""
    out = []
    for m in _matches(_SHARED, text, windows):
        if any(c.start < m.end() and m.start() < c.end for c in taken):
            continue
        kind = "wounded" if re.fullmatch(_WOUND, m.group("verb"), re.I) else "killed"
        for item in _SHARED_NUM.finditer(m.group("items")):
            value = parse_number(item.group("num"))
            if value is not None and parse_number(item.group("adj")) is None:
                start = m.start("items") + item.start()
                out.append(
                    CasualtyMention(
                        start,
                        start + len(item.group(0)),
                        kind,
                        value,
                        "exact",
                        combatant=_is_combatant(m.group("who").lower()),
                    )
                )
    return out


def _with_children(found: list[CasualtyMention], text: str) -> list[CasualtyMention]:
    out = []
    for c in found:
        m = _CHILDREN.match(text, c.end + 2) or _CHILDREN.search(text[c.end : c.end + 40])
        if m and c.kind == "killed":
            c = CasualtyMention(
                c.start, c.end, c.kind, c.value, c.qualifier, c.combatant, int(parse_number(m.group("num")) or 1)
            )
        out.append(c)
    return out


@Language.component("frontwatch_quantities", assigns=["doc._.quantities", "doc._.casualties"])
def quantities_component(doc: Doc) -> Doc:
    """Counted things and casualties of the whole document (character spans)."""
    text = doc_text(doc)
    doc._.quantities = find_quantities(text)
    doc._.casualties = find_casualties(text)
    return doc


for _name in ("quantities", "casualties"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
