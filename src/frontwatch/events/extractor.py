"""The Extractor: ingested documents -> NLP pipeline -> geocoder -> CONTRACTS events, most salient first.

>>> from frontwatch.models import Article
>>> ex = Extractor(geocoder=None)
>>> [e.sub_event_type for e in ex.extract(Article("d", "Shelling killed two civilians in the town on Friday."))]
['Shelling/artillery/missile attack']
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..geocode import Geocoder
from ..ingest.document import Document
from ..models import Article, Event
from ..nlp.paragraphs import doc_text
from ..nlp.pipeline import MODEL
from .assemble import DocContext, build_event
from .incidents import Built, merge_tolls
from .places import as_toponyms, is_sponsor_use

log = logging.getLogger(__name__)


@dataclass
class Extraction:
    """The events of one document, or the error that stopped it (CONTRACTS jsonl line)."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    article: Article | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id, "events": [e.to_dict() for e in self.events]}
        if self.error is not None:
            out["error"] = self.error
        if self.notes:
            out["notes"] = list(self.notes)
        return out


class Extractor:
    """Load the pipeline and the geocoder once; extract events from many documents.

    ``geocoder="auto"`` loads :class:`frontwatch.geocode.Geocoder`; ``None`` leaves places out; any object
    with ``find(text, doc=doc) -> [toponym]`` may be given.
    """

    def __init__(self, *, geocoder: Any = "auto", model: str = MODEL, batch_size: int = 16) -> None:
        from ..nlp.pipeline import load_pipeline

        self.nlp = load_pipeline(model)
        self.geocoder = Geocoder() if geocoder == "auto" else geocoder  # a broken geocode import fails here, loudly
        self.batch_size = batch_size

    def extract(self, article: Article) -> list[Event]:
        """The events of one article, most salient first."""
        result = next(self.extract_documents([Document(article.doc_id, article=article)]))
        if result.error:
            raise RuntimeError(result.error)
        return result.events

    def extract_documents(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """One :class:`Extraction` per document, in input order; a failing document does not stop the run."""
        pending: list[Document] = []
        for document in documents:
            pending.append(document)
            if len(pending) >= self.batch_size:
                yield from self._batch(pending)
                pending = []
        if pending:
            yield from self._batch(pending)

    def _parse(self, documents: list[Document]) -> list[Any]:
        """Parse a batch; if spaCy fails on it, parse one by one so only the bad document carries the error."""
        try:
            return list(self.nlp.pipe(self._make_docs(documents), batch_size=self.batch_size))
        except Exception:  # noqa: BLE001  (retried document by document just below)
            pass
        out: list[Any] = []
        for document in documents:
            try:
                out.extend(self.nlp.pipe(self._make_docs([document])))
            except Exception as exc:  # noqa: BLE001  (recorded with its reason; the batch goes on)
                out.append(exc)
        return out

    def _batch(self, documents: list[Document]) -> Iterator[Extraction]:
        docs = iter(self._parse([d for d in documents if d.ok]))
        for document in documents:
            if not document.ok:
                yield Extraction(document.doc_id, error=document.error or "unreadable", notes=document.notes)
                continue
            doc = next(docs)
            if isinstance(doc, Exception):
                error = f"parse failed: {type(doc).__name__}: {doc}"
                yield Extraction(document.doc_id, error=error, article=document.article)
                continue
            try:
                events = self.events_of(doc, doc_id=document.doc_id)
            except Exception as exc:  # recorded with its reason; the batch goes on (STYLE: errors)
                log.debug("extraction failed for %s", document.doc_id, exc_info=True)
                yield Extraction(
                    document.doc_id, error=f"extraction failed: {type(exc).__name__}: {exc}", article=document.article
                )
                continue
            yield Extraction(document.doc_id, events=events, article=document.article, notes=document.notes)

    def _make_docs(self, documents: list[Document]) -> Iterator[Any]:
        for document in documents:
            assert document.article is not None
            doc = self.nlp.make_doc(document.article.text)
            doc._.published = document.article.published
            yield doc

    def events_of(self, doc: Any, *, doc_id: str | None = None) -> list[Event]:
        """Build the events of a processed Doc, most salient (highest confidence) first."""
        text = doc_text(doc)
        found = as_toponyms(self.geocoder.find(text, doc=doc)) if self.geocoder is not None else []
        toponyms = [t for t in found if not is_sponsor_use(text, t)]
        ctx = DocContext.build(doc, toponyms)
        built = [b for b in (build_event(m, ctx, doc_id=doc_id) for m in doc._.event_mentions or ()) if b]
        lead = _lead_starts(built)
        events = merge_tolls(built)
        published = doc._.published
        return sorted(
            events,
            key=lambda e: -(
                e.confidence
                + (LEAD_BONUS if e.evidence.start in lead else 0.0)
                - (PAST_PENALTY if _told_past(e, published) else 0.0)
            ),
        )


#: How much the lead's events gain in salience (about two ranks of the codebook, less than a place and a toll).
#: News gives its main event first (the inverted pyramid); measured on CASE 2021 (bench/results/events.md).
LEAD_BONUS = 0.04


#: How much an event the report dates well before it loses in salience: more than a rank, a place and a toll
#: together can give, so the report's own news comes first and the history it recalls after.
PAST_PENALTY = 0.3
#: A report's news is at most this old (ACLED's reporting lag: a week or two; a month's summary at most).
_NEWS_DAYS = 45


def _told_past(event: Event, published: date | None) -> bool:
    """The report recalls ``event`` as background: dated more than :data:`_NEWS_DAYS` before publication, or,
    with no publication date, dated only to a year ("in 2017"), which news gives to history, not to its news."""
    if event.date_end is None:
        return False
    if published is not None:
        return (published - event.date_end).days > _NEWS_DAYS
    return event.date_precision == "year"


def _lead_starts(built: list[Built]) -> set[int]:
    """Evidence offsets of the events of the lead: the first sentence that a codebook rule typed. A sentence
    that only counts the dead ("Three people died in the strikes of the day") sums up; it is not the lead."""
    typed = [b.mention.sentence_index for b in built if b.mention.sub_event_type is not None]
    if not typed:
        return set()
    return {b.event.evidence.start for b in built if b.mention.sentence_index == min(typed)}
