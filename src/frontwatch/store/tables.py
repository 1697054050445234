"""The store: one :class:`~frontwatch.store.base.Database` with every repository over it, composed here once.

A backend is ``class XStore(Store)`` plus its dialect (how to connect, :meth:`bbox_sql`). Callers reach a
repository as ``store.events``, ``store.articles``, ``store.clusters`` or ``store.territory``; the
repositories' methods are also the store's own (``store.add_article``), which earlier code calls.
"""

from __future__ import annotations

from .articles import ArticleTables
from .clusters import ClusterTables
from .events import EventTables
from .territory import TerritoryTables
from .territory_atoms import TerritoryAtomTables


class TerritoryRepository(TerritoryTables, TerritoryAtomTables):
    """Snapshots and layers, and what is precomputed from them (changes, layer sums, regions, atoms)."""


class StoreTables(TerritoryRepository, ArticleTables, EventTables):
    """Every repository's methods on one database connection."""


#: The tables ``frontwatch db info`` counts.
COUNTED_TABLES = ("territory_snapshots", "territory_layers", "articles", "events")


class Store(StoreTables):
    """A frontwatch store: its repositories share one connection, so a transaction spans them all."""

    def row_counts(self) -> dict[str, int]:
        """Rows in each of :data:`COUNTED_TABLES`."""
        return {table: int(self.scalar(f"SELECT count(*) FROM {table}")) for table in COUNTED_TABLES}

    @property
    def events(self) -> EventTables:
        """Listing, counting and showing stored events (the event index of a read-only server included)."""
        return self

    @property
    def articles(self) -> ArticleTables:
        """Storing articles with their events; reading an article back."""
        return self

    @property
    def clusters(self) -> ClusterTables:
        """Merged incidents: dedup's candidates and assignments, an incident's reports, period counts."""
        return self

    @property
    def territory(self) -> TerritoryRepository:
        """Map snapshots, their layers and the figures precomputed from them."""
        return self
