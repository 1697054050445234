"""Component ``frontwatch_events``: sentences that may report an event, typed by ACLED's codebook.

Sets ``Doc._.event_mentions``: one :class:`EventMention` per sentence whose words match a codebook rule
(:mod:`.codebook`) unless the match is hypothetical ("no plans to occupy"), and one, untyped
(``sub_event_type`` None), per sentence that names no weapon but counts the dead or reports a strike.
The refiners (:mod:`.refiners`) settle the sub-type once actors and place are known
(:mod:`frontwatch.events.assemble`); an untyped sentence they leave untyped reports no event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .codebook import COMPILED, GENERIC_STRIKE, NEGATION, NO_EVENT
from .paragraphs import segments
from .taxonomy import EVENT_TYPE_OF


@dataclass(frozen=True)
class EventMention:
    """A sentence that reports an event of ``sub_event_type`` (None: no rule matched, a refiner may type it);
    ``rank`` is the rule's priority (0 first)."""

    start: int  # sentence, character offsets
    end: int
    trigger_start: int
    trigger_end: int
    sub_event_type: str | None
    rank: int
    sentence_index: int

    @property
    def event_type(self) -> str | None:
        return EVENT_TYPE_OF[self.sub_event_type] if self.sub_event_type else None


#: (sub-event type, rule rank, trigger start, trigger end), offsets relative to the sentence.
Hit = tuple[str, int, int, int]
UNTYPED_RANK = len(COMPILED)


def classify(sentence: str) -> Hit | None:
    """The first codebook rule (in priority order) with an affirmed match in ``sentence``.

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
    killed = [c for c in doc._.casualties or () if c.kind == "killed"]
    segs = segments(doc)
    for seg in segs:
        sent, i = seg.span, seg.index
        if not seg.has_verb and len(segs) > 1:
            continue  # a heading; a headline alone ("One civilian dead in clashes") is the report itself
        text, base = sent.text, sent.start_char
        found = classify(text)
        if found is not None:
            if found[0] != NO_EVENT:
                sub, rank, t_start, t_end = found
                out.append(EventMention(base, sent.end_char, base + t_start, base + t_end, sub, rank, i))
            continue
        cue = _untyped_cue(text, base, killed, sent.end_char)
        if cue is not None:
            out.append(EventMention(base, sent.end_char, cue[0], cue[1], None, UNTYPED_RANK, i))
    return out


def _untyped_cue(text: str, base: int, killed: list, end: int) -> tuple[int, int] | None:
    """Where a sentence without a codebook match still may report an event: its dead, or a weaponless strike."""
    dead = [c for c in killed if base <= c.start < end]
    if dead:
        return dead[0].start, dead[0].end
    m = GENERIC_STRIKE.search(text)
    return (base + m.start(), base + m.end()) if m else None


@Language.component(
    "frontwatch_events",
    assigns=["doc._.event_mentions"],
    requires=["token.is_sent_start", "token.tag", "doc._.casualties"],
)
def events_component(doc: Doc) -> Doc:
    """Find and type the candidate event sentences of ``doc``."""
    doc._.event_mentions = _mentions(doc)
    return doc


if not Doc.has_extension("event_mentions"):
    Doc.set_extension("event_mentions", default=None)
