"""Component ``frontwatch_events``: sentences that may report an event, typed by ACLED's codebook.

Sets ``Doc._.event_mentions``: one :class:`EventMention` per sentence whose words match a codebook rule
(:mod:`.codebook`) unless the match is hypothetical ("no plans to occupy"), and one, untyped
(``sub_event_type`` None), per sentence that names no weapon but counts the dead or wounded or reports a strike.
The refiners (:mod:`.refiners`) settle the sub-type once actors and place are known
(:mod:`frontwatch.events.assemble`); an untyped sentence they leave untyped reports no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .clauses import blanked, clause_parts
from .codebook import COMPILED, GENERIC_STRIKE, NEGATION, NO_EVENT, REQUIRED, weaponless_strike
from .numbers import NUMBER_RE
from .paragraphs import segments
from .prefilter import LiteralIndex, lowered, required_literals
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
    listed: bool = False  # one more kind of attack counted in a summary sentence: the sentence's toll is not its own
    #: the relative clauses telling a past (document offsets) left out when the main clause typed the
    #: sentence: their dead and dates are not this event's (:func:`.clauses.pasts`)
    pasts: tuple[tuple[int, int], ...] = ()

    def in_past(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.pasts)

    @property
    def event_type(self) -> str | None:
        return EVENT_TYPE_OF[self.sub_event_type] if self.sub_event_type else None


#: (sub-event type, rule rank, trigger start, trigger end), offsets relative to the sentence.
Hit = tuple[str, int, int, int]
UNTYPED_RANK = len(COMPILED)
_LITERALS = LiteralIndex([required_literals(pattern) for _, pattern in COMPILED])  # skips rules that cannot match


def classify(sentence: str) -> Hit | None:
    """The first codebook rule (in priority order) with an affirmed match in ``sentence``.

    >>> classify("Ukrainian drones hit an oil refinery")[0]
    'Air/drone strike'
    >>> classify("Putin said there were no plans to capture the city") is None
    True
    """
    for rank in _LITERALS.candidates(lowered(sentence)):  # the others cannot match: none of their words is there
        sub, pattern = COMPILED[rank]
        required = REQUIRED[rank]
        if required is not None and not required.search(sentence):
            continue
        for m in pattern.finditer(sentence):
            if not NEGATION.search(sentence[: m.start()][-60:]):
                return sub, rank, m.start(), m.end()
    return None


def classify_sentence(sentence: Span) -> Hit | None:
    """:func:`classify` on the sentence's main clause first, then on the whole sentence (its setting
    clauses included: :mod:`.clauses`), so a background event never outranks the one reported."""
    return _classified(sentence)[0]


def _classified(sentence: Span) -> tuple[Hit | None, tuple[tuple[int, int], ...]]:
    """(the sentence's hit, the pasts in document offsets that the main clause left out to find it)."""
    parts = clause_parts(sentence)
    if not parts.settings:
        return classify(sentence.text), ()
    hit = classify(blanked(sentence.text, parts.settings))
    if hit is not None:
        base = sentence.start_char
        return hit, tuple((base + a, base + b) for a, b in parts.pasts)
    return classify(parts.without_prospects), ()


def _mentions(doc: Doc) -> list[EventMention]:
    out: list[EventMention] = []
    harmed = list(doc._.casualties or ())  # the dead, and the wounded (an injury implies violence too)
    segs = segments(doc)
    last_verb = max((s.index for s in segs if s.has_verb), default=-1)
    for seg in segs:
        sent, i = seg.span, seg.index
        text, base = sent.text, sent.start_char
        if not seg.has_verb and i < last_verb and not any(base <= c.start < sent.end_char for c in harmed):
            continue  # a heading: text with a verb follows it. A headline alone ("Shopkeeper dead after clash"), after
            # a kicker ("Breaking! Missile strike on X"), or a toll ("Fatalities: 2") counts
        found, told = _classified(sent)
        if found is not None:
            if found[0] != NO_EVENT:
                sub, rank, t_start, t_end = found
                out.append(
                    EventMention(base, sent.end_char, base + t_start, base + t_end, sub, rank, i, pasts=told)
                )
                for sub2, rank2, s2, e2 in counted_kinds(text, found):
                    out.append(EventMention(base, sent.end_char, base + s2, base + e2, sub2, rank2, i, listed=True))
            continue
        cue = _untyped_cue(text, base, harmed, sent.end_char)
        if cue is not None:
            out.append(EventMention(base, sent.end_char, cue[0], cue[1], None, UNTYPED_RANK, i))
    return out


#: Sub-types a summary counts by kind ("3 missile strikes and 40 air strikes", "repelled 45 attacks").
_COUNTABLE = frozenset(
    {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Disrupted weapons use"}
)
_COUNT_NEAR = re.compile(rf"(?:\b(?:{NUMBER_RE})\b|\d)", re.I)
_COUNT_AFTER = re.compile(rf"\s+(?:(?:{NUMBER_RE})\b|\d)", re.I)


def counted_kinds(sentence: str, first: Hit) -> list[Hit]:
    """Further kinds of attack a summary sentence counts, one hit each, when its first kind is counted too.

    A general-staff summary reports several incidents by kind in one sentence; each counted kind is an event.
    Weapons shot down are the object of the interception, not attacks of their own.

    >>> [h[0] for h in counted_kinds("The enemy launched 3 missile strikes and 40 air strikes.",
    ...                              ("Air/drone strike", 17, 34, 45))]
    ['Shelling/artillery/missile attack']
    """
    sub, _, start, end = first
    if sub not in _COUNTABLE or sub == "Disrupted weapons use" or not _is_counted(sentence, start, end):
        return []
    seen = {sub}
    out: list[Hit] = []
    for rank, (kind, pattern) in enumerate(COMPILED):
        if kind in seen or kind not in _COUNTABLE:
            continue
        for m in pattern.finditer(sentence):
            if m.start() < end and start < m.end():
                continue  # the first kind's own words, read by another rule: not one more kind counted
            if (
                _is_counted(sentence, m.start(), m.end())
                and not _other_weapon(sentence, m.start(), m.end(), kind)
                and not NEGATION.search(sentence[: m.start()][-60:])
            ):
                out.append((kind, rank, m.start(), m.end()))
                seen.add(kind)
                break
    return out


def _is_counted(sentence: str, start: int, end: int) -> bool:
    """A number next to the match, in its own list item ("3 missile strikes", "shelled 20 settlements")."""
    before = sentence[max(0, start - 25) : start].split(",")[-1].split(" and ")[-1]
    return bool(_COUNT_NEAR.search(before + sentence[start:end]) or _COUNT_AFTER.match(sentence, end))


def _other_weapon(sentence: str, start: int, end: int, kind: str) -> bool:
    """The match's list item names another kind's weapon ("67 MLRS attacks on positions" is shelling)."""
    item = sentence[max(0, start - 25) : end].split(",")[-1].split(" and ")[-1]
    return any(sub != kind and sub in _COUNTABLE and p.search(item) for sub, p in COMPILED)


def _untyped_cue(text: str, base: int, harmed: list, end: int) -> tuple[int, int] | None:
    """Where a sentence without a codebook match still may report an event: its dead or wounded (the dead
    first), or a weaponless strike."""
    hurt = sorted((c for c in harmed if base <= c.start < end), key=lambda c: c.kind != "killed")
    if hurt:
        return hurt[0].start, hurt[0].end
    m = GENERIC_STRIKE.search(text) or weaponless_strike(text)
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
