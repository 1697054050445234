"""Publication dates: parse what a page, a feed or the user gives into a ``date``.

>>> parse_published("2024-05-17")
datetime.date(2024, 5, 17)
>>> parse_published("Fri, 17 May 2024 09:30:00 GMT")
datetime.date(2024, 5, 17)
>>> parse_published("someday")
Traceback (most recent call last):
...
frontwatch.errors.UnresolvableDate: cannot read the publication date 'someday'; give it as YYYY-MM-DD (--published)
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import UnresolvableDate


def parse_published(value: str | date | None) -> date | None:
    """ISO dates and datetimes, RFC 822 feed dates; ``None`` stays ``None``."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise UnresolvableDate(f"cannot read the publication date {text!r}; give it as YYYY-MM-DD (--published)")
