"""Actors named as ACLED names them: "Military Forces of Russia", "Civilians (Ukraine)", "Protesters (India)".

ACLED codebook, "Actors": state forces are "Military Forces of <Country> (<years>)" (the years are left out
here), police "Police Forces of <Country>", unarmed victims "Civilians (<Country>)", demonstrators
"Protesters (<Country>)", rioters "Rioters (<Country>)". A capital stands for its government ("Kyiv launched").

>>> [(a.name, a.side) for a in find_actors("Ukrainian drones hit Tuapse as Russian troops advanced; Kyiv said")]
[('Military Forces of Ukraine', 'Ukraine'), ('Military Forces of Russia', 'Russia'), ('Military Forces of Ukraine', 'Ukraine')]
>>> [a.name for a in find_actors("ZSU pushed a Russian soldier out; UAF held")]
['Military Forces of Ukraine', 'Military Forces of Russia', 'Military Forces of Ukraine']
>>> [a.name for a in find_actors("Iran-backed separatists fought Syrian troops")]
['Separatists', 'Military Forces of Syria']
"""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

import re
from dataclasses import dataclass

from ..conflict import ConflictProfile, active_profile

#: Demonyms, country names and capitals (metonymy) -> country. Kept to countries ACLED reports on most; the
#: watched conflict's two sides come from its profile (:mod:`frontwatch.conflict`).
COUNTRY_WORDS: dict[str, str] = {
    "syria": "Syria",
    "syrian": "Syria",
    "damascus": "Syria",
    "iraq": "Iraq",
    "iraqi": "Iraq",
    "baghdad": "Iraq",
    "afghanistan": "Afghanistan",
    "afghan": "Afghanistan",
    "kabul": "Afghanistan",
    "israel": "Israel",
    "israeli": "Israel",
    "turkey": "Turkey",
    "turkish": "Turkey",
    "ankara": "Turkey",
    "iran": "Iran",
    "iranian": "Iran",
    "tehran": "Iran",
    "india": "India",
    "indian": "India",
    "pakistan": "Pakistan",
    "pakistani": "Pakistan",
    "nigeria": "Nigeria",
    "nigerian": "Nigeria",
    "yemen": "Yemen",
    "yemeni": "Yemen",
    "saudi": "Saudi Arabia",
    "egypt": "Egypt",
    "egyptian": "Egypt",
    "libya": "Libya",
    "libyan": "Libya",
    "somalia": "Somalia",
    "somali": "Somalia",
    "sudan": "Sudan",
    "sudanese": "Sudan",
    "mali": "Mali",
    "malian": "Mali",
    "belarus": "Belarus",
    "belarusian": "Belarus",
    "georgia": "Georgia",
    "georgian": "Georgia",
    "armenia": "Armenia",
    "armenian": "Armenia",
    "azerbaijan": "Azerbaijan",
    "azerbaijani": "Azerbaijan",
    "us": "United States",
    "u.s.": "United States",
    "american": "United States",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "myanmar": "Myanmar",
    "burmese": "Myanmar",
    "congolese": "Democratic Republic of Congo",
    "ethiopian": "Ethiopia",
    "ethiopia": "Ethiopia",
    "kenyan": "Kenya",
    "lebanese": "Lebanon",
    "lebanon": "Lebanon",
    "palestinian": "Palestine",
    "mexican": "Mexico",
    "colombian": "Colombia",
}
#: Words that name a state (or its capital) on their own; demonyms need a force noun to be actors.
_NOUNS = frozenset(
    {
        "syria",
        "damascus",
        "iraq",
        "baghdad",
        "afghanistan",
        "kabul",
        "israel",
        "turkey",
        "ankara",
        "iran",
        "tehran",
        "india",
        "pakistan",
        "nigeria",
        "yemen",
        "egypt",
        "libya",
        "somalia",
        "sudan",
        "mali",
        "belarus",
        "georgia",
        "armenia",
        "azerbaijan",
        "us",
        "u.s.",
        "myanmar",
        "ethiopia",
        "lebanon",
    }
)
#: ISO codes of the countries above that geocoded places carry (to infer the other side of a dyad).
ISO_COUNTRY = {
    "SY": "Syria",
    "IQ": "Iraq",
    "AF": "Afghanistan",
    "IL": "Israel",
    "TR": "Turkey",
    "IR": "Iran",
    "IN": "India",
    "PK": "Pakistan",
    "NG": "Nigeria",
    "YE": "Yemen",
}
_FORCE = r"shelling|strikes?|attacks?|bombardments?|offensives?|assaults?|fire|airstrikes?|raids?|forces|troops|army|armed forces|military|soldiers?|servicem[ae]n|infantry|defen[cs]e ministry|ministry of defen[cs]e|mod|general staff|air force|navy|artillery|drones?|missiles?|units?|marines|paratroopers|jets|warplanes|aircraft|command|air defen[cs]es?|border guards?|government forces"
_POLICE = r"police|policemen|security forces|security personnel"
#: A country word that qualifies another actor as its sponsor ("Iran-backed militia", "Kyiv-based group"): the
#: backer is not the actor (ACLED codes the militia, not its sponsor). "-led" stays: a "Saudi-led coalition" is
#: led by, and partly made of, that state's forces.
_SPONSOR = re.compile(r"-(?:backed|based|allied|aligned|supported|sponsored|funded|trained|armed)\b", re.I)


@dataclass(frozen=True)
class _Lexicon:
    """The world's country words with the conflict profile's sides added (their words win)."""

    words: dict[str, str]  # lower-case word -> country
    nouns: frozenset[str]
    iso: dict[str, str]
    mention: re.Pattern[str]


