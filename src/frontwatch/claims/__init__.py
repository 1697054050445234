"""Claims: find an article's checkable quantitative claims and check them against the control maps.

``check_text(store, text, published=...)`` is what ``frontwatch check`` and ``POST /claims`` call.
"""

from __future__ import annotations

from .check import CheckedClaim, CheckReport, check_claim, check_text
from .extract import KM2_PER_MI2, Claim, extract_claims

__all__ = ["KM2_PER_MI2", "CheckReport", "CheckedClaim", "Claim", "check_claim", "check_text", "extract_claims"]
