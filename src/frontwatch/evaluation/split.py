"""Tuning and held-out halves of a dev set, fixed by a hash of each document's id.

Rules and thresholds are tuned on the ``tune`` half; figures are reported and gated on the ``heldout``
half, so a gain that appears only on the tuning half shows as noise. The split depends on the doc_id alone
(SHA-256, first byte's parity), so it is the same on every machine, in every order and for every subset.

>>> half("doc-1"), half("doc-2")
('heldout', 'tune')
>>> [d["doc_id"] for d in select([{"doc_id": "doc-1"}, {"doc_id": "doc-2"}], "heldout")]
['doc-1']
>>> len(select([{"doc_id": "doc-1"}, {"doc_id": "doc-2"}], "all"))
2
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from ..errors import InputError

SPLITS: tuple[str, ...] = ("heldout", "tune", "all")


def half(doc_id: Any) -> str:
    """``"tune"`` or ``"heldout"`` for a document id (its SHA-256's first byte: even is tune)."""
    digest = hashlib.sha256(str(doc_id).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "heldout"


def select(docs: Iterable[dict[str, Any]], split: str = "all") -> list[dict[str, Any]]:
    """The documents of one half (``heldout`` or ``tune``), or all of them; a document's id is ``doc_id``."""
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    docs = list(docs)
    if split == "all":
        return docs
    return [d for i, d in enumerate(docs) if half(d.get("doc_id", f"doc-{i}")) == split]
