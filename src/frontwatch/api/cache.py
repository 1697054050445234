"""A small thread-safe LRU for territory results, keyed with the store's snapshot version.

Territory answers (changes, series, map layers) depend only on their parameters and on the stored
snapshots, so a key that includes the latest snapshot id and count is never stale.

>>> c = ResultCache(2)
>>> c.get_or_compute("a", lambda: 1), c.get_or_compute("a", lambda: 2)
(1, 1)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class ResultCache:
    """Least-recently-used results; ``size`` 0 computes every time."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.size <= 0:
            return compute()
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()  # outside the lock: two threads may compute the same key once each, harmlessly
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
