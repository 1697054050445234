"""Dates and periods: what "the state at D", "--period 2024-03" and "--from/--to" mean (CONTRACTS).

The state at a date D is the latest snapshot taken at or before D 23:59:59 in the chosen time zone;
a month runs from the state at the last day of the previous month to the state at its last day.

>>> resolve_period(period="2024-03")
(datetime.date(2024, 2, 29), datetime.date(2024, 3, 31))
>>> resolve_period(start="2024-05-08", end="2024-05-15")
(datetime.date(2024, 5, 8), datetime.date(2024, 5, 15))
>>> day_end_utc(date(2024, 5, 15), "Europe/Kyiv").isoformat()
'2024-05-15T20:59:59+00:00'
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import InputError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
#: The span of calendar dates frontwatch reasons about. Control maps start in 2014 at the earliest; the
#: bounds leave centuries either side for relative periods ("a year and a half before") while keeping
#: every date computation far from ``date.min`` and ``date.max`` (where it would overflow).
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


def check_day(day: date, what: str = "date") -> date:
    """``day`` itself when it lies in FIRST_DAY..LAST_DAY; an InputError naming it otherwise.

    >>> check_day(date(9999, 12, 31))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    frontwatch.errors.InputError: date 9999-12-31 is outside the dates frontwatch handles (1900-01-01 to ...
    """
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(
            f"{what} {day.isoformat()} is outside the dates frontwatch handles ({FIRST_DAY} to {LAST_DAY}); "
            "give a date in that span"
        )
    return day


def parse_date(value: str | date) -> date:
    """A calendar date from ``YYYY-MM-DD`` (a ``date`` passes through).

    >>> parse_date("2024-05-16")
    datetime.date(2024, 5, 16)
    """
    if isinstance(value, datetime):
        return check_day(value.date())
    if isinstance(value, date):
        return check_day(value)
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"not a date: {value!r}; expected YYYY-MM-DD, e.g. 2024-05-16") from None
    return check_day(day)


def month_bounds(period: str) -> tuple[date, date]:
    """(last day of the previous month, last day of the month) for ``YYYY-MM``."""
    match = _MONTH.match(str(period).strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InputError(f"not a month: {period!r}; expected YYYY-MM, e.g. 2024-03")
    year, month = int(match.group(1)), int(match.group(2))
    if not FIRST_DAY.year < year <= LAST_DAY.year:
        raise InputError(f"month {period!r} is outside the dates frontwatch handles ({FIRST_DAY.year + 1}-01 to "
                         f"{LAST_DAY.year}-12); give a month in that span")
    first = date(year, month, 1)
    return first - timedelta(days=1), date(year, month, calendar.monthrange(year, month)[1])


def resolve_period(
    *, period: str | None = None, start: str | date | None = None, end: str | date | None = None
) -> tuple[date, date]:
    """The (from, to) dates of a change: a month, or two dates; exactly one of the two forms."""
    if period is not None:
        if start is not None or end is not None:
            raise InputError("give either --period YYYY-MM or --from D1 --to D2, not both")
        return month_bounds(period)
    if start is None or end is None:
        raise InputError("a change needs --period YYYY-MM, or both --from D1 and --to D2")
    first, last = parse_date(start), parse_date(end)
    check_range(first, last)
    return first, last


def check_range(first: date | None, last: date | None) -> None:
    """Raise when a date is outside FIRST_DAY..LAST_DAY or the range is inverted."""
    for day, what in ((first, "from date"), (last, "to date")):
        if day is not None:
            check_day(day, what)
    if first is not None and last is not None and first > last:
        raise InputError(f"inverted date range: from {first} is after to {last}; swap them")


def zone(tz: str) -> ZoneInfo:
    """The IANA time zone named ``tz`` (``UTC``, ``Europe/Kyiv``)."""
    try:
        return ZoneInfo(tz)
    # OSError: a name that is a folder of the zone database ("Europe") or unreadable; ValueError: a bad path
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InputError(f"unknown time zone {tz!r}; use an IANA name such as UTC or Europe/Kyiv") from None


def day_end_utc(day: date, tz: str = "UTC") -> datetime:
    """The last second of ``day`` in ``tz``, as a UTC datetime (the moment whose state represents D)."""
    local = datetime.combine(day, time(23, 59, 59), tzinfo=zone(tz))
    return local.astimezone(UTC)


def local_date(moment: datetime, tz: str = "UTC") -> date:
    """The calendar date of a UTC moment in ``tz``."""
    return moment.astimezone(zone(tz)).date()
