"""ACLED's sub-event types as data: each with its codebook definition and decision rules, in priority order.

Source: ACLED Codebook (2023), "Event types and sub-event types", and its notes on coding the war in
Ukraine. A sentence takes the sub-type of the first rule (lowest ``priority``) with an affirmed match.
The rules live in three modules by their place in the order (:mod:`.weapons`, :mod:`.people`,
:mod:`.fighting`); their shared words in :mod:`.vocabulary`. Every rule carries ``examples`` it must give and ``counter_examples`` it must not give
(``tests/nlp/test_codebook.py`` generates one test per sentence), so a rule's reach is written down
next to it. The priorities encode the codebook's precedence:

- a specific weapon beats a generic attack: an intercepted drone is "Disrupted weapons use", a drone
  that drops a grenade is an "Air/drone strike", a suicide bombing is a "Suicide bomb";
- an exchange of fire between armed groups is an "Armed clash" even with mortars or grenade launchers
  in the mix; one-sided remote fire (artillery, mortars, MLRS, tanks, missiles) is "Shelling/artillery/
  missile attack", also when it hits civilians; "Attack" is direct violence by an armed actor present;
- "Grenade" is a thrown hand grenade, never a grenade launcher;
- within protests the worst treatment of the demonstrators decides (:mod:`.protests`).
"""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

import re

from .fighting import FIGHTING_RULES
from .people import PEOPLE_RULES
from .vocabulary import _NOT_LETHAL, _PROTEST, _PROTESTERS, _RIOT, DEFINITIONS, NO_EVENT, Rule
from .weapons import WEAPON_RULES

__all__ = [
    "COMPILED",
    "DEFINITIONS",
    "GENERIC_STRIKE",
    "NEGATION",
    "NO_EVENT",
    "RANK_OF",
    "REQUIRED",
    "RULES",
    "WEAPONLESS_STRIKE",
    "_NOT_LETHAL",
    "_PROTEST",
    "_PROTESTERS",
    "_RIOT",
    "Rule",
    "weaponless_strike",
]

#: Every rule, in priority order: a sentence takes the sub-type of the first with an affirmed match.
RULES: tuple[Rule, ...] = WEAPON_RULES + PEOPLE_RULES + FIGHTING_RULES

#: A strike with no weapon named ("the army had targeted a fuel depot"): its sub-type comes from the
#: weapon of the nearest preceding explosion in the text, and without one the sentence is no event.
GENERIC_STRIKE = re.compile(r"\b(?:targeted|targeting|hit|struck|strikes? on|attack(?:ed|s)? on)\b", re.I)

#: A strike, hit or attack that names no weapon, in any form a headline or note writes it ("Russia strikes X",
#: "X hit again", "attack on X", "X under fire", "comes under attack", "explosions heard in X"). It is an event only where the refiners
#: type it (:func:`frontwatch.nlp.refiners.remote_strike`): labour strikes ("strike over pay"), striking back and
#: cyber attacks are none.
WEAPONLESS_STRIKE = re.compile(
    r"\b(?<!cyber )(?<!cyber-)(?<!heart )(?<!panic )(?:strik(?:e|es|ing)|struck|hit(?:s|ting)?|attack(?:s|ed|ing)?|"
    r"target(?:s|ed|ing)?|under (?:\w+ )?(?:fire|attack)|fir(?:e|es|ed|ing) (?:\w+ ){0,3}?(?:at|on|upon))\b(?!\s+(?:in|over|for|back|action|out|(?:a |an )?(?:deal|deals|agreement|balance|chord|tone|note|pose)|the right)\b)|"
    r"\b(?:explosions?|blasts?) (?:were |was )?(?:heard|reported)\b|\bshaken by (?:\w+ ){0,2}(?:explosions?|blasts?)",
    re.I,
)

#: Strikes spoken of rather than reported: earlier, repeated or possible ones ("damaged in an earlier strike",
#: "daily attacks"), and "the attacks" in general ("the attacks on the ports justified ...").
_BACKGROUND_STRIKE = re.compile(
    r"\b(?:earlier|previous|recent|past|last|future|further|such|these|those|similar|repeated|constant|daily|"
    r"nightly|regular|frequent|ongoing|continued|continuing|persistent|possible|potential|any|more|retaliatory)\s+"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_THE_PLURAL = re.compile(r"\bthe\s+(?:[\w-]+\s+)?$", re.I)


def weaponless_strike(sentence: str) -> re.Match[str] | None:
    """The first :data:`WEAPONLESS_STRIKE` in ``sentence`` that reports a strike, not one spoken of in the
    background.

    >>> weaponless_strike("Strikes hit Pokrov overnight").group()
    'Strikes'
    >>> weaponless_strike("The market was damaged in an earlier strike.") is None
    True
    >>> weaponless_strike("Officials said the attacks on the ports justified new air defences.") is None
    True
    """
    for m in WEAPONLESS_STRIKE.finditer(sentence):
        before = sentence[max(0, m.start() - 40) : m.start()]
        generic = m.group().lower() in ("strikes", "attacks") and _THE_PLURAL.search(before)
        if not (generic or _BACKGROUND_STRIKE.search(before)):
            return m
    return None


#: Words that make a trigger hypothetical or negated ("no plans to occupy", "threatened to attack", "as the army
#: prepared an offensive": not fought yet). A denial
#: is not among them: ACLED codes an event that a credible source reports even when one party denies it.
NEGATION = re.compile(
    r"\b(?:no (?:\w+ )?plans? to|not|never|threaten(?:ed|s)? to|would|could|may|might|plans? (?:to|for)|plans?(?=\s+(?:(?:a|an|the|new|fresh|major|another|large-scale)\s+){0,2}$)|"
    r"call(?:ed|s|ing)? for|planning (?:to|for)|intends? to|vowed to|prepar(?:es|ed|ing)(?: to| for)?|ready to|aim(?:s|ed)? to|warn(?:ed|s)? of|fear(?:s|ed)? of|"
    # the future: what "will" happen, or what forces are "preparing an offensive to" do, has not happened
    r"will|shall|(?:set|about|poised|expected) to|prepar(?:es|ed|ing) (?:for )?(?:an? |the )?(?:\w+ )?(?:counter-?)?(?:offensive|operation|assault|attack)s?(?: to)?)\s+(?:\w+\s+){0,2}$",
    re.I,
)

COMPILED: list[tuple[str, re.Pattern[str]]] = [
    (rule.sub_event_type, re.compile(rf"\b(?:{rule.pattern})", re.I)) for rule in RULES
]
#: For each rule of :data:`COMPILED`, what the sentence must also hold (None: nothing more).
REQUIRED: list[re.Pattern[str] | None] = [
    re.compile(rf"^(?!.*(?:{r.excludes}))(?=.*(?:{r.requires or ''}))", re.I | re.S)
    if r.excludes
    else (re.compile(r.requires, re.I) if r.requires else None)
    for r in RULES
]

#: The priority of each sub-type's first rule (a refined or untyped sentence ranks as that rule would); a sub-type
#: with no main rule ("Other": a weapons test) ranks after every other, the least salient event of a report.
_MAIN = [r for r in RULES if r.main]
RANK_OF: dict[str, int] = {rule.sub_event_type: rank for rank, rule in reversed(list(enumerate(_MAIN)))}
RANK_OF.update({r.sub_event_type: len(_MAIN) for r in RULES if r.sub_event_type not in RANK_OF})
