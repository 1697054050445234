"""The NLP pipeline: spaCy's small English model plus frontwatch's named components.

Components (one module each, registered with ``@Language.component``):

========================  ==============================================  ===========================
name                      sets                                            module
========================  ==============================================  ===========================
``frontwatch_dates``      ``Doc._.dates`` (resolved :class:`DateMention`)  :mod:`.dates`
``frontwatch_quantities`` ``Doc._.quantities``, ``Doc._.casualties``       :mod:`.quantities`
``frontwatch_attribution````Doc._.attributions``, ``Span._.claimant``       :mod:`.attribution`
``frontwatch_events``     ``Doc._.event_mentions`` (ACLED-typed triggers)   :mod:`.events`
========================  ==============================================  ===========================

``Doc._.published`` (a ``date``) is read by the dates component; set it before running the pipeline.
"""

from __future__ import annotations

from typing import Any

__all__ = ["load_pipeline", "process"]


def __getattr__(name: str) -> Any:
    # Lazy: importing spaCy costs ~1 s, and the taxonomy or the evaluation must not pay it.
    if name in __all__:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
