"""Turn one typed event sentence into a CONTRACTS event: actors, place, date, casualties, claimant.

Each choice falls back in the same order: the sentence, then earlier sentences of its paragraph,
then the article (its dateline place, its publication date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..conflict import active_profile
from ..models import Event, Evidence, Fatalities, Place, Quantity, Toponym
from ..nlp.actors import ActorMention, civilians, country_of_iso, find_actors
from ..nlp.clauses import blanked
from ..nlp.codebook import RANK_OF
from ..nlp.dates import DateMention
from ..nlp.events import EventMention
from ..nlp.paragraphs import Segment, doc_text, segments
from ..nlp.protests import outside_cause
from ..nlp.refiners import PROTEST_FAMILY, Draft, protest_sentences, refine
from ..nlp.taxonomy import EVENT_TYPE_OF
from .fatalities import claimed_losses, fatalities_of
from .incidents import Built
from .places import by_direction, choose_in, compass_near, inferred, level

_PRECISION_ORDER = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}
_DATE_CARRY = 3  # sentences back that a dateless sentence may take its date from
_TARGET_WORDS = ("at", "on", "against", "into", "of", "over", "targeting", "in")


@dataclass
class DocContext:
    """What every event of one document shares: its parse, places, dateline and publication date."""

    doc: Any
    published: date | None
    toponyms: list[Toponym[Place]]
    segments: list[Segment] = field(default_factory=list)
    dateline: Place | None = None
    text: str = ""  # Doc.text joins every token on each access: read it once per document
    typed: list[EventMention] = field(default_factory=list)  # the sentences a codebook rule typed
    protest_text: str = ""  # the report's protest sentences, joined (refiners.protest_family)
    protest_sentences: frozenset[int] = frozenset()  # their sentence indices

    @classmethod
    def build(cls, doc: Any, toponyms: list[Toponym[Place]]) -> DocContext:
        ctx = cls(doc=doc, published=doc._.published, toponyms=toponyms, segments=segments(doc), text=doc_text(doc))
        ctx.typed = [m for m in doc._.event_mentions or () if m.sub_event_type]
        mentions = doc._.event_mentions or ()
        told = [r for m in mentions for r in m.pasts]  # the pasts relative clauses tell are no protest's
        own = blanked(ctx.text, told) if told else ctx.text
        ctx.protest_sentences, ctx.protest_text = protest_sentences(mentions, own)
        usable = [t for t in toponyms if not _in_claim(doc, t.start)]
        if usable:  # the dateline: the first region or country the article names, else its first place
            coarse = [t for t in usable if level(t.place) in (1, 2)]
            ctx.dateline = (coarse or usable)[0].place
        return ctx


def _in_claim(doc: Any, char: int) -> bool:
    return any(a.start <= char < a.end for a in doc._.attributions or ())


def build_event(mention: EventMention, ctx: DocContext, *, doc_id: str | None = None) -> Built | None:
    """The CONTRACTS event for ``mention`` (with its origin), or None when the refiners find it reports no event."""
    doc = ctx.doc
    seg = ctx.segments[mention.sentence_index]
    in_sent = [
        c
        for c in (() if mention.listed else doc._.casualties or ())
        if mention.start <= c.start < mention.end and not mention.in_past(c.start)
    ]
    draft = _draft(mention, ctx, in_sent)
    if mention.sub_event_type is None and refine(draft) is None:
        return None  # an untyped candidate no refiner types: settled before the costly place and actor look-ups
    claimant = next(
        (
            a.claimant
            for a in doc._.attributions or ()
            if a.sent_start <= mention.trigger_start < a.sent_end and a.covers(mention.trigger_start)
        ),
        None,
    )
    place, place_named = _place(mention, ctx, seg)
    subject = _subject_span(ctx.doc, mention.trigger_start, mention.trigger_end)
    agents, targets, agent = _agents(mention, ctx.text, subject)
    country = country_of_iso(place.country) if place else None
    sub = refine(replace(draft, actor=agent, country=country, claimant=claimant, settled=True))
    if sub is None:
        return None
    if sub in PROTEST_FAMILY:  # the dead a protest mourns are not its toll
        in_sent = outside_cause(in_sent, ctx.text[mention.start : mention.end], mention.start)
    first, last, precision = _dates(mention, ctx, seg)
    actor1, actor2 = _actors(agents, targets, agent, country, sub, in_sent, place_named=place_named)
    fatalities = fatalities_of(in_sent, claimant=claimant, text=ctx.text)
    claimed = claimed_losses(in_sent, claimant=claimant, text=ctx.text)
    if fatalities.best is None and not claimed:
        # ACLED's codebook ("Fatalities"): every event carries a number, 0 where the report gives no deaths;
        # protests and strategic developments too. Only a belligerent's unverified claim leaves it unknown.
        fatalities = Fatalities(0, 0, 0)
    quantities = [
        Quantity(q.value, q.unit, q.qualifier)
        for q in doc._.quantities or ()
        if mention.start <= q.start < mention.end and q.unit not in ("person", "soldier")
    ]
    quantities += claimed  # a belligerent's count of enemy dead: kept, never a fatality figure (unknown, not 0)
    confidence = (
        0.5 + 0.4 * (1 - min(RANK_OF[sub], 25) / 25) + (0.05 if fatalities.best else 0) + (0.03 if place else 0)
    )
    raw = ctx.text[mention.start : mention.end]
    text = raw.strip()
    start = mention.start + len(raw) - len(raw.lstrip())
    event = Event(
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        evidence=Evidence(text, start, start + len(text)),
        actor1=actor1,
        actor2=actor2,
        date_start=first,
        date_end=last,
        date_precision=precision,
        location=place,
        fatalities=fatalities,
        claimant=claimant,
        quantities=quantities,
        confidence=min(confidence, 0.99),
        doc_id=doc_id,
    )
    return Built(mention, event, seg.paragraph, place_named)


def _own_text(text: str, mention: EventMention) -> str:
    """The mention's sentence without the pasts its relative clauses tell (:attr:`EventMention.pasts`)."""
    own = text[mention.start : mention.end]
    if not mention.pasts:
        return own
    return blanked(own, [(a - mention.start, b - mention.start) for a, b in mention.pasts])


