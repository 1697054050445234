"""frontwatch: monitor armed conflict from public sources, openly and reproducibly.

The Python API the command line wraps::

    import frontwatch
    store = frontwatch.open_store("frontwatch.duckdb")
    frontwatch.territory.import_paths(store, ["deepstate-2024.tar.xz"])
    change = frontwatch.territory.change(store, layer="occupied", start="2024-05-08", end="2024-05-15")
    change.net_km2, change.to_dict()
"""

from __future__ import annotations

from .errors import FrontwatchError
from .store import open_store

__version__ = "0.1.0"

__all__ = ["FrontwatchError", "__version__", "open_store"]
