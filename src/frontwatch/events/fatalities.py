"""Casualties of one event sentence, counted as UCDP counts them.

UCDP GED codebook (best/low/high estimates) and ACLED's codebook ("Fatalities") agree: a warring
party's claim of the enemy's losses is not a fatality count; it is kept as a claimed quantity.
ACLED records 0 for a violent event whose report mentions no deaths.

>>> from frontwatch.nlp.quantities import find_casualties
>>> fatalities_of(find_casualties("killed at least three people, including a child"), claimant=None).to_dict()
{'best': 3, 'low': 3, 'high': None, 'children': 1}
>>> text = "killed 300 Ukrainian soldiers"
>>> fatalities_of(find_casualties(text), claimant="Russia's Defense Ministry", text=text).best is None
True
>>> text = "two Ukrainian soldiers were killed"  # a side's own losses are counted
>>> fatalities_of(find_casualties(text), claimant="Ukraine's General Staff", text=text).best
2
"""

from __future__ import annotations

import re

from ..conflict import active_profile
from ..models import Fatalities, Quantity
from ..nlp.actors import find_actors
from ..nlp.quantities import CasualtyMention

_ENEMY = re.compile(r"\b(?:enemy|occupiers?|invaders?|terrorists?|militants?|nationalists?|mercenaries)\b", re.I)
_SEPARATIST = re.compile(
    r"\b(?:DPR|LPR|DNR|LNR|separatists?|rebels?|militiam[ae]n|Donetsk People's|Luhansk People's|Lugansk People's)\b",
    re.I,
)

_BELLIGERENT = re.compile(
    r"defen[cs]e ministry|ministry of defen[cs]e|\bMoD\b|military|army|armed forces|general staff|command|forces|"
    r"militia|rebels|separatists|insurgents|brigade|battalion|taliban|islamic state|isis|spokesm[ae]n for the|"
    r"wagner|\bPMC\b",
    re.I,
)


def is_belligerent(claimant: str | None) -> bool:
    """True when the claimant is a party to the fighting (an army, a defence ministry, an armed group), or a
    side of the watched war named alone ("Russia claims ...", "Kyiv says ...": the state speaks for its forces).

    >>> is_belligerent("Russia"), is_belligerent("the Kremlin"), is_belligerent("Russian-installed officials")
    (True, True, False)
    """
    if not claimant:
        return False
    if _BELLIGERENT.search(claimant):
        return True
    bare = re.sub(r"^the\s+", "", claimant.strip(), flags=re.I).lower()
    return any(bare == noun.lower() for side in active_profile().sides for noun in side.nouns)


def _side(text: str) -> str | None:
    if _SEPARATIST.search(text):
        return "separatists"
    sides = {a.side for a in find_actors(text) if a.side}
    return sides.pop() if len(sides) == 1 else None


def is_enemy_claim(c: CasualtyMention, claimant: str | None, text: str) -> bool:
    """A belligerent counting the other side's dead: soldiers of another side, or "the enemy". The victims' side
    is named with them or as the subject that "lost" them. A claimant that names no side ("the command said")
    may be counting its own dead, which count: it is no claim."""
    if not is_belligerent(claimant):
        return False
    victims = text[c.start : c.end]
    named = _NAMED_AFTER.match(text, c.end)  # "killing 30 Russians": the people the count names come after it
    if not c.combatant:  # civilians count, whoever reports them; a side's people named by the claimant's enemy do not
        people, mine = _people_side(named.group(1)) if named else None, _side(claimant or "")
        return people is not None and mine is not None and people != mine
    if _ENEMY.search(victims):
        return True
    lost = _LOST_BEFORE.search(text[max(0, c.start - 60) : c.start])
    mine, theirs = _side(claimant or ""), _side(victims) or (_side(lost.group("who")) if lost else None)
    if _CLAIMANT_KILLED.search(text[max(0, c.start - 20) : c.start]) and _KILLING.match(victims):
        return True  # "Wagner says it killed 100 soldiers": the claimant did the killing
    if mine is None and _OWN_KILLERS.search(text[max(0, c.start - 120) : c.start]):
        return not _OWN_VICTIMS.search(text[max(0, c.start - 12) : c.end])  # "its forces killed 50 soldiers"
    if mine is None:  # "the General Staff said Ukrainian forces killed 50 Russian soldiers": the killers' side speaks
        mine = _killers_side(text[max(0, c.start - 60) : c.start])
    return mine is not None and theirs is not None and mine != theirs


