"""Sentences that never cross a paragraph break, with their paragraph number.

The parser runs a heading ("Drone Wave") or a closing quote into the next paragraph's first sentence,
and an event sentence would then carry its neighbour's date and place. Presetting boundaries before the
parser makes it split worse (it then breaks "Putin's" apart), so the parser's sentences are cut again
at line breaks here, after parsing. Paragraph numbers are what the extractor falls back on when a
sentence names no place or date.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token


def is_verb(token: Token) -> bool:
    """A verb or auxiliary by its Penn tag (VB*, MD). The attribute ruler that maps tags to coarse POS
    is left out of the pipeline: it cost ~15 % of the parse for this one question."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def is_noun(token: Token) -> bool:
    """A common or proper noun by its Penn tag (NN*)."""
    return token.tag_.startswith("NN")


@dataclass(frozen=True)
class Segment:
    span: Span
    paragraph: int
    index: int

    @property
    def has_verb(self) -> bool:
        """Headings and datelines have no verb; they report nothing."""
        return any(is_verb(t) for t in self.span)


def doc_text(doc: Doc) -> str:
    """The document's text, joined once and cached on the Doc: ``Doc.text`` joins every token on each access
    (~1 ms for a 600-word article), and the components, the geocoder and event assembly all read it."""
    cached = doc.user_data.get("frontwatch_text")
    if cached is None:
        cached = doc.user_data["frontwatch_text"] = doc.text
    return cached


def segments(doc: Doc) -> list[Segment]:
    """The document's sentences, cut at line breaks, numbered, with their paragraph (cached on the Doc)."""
    cached = doc.user_data.get("frontwatch_segments")
    if cached is not None:
        return cached
    out: list[Segment] = []
    paragraph = 0
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    out.append(Segment(doc[start : token.i], paragraph, len(out)))
                paragraph += 1
                start = token.i + 1
        if start < sent.end:
            out.append(Segment(doc[start : sent.end], paragraph, len(out)))
    doc.user_data["frontwatch_segments"] = out
    return out
