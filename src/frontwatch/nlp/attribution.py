"""Component ``frontwatch_attribution``: who the text says made each statement.

Sets ``Doc._.attributions`` (one :class:`Attribution` per sentence that names a source) and the
``Span._.claimant`` getter (the claimant of a sentence, or None). Forms handled:
"..., the regional governor said" / "X said that ..." (the subject of a reporting verb),
"according to X", "as AFP calculated" (a reporting clause on its subject), and a headline's "... - police".
A pronoun subject ("it said") takes the last named claimant of the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .paragraphs import is_noun, is_verb, segments

#: Verbs that report a statement (word forms: the lemmatizer is left out of the pipeline for speed).
REPORTING = frozenset(
    "said says say told reported reports claimed claims confirmed confirms announced announces stated states added "
    "wrote tweeted posted calculated estimated alleged alleges insisted warned noted quoted cited acknowledged "
    "admitted "
    "denied accused blamed".split()
)
_PRONOUNS = frozenset("it he she they we i its his her their this that which who".split())
_MAX_TOKENS = 9
#: Wire headlines credit their source after a dash or colon: "Man killed in shootout -official",
#: "Ukraine death toll rises to 28: ministry".
_HEADLINE_SOURCE = re.compile(r"(?:\s[-–—]\s?|\s?[-–—]\s|:\s)(?P<src>[A-Za-z][\w .'’-]{1,60}?)\s*$")


#: A note that opens with the body that reports it: "Russian MoD: 40 ... were killed", "On 3 May, Ukraine's General
#: Staff: ...". Only bodies that issue statements, so that a label ("Shelling:", "Interception:") is no source.
_COLON_SOURCE = re.compile(r"^(?:on\s+[^,:]{3,30},\s*)?(?P<src>[A-Z][\w'’ .-]{1,50}?)\s*:\s+\S", re.I)
_STATEMENT_BODY = re.compile(
    r"\b(?:MoD|ministry|general staff|command|army|armed forces|military|forces|militia|spokes(?:man|person)|"
    r"governor|administration|police|prosecutors?|SBU|FSB)\b",
    re.I,
)


#: A note that opens with its date and then the reporting body, with no comma between them: "On 31 Jul the
#: MoD said ...". The parser reads "Jul the MoD" as one noun phrase (or hangs the body on "On"), so the subject
#: is taken from the words between the date and the reporting verb.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATED_SOURCE = re.compile(
    rf"^On\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?,?\s+"
    r"(?P<src>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)\s+(?P<verb>" + "|".join(sorted(REPORTING)) + r")\b"
)


@dataclass(frozen=True)
class Attribution:
    sent_start: int  # character offsets of the sentence
    sent_end: int
    claimant: str
    start: int  # character offsets of the claimant phrase
    end: int
    scope_start: int = 0  # the part of the sentence the claim covers (the reporting verb's subtree)
    scope_end: int = 0

    def covers(self, char: int) -> bool:
        """True when the statement at ``char`` is this claimant's."""
        return self.scope_start <= char < self.scope_end


def _phrase(token: Token) -> Span:
    """The claimant phrase headed by ``token``: its subtree, or its compact noun phrase when that is long."""
    left, right = token.left_edge.i, token.right_edge.i + 1
    if right - left > _MAX_TOKENS:
        left = min((c.left_edge.i for c in token.lefts), default=token.i)
        right = token.i + 1
        # keep a post-nominal "in Ukraine's defense sector" if short
        preps = [c for c in token.rights if c.dep_ == "prep" and c.right_edge.i + 1 - left <= _MAX_TOKENS]
        if preps:
            right = preps[0].right_edge.i + 1
    return token.doc[left:right]


def _clean(span: Span) -> str:
    text = span.text.strip(" ,.;:\"'“”‘’-–—")
    return re.sub(r"\s+", " ", text)


def claimant_of_sentence(sent: Span) -> tuple[Span, Span] | None:
    """(the span naming who made the statement, the span the statement covers), or None."""
    dated = _dated_source(sent) or _tail_source(sent)
    if dated is not None:
        return dated
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(sent.doc) and sent.doc[token.i + 1].lower_ == "to":
            objs = [c for c in sent.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return _phrase(objs[0]), sent
    for token in sent:
        if token.lower_ not in REPORTING or not is_verb(token):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].dep_ == "nsubj":
            # "..., but X said that ...": a coordinated report covers only its own clause; the root
            # ("..., X said"), a parenthetical or "as X calculated" covers the whole sentence
            scope = sent.doc[token.left_edge.i : token.right_edge.i + 1] if token.dep_ == "conj" else sent
            return _phrase(subjects[0]), scope
        if token.dep_ == "acl" and is_noun(token.head) and token.head.i < token.i:
            head = token.head  # "as AFP calculated": the parser hangs the verb on its subject
            left = min((c.i for c in head.lefts if c.dep_ in ("compound", "amod", "poss")), default=head.i)
            return sent.doc[left : head.i + 1], sent
    return None


#: A report that ends with its source after a comma, the verb before or after it (headline and wire style):
#: "..., says the army's spokesman", "..., the governor reports". The parser often hangs "says" on the report's own
#: subject there.
_TAIL_VERBS = r"says|said|reports|reported|claims|claimed|confirms|confirmed|states|stated|announces|announced"
_TAIL_SOURCE = re.compile(
    rf",\s+(?:(?:{_TAIL_VERBS})\s+(?P<after>[A-Za-z][\w'’ .-]{{1,60}}?)|(?P<before>[A-Za-z][\w'’ .-]{{1,40}}?)\s+"
    rf"(?:{_TAIL_VERBS}))\s*[.!]?\s*$"
)


