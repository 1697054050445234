"""Sub-type decisions that need more than one sentence's words, as one ordered list of small refiners.

The codebook (:mod:`.codebook`) types a sentence by its own words. These refiners then run, in order, on
each candidate sentence once its actor and place are known; each may set the sub-type (or leave it):

1. ``inherited_weapon``: a strike with no weapon named ("the army had targeted a fuel depot") takes the weapon
   of the nearest explosion reported just before; without one it is no event.
2. ``remote_strike``: in the watched war, a strike, hit or attack that names no weapon ("Russia strikes X", "attack
   on X kills three", "X under fire") is remote fire, "Shelling/artillery/missile attack" (ACLED's codebook codes a
   strike by context when its means is not named: a state's strike on a place is remote violence, and the
   sub-type for remote fire from the ground or sea is the default where no aircraft or drone is named), also when
   it kills civilians (an Attack needs the armed actor present). It applies where a side of the war is named or
   the event's place is on either side's ground; elsewhere the default differs by conflict and is left open.
   Statements about strikes (a call to end them, a prospect: "strikes will continue") report none.
3. ``deaths_only``: a sentence that only counts the dead ("28 are now reported dead") or, with no dead, the
   wounded ("Two soldiers wounded near X", a headline's whole report) is an Attack, or an Armed clash if only
   combatants were harmed (ACLED: fatalities and injuries imply violence even when the report names no
   weapon), or a Remote explosive/landmine/IED when an explosion did it; unless the harm is accidental ("a bus
   plunged into a gorge, killing 25"), which ACLED does not code.
4. ``protest_family``: in a report about a protest, its sentences share one protest sub-type, decided by the
   worst treatment of the demonstrators anywhere in the report (:mod:`.protests`); a toll-only sentence or an
   Attack by state forces right after a protest sentence is one of them (:func:`protest_sentences`).
5. ``crowd_without_demonstration``: ACLED's Violent demonstration is demonstrators' violence; a violent crowd in
   a report that names no demonstration, no riot and no state target ("A crowd set fire to houses of a minority
   community") is Mob violence (rioters who turn on civilians or each other).
6. ``crowd_with_demonstration_forms``: and a crowd that burns tyres or blocks roads demonstrates (ACLED lists
   road-blocking and burning tyres under Violent demonstration): "Angry residents burnt tyres over power cuts".
7. ``territory_by_actor``: ACLED codes a government's forces retaking its own ground "Government regains
   territory" and anyone else "Non-state actor overtakes territory". A belligerent's own claim ("the Russian
   MoD said its units liberated X") is about the claimant's forces, whatever verb it uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..conflict import active_profile
from .actors import ActorMention, find_actors
from .codebook import _RIOT, COMPILED, GENERIC_STRIKE, NEGATION, weaponless_strike
from .protests import CAUSE, PROTEST_CONTEXT, protest_at_hand, protest_subtype
from .taxonomy import EVENT_TYPE_OF

TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
PROTEST_FAMILY = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration"}
)
_SEXUAL_VIOLENCE = next(p for sub, p in COMPILED if sub == "Sexual violence")
_INHERIT_WINDOW = 3  # sentences back that a weaponless strike may borrow its weapon from


@dataclass(frozen=True)
class Draft:
    """What a refiner sees of one candidate sentence: its words, the codebook's sub-type (None when no rule
    matched), the killed mentions in it, the typed sentences before it, and who acts where."""

    sub: str | None
    sentence: str
    index: int
    killed: Sequence = ()  # CasualtyMention of kind "killed" in the sentence
    wounded: Sequence = ()  # CasualtyMention of kind "wounded" in the sentence
    earlier: Sequence[tuple[int, str]] = ()  # (sentence index, codebook sub-type) of earlier typed sentences
    protest_text: str = ""  # the report's protest sentences, joined (empty when it is not about a protest)
    in_protest: bool = False  # the sentence is one of them (protest_sentences)
    actor: ActorMention | None = None
    country: str | None = None  # the country of the event's place
    claimant: str | None = None  # who the sentence says made the statement
    settled: bool = False  # actor, place and claimant are known (a first pass runs before the place look-ups)


Refiner = Callable[[Draft], str | None]


def inherited_weapon(d: Draft) -> str | None:
    if d.sub is not None:
        return None
    m = GENERIC_STRIKE.search(d.sentence)
    if m is None or NEGATION.search(d.sentence[: m.start()][-60:]):
        return None
    for index, sub in reversed(d.earlier):
        if d.index - index > _INHERIT_WINDOW:
            break
        if EVENT_TYPE_OF[sub] == "Explosions/Remote violence":
            return sub
    return None


#: Deaths that no one inflicted (ACLED codes none of them): accidents, fires, disease, natural causes.
_ACCIDENTAL = re.compile(
    r"\b(?:plung\w+|overturn\w*|collided|collision|crash\w*|accident\w*|fire broke out|blaze|caught fire|"
    r"collaps\w+|heart attack|natural causes|illness|disease|drown\w*|electrocut\w*|stampede|lightning|"
    r"heat ?stroke|fire (?:at|in) (?:an? |the )?(?:\w+ ){0,2}(?:factory|plant|mill|refinery|warehouse|hospital|market|"
    r"building|hotel|club|shop|store))\b",
    re.I,
)


SHELLING = "Shelling/artillery/missile attack"
#: Strike words used figuratively: what is "hit" or "attacked" is no place or person ("prices hit a record").
_FIGURATIVE = re.compile(
    r"\b(?:econom\w*|inflation|prices?|shares|stocks|currenc\w+|hryvnia|roubles?|rubles?|sanctions|cyber\w*|hack\w*|"
    r"ddos|speech|interview|remarks|rhetoric|criticis\w*|critics|verbal\w*|costs? (?:\w+ )?(?:billions|millions|bn)|"
    r"membership|growth|headlines|records?|"
    # round-ups and features report no one incident
    r"what we know|live (?:updates|blog)|explain\w*|in maps|timeline|analysis|opinion)\b|^(?:how|why) ",
    re.I,
)

#: A statement about strikes rather than a report of one: a call to end them, a prospect ("will continue").
_ABOUT_STRIKES = re.compile(
    r"\b(?:calls? (?:for|to)|urg\w+|demand\w*|condemn\w*|denounc\w*|end to|halt to|stop(?:ping)?)\s+(?:\w+\s+){0,3}?"
    r"(?:strikes?|attacks?|shelling)\b|\b(?:strikes?|attacks?) (?:\w+ ){0,4}?(?:will|would|shall|must|should) (?:\w+ )?"
    r"(?:continue|go on|resume|intensify|stop|end)\b",
    re.I,
)


def remote_strike(d: Draft) -> str | None:
    if d.sub is not None:
        return None
    m = weaponless_strike(d.sentence)
    if m is None or NEGATION.search(d.sentence[: m.start()][-60:]):
        return None
    if _FIGURATIVE.search(d.sentence) or _ACCIDENTAL.search(d.sentence) or _ABOUT_STRIKES.search(d.sentence):
        return None
    if not d.settled:
        return SHELLING  # for now: the actor and place decide once known
    sides = active_profile().opponents
    if d.country is not None and d.country not in sides:
        return None  # another war: its default weapon is not this one's
    warring = any(a.side in sides for a in find_actors(d.sentence))
    return SHELLING if warring or d.country in sides else None


def deaths_only(d: Draft) -> str | None:
    harmed = d.killed or d.wounded
    if d.sub is not None or not harmed or _ACCIDENTAL.search(d.sentence):
        return None
    if _BLAST.search(d.sentence):
        return "Remote explosive/landmine/IED"
    return "Armed clash" if all(c.combatant for c in harmed) else "Attack"


#: An explosion that harmed people, with no weapon, aircraft or attacker's fire named: ACLED's remote violence by
#: a device ("Twin blasts hit a street, killing 22"), not an Attack (which needs the armed actor present).
_BLAST = re.compile(r"\b(?:blasts?|explosions?|exploded|explosives?|bombs?|bombings?)\b", re.I)


def protest_family(d: Draft) -> str | None:
    if not d.protest_text or d.sub is None:
        return None
    return protest_subtype(d.protest_text) if d.in_protest or is_protest_sentence(d.sub, d.sentence) else None


#: A demonstration or riot named, or the state as the crowd's target: then a violent crowd is a Violent demonstration.
_DEMONSTRATION = re.compile(
    rf"\b(?:{_RIOT})|{PROTEST_CONTEXT.pattern}|\b(?:police|security forces|officers|government|officials?|"
    r"authorities|ministry|parliament|governor|mayor|(?:prime )?minister|president|opposition|civil disobedience|"
    r"(?:state|public) (?:property|buildings?|offices?)|barricad\w*|"
    r"block\w* (?:\w+ )?(?:roads?|streets?|highways?|railways?|traffic))\b",
    re.I,
)


def crowd_without_demonstration(d: Draft) -> str | None:
    """A violent crowd with no demonstration, riot or state target named is Mob violence.

    >>> crowd_without_demonstration(Draft("Violent demonstration", "A crowd set fire to houses in Jos.", 0))
    'Mob violence'
    >>> crowd_without_demonstration(Draft("Violent demonstration", "A crowd set fire to a police post.", 0)) is None
    True
    >>> crowd_without_demonstration(Draft("Violent demonstration", "Supporters blocked streets in Yerevan.", 0)) is None
    True
    """
    if d.sub != "Violent demonstration" or _DEMONSTRATION.search(d.protest_text or d.sentence):
        return None
    return "Mob violence"


#: The forms of a demonstration (ACLED's Violent demonstration: "road-blocking using barricades, burning tires").
_DEMONSTRATION_FORM = re.compile(
    r"\b(?:burn\w* (?:\w+ )?(?:tyres|tires)|block\w* (?:\w+ )?(?:roads?|highways?|streets?|traffic|railways?)|"
    r"barricad\w*|roadblocks?)\b",
    re.I,
)


def crowd_with_demonstration_forms(d: Draft) -> str | None:
    """A crowd that burns tyres or blocks roads demonstrates: a Violent demonstration, not Mob violence.

    >>> crowd_with_demonstration_forms(Draft("Mob violence", "Angry residents burnt tyres on the main road.", 0))
    'Violent demonstration'
    >>> crowd_with_demonstration_forms(Draft("Mob violence", "An angry mob beat a thief to death.", 0)) is None
    True
    """
    return "Violent demonstration" if d.sub == "Mob violence" and _DEMONSTRATION_FORM.search(d.sentence) else None


def territory_by_actor(d: Draft) -> str | None:
    if d.sub not in TERRITORY or d.actor is None:
        return None
    if d.actor.side is None and d.actor.state and d.claimant:  # "the MoD said its troops liberated X": the claimant's
        sides = [a for a in find_actors(d.claimant) if a.side]
        if sides:
            return territory_by_actor(replace(d, actor=replace(d.actor, side=sides[0].side), claimant=None))
    if not d.actor.state:
        return "Non-state actor overtakes territory"
    if d.actor.side and d.country:
        return "Government regains territory" if d.actor.side == d.country else "Non-state actor overtakes territory"
    if d.actor.side and d.actor.side in active_profile().opponents and d.country is None:
        return None  # both sides' forces fight on the defender's ground: the verb decides
    return "Government regains territory"  # a state's own forces, on ground of no other known country


REFINERS: tuple[tuple[str, Refiner], ...] = (
    ("inherited_weapon", inherited_weapon),
    ("remote_strike", remote_strike),
    ("deaths_only", deaths_only),
    ("protest_family", protest_family),
    ("crowd_without_demonstration", crowd_without_demonstration),
    ("crowd_with_demonstration_forms", crowd_with_demonstration_forms),
    ("territory_by_actor", territory_by_actor),
)


def refine(draft: Draft) -> str | None:
    """The sub-type after every refiner, in order (None: the sentence reports no event)."""
    sub = draft.sub
    for _, refiner in REFINERS:
        sub = refiner(draft if draft.sub == sub else _with(draft, sub)) or sub
    return sub


def _with(draft: Draft, sub: str | None) -> Draft:
    return replace(draft, sub=sub)


def is_protest_sentence(sub: str | None, sentence: str) -> bool:
    """A sentence that belongs to the report's protest (its sub-type, or protest words in a non-violent type)."""
    if sub is None:
        return False
    if sub == "Arrests" and not protest_at_hand(sentence):
        return False  # arrests before a rally or for having led one are no intervention in it
    if sub == "Sexual violence" and _SEXUAL_VIOLENCE.search(CAUSE.sub(" ", sentence)):
        return False  # a rape that is not the protest's cause is the event ACLED codes, wherever it happened
    return sub in PROTEST_FAMILY or bool(
        PROTEST_CONTEXT.search(sentence)
        and EVENT_TYPE_OF[sub] in ("Battles", "Riots", "Violence against civilians", "Strategic developments")
    )


