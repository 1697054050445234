"""One ingested document: an article, or the error that kept it from being one."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import FrontwatchError
from ..models import Article


@dataclass(frozen=True)
class Document:
    """An article ready for extraction, or ``error`` saying why the input could not become one.

    ``notes`` carries non-fatal remarks (text truncated at the size cap, language skipped).
    """

    doc_id: str
    article: Article | None = None
    error: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.article is not None and self.error is None


def failed(doc_id: str, error: object) -> Document:
    """A document that could not be read, with its reason as one line (not naming the document twice)."""
    if isinstance(error, FrontwatchError) and error.path == doc_id:
        error = error.message
    return Document(doc_id=doc_id, error=str(error).splitlines()[0] if str(error) else type(error).__name__)
