"""Component ``frontwatch_events``: sentences that report an event, typed in ACLED's taxonomy.

Sets ``Doc._.event_mentions``: one :class:`EventMention` per sentence whose words match a trigger
rule (:mod:`.triggers`), unless the trigger is denied or hypothetical ("no plans to occupy").
Actors, place, date and casualties are attached later by :mod:`frontwatch.events.extractor`, which
needs the geocoder; this component only says *what* happened and *where in the text*.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .paragraphs import segments
from .taxonomy import EVENT_TYPE_OF
from .triggers import COMPILED, GENERIC_STRIKE, NEGATION, NO_EVENT, PROTEST_CONTEXT, PROTEST_CUES

TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_INHERIT_WINDOW = 3  # sentences back that a weaponless strike may borrow its weapon from


@dataclass(frozen=True)
class EventMention:
    """A sentence that reports an event of ``sub_event_type``; ``rank`` is the rule's precedence (0 first)."""

    start: int  # sentence, character offsets
    end: int
    trigger_start: int
    trigger_end: int
    sub_event_type: str
    rank: int
    sentence_index: int

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub_event_type]


#: (sub-event type, rule rank, trigger start, trigger end), offsets relative to the sentence.
Hit = tuple[str, int, int, int]


def classify(sentence: str) -> Hit | None:
    """The first rule (in precedence order) with an affirmed trigger in ``sentence``.

    >>> classify("Ukrainian drones hit an oil refinery")[0]
    'Air/drone strike'
    >>> classify("Putin said there were no plans to capture the city") is None
    True
    """
    for rank, (sub, pattern) in enumerate(COMPILED):
        for m in pattern.finditer(sentence):
            if not NEGATION.search(sentence[: m.start()][-60:]):
                return sub, rank, m.start(), m.end()
    return None


def _mentions(doc: Doc) -> list[EventMention]:
    out: list[EventMention] = []
    for seg in segments(doc):
        sent, i = seg.span, seg.index
        if not seg.has_verb:
            continue
        text = sent.text
        found = classify(text) or _inherited(text, out, i) or _deaths_only(doc, sent)
        if found is None or found[0] == NO_EVENT:
            continue
        sub, rank, t_start, t_end = found
        base = sent.start_char
        out.append(EventMention(base, sent.end_char, base + t_start, base + t_end, sub, rank, i))
    return out


def _deaths_only(doc: Doc, sent: Span) -> Hit | None:
    """A sentence that only counts the dead ("death toll rises to 28"): an attack, or a clash if soldiers died."""
    dead = [c for c in doc._.casualties or () if c.kind == "killed" and sent.start_char <= c.start < sent.end_char]
    if not dead:
        return None
    sub = "Armed clash" if all(c.combatant for c in dead) else "Attack"
    rank = _RANK[sub]
    return sub, rank, dead[0].start - sent.start_char, dead[0].end - sent.start_char


def _inherited(text: str, earlier: list[EventMention], index: int) -> Hit | None:
    m = GENERIC_STRIKE.search(text)
    if m is None or NEGATION.search(text[: m.start()][-60:]):
        return None
    for prev in reversed(earlier):
        if index - prev.sentence_index > _INHERIT_WINDOW:
            break
        if prev.event_type == "Explosions/Remote violence":
            return prev.sub_event_type, prev.rank, m.start(), m.end()
    return None


_PROTEST_FAMILY = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration"}
)
_RANK = {sub: rank for rank, (sub, _) in reversed(list(enumerate(COMPILED)))}


def protest_subtype(text: str) -> str:
    """The sub-type of a report about a protest: the strongest cue anywhere in it decides.

    >>> protest_subtype("Thousands marched in the capital. Police fired tear gas to disperse them.")
    'Protest with intervention'
    """
    for sub, cue in PROTEST_CUES:
        if cue.search(text):
            return sub
    return "Peaceful protest"


def _protest_upgrade(doc: Doc, mentions: list[EventMention]) -> list[EventMention]:
    """In a report about a protest, its sentences share one protest sub-type (the cues may sit in another sentence)."""
    if not mentions:
        return mentions
    text = doc.text  # built on each access: once
    protest = [
        m
        for m in mentions
        if m.sub_event_type in _PROTEST_FAMILY
        or (
            PROTEST_CONTEXT.search(text[m.start : m.end])
            and m.event_type in ("Battles", "Riots", "Violence against civilians", "Strategic developments")
        )
    ]
    if not protest:
        return mentions
    sub = protest_subtype(" ".join(text[m.start : m.end] for m in protest))
    keep = {id(m) for m in protest}
    return [replace(m, sub_event_type=sub, rank=_RANK[sub]) if id(m) in keep else m for m in mentions]


@Language.component(
    "frontwatch_events",
    assigns=["doc._.event_mentions"],
    requires=["token.is_sent_start", "token.tag", "doc._.casualties"],
)
def events_component(doc: Doc) -> Doc:
    """Find and type the event sentences of ``doc``."""
    doc._.event_mentions = _protest_upgrade(doc, _mentions(doc))
    return doc


if not Doc.has_extension("event_mentions"):
    Doc.set_extension("event_mentions", default=None)