#: State forces at a protest: their violence in the sentences right after one is how the protest was treated.
STATE_FORCE = re.compile(
    r"\b(?:police\w*|security (?:forces|personnel|agents|officers)|soldiers|troops|army|military|officers|"
    r"gendarmes?|gendarmerie|paramilitar\w+|national guard)\b",
    re.I,
)
_FOLLOW = 2  # sentences after a protest sentence that may tell how it was treated


def protest_sentences(mentions: Sequence, text: str) -> tuple[frozenset[int], str]:
    """The sentence indices of a report's protest and their text, joined: its protest sentences and, at most two
    sentences after one, a sentence that only gives a toll or an Attack by state forces (ACLED: one incident, the
    demonstrators' treatment: "Thousands marched in X. Soldiers opened fire, and two people were killed.").

    Each mention needs ``sub_event_type``, ``sentence_index``, ``start`` and ``end`` (offsets into ``text``).
    """
    protest = [m for m in mentions if is_protest_sentence(m.sub_event_type, text[m.start : m.end])]
    follow = [
        m
        for m in mentions
        if m not in protest
        and (m.sub_event_type is None or (m.sub_event_type == "Attack" and STATE_FORCE.search(text[m.start : m.end])))
        and any(0 < m.sentence_index - p.sentence_index <= _FOLLOW for p in protest)
    ]
    chosen = sorted({(m.start, m.end, m.sentence_index) for m in protest + follow})
    return frozenset(i for _, _, i in chosen), " ".join(text[a:b] for a, b, _ in chosen)
