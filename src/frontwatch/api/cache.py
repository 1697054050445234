"""A small thread-safe LRU for territory results, keyed with the store's snapshot version.

Territory answers (changes, series, map layers) depend only on their parameters and on the stored
snapshots, so a key that includes the latest snapshot id and count is never stale.

>>> c = ResultCache(2)
>>> c.get_or_compute("a", lambda: 1), c.get_or_compute("a", lambda: 2)
(1, 1)
>>> c.put("b", 2); c.put("c", 3); c.get("a") is None, c.get("c")
(True, 3)
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

    def get(self, key: Hashable) -> Any:
        """The value kept for ``key``, or None."""
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key``, dropping the least recently used beyond ``size``."""
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        value = self.get(key)
        if value is None:
            value = compute()  # outside the lock: two threads may compute the same key once each, harmlessly
            self.put(key, value)
        return value
