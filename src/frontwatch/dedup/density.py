"""How crowded a pair's days and place are: at war intensity a shared oblast and day is not evidence.

In a low-intensity war an oblast sees a few incidents a week, so two reports of the same oblast and day
are likely one incident; in the full-scale war it sees dozens a day (ACLED codes one event per day and
location), and only a shared settlement, or a text that agrees in detail, tells them apart. The *crowd* of a
pair is the number of reports of the batch whose dates fall within a day of the pair's and that name the
finest place both reports share (a settlement, else a unit; any report of those days when they share none);
the score is lowered by the log of how far the crowd exceeds a base (:mod:`.cluster`). A village shared is
rarely crowded, a city such as Donetsk under daily shelling is, and then it tells incidents apart no better
than an oblast does.

The crowd depends on the batch alone (never on the order of its reports), so clusters stay deterministic.

>>> from .features import Report
>>> rs = [Report(index=i, doc_id=str(i), day=10 + i % 2, text="", words=frozenset(),
...              regions=frozenset({"a:UA14"} if i < 6 else {"a:UA09"})) for i in range(8)]
>>> crowd = Crowd(rs)
>>> crowd.of(rs[0], rs[2]), crowd.of(rs[6], rs[7]), crowd.of(rs[0], Report(7, "x", 10, "", frozenset()))
(6, 2, 8)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence

from .features import Report

#: Days either side of a pair's dates counted into its crowd (headlines of one incident span a day or two).
CROWD_MARGIN_DAYS = 1


class Crowd:
    """Counts of the batch's dated reports by day, overall and per place unit they name."""

    def __init__(self, reports: Sequence[Report]) -> None:
        by_key: dict[str, list[int]] = defaultdict(list)
        days: list[int] = []
        for r in reports:
            if r.day is None:
                continue
            days.append(r.day)
            for key in r.towns | r.regions:
                by_key[key].append(r.day)
        self._days = sorted(days)
        self._by_key = {key: sorted(values) for key, values in by_key.items()}

    def of(self, a: Report, b: Report) -> int:
        """Reports of the batch dated within a day of the pair that share its finest common place: the
        settlement both name, else the finest unit both lie in, else none (then all reports of those days)."""
        if a.day is None or b.day is None:
            return 0
        lo = min(a.day, b.day) - CROWD_MARGIN_DAYS
        hi = max(a.end, b.end) + CROWD_MARGIN_DAYS  # type: ignore[type-var,operator]
        shared = (a.towns & b.towns) or (a.regions & b.regions)
        if shared:
            return min(_count(self._by_key.get(key, []), lo, hi) for key in shared)
        return _count(self._days, lo, hi)


def _count(days: list[int], lo: int, hi: int) -> int:
    return bisect_right(days, hi) - bisect_left(days, lo)
