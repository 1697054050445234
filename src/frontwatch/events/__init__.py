"""News to events: the :class:`Extractor` ties ingest, the NLP pipeline and the geocoder together.

Importing this package is cheap; the pipeline loads when an Extractor is made.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Extraction", "Extractor", "extract_sources"]


def __getattr__(name: str) -> Any:
    if name in ("Extraction", "Extractor"):
        from . import extractor

        return getattr(extractor, name)
    if name == "extract_sources":
        from .run import extract_sources

        return extract_sources
    raise AttributeError(name)
