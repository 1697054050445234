"""The table methods every backend has: one mixin per area, composed here once."""

from __future__ import annotations

from .clusters import ClusterTables
from .events import EventTables
from .territory import TerritoryTables
from .territory_atoms import TerritoryAtomTables
from .territory_steps import TerritoryStepTables


class StoreTables(TerritoryTables, TerritoryStepTables, TerritoryAtomTables, EventTables, ClusterTables):
    """All table methods; a backend is ``class XStore(StoreTables, SQLStore)``."""
