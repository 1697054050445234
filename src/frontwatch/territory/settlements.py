"""Settlements that changed hands: gazetteer places inside the gained or lost ground.

The places are the package's gazetteer's (``frontwatch.geocode.gazetteer``): every Ukrainian settlement
(ua-places, OCHA COD-AB: villages and rural settlements of any size) and, in Russia, GeoNames' cities500
(populated places of 500 or more people). A place counts when its point lies inside the ground: a
settlement half taken is listed only if its representative point is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ..models import SettlementChange

#: Countries whose places are searched: the ground measured is in Ukraine, and Ukrainian-held
#: ground in Russia (Kursk, 2024) holds Russian places.
COUNTRIES = ("RU", "UA")


@lru_cache(maxsize=1)
def _places() -> tuple[list[Any], np.ndarray, np.ndarray]:
    """The gazetteer's settlements with their coordinates as arrays (loaded once per process)."""
    from ..geocode.gazetteer import settlements

    places = settlements(countries=COUNTRIES)
    lon = np.array([p.lon for p in places], dtype=float)
    lat = np.array([p.lat for p in places], dtype=float)
    return places, lon, lat


def _inside(geom: BaseGeometry | None, change: str) -> list[SettlementChange]:
    if geom is None or geom.is_empty:
        return []
    places, lon, lat = _places()
    minx, miny, maxx, maxy = geom.bounds
    near = np.flatnonzero((lon >= minx) & (lon <= maxx) & (lat >= miny) & (lat <= maxy))
    if not len(near):
        return []
    shapely.prepare(geom)
    hits = near[shapely.contains_xy(geom, lon[near], lat[near])]
    return [
        SettlementChange(p.name, p.geonameid, p.lat, p.lon, p.admin1, change, p.population)
        for p in (places[k] for k in hits)
    ]


def settlements_in(gained: BaseGeometry | None, lost: BaseGeometry | None) -> list[SettlementChange]:
    """Places inside the gained ground ("taken") and the lost ground ("lost"), largest first."""
    found = _inside(gained, "taken") + _inside(lost, "lost")
    return sorted(found, key=lambda s: (s.change != "taken", -(s.population or 0), s.name))
