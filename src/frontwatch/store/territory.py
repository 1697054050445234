"""Store methods for territorial-control snapshots and their layers (shared by every backend)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import shapely

from ..geodesy import area_km2
from ..models import LayerGeometry, Snapshot, SnapshotInfo
from .base import Database


def _info(row: dict[str, Any]) -> SnapshotInfo:
    return SnapshotInfo(
        id=int(row["id"]),
        source=row["source"],
        key=row["snapshot_key"],
        time=datetime.fromtimestamp(int(row["time_utc"]), UTC),
        origin=row.get("origin") or "",
    )


class TerritoryTables(Database):
    """Snapshots and layers (part of the territory repository, ``store.territory``)."""

    def has_snapshot(self, source: str, key: str) -> bool:
        return bool(
            self.scalar(
                "SELECT count(*) FROM territory_snapshots WHERE source = ? AND snapshot_key = ?", (source, key)
            )
        )

    def add_snapshot(self, snapshot: Snapshot, layers: list[LayerGeometry]) -> int:
        """Store one snapshot with its layers in one transaction; returns its id."""
        with self.transaction():
            new_id = self.scalar(
                "INSERT INTO territory_snapshots (source, snapshot_key, time_utc, origin, content_sha256) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (snapshot.source, snapshot.key, int(snapshot.time.timestamp()), snapshot.origin,
                 snapshot.content_sha256),
            )
            for layer in layers:
                minx, miny, maxx, maxy = layer.geometry.bounds if not layer.geometry.is_empty else (None,) * 4
                self.execute(
                    "INSERT INTO territory_layers (snapshot_id, layer, geom_wkb, area_km2, minx, miny, maxx, maxy) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (new_id, layer.layer, shapely.to_wkb(layer.geometry), layer.area_km2 or area_km2(layer.geometry),
                     minx, miny, maxx, maxy),
                )
        return int(new_id)

    def sources(self) -> list[str]:
        rows = self.query("SELECT source, count(*) AS n FROM territory_snapshots GROUP BY source ORDER BY n DESC")
        return [r["source"] for r in rows]

    def source_spans(self) -> list[dict[str, Any]]:
        """Each source's ``source``, snapshot count ``n`` and ``first`` and ``last`` snapshot times (seconds since
        the epoch): the source with most snapshots first, then by name."""
        return self.query(
            "SELECT source, count(*) AS n, min(time_utc) AS first, max(time_utc) AS last FROM territory_snapshots "
            "GROUP BY source ORDER BY n DESC, source"
        )

    def last_snapshot_time(self, source: str) -> datetime | None:
        """When the latest snapshot of ``source`` was taken (None without one)."""
        seconds = self.scalar("SELECT max(time_utc) FROM territory_snapshots WHERE source = ?", (source,))
        return None if seconds is None else datetime.fromtimestamp(int(seconds), UTC)

    def snapshot_key(self, snapshot_id: int) -> str | None:
        """The source's own key of a stored snapshot (None when no snapshot has that id)."""
        key = self.scalar("SELECT snapshot_key FROM territory_snapshots WHERE id = ?", (snapshot_id,))
        return None if key is None else str(key)

    def snapshots_version(self) -> tuple[int | None, int]:
        """(highest snapshot id, number of snapshots): changes whenever snapshots are added or removed."""
        row = self.query_one("SELECT max(id) AS m, count(*) AS n FROM territory_snapshots") or {}
        top = row.get("m")
        return (None if top is None else int(top)), int(row.get("n") or 0)

    def list_snapshots(
        self, source: str | None = None, *, start: datetime | None = None, end: datetime | None = None
    ) -> list[SnapshotInfo]:
        """Snapshots in time order, optionally of one source and within [start, end]."""
        sql = "SELECT id, source, snapshot_key, time_utc, origin FROM territory_snapshots WHERE 1=1"
        params: list[Any] = []
        if source:
            sql += " AND source = ?"
            params.append(source)
        if start:
            sql += " AND time_utc >= ?"
            params.append(int(start.timestamp()))
        if end:
            sql += " AND time_utc <= ?"
            params.append(int(end.timestamp()))
        return [_info(r) for r in self.query(sql + " ORDER BY time_utc, id", params)]

    def snapshot_at(self, source: str, moment: datetime) -> SnapshotInfo | None:
        """The latest snapshot of ``source`` taken at or before ``moment``."""
        row = self.query_one(
            "SELECT id, source, snapshot_key, time_utc, origin FROM territory_snapshots "
            "WHERE source = ? AND time_utc <= ? ORDER BY time_utc DESC, id DESC LIMIT 1",
            (source, int(moment.timestamp())),
        )
        return _info(row) if row else None

    def layer_names(self, source: str | None = None) -> list[str]:
        sql = "SELECT DISTINCT l.layer FROM territory_layers l JOIN territory_snapshots s ON s.id = l.snapshot_id"
        rows = self.query(sql + (" WHERE s.source = ?" if source else "") + " ORDER BY 1", (source,) if source else ())
        return [r["layer"] for r in rows]

    def load_layers(self, snapshot_id: int, layers: list[str] | None = None) -> list[LayerGeometry]:
        """The stored layers of one snapshot (all, or those named)."""
        sql = "SELECT layer, geom_wkb, area_km2 FROM territory_layers WHERE snapshot_id = ?"
        rows = self.query(sql, (snapshot_id,))
        wanted = set(layers) if layers else None
        return [
            LayerGeometry(r["layer"], shapely.from_wkb(bytes(r["geom_wkb"])), float(r["area_km2"]))
            for r in rows
            if wanted is None or r["layer"] in wanted
        ]

    def layer_areas(self, source: str, layers: list[str]) -> list[dict[str, Any]]:
        """Per snapshot: id, time_utc and the area of each named layer (0 where absent)."""
        placeholders = ", ".join("?" for _ in layers)
        return self.query(
            "SELECT s.id, s.time_utc, l.layer, l.area_km2 FROM territory_snapshots s "
            f"JOIN territory_layers l ON l.snapshot_id = s.id WHERE s.source = ? AND l.layer IN ({placeholders}) "
            "ORDER BY s.time_utc",
            (source, *layers),
        )

    # -- added for the importer (territory/importer.py)

    def snapshot_digests(self, source: str | None = None) -> dict[tuple[str, str], str]:
        """{(source, key): content_sha256} of every stored snapshot (of one source): what an import may skip."""
        sql = "SELECT source, snapshot_key, content_sha256 FROM territory_snapshots"
        rows = self.query(sql + (" WHERE source = ?" if source else ""), (source,) if source else ())
        return {(r["source"], r["snapshot_key"]): r["content_sha256"] or "" for r in rows}

    def snapshot_layer_areas(self, source: str) -> list[tuple[str, datetime, dict[str, float]]]:
        """(key, time, {layer: km²}) of every stored snapshot of ``source``: what plausibility checks compare."""
        rows = self.query(
            "SELECT s.snapshot_key, s.time_utc, l.layer, l.area_km2 FROM territory_snapshots s "
            "JOIN territory_layers l ON l.snapshot_id = s.id WHERE s.source = ? ORDER BY s.time_utc, s.id",
            (source,),
        )
        out: dict[str, tuple[str, datetime, dict[str, float]]] = {}
        for r in rows:
            key = r["snapshot_key"]
            if key not in out:
                out[key] = (key, datetime.fromtimestamp(int(r["time_utc"]), UTC), {})
            out[key][2][r["layer"]] = float(r["area_km2"])
        return list(out.values())

    def snapshot_origin(self, source: str, key: str) -> str | None:
        """The file a stored snapshot came from (its ``origin``), or None when it is not stored."""
        row = self.query_one(
            "SELECT origin FROM territory_snapshots WHERE source = ? AND snapshot_key = ?", (source, key))
        return (row["origin"] or "") if row else None

    def add_snapshots(self, items: list[tuple[Snapshot, list[LayerGeometry]]]) -> list[int]:
        """Store several snapshots with their layers in ONE transaction (all or none); returns their ids.

        The bulk form of ``add_snapshot`` for imports: one commit per batch, and on DuckDB the layers go in
        as one DataFrame scan, about 5x faster than one parameterised INSERT per WKB blob.
        """
        if self.backend != "duckdb":
            with self.transaction():
                return [self.add_snapshot(snapshot, layers) for snapshot, layers in items]
        import pandas as pd

        with self.transaction():
            ids = [int(r[0]) for r in self.execute(
                "SELECT nextval('territory_snapshots_id_seq') FROM range(?)", (len(items),)).fetchall()]
            snapshots = pd.DataFrame(
                [(new_id, s.source, s.key, int(s.time.timestamp()), s.origin, s.content_sha256)
                 for new_id, (s, _) in zip(ids, items, strict=True)],
                columns=["id", "source", "snapshot_key", "time_utc", "origin", "content_sha256"],
            )
            layers = pd.DataFrame(
                [(new_id, layer.layer, shapely.to_wkb(layer.geometry), layer.area_km2 or area_km2(layer.geometry),
                  *(layer.geometry.bounds if not layer.geometry.is_empty else (None,) * 4))
                 for new_id, (_, snapshot_layers) in zip(ids, items, strict=True) for layer in snapshot_layers],
                columns=["snapshot_id", "layer", "geom_wkb", "area_km2", "minx", "miny", "maxx", "maxy"],
            )
            self._insert_frame("territory_snapshots", snapshots)
            if len(layers):
                self._insert_frame("territory_layers", layers)
        return ids

    def _insert_frame(self, table: str, frame: Any) -> None:
        """INSERT a pandas DataFrame (columns named as the table's) through DuckDB's DataFrame scan."""
        view = f"_fw_insert_{table}"
        self.conn.register(view, frame)
        try:
            self.execute(f"INSERT INTO {table} ({', '.join(frame.columns)}) SELECT * FROM {view}")
        finally:
            self.conn.unregister(view)
