"""When a snapshot was taken: from a DeepState id, a file name, a property, or the user's ``--time``.

Times are timezone-aware UTC; a DeepState id is the snapshot's Unix time in seconds.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import Any

from ..errors import MissingTime

_DATE_IN_NAME = re.compile(
    r"(?<!\d)(20\d\d)-?([01]\d)-?([0-3]\d)(?:[T_ -]?([0-2]\d)[:\-]?([0-5]\d)(?:[:\-]?([0-5]\d))?)?(?!\d)"
)
_TIME_KEYS = ("datetime", "createdAt", "created_at", "updatedAt", "snapshot_time", "time", "date", "Date", "DATE")


def time_from_value(value: object) -> datetime | None:
    """A UTC time from Unix seconds or milliseconds, an ISO 8601 string or a date; None if it is not one.

    >>> time_from_value(1711917948).isoformat()
    '2024-03-31T20:45:48+00:00'
    >>> time_from_value("2024-05-15").isoformat(), time_from_value("soon")
    ('2024-05-15T00:00:00+00:00', None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        moment = datetime.fromtimestamp(seconds, UTC) if 0 < seconds < 4.2e9 else None
        return moment if moment and 2000 <= moment.year <= 2100 else None
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if text.isdigit():
            return time_from_value(int(text))
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return None


def time_from_name(name: str) -> datetime | None:
    """The time a file name carries: a DeepState id (Unix seconds) or a date ``YYYY-MM-DD``/``YYYYMMDD[THHMM[SS]]``.

    >>> time_from_name("archive.tar.xz!1715817600.geojson").isoformat()
    '2024-05-16T00:00:00+00:00'
    >>> time_from_name("deepstatemap_data_20240708.geojson").isoformat()
    '2024-07-08T00:00:00+00:00'
    >>> time_from_name("map.geojson") is None
    True
    """
    stem = PurePosixPath(name.rsplit("!", 1)[-1]).name.split(".")[0]
    if stem.isdigit() and 9 <= len(stem) <= 13:
        return time_from_value(int(stem))
    match = _DATE_IN_NAME.search(stem)
    if not match:
        return None
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=UTC)
    except ValueError:
        return None


def deepstate_id(name: str) -> str | None:
    """The DeepState snapshot id in a file name (its stem, Unix seconds), or None."""
    stem = PurePosixPath(name.rsplit("!", 1)[-1]).name.split(".")[0]
    return stem if stem.isdigit() and 9 <= len(stem) <= 11 else None


def time_from_properties(props: dict[str, Any] | None) -> datetime | None:
    """The first time-like property of a mapping (``_TIME_KEYS`` order)."""
    for key in _TIME_KEYS:
        if props and key in props:
            moment = time_from_value(props[key])
            if moment is not None:
                return moment
    return None


def _need_time(*candidates: datetime | None, what: str) -> datetime:
    for moment in candidates:
        if moment is not None:
            return moment
    raise MissingTime(
        f"cannot tell when this {what} was taken: no DeepState id or date in the file name and no time "
        "property; rename it (e.g. 2024-05-15.geojson) or give --time 2024-05-15T20:00:00Z"
    )