def _draft(mention: EventMention, ctx: DocContext, in_sent: list) -> Draft:
    """What the refiners see of a mention before its actor and place are known."""
    return Draft(
        sub=mention.sub_event_type,
        sentence=_own_text(ctx.text, mention),
        index=mention.sentence_index,
        killed=[c for c in in_sent if c.kind == "killed"],
        wounded=[c for c in in_sent if c.kind == "wounded"],
        earlier=[(m.sentence_index, m.sub_event_type) for m in ctx.typed
                 if m.sub_event_type and m.sentence_index < mention.sentence_index],  # typed: never None
        protest_text=ctx.protest_text,
        in_protest=mention.sentence_index in ctx.protest_sentences,
    )


def _place(mention: EventMention, ctx: DocContext, seg: Segment) -> tuple[Place | None, bool]:
    """(the place, whether the event's own sentence names it)."""
    topo = choose_in(ctx.toponyms, mention.start, mention.end, mention.trigger_start, ctx.doc, ctx.text)
    if topo is not None:
        bearing = compass_near(ctx.text, topo.start, topo.end) if level(topo.place) == 2 else None
        part = by_direction(topo, bearing, ctx.toponyms) if bearing is not None else None
        return part or topo.place, True
    for prev in reversed(ctx.segments[: seg.index]):
        if prev.paragraph != seg.paragraph:
            break
        topo = choose_in(ctx.toponyms, prev.span.start_char, prev.span.end_char, prev.span.start_char, ctx.doc,
                         ctx.text)
        if topo is not None:
            return inferred(topo.place), False
    return (inferred(ctx.dateline) if ctx.dateline else None), False