#: A side's people named after their count ("killing 30 Russians").
_NAMED_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*s)\b")
#: The forces that did the killing, just before it: "Ukrainian forces killed ...", "Russian troops eliminated ...".
_KILLERS = re.compile(
    r"(?P<who>[\w'’-]+\s+(?:[\w'’-]+\s+)?(?:forces|troops|units?|army|military|servicem[ae]n|defenders|fighters|"
    r"brigades?|battalions?|paratroopers|marines))\s+(?:\w+\s+)?$",
    re.I,
)


def _people_side(words: str) -> str | None:
    """The side whose people ``words`` name by a demonym ("Russians", "Ukrainians")."""
    low = words.lower().split()
    return next((side.name for side in active_profile().sides for a in side.adjectives if a.lower() in low), None)


def _killers_side(before: str) -> str | None:
    """The side whose forces are the subject of the killing verb that ends ``before`` (None if none is named)."""
    m = _KILLERS.search(before)
    return _side(m.group("who")) if m else None


#: The claimant's own forces as the ones who killed: "the command said its troops repelled an attack, killing 20
#: soldiers". Whoever they killed is the enemy, whatever side the claimant is; "3 of its soldiers were killed"
#: (its own dead, which count) names the claimant with the victims instead.
_OWN_KILLERS = re.compile(
    r"\b(?:its|our)\s+(?:own\s+)?(?:forces|troops|units?|fighters|soldiers|servicemen|defenders|artillery(?:men)?|"
    r"aviation|air defen[cs]es?|army|military|brigades?|gunners|snipers|drones?)\b"
    r"(?!\s+(?:were|was|have been|had been)\b)",
    re.I,
)
_OWN_VICTIMS = re.compile(
    r"\bof\s+(?:its|our)\b|\b(?:its|our)\s+(?:own\s+)?(?:\w+\s+)?(?:soldiers|servicemen|fighters)\b", re.I
)


_CLAIMANT_KILLED = re.compile(r"\b(?:it|we)\s+(?:(?:had|has|have)\s+)?$", re.I)
_KILLING = re.compile(r"(?:kill|destroy|eliminat|liquidat|neutrali)\w*\s", re.I)

#: "Russian forces lost up to 40 soldiers": the subject that lost them is the victims' side.
_LOST_BEFORE = re.compile(r"(?P<who>[\w'’ -]{3,40}?)\s+lost\s+(?:[\w-]+\s+){0,2}$")


def fatalities_of(casualties: list[CasualtyMention], *, claimant: str | None, text: str = "") -> Fatalities:
    """Best/low/high deaths from the killed mentions; enemy losses claimed by a belligerent are left out."""
    killed = [c for c in casualties if c.kind == "killed" and not is_enemy_claim(c, claimant, text)]
    if not killed:
        return Fatalities()
    best = int(sum(c.value for c in killed))
    quals = {c.qualifier for c in killed}
    children = sum(c.children or 0 for c in killed) or None
    if quals <= {"exact"}:
        return Fatalities(best, best, best, children)
    if quals & {"up to"}:
        return Fatalities(best, None, best, children)
    if quals & {"about"}:
        return Fatalities(best, None, None, children)
    return Fatalities(best, best, None, children)  # at least, more than, dozens ...


def claimed_losses(casualties: list[CasualtyMention], *, claimant: str | None, text: str = "") -> list[Quantity]:
    """Enemy losses a belligerent claims, as quantities (never as fatalities)."""
    return [
        Quantity(c.value, f"claimed enemy {c.kind}", c.qualifier)
        for c in casualties
        if is_enemy_claim(c, claimant, text)
    ]