#: Lexicons by profile identity (find_actors runs per sentence: hashing a whole profile each time would cost more
#: than the lookup saves).
_LEXICONS: dict[int, tuple[ConflictProfile, _Lexicon]] = {}


def _lexicon(profile: ConflictProfile) -> _Lexicon:
    hit = _LEXICONS.get(id(profile))
    if hit is not None and hit[0] is profile:
        return hit[1]
    if len(_LEXICONS) > 8:
        _LEXICONS.clear()
    lexicon = _build_lexicon(profile)
    _LEXICONS[id(profile)] = (profile, lexicon)
    return lexicon


def _build_lexicon(profile: ConflictProfile) -> _Lexicon:
    words = dict(COUNTRY_WORDS)
    nouns = set(_NOUNS)
    for side in profile.sides:
        # the side's forces' abbreviations name the armed forces themselves ("ZSU regained", "the AFU repelled")
        for word in (*side.nouns, *side.forces):
            words[word.lower()] = side.name
            nouns.add(word.lower())
        words.update((w.lower(), side.name) for w in side.adjectives)
    keys = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    mention = re.compile(
        rf"\b(?P<c>{keys})(?:['’]s)?\b(?:\s+(?:[\w-]+\s+)?(?P<force>{_FORCE})\b|\s+(?P<police>{_POLICE})\b)?", re.I
    )
    return _Lexicon(words, frozenset(nouns), {**ISO_COUNTRY, **{s.iso: s.name for s in profile.sides}}, mention)


def country_of_iso(code: str | None, profile: ConflictProfile | None = None) -> str | None:
    """The country (ACLED's name) of an ISO code geocoded places carry, the profile's sides included."""
    return _lexicon(profile or active_profile()).iso.get((code or "").upper())


_GENERIC = re.compile(
    r"\b(?P<g>pro-government (?:militias?|militiamen|forces|fighters)|government-(?:allied|backed|aligned|affiliated) (?:militias?|militiamen|forces|fighters)|government forces|regime forces|security forces|the army|troops|soldiers|police|rebels|militants|insurgents|"
    r"separatists|gunmen|jihadists|rebel fighters|militias?|militiamen|terrorists|islamists|extremists|bandits|assailants|attackers|armed men|islamic state|isis|isil|taliban|al-shabaab|boko haram|houthis?|protesters|demonstrators|rioters|mob)\b",
    re.I,
)
_STATE_WORDS = frozenset(
    {"government forces", "regime forces", "security forces", "the army", "troops", "soldiers", "police"}
)
#: A government's affiliates (ACLED: "Government regains territory" covers state forces "or their affiliates"):
#: they act for the state in territory, under a militia's name.
_AFFILIATE = re.compile(r"^(?:pro-government|government-(?:allied|backed|aligned|affiliated)) ", re.I)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    name: str  # ACLED-style name
    side: str | None  # the country whose state the actor belongs to; None for non-state actors
    state: bool = True


def find_actors(text: str, *, offset: int = 0, profile: ConflictProfile | None = None) -> list[ActorMention]:
    """Actors named in ``text`` (a sentence), in order. Bare country names count as their state's forces; the
    conflict profile's sides (:mod:`frontwatch.conflict`) are known by all their name variants."""
    lexicon = _lexicon(profile or active_profile())
    out: list[ActorMention] = []
    for m in lexicon.mention.finditer(text):
        word = m.group("c")
        if word in ("US", "us") and word != "US":  # the pronoun "us"
            continue
        if _SPONSOR.match(text, m.end("c")):
            continue  # "Russia-backed separatists": the separatists act (found below), not Russia
        country = lexicon.words[word.lower()]
        if not (m.group("force") or m.group("police")) and word.lower() not in lexicon.nouns:
            continue  # "Russian border zones", "Russian-controlled port": an adjective, not an actor
        kind = "Police Forces" if m.group("police") else "Military Forces"
        out.append(ActorMention(offset + m.start(), offset + m.end(), f"{kind} of {country}", country))
    for m in _GENERIC.finditer(text):
        if any(a.start <= offset + m.start() < a.end for a in out):
            continue
        word = m.group("g").lower()
        state = word in _STATE_WORDS or bool(_AFFILIATE.match(word))
        out.append(ActorMention(offset + m.start(), offset + m.end(), _generic_name(word), None, state))
    return sorted(out, key=lambda a: a.start)


def _generic_name(word: str) -> str:
    if _AFFILIATE.match(word):
        return "Militia (Pro-Government)"
    names = {
        "isis": "Islamic State",
        "isil": "Islamic State",
        "islamic state": "Islamic State",
        "taliban": "Taliban",
        "al-shabaab": "Al Shabaab",
        "boko haram": "Boko Haram",
        "houthi": "Houthis",
        "houthis": "Houthis",
        "protesters": "Protesters",
        "demonstrators": "Protesters",
        "rioters": "Rioters",
        "mob": "Rioters",
        "police": "Police Forces",
        "rebels": "Rebels",
        "militants": "Militants",
        "insurgents": "Insurgents",
        "separatists": "Separatists",
        "gunmen": "Unidentified Armed Group",
        "jihadists": "Militants",
        "rebel fighters": "Rebels",
        "militia": "Militia",
        "militias": "Militia",
        "militiamen": "Militia",
        "terrorists": "Militants",
        "islamists": "Militants",
        "extremists": "Militants",
        "bandits": "Unidentified Armed Group",
        "assailants": "Unidentified Armed Group",
        "attackers": "Unidentified Armed Group",
        "armed men": "Unidentified Armed Group",
    }
    return names.get(word, "Military Forces")


def civilians(country: str | None) -> str:
    """ACLED's name for unarmed victims of a country."""
    return f"Civilians ({country})" if country else "Civilians"
