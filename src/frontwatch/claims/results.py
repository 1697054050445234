"""What a claim's check computes on one map layer: typed figures that serialise to CONTRACTS' ``computed`` items.

``CheckedClaim.computed`` is a list of figures, one per source and layer set; its JSON form is the object keyed
``"source:layer"`` that ``frontwatch check --json`` and ``POST /claims`` return, each figure's keys in the order
they always had.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNVERIFIABLE = "unverifiable"

    @classmethod
    def of(cls, agrees: bool) -> Verdict:
        return cls.CONSISTENT if agrees else cls.INCONSISTENT


#: A map state a figure used: the date asked, the snapshot's time and date, its offset in days (see credited.py).
State = dict[str, Any]


@dataclass(kw_only=True)
class Figure:
    """A layer that could not be measured (the base of every figure): its verdict and why."""

    source: str
    layer: str
    verdict: Verdict = Verdict.UNVERIFIABLE
    reason: str | None = None

    @property
    def key(self) -> str:
        """The figure's key in the JSON ``computed`` object."""
        return f"{self.source}:{self.layer}"

    @property
    def usable(self) -> bool:
        return self.verdict is not Verdict.UNVERIFIABLE

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict.value, "reason": self.reason}

    def _tail(self) -> dict[str, Any]:
        return {"verdict": self.verdict.value, **({"reason": self.reason} if self.reason else {})}


@dataclass(kw_only=True)
class Enclosing:
    """For a map coarser than daily: the change between the maps enclosing the period (credited.py)."""

    gained_km2: float
    lost_km2: float
    net_km2: float
    start: State
    end: State
    value_km2: float = 0.0  # the net change signed as the claim reads it

    def to_dict(self) -> dict[str, Any]:
        return {"gained_km2": self.gained_km2, "lost_km2": self.lost_km2, "net_km2": self.net_km2,
                "from": self.start, "to": self.end, "value_km2": self.value_km2}


@dataclass(kw_only=True)
class AreaFigure(Figure):
    """The change of a layer's area between the claim's two states, signed as the claim reads it."""

    value_km2: float
    value_mi2: float
    gained_km2: float
    lost_km2: float
    net_km2: float
    start: State
    end: State
    enclosing: Enclosing | None = None
    coarse: bool = False  # the source is coarser than daily (or its cadence could not be read)
    cadence_days: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value_km2": self.value_km2, "value_mi2": self.value_mi2,
                               "gained_km2": self.gained_km2, "lost_km2": self.lost_km2, "net_km2": self.net_km2,
                               "from": self.start, "to": self.end, **self._tail()}
        if self.enclosing is not None:
            out["enclosing"] = self.enclosing.to_dict()
        if self.coarse:
            out["cadence_days"] = self.cadence_days
        return out


@dataclass(kw_only=True)
class SettlementFigure(Figure):
    """The gazetteer's settlements inside the ground that changed hands."""

    value: int
    settlements: list[str]
    start: State
    end: State

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "settlements": self.settlements, "from": self.start, "to": self.end,
                **self._tail()}


@dataclass(kw_only=True)
class RecordFigure(Figure):
    """Where the claim's window ranks: the last larger window of the same length, and the date it must precede."""

    net_km2: float | None
    largest_since: str | None
    needed_since: str | None
    rank_in_last_365_days: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"net_km2": self.net_km2, "largest_since": self.largest_since, "needed_since": self.needed_since,
                "rank_in_last_365_days": self.rank_in_last_365_days, **self._tail()}


def computed_dict(figures: list[Figure]) -> dict[str, dict[str, Any]]:
    """The JSON ``computed`` object: each figure under its ``"source:layer"`` key."""
    return {f.key: f.to_dict() for f in figures}
