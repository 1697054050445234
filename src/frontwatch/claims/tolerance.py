"""How near a computed figure must be to a claim to agree with it.

Shared by :mod:`.check` (the verdicts) and :mod:`.explain` (the sentences), which therefore need not import
each other. The allowances are those of ``check.py``'s module docstring.
"""

from __future__ import annotations

from datetime import date, timedelta

from .extract import Claim

AREA_ABS_KM2 = 5.0
AREA_REL = 0.10
SETTLEMENT_ABS = 2
SETTLEMENT_REL = 0.25
RECORD_SLACK = 0.10

def area_tolerance_km2(claimed_km2: float) -> float:
    """The allowance for an area claim (module docstring)."""
    return max(AREA_ABS_KM2, AREA_REL * claimed_km2)


def agrees(value: float, claimed: float, qualifier: str = "exact") -> bool:
    """Whether a computed area agrees with a claimed one, bounds respected (module docstring).

    >>> agrees(160.9, 278), agrees(270, 278), agrees(400, 278, "more than"), agrees(400, 278, "up to")
    (False, True, True, False)
    """
    tol = area_tolerance_km2(claimed)
    if qualifier in ("more than", "at least"):
        return value >= claimed - tol
    if qualifier == "up to":
        return value <= claimed + tol
    return abs(value - claimed) <= tol


def record_threshold(claim: Claim) -> date | None:
    """The date before which the last larger window must lie for the record to hold."""
    at = claim.state_to
    if at is None:
        return None
    if claim.lookback_since is not None:
        return claim.lookback_since
    if claim.lookback_months is None:
        return None
    return at - timedelta(days=round(claim.lookback_months * 30.44 * (1 - RECORD_SLACK)))
