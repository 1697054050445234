"""Component ``frontwatch_events``: sentences that report an event, typed in ACLED's taxonomy.

Sets ``Doc._.event_mentions``: one :class:`EventMention` per sentence whose words match a trigger
rule (:mod:`.triggers`), unless the trigger is denied or hypothetical ("no plans to occupy").
Actors, place, date and casualties are attached later by :mod:`frontwatch.events.extractor`, which
needs the geocoder; this component only says *what* happened and *where in the text*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .paragraphs import segments
from .taxonomy import EVENT_TYPE_OF
from .triggers import COMPILED, GENERIC_STRIKE, NEGATION

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


def classify(sentence: str) -> tuple[str, int, re.Match[str]] | None:
    """The first rule (in precedence order) with an affirmed trigger in ``sentence``."""
    for rank, (sub, pattern) in enumerate(COMPILED):
        for m in pattern.finditer(sentence):
            if not NEGATION.search(sentence[: m.start()][-60:]):
                return sub, rank, m
    return None


def _mentions(doc: Doc) -> list[EventMention]:
    out: list[EventMention] = []
    for seg in segments(doc):
        sent, i = seg.span, seg.index
        if not seg.has_verb:
            continue
        text = sent.text
        found = classify(text)
        if found is None:
            found = _inherited(text, out, i)
        if found is None:
            continue
        sub, rank, m = found
        base = sent.start_char
        out.append(EventMention(base, sent.end_char, base + m.start(), base + m.end(), sub, rank, i))
    return out


def _inherited(text: str, earlier: list[EventMention], index: int) -> tuple[str, int, re.Match[str]] | None:
    m = GENERIC_STRIKE.search(text)
    if m is None or NEGATION.search(text[: m.start()][-60:]):
        return None
    for prev in reversed(earlier):
        if index - prev.sentence_index > _INHERIT_WINDOW:
            break
        if prev.event_type == "Explosions/Remote violence":
            return prev.sub_event_type, prev.rank, m
    return None


@Language.component("frontwatch_events", assigns=["doc._.event_mentions"], requires=["token.is_sent_start", "token.pos"])
def events_component(doc: Doc) -> Doc:
    """Find and type the event sentences of ``doc``."""
    doc._.event_mentions = _mentions(doc)
    return doc


if not Doc.has_extension("event_mentions"):
    Doc.set_extension("event_mentions", default=None)
