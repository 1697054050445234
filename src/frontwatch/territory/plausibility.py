"""Is a snapshot believable? Refuse one whose layers are implausible, before its figures enter the store.

A snapshot is read faithfully and still be wrong: a legend change that turns every polygon into an unknown
colour leaves the ``occupied`` layer empty, and the next day then reads as the loss of the whole occupied area
(64,777 km²). Two checks, with thresholds measured on the 1,359 real DeepState snapshots (2022-04-03 ..
2025-08-03; ``bench/results/territory_import.md`` has the script and its figures):

* **Unknown colours.** Polygons of a colour or value no legend defines (``unmapped_*``) covering more than
  ``MAX_UNMAPPED_SHARE`` of the snapshot's area. Real maximum: 3.1% (Wagner's mutiny, 2023-06-24).
* **A jump against its neighbours.** A layer whose area differs from the nearest stored (or just imported)
  snapshot of the same source, before or after it in time, by more than ``max(MIN_JUMP_KM2,
  MAX_JUMP_SHARE x the neighbour's area)`` per day between them (at least one day). The largest real change
  between consecutive snapshots is 2,498 km² for ``occupied`` (2022-04-16; 203 km² since 2023) and 5,587 km² for
  any layer (``contested``, 2022-04-07): the threshold (15,000 km², or a quarter of the layer) leaves a margin of
  2.7x over the worst layer and 6x over ``occupied``. A snapshot is refused only when it jumps against every
  neighbour it has, so one bad stored snapshot cannot lock out its good successors when a later one is stored.

Only DeepState snapshots are checked (``CHECKED_SOURCES``): the thresholds were measured on DeepState's
archive. ISW's first weeks of 2022 gained tens of thousands of km² a week, and a generic file whose layer map
leaves most values unmapped on purpose is legitimate; both would need thresholds of their own.

A refused snapshot writes nothing and is listed in ``failed`` with code ``implausible`` and the figures;
``--no-plausibility-check`` imports it all the same (a real collapse of a front would look like this).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from .colours import SATIRICAL_FOREIGN, UNMAPPED_PREFIX

if TYPE_CHECKING:
    from ..store import Store

#: Sources whose snapshots are checked (the ones the thresholds were measured on).
CHECKED_SOURCES = frozenset({"deepstate"})
#: Share of a snapshot's area in unknown colours above which it is refused (real maximum: 0.031).
MAX_UNMAPPED_SHARE = 0.5
#: A layer may change by this much per day between neighbours, or by ``MAX_JUMP_SHARE`` of it if more.
MIN_JUMP_KM2 = 15_000.0
MAX_JUMP_SHARE = 0.25
#: The figures the thresholds were chosen against (quoted in the refusal, so the reader can judge).
REAL_MAX_STEP_KM2 = {"occupied": 2_498.0, "any layer": 5_587.0}


@dataclass(frozen=True)
class Point:
    """One snapshot's place in its source's timeline: when, which, and its layer areas (km²)."""

    time: datetime
    key: str
    areas: dict[str, float]


def counted_areas(areas: dict[str, float]) -> dict[str, float]:
    """The layers a plausibility check compares: everything but unknown colours and satirical land abroad."""
    return {k: v for k, v in areas.items() if not k.startswith(UNMAPPED_PREFIX) and k != SATIRICAL_FOREIGN}


def unmapped_problem(areas: dict[str, float]) -> str | None:
    """Why a snapshot whose area is mostly of unknown colours is refused; None when it is not."""
    unknown = {k: v for k, v in areas.items() if k.startswith(UNMAPPED_PREFIX)}
    total = sum(v for k, v in areas.items() if k != SATIRICAL_FOREIGN)
    if not unknown or total <= 0 or sum(unknown.values()) / total <= MAX_UNMAPPED_SHARE:
        return None
    share = sum(unknown.values()) / total
    return (
        f"implausible: {share:.0%} of the snapshot's area ({sum(unknown.values()):,.0f} of {total:,.0f} km²) is in "
        f"colours or values no legend defines ({', '.join(sorted(unknown))}), so its layers would be wrong "
        f"(real snapshots: at most 3%); refused, nothing stored. Map the colours with --layer-map FILE, or import "
        "with --no-plausibility-check if the file is right"
    )


def jump_problem(areas: dict[str, float], ref: Point, time: datetime) -> str | None:
    """Why ``areas`` (at ``time``) is implausible against the neighbour ``ref``; None when it is not."""
    days = max(1.0, abs((time - ref.time).total_seconds()) / 86400)
    mine, theirs = counted_areas(areas), counted_areas(ref.areas)
    for layer in sorted(set(mine) | set(theirs)):
        now, then = mine.get(layer, 0.0), theirs.get(layer, 0.0)
        allowed = max(MIN_JUMP_KM2, MAX_JUMP_SHARE * then) * days
        if abs(now - then) > allowed:
            return (
                f"implausible: layer {layer} is {now:,.0f} km² against {then:,.0f} km² in snapshot {ref.key} "
                f"({ref.time:%Y-%m-%d %H:%M}Z), a change of {now - then:+,.0f} km² where at most {allowed:,.0f} is "
                f"believable (the largest real change between consecutive DeepState snapshots is "
                f"{REAL_MAX_STEP_KM2['occupied']:,.0f} km² of occupied ground); refused, nothing stored. Check the "
                "file, or import it with --no-plausibility-check if the change is real"
            )
    return None


class Plausibility:
    """The timelines of layer areas per source (stored snapshots, then those accepted during this import)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.timelines: dict[str, list[Point]] = {}

    def _timeline(self, source: str) -> list[Point]:
        if source not in self.timelines:
            self.timelines[source] = sorted(
                (Point(time, key, areas) for key, time, areas in self.store.snapshot_layer_areas(source)),
                key=lambda p: p.time,
            )
        return self.timelines[source]

    def problem(self, source: str, key: str, time: datetime, areas: dict[str, float]) -> str | None:
        """Why this snapshot is implausible (unknown colours, or a jump against every neighbour); None if fine."""
        if source not in CHECKED_SOURCES:
            return None
        reason = unmapped_problem(areas)
        if reason:
            return reason
        timeline = self._timeline(source)
        at = bisect.bisect_left(timeline, time, key=lambda p: p.time)
        before = next((p for p in reversed(timeline[:at]) if p.key != key), None)
        after = next((p for p in timeline[at:] if p.key != key and p.time > time), None)
        reasons = [jump_problem(areas, ref, time) for ref in (before, after) if ref is not None]
        return reasons[0] if reasons and all(reasons) else None

    def add(self, source: str, key: str, time: datetime, areas: dict[str, float]) -> None:
        """Record an accepted snapshot, so the next ones are checked against it."""
        if source not in CHECKED_SOURCES:
            return
        timeline = self._timeline(source)
        bisect.insort(timeline, Point(time, key, areas), key=lambda p: p.time)
