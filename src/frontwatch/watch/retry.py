"""Retry a fetch with exponential backoff; the clock is given, so tests run without sleeping."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from ..errors import FetchError

T = TypeVar("T")
log = logging.getLogger("frontwatch.watch")


def with_retry(call: Callable[[], T], *, what: str, retries: int, backoff_s: float,
               sleep: Callable[[float], bool]) -> T:
    """``call()``, retried ``retries`` times after a :class:`FetchError`, waiting ``backoff_s`` then twice as
    long each time; the last error is raised. ``sleep`` returns False when the job is stopping (no more tries).
    """
    wait = backoff_s
    for attempt in range(retries + 1):
        try:
            return call()
        except FetchError as exc:
            if attempt == retries:
                raise
            log.warning("%s failed (attempt %d of %d): %s; retrying in %.0f s", what, attempt + 1, retries + 1,
                        exc, wait)
            if not sleep(wait):
                raise
            wait *= 2
    raise AssertionError("unreachable")  # pragma: no cover
