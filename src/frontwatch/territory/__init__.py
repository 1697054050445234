"""Territorial control: import control maps, measure ground gained and lost.

The Python API (every ``frontwatch territory`` command is a thin wrapper of one of these)::

    from frontwatch.store import open_store
    from frontwatch import territory
    store = open_store("frontwatch.duckdb")
    territory.import_paths(store, ["deepstate-2024.tar.xz"])
    territory.change(store, start=date(2024, 5, 8), end=date(2024, 5, 15), by_region=True)
    territory.series(store, freq="week", layer="occupied+contested")
    territory.record(store, window=7, at=date(2024, 5, 16))

Names are imported lazily, so importing the package stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "import_paths": ".importer",
    "fetch_source": ".fetch",
    "change": ".changes",
    "series": ".series",
    "record": ".records",
    "rolling_nets": ".records",
    "refresh_steps": ".steps",
    "import_regions": ".regions",
    "split_by_region": ".regions",
    "settlements_in": ".settlements",
    "resolve_period": ".periods",
    "parse_date": ".periods",
    "write_change_geojson": ".output",
    "write_series_chart": ".output",
    "write_series_csv": ".output",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'frontwatch.territory' has no attribute {name!r}")
    return getattr(import_module(module, __name__), name)


def __dir__() -> list[str]:
    return __all__