def _best_date(found: list[DateMention]) -> DateMention | None:
    return min(found, key=lambda d: _PRECISION_ORDER[d.precision]) if found else None


def _dates(mention: EventMention, ctx: DocContext, seg: Segment) -> tuple[date | None, date | None, str | None]:
    mentions = ctx.doc._.dates or []
    own = [d for d in mentions if mention.start <= d.start < mention.end and not mention.in_past(d.start)]
    best = _best_date(own)
    if best is None:  # a story's date carries to the next few sentences, never past a heading
        for prev in reversed(ctx.segments[max(0, seg.index - _DATE_CARRY) : seg.index]):
            dateline = not prev.has_verb and prev.paragraph == seg.paragraph  # "6 June 2022:" before its note
            if not prev.has_verb and not dateline:
                break
            found = [
                d
                for d in mentions
                if prev.span.start_char <= d.start < prev.span.end_char and d.precision in ("day", "range")
            ]
            best = _best_date(found)
            if best is not None or dateline:
                break
    if best is not None:
        return best.start_date, best.end_date, best.precision
    if ctx.published is not None:  # news reports what happened on the day it appears unless it says otherwise
        return ctx.published, ctx.published, "day"
    return None, None, None


#: Who the verb harms ("killing three soldiers"), whose place is struck ("seized the army headquarters") and who was
#: fought ("after fighting with the army"): the event's target, not its actor.
_HARMED_BEFORE = re.compile(
    r"\b(?:kill|wound|injur|execut|abduct)\w*\s+"
    r"(?:(?!(?:when|as|after|while|by|in|during|because|since|before|and|but|with|near|on|at|from|for|of|that|who|which)\b)"
    r"[\w-]+\s+){0,3}$",
    re.I,
)
_FOUGHT_WITH = re.compile(
    r"\b(?:fight\w*|fought|clash\w*|battl\w*|engag\w*|skirmish\w*|fire)\s+(?:with|against)\s+$", re.I
)
_PLACE_AFTER = re.compile(
    r"\s+(?:headquarters|bases?|barracks|posts?|outposts?|positions|checkpoints?|camps?|garrisons?|convoys?)\b", re.I
)


def _is_target(text: str, actor: ActorMention) -> bool:
    before = text[max(0, actor.start - 12) : actor.start].lower().split()
    if before and before[-1] in _TARGET_WORDS:
        return True
    window = text[max(0, actor.start - 40) : actor.start]
    return bool(_HARMED_BEFORE.search(window) or _FOUGHT_WITH.search(window) or _PLACE_AFTER.match(text, actor.end))


_WEAPON_OWNED = re.compile(
    r"\b(?:drones?|uavs?|missiles?|rockets?|aircraft|jets?|planes?|helicopters?|bombs?|shaheds?)$", re.I
)


_WEAPON_NEXT = re.compile(r"\s+(?:[\w-]+\s+)?(?:drones?|uavs?|missiles?|rockets?|aircraft|jets?|helicopters?)\b", re.I)


def _owns_weapon(text: str, actor: ActorMention) -> bool:
    """The actor named as the owner of a weapon ("Russian drones were downed"): in a disrupted weapons use, the
    side whose weapon was stopped, not the one that stopped it (ACLED: actor1 is who disrupts)."""
    return bool(_WEAPON_OWNED.search(text[actor.start : actor.end]) or _WEAPON_NEXT.match(text, actor.end))


