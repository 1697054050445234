"""Store methods for the territory analysis: precomputed changes, layer-sum areas and regions.

Portable SQL only (DuckDB and PostgreSQL): ``?`` placeholders, ``ON CONFLICT DO NOTHING``, BYTEA.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from .base import Database

#: (source, layer, from_id, to_id, gained_km2, lost_km2, kind)
ChangeRow = tuple[str, str, int, int, float, float, str]


class TerritoryStepTables(Database):
    """``territory_changes``, ``territory_layer_sums`` and ``territory_regions`` (part of ``store.territory``)."""

    def _insert_many(self, sql: str, rows: Sequence[Sequence[Any]], *, chunk: int = 500) -> None:
        """``sql`` is ``INSERT ... VALUES (?, ...) [tail]``: rows go in multi-row statements of ``chunk``.

        Multi-row VALUES is portable and far faster than executemany on DuckDB (which runs one
        statement per row: 25 s of the 150 s of precomputing the archive's steps, by profile).
        """
        head, _, rest = sql.partition("VALUES")
        one, _, tail = rest.strip().partition(")")
        one += ")"
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            values = ", ".join([one] * len(part))
            self.execute(f"{head}VALUES {values}{tail}", [v for row in part for v in row])

    def put_territory_changes(self, rows: Sequence[ChangeRow]) -> None:
        """Store computed changes; a pair already stored is left as it is."""
        with self.transaction():
            self._insert_many(
                "INSERT INTO territory_changes (source, layer, from_id, to_id, gained_km2, lost_km2, kind) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rows,
            )

    def territory_changes(self, source: str, layer: str) -> dict[tuple[int, int], tuple[float, float]]:
        """Every stored change of ``layer`` in ``source``: {(from_id, to_id): (gained_km2, lost_km2)}."""
        rows = self._raw_execute(
            "SELECT from_id, to_id, gained_km2, lost_km2 FROM territory_changes WHERE source = ? AND layer = ?",
            (source, layer),
        ).fetchall()
        return {(int(a), int(b)): (float(g), float(lo)) for a, b, g, lo in rows}

    def put_layer_sums(self, rows: Sequence[tuple[int, str, float]]) -> None:
        """Store the areas of layer sums: (snapshot_id, canonical expression, area_km2)."""
        with self.transaction():
            self._insert_many(
                "INSERT INTO territory_layer_sums (snapshot_id, layer, area_km2) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                rows,
            )

    def layer_area_map(self, source: str, layer: str) -> dict[int, float]:
        """{snapshot_id: area_km2} of one layer or a stored sum over the snapshots of ``source``.

        Snapshots lacking a single layer count 0 km² (the layer is empty there); for a sum,
        only snapshots whose sum area has been computed are present.
        """
        if "+" in layer:
            sql = ("SELECT s.id, x.area_km2 FROM territory_snapshots s JOIN territory_layer_sums x "
                   "ON x.snapshot_id = s.id AND x.layer = ? WHERE s.source = ?")
            rows = self._raw_execute(sql, (layer, source)).fetchall()
            return {int(i): float(a) for i, a in rows}
        sql = ("SELECT s.id, l.area_km2 FROM territory_snapshots s LEFT JOIN territory_layers l "
               "ON l.snapshot_id = s.id AND l.layer = ? WHERE s.source = ?")
        rows = self._raw_execute(sql, (layer, source)).fetchall()
        return {int(i): float(a or 0.0) for i, a in rows}

    # -- completeness markers (issue 15: a kill during precompute must not leave them half-built for good)
    def derived_counts(self, source: str, layer: str) -> tuple[int, int]:
        """(territory_changes rows, territory_layer_sums rows) stored for ``layer`` of ``source``."""
        changes = self.scalar(
            "SELECT count(*) FROM territory_changes WHERE source = ? AND layer = ?", (source, layer))
        sums = self.scalar(
            "SELECT count(*) FROM territory_layer_sums x JOIN territory_snapshots s ON s.id = x.snapshot_id "
            "WHERE s.source = ? AND x.layer = ?", (source, layer)) if "+" in layer else 0
        return int(changes or 0), int(sums or 0)

    def derived_marker(self, source: str, layer: str) -> tuple[int, int, int, int] | None:
        """(snapshots, last_id, changes, sums) recorded when ``layer`` of ``source`` was last completed."""
        row = self._raw_execute(
            "SELECT snapshots, last_id, changes, sums FROM territory_derived WHERE source = ? AND layer = ?",
            (source, layer)).fetchone()
        return None if row is None else (int(row[0]), int(row[1]), int(row[2]), int(row[3]))

    def mark_derived(self, source: str, layer: str, snapshots: int, last_id: int) -> None:
        """Record ``layer`` of ``source`` as complete for these snapshots, with its current row counts.

        Call inside the transaction that wrote the last rows, so the marker and the rows commit together.
        """
        changes, sums = self.derived_counts(source, layer)
        self.execute("DELETE FROM territory_derived WHERE source = ? AND layer = ?", (source, layer))
        self.execute(
            "INSERT INTO territory_derived (source, layer, snapshots, last_id, changes, sums) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (source, layer, snapshots, last_id, changes, sums))

    def snapshot_times(self, source: str) -> list[tuple[int, int]]:
        """(id, time_utc seconds) of every snapshot of ``source``, in time order."""
        rows = self._raw_execute(
            "SELECT id, time_utc FROM territory_snapshots WHERE source = ? ORDER BY time_utc, id", (source,)
        ).fetchall()
        return [(int(i), int(t)) for i, t in rows]

    def layer_wkb(
        self, source: str, layers: Iterable[str], snapshot_ids: Iterable[int] | None = None
    ) -> dict[int, list[bytes]]:
        """{snapshot_id: [WKB of each named layer present]} for the given snapshots of ``source`` (or all).

        One query for many snapshots: DuckDB compresses the blob column in large blocks, so one
        lookup costs about as much as reading a whole block, and reading in bulk is far cheaper.
        """
        names = list(layers)
        sql = ("SELECT l.snapshot_id, l.geom_wkb FROM territory_layers l JOIN territory_snapshots s "
               f"ON s.id = l.snapshot_id WHERE s.source = ? AND l.layer IN ({', '.join('?' for _ in names)})")
        params: list[Any] = [source, *names]
        if snapshot_ids is not None:
            ids = list(snapshot_ids)
            sql += f" AND l.snapshot_id IN ({', '.join('?' for _ in ids)})"
            params += ids
        out: dict[int, list[bytes]] = {}
        for sid, wkb in self._raw_execute(sql, params).fetchall():
            out.setdefault(int(sid), []).append(bytes(wkb))
        return out

    # -- regions
    def replace_regions(self, regions: Sequence[tuple[str, str | None, BaseGeometry]], origin: str) -> int:
        """Replace the stored regions with (name, iso, geometry) rows in one transaction."""
        with self.transaction():
            self.execute("DELETE FROM territory_regions")
            for name, iso, geom in regions:
                minx, miny, maxx, maxy = geom.bounds
                self.execute(
                    "INSERT INTO territory_regions (name, iso, geom_wkb, minx, miny, maxx, maxy, origin) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (name, iso, shapely.to_wkb(geom), minx, miny, maxx, maxy, origin),
                )
        return len(regions)

    def load_regions(self) -> list[tuple[str, str | None, BaseGeometry]]:
        """The stored regions as (name, iso, geometry), by name."""
        rows = self._raw_execute(
            "SELECT name, iso, geom_wkb FROM territory_regions ORDER BY name"
        ).fetchall()
        return [(n, i, shapely.from_wkb(bytes(w))) for n, i, w in rows]

    def count_regions(self) -> int:
        return int(self.scalar("SELECT count(*) FROM territory_regions"))
