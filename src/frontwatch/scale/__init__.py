"""Scale out: extract sharded corpora in-process or on a Dask cluster, resumably, with progress.

:func:`extract_corpus` is the entry point (``frontwatch scale extract`` and ``frontwatch extract --engine``
wrap it); :func:`load_outputs` stores a run's results; :mod:`.synth` writes synthetic test corpora.
"""

from __future__ import annotations

from .load import load_outputs
from .run import CorpusSummary, extract_corpus

__all__ = ["CorpusSummary", "extract_corpus", "load_outputs"]
