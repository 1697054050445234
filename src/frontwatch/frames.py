"""Results as pandas / GeoPandas tables, for notebook users.

pandas is a core dependency; GeoPandas is the ``geo`` extra (``pip install "frontwatch[geo]"``).

>>> from datetime import date
>>> from frontwatch.models import SeriesPoint
>>> to_dataframe([SeriesPoint(date(2024, 5, 1), date(2024, 5, 7), 10.0, 2.5, 7.5)]).net_km2.tolist()
[7.5]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .errors import ConfigError
from .models import AreaChange, Event


def to_dataframe(items: Iterable[Any]) -> pd.DataFrame:
    """Any list of frontwatch results (series points, region changes, settlements, events) as a DataFrame."""
    rows = [item.to_dict() if hasattr(item, "to_dict") else dict(item) for item in items]
    return pd.json_normalize(rows, sep="_") if rows else pd.DataFrame()


def _geopandas() -> Any:
    try:
        import geopandas
    except ImportError as exc:
        raise ConfigError('GeoPandas is not installed: pip install "frontwatch[geo]"') from exc
    return geopandas


def change_to_geodataframe(change: AreaChange) -> Any:
    """The gained and lost ground of a change as a GeoDataFrame (EPSG:4326), one row each.

    The change must have been computed with ``geometry=True``.
    """
    if change.gained is None and change.lost is None:
        raise ConfigError("this change carries no geometry: compute it with change(..., geometry=True)")
    rows = [
        {"change": "gained", "area_km2": change.gained_km2, "layer": change.layer, "geometry": change.gained},
        {"change": "lost", "area_km2": change.lost_km2, "layer": change.layer, "geometry": change.lost},
    ]
    return _geopandas().GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def events_to_geodataframe(events: Iterable[Event]) -> Any:
    """Events as a GeoDataFrame of points (EPSG:4326); events without coordinates get an empty geometry."""
    from shapely.geometry import Point

    frame = to_dataframe(events)
    geoms = [
        Point(lon, lat) if pd.notna(lat) and pd.notna(lon) else None
        for lat, lon in zip(frame.get("location_lat", []), frame.get("location_lon", []), strict=False)
    ]
    return _geopandas().GeoDataFrame(frame, geometry=geoms or None, crs="EPSG:4326")