def _agents(
    mention: EventMention, full: str, subject: tuple[int, int, bool] | None
) -> tuple[list[ActorMention], list[ActorMention], ActorMention | None]:
    """(agents, targets, the agent who acts): the agent nearest before the trigger, unless the trigger verb's
    subject names one ("Afghan forces ... recaptured")."""
    actors = find_actors(full[mention.start : mention.end], offset=mention.start)
    disrupted = mention.sub_event_type == "Disrupted weapons use"
    agents = [a for a in actors if not _is_target(full, a) and not (disrupted and _owns_weapon(full, a))]
    targets = [a for a in actors if a not in agents]
    if subject is not None and subject[2]:  # "rebels were pushed back": the passive's subject underwent it
        patients = [a for a in agents if subject[0] <= a.start < subject[1]]
        agents = [a for a in agents if a not in patients]
        targets = targets + patients
        subject = None
    before = [a for a in agents if a.start <= mention.trigger_start]
    first = before[-1] if before else (agents[0] if agents else None)
    if subject is not None:
        first = next((a for a in agents if subject[0] <= a.start < subject[1]), first)
    return agents, targets, first


def _actors(
    agents: list[ActorMention],
    targets: list[ActorMention],
    first: ActorMention | None,
    country: str | None,
    sub: str,
    casualties: list,
    *,
    place_named: bool = True,
) -> tuple[str | None, str | None]:
    kind = EVENT_TYPE_OF[sub]
    opponent = active_profile().opponents  # the war's two sides: each is the other's default adversary
    owners = [a.side for a in targets if a.side in opponent]
    if first is None and sub == "Disrupted weapons use" and owners:  # "Russian drones were downed": by Ukraine
        first = ActorMention(0, 0, f"Military Forces of {opponent[owners[0]]}", opponent[owners[0]])
    if first is None and country in opponent and kind in ("Battles", "Explosions/Remote violence"):
        first = ActorMention(0, 0, f"Military Forces of {opponent[country]}", opponent[country])
    actor1 = first.name if first else None
    rest = [a for a in agents + targets if first is None or (a.side != first.side or a.name != first.name)]
    actor2 = rest[0].name if rest else None
    if kind in ("Protests", "Riots"):
        police = [a for a in agents + targets if a.name.startswith("Police") or a.name == "Police Forces"]
        actor2 = (f"Police Forces of {country}" if country else "Police Forces") if police else None
    if kind == "Protests":
        actor1 = f"Protesters ({country})" if country else "Protesters"
    elif kind == "Riots" and (
        first is None or any(a.name in ("Protesters", "Rioters") for a in agents + targets)
    ):  # ACLED: the crowd riots, also where the police are named nearer the cue ("two protesters were shot")
        actor1 = f"Rioters ({country})" if country else "Rioters"
    dead_civilians = any(c.kind == "killed" and not c.combatant for c in casualties)
    if kind in ("Explosions/Remote violence", "Violence against civilians") and dead_civilians:
        victims = country if place_named else (opponent.get(first.side or "") if first else None) or country
        actor2 = civilians(victims)
    elif (
        kind in ("Explosions/Remote violence",)
        and actor2
        and first
        and actor2 == f"Military Forces of {country}"
        and first.side != country
    ):
        actor2 = None  # "drones at Russia": the ground struck, not a second party
    if kind == "Battles" and actor2 is None and first is not None and first.side in opponent:
        actor2 = f"Military Forces of {opponent[first.side]}"
    return actor1, actor2


def _subject_span(doc: Any, start: int, end: int) -> tuple[int, int, bool] | None:
    """Character span of who does the trigger's verb, if the parse gives one: its subject, or in the passive
    its "by" phrase; a passive's subject without one comes with True (it names who underwent the act)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = span.root if span.root.tag_.startswith("VB") else span.root.head
    for _ in range(2):  # a noun trigger under a preposition ("killed 15 in an ambush"): up to the verb it serves
        if verb.tag_.startswith("VB") or verb.dep_ not in ("prep", "pobj", "dobj"):
            break
        verb = verb.head
    children = {c.dep_: c for c in reversed(list(verb.children))}  # the first child of each relation
    subj = children.get("nsubj") or children.get("agent") or children.get("nsubjpass")
    if subj is None:
        return None
    return doc[subj.left_edge.i].idx, doc[subj.right_edge.i].idx + len(doc[subj.right_edge.i]), subj.dep_ == "nsubjpass"
