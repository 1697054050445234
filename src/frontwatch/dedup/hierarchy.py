"""A place as deduplication sees it: a settlement and the administrative units above it, finest first.

This is the one adapter between dedup and the gazetteer's codes, so blocking follows whatever a location
carries. Ukraine's complete gazetteer (OCHA COD-AB P-codes) nests its codes by prefix: a settlement
``UA0102003001`` lies in hromada ``UA0102003``, raion ``UA0102`` and oblast ``UA01``; a location that
carries a ``pcode`` (or ``hromada_pcode`` / ``raion_pcode`` / ``oblast_pcode``) is keyed on those. Until
then GeoNames gives the settlement (``geonameid``) and the first-level region (``admin1``).

Units of one scheme are compared level by level: two places whose units differ at a shared level are
different places; units of different schemes are never compared (their codes do not correspond).

>>> keys = place_keys({"pcode": "UA1402003001", "precision": 1})
>>> keys.settlement, keys.units
('p:UA1402003001', ('p:UA1402003', 'p:UA1402', 'p:UA14'))
>>> compatible_places(keys, place_keys({"oblast_pcode": "UA14", "precision": 3}))
True
>>> compatible_places(keys, place_keys({"pcode": "UA1402003002", "precision": 1}))
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .places import normalise

#: P-code prefix lengths of the units above a settlement (UA + 2 digits per level; hromada adds 3).
PCODE_UNIT_LENGTHS = (9, 6, 4)
#: Two located reports of one incident lie at most this far apart: beyond it they name different places.
#: 25 km is about a raion's radius; ACLED's geo_precision 2 ("near X") stays within it.
MAX_DISTANCE_KM = 25.0


@dataclass(frozen=True, slots=True)
class PlaceKeys:
    """Blocking keys of a location: its settlement (precise places only) and units, finest first."""

    settlement: str | None = None
    units: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key, finest first (the blocking keys)."""
        return ((self.settlement,) if self.settlement else ()) + self.units


def _pcode_keys(loc: dict[str, Any], precise: bool) -> PlaceKeys | None:
    code = str(loc.get("pcode") or "")
    units = [loc.get("hromada_pcode"), loc.get("raion_pcode"), loc.get("oblast_pcode")]
    if code.startswith("UA") and len(code) > 4:
        units = [code[:n] if len(code) > n else None for n in PCODE_UNIT_LENGTHS]
        settlement = code if len(code) > PCODE_UNIT_LENGTHS[0] else None
        if settlement is None:  # the location is a unit itself
            units = [code if len(code) == n else u for n, u in zip(PCODE_UNIT_LENGTHS, units, strict=True)]
    elif code.startswith("UA"):  # an oblast
        units, settlement = [None, None, code], None
    else:
        settlement = None
    found = tuple(f"p:{u}" for u in units if u)
    if not found and not settlement:
        return None
    return PlaceKeys(f"p:{settlement}" if settlement and precise else None, found, loc.get("lat"), loc.get("lon"))


def place_keys(loc: dict[str, Any] | None) -> PlaceKeys | None:
    """The keys of a CONTRACTS ``location`` (None when it names nothing); the settlement only when precise."""
    if not loc:
        return None
    precise = (loc.get("precision") or 3) <= 2
    keyed = _pcode_keys(loc, precise)
    if keyed is not None:
        return keyed
    settlement = f"g:{loc['geonameid']}" if loc.get("geonameid") and precise else None
    region = loc.get("admin1") or (None if settlement else loc.get("name"))
    units = (f"a:{normalise(str(region))}",) if region else ()
    if not settlement and not units:
        return None
    return PlaceKeys(settlement, units, loc.get("lat"), loc.get("lon"))


def _level(key: str) -> tuple[str, int]:
    """(scheme, level) of a unit key: P-codes by length, GeoNames admin1 is the first level."""
    scheme = key[:2]
    return scheme, len(key) if scheme == "p:" else 0


def distance_km(a: PlaceKeys, b: PlaceKeys) -> float | None:
    """Great-circle distance between two located places (mean Earth radius 6,371 km), None if unlocated."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def compatible_places(a: PlaceKeys | None, b: PlaceKeys | None) -> bool:
    """Whether two places can be the site of one incident: no different settlement, no different unit at a
    level both name, not farther apart than :data:`MAX_DISTANCE_KM` when both are settlements."""
    if a is None or b is None:
        return True
    if a.units != b.units:  # the same units agree at every level
        levels_b = {_level(u): u for u in b.units}
        for unit in a.units:
            other = levels_b.get(_level(unit))
            if other is not None and other != unit:
                return False
    if not (a.settlement and b.settlement):
        return True
    if a.settlement[:2] == b.settlement[:2]:
        return a.settlement == b.settlement
    km = distance_km(a, b)  # settlements of two schemes: compared by where they lie
    return km is None or km <= MAX_DISTANCE_KM