def _tail_source(sent: Span) -> tuple[Span, Span] | None:
    """The source a sentence names after its last comma, with its reporting verb.

    >>> import spacy
    >>> src, _ = _tail_source(spacy.blank("en")("Two soldiers killed near X, says the army's spokesman")[:])
    >>> src.text
    "the army's spokesman"
    >>> _tail_source(spacy.blank("en")("The town, he says, was quiet.")[:]) is None
    True
    """
    m = _TAIL_SOURCE.search(sent.text)
    if m is None:
        return None
    group = "after" if m.group("after") else "before"
    if len(m.group(group).split()) > 6:
        return None
    base = sent.start_char
    span = sent.doc.char_span(base + m.start(group), base + m.end(group), alignment_mode="expand")
    return (span, sent) if span is not None else None


def _dated_source(sent: Span) -> tuple[Span, Span] | None:
    """The body named between an opening date and its reporting verb, and the rest of the sentence it covers.

    >>> import spacy
    >>> doc = spacy.blank("en")("On 2 Mar the Border Guard Service said a car hit a mine.")
    >>> src, scope = _dated_source(doc[:])
    >>> src.text, scope.text
    ('the Border Guard Service', 'a car hit a mine.')
    >>> _dated_source(spacy.blank("en")("On 2 Mar the car hit a mine, police said.")[:]) is None
    True
    """
    m = _DATED_SOURCE.match(sent.text)
    if m is None:
        return None
    base = sent.start_char
    span = sent.doc.char_span(base + m.start("src"), base + m.end("src"), alignment_mode="expand")
    scope = sent.doc.char_span(base + m.end("verb") + 1, sent.end_char, alignment_mode="expand")
    return (span, scope) if span is not None and scope is not None else None


def _colon_source(sent: Span) -> tuple[Span, Span] | None:
    """The statement-issuing body a note opens with, before a colon ("Russian MoD: ..."), and the rest it covers.

    >>> import spacy
    >>> doc = spacy.blank("en")("On 3 May, Ukraine's General Staff: 30 soldiers were killed.")
    >>> src, scope = _colon_source(doc[:])
    >>> src.text, scope.text
    ("Ukraine's General Staff", '30 soldiers were killed.')
    """
    m = _COLON_SOURCE.match(sent.text)
    if m is None or not _STATEMENT_BODY.search(m.group("src")):
        return None
    base = sent.start_char
    span = sent.doc.char_span(base + m.start("src"), base + m.end("src"), alignment_mode="expand")
    scope = sent.doc.char_span(base + m.end() - 1, sent.end_char, alignment_mode="expand")
    return (span, scope) if span is not None and scope is not None else None


_LABEL = re.compile(r"^(?P<src>[A-Z][\w'’ .-]{1,50}?)\s*:\s*$")


def _colon_label(sent: Span) -> Span | None:
    """A statement-issuing body alone before a colon, split off from its statement ("Russian MoD:")."""
    m = _LABEL.match(sent.text)
    if m is None or not _STATEMENT_BODY.search(m.group("src")):
        return None
    return sent.doc.char_span(sent.start_char + m.start("src"), sent.start_char + m.end("src"), alignment_mode="expand")


def _headline_source(sent: Span) -> tuple[Span, Span] | None:
    """The source a headline (no final full stop, under 25 words) names after its dash or colon."""
    text = sent.text.rstrip()
    if len(sent) > 25 or text.endswith((".", "!", "?", '"', "”")):
        return None
    m = _HEADLINE_SOURCE.search(text)
    if m is None or len(m.group("src").split()) > 6:
        return None
    span = sent.doc.char_span(sent.start_char + m.start("src"), sent.start_char + m.end("src"), alignment_mode="expand")
    return (span, sent) if span is not None else None


@Language.component("frontwatch_attribution", assigns=["doc._.attributions"], requires=["token.dep", "token.tag"])
def attribution_component(doc: Doc) -> Doc:
    """One :class:`Attribution` per sentence that names its source; pronouns resolved within the paragraph."""
    found: list[Attribution] = []
    last: Attribution | None = None
    opener: Span | None = None  # "Russian MoD:" split off as a segment of its own: the source of the next one
    paragraph = -1
    for seg in segments(doc):
        sent = seg.span
        if seg.paragraph != paragraph:
            last, opener, paragraph = None, None, seg.paragraph  # pronouns do not reach back past a paragraph
        if _colon_label(sent) is not None:
            opener = _colon_label(sent)
            continue
        found_span = claimant_of_sentence(sent) or _colon_source(sent) or _headline_source(sent)
        if found_span is None and opener is not None:
            found_span = (opener, sent)
        opener = None
        if found_span is None:
            continue
        span, scope = found_span
        text = _clean(span)
        if text.lower() in _PRONOUNS or not text:
            if last is None:
                continue
            text, start, end = last.claimant, last.start, last.end
        else:
            start, end = span.start_char, span.end_char
        att = Attribution(sent.start_char, sent.end_char, text, start, end, scope.start_char, scope.end_char)
        found.append(att)
        if text.lower() not in _PRONOUNS:
            last = att
    doc._.attributions = found
    return doc


def _span_claimant(span: Span) -> str | None:
    for att in span.doc._.attributions or ():
        if att.sent_start <= span.start_char < att.sent_end and att.covers(span.start_char):
            return att.claimant
    return None


if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)
if not Span.has_extension("claimant"):
    Span.set_extension("claimant", getter=_span_claimant)
