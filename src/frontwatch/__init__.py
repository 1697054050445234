"""frontwatch: monitor armed conflict from public sources, openly and reproducibly.

The Python API the command line wraps (run as a doctest on the bundled, synthetic demo maps)::

    >>> from datetime import date
    >>> import frontwatch
    >>> from frontwatch.demo import DEMO_DATA
    >>> store = frontwatch.open_store(":memory:")   # or a DuckDB file, or a postgresql:// URL
    >>> frontwatch.territory.import_paths(store, [DEMO_DATA / "snapshots"]).imported
    29
    >>> change = frontwatch.territory.change(store, layer="occupied", start=date(2024, 4, 8), end=date(2024, 4, 15))
    >>> round(change.net_km2, 1), change.to_dict()["from"]["snapshot_time"]
    (125.7, '2024-04-07T19:23:00Z')

Subpackages (``territory``, ``events``, ``claims``, ``dedup``, ``geocode``, ``store``) are imported on first
use, so ``import frontwatch`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from .errors import FrontwatchError
from .store import open_store

__version__ = "0.1.0"

__all__ = ["FrontwatchError", "__version__", "open_store"]

_SUBPACKAGES = frozenset({"territory", "events", "claims", "dedup", "geocode", "store"})

if TYPE_CHECKING:
    from . import claims, dedup, events, geocode, store, territory  # noqa: F401


def __getattr__(name: str) -> ModuleType:
    """Import a subpackage on first use (``frontwatch.territory``), keeping ``import frontwatch`` light."""
    if name in _SUBPACKAGES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'frontwatch' has no attribute {name!r}")
