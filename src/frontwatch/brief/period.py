"""The period a brief covers: a week ending on a day, two dates, or a month (CONTRACTS' states).

A period runs from the state at ``start`` to the state at ``end``, so its events are those dated
``start + 1 .. end``: "the week to 15 May" compares the map of 8 May with the map of 15 May and
counts the events of 9 to 15 May.

>>> brief_period(week_ending="2024-05-15")
BriefPeriod(start=datetime.date(2024, 5, 8), end=datetime.date(2024, 5, 15))
>>> brief_period(week_ending="2024-05-15", start="2024-05-08").label
'9–15 May 2024'
>>> brief_period(period="2024-03").days
31
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import InputError
from ..territory.periods import parse_date, resolve_period


@dataclass(frozen=True)
class BriefPeriod:
    """From the state at ``start`` to the state at ``end``."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def first_day(self) -> date:
        """The first calendar day whose events belong to the period."""
        return self.start + timedelta(days=1)

    @property
    def label(self) -> str:
        """``9–15 May 2024``, ``28 Apr – 5 May 2024``, ``1 Mar 2024`` for one day."""
        first, last = self.first_day, self.end
        if first == last:
            return f"{last.day} {last:%b %Y}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{last.day} {last:%B %Y}"
        if first.year == last.year:
            return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
        return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"

    def to_dict(self) -> dict[str, object]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "days": self.days,
                "first_day": self.first_day.isoformat(), "label": self.label}


def brief_period(
    *, week_ending: str | date | None = None, start: str | date | None = None, end: str | date | None = None,
    period: str | None = None,
) -> BriefPeriod:
    """The period from the options of ``frontwatch brief``: ``--week-ending D`` (with an optional ``--from``),
    ``--from D1 --to D2`` or ``--period YYYY-MM``; exactly one form."""
    if week_ending is not None:
        if end is not None or period is not None:
            raise InputError("give --week-ending D (optionally with --from), or --from/--to, or --period, not several")
        last = parse_date(week_ending)
        if start is None and last.toordinal() <= 7:
            raise InputError(f"--week-ending {last} is too early: no week ends then")
        first = parse_date(start) if start is not None else last - timedelta(days=7)
        if first >= last:
            raise InputError(f"--from {first} must be before --week-ending {last}")
        return BriefPeriod(first, last)
    if period is None and start is None and end is None:
        raise InputError("a brief needs a period: --week-ending YYYY-MM-DD, --from D1 --to D2, or --period YYYY-MM")
    first, last = resolve_period(period=period, start=start, end=end)
    if first == last:
        raise InputError(f"--from and --to are the same day ({first}): a brief compares two days' maps")
    return BriefPeriod(first, last)
