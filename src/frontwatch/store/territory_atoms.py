"""Store methods for the territory atoms (``territory/atoms.py``): cells, per-snapshot changes, marker.

Portable SQL only (DuckDB and PostgreSQL). A build replaces a source's rows and its marker in one
transaction, so a reader sees either a whole build or none (``atoms_marker`` is then None).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .territory_steps import TerritoryStepTables

#: (cell_x, cell_y, versions, areas, member, error_deg2), as in ``territory.atom_index.CellRow``
AtomCellRow = tuple[int, int, int, bytes, bytes, float]
#: (layers, grid_deg, snapshots, last_id, cells, steps)
AtomMarker = tuple[str, float, int, int, int, int]


class TerritoryAtomTables(TerritoryStepTables):
    """Mixin: ``territory_atom_cells``, ``territory_atom_steps`` and their marker ``territory_atoms_built``."""

    def replace_atoms(self, source: str, marker: tuple[str, float, int, int], cells: Sequence[AtomCellRow],
                      steps: Sequence[tuple[int, bytes]]) -> None:
        """Replace the atoms of ``source``; ``marker`` is (layers, grid_deg, snapshots, last_id)."""
        with self.transaction():
            self.clear_atoms(source)
            self._insert_many(
                "INSERT INTO territory_atom_cells (source, cell_x, cell_y, versions, areas, member, error_deg2) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", [(source, *row) for row in cells], chunk=200)
            self._insert_many(
                "INSERT INTO territory_atom_steps (source, snapshot_id, changes) VALUES (?, ?, ?)",
                [(source, sid, blob) for sid, blob in steps], chunk=200)
            self.execute(
                "INSERT INTO territory_atoms_built (source, layers, grid_deg, snapshots, last_id, cells, steps) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (source, *marker, len(cells), len(steps)))

    def clear_atoms(self, source: str) -> None:
        """Drop the atoms of ``source`` (marker first: readers then use the overlay)."""
        with self.transaction():
            for table in ("territory_atoms_built", "territory_atom_cells", "territory_atom_steps"):
                self.execute(f"DELETE FROM {table} WHERE source = ?", (source,))

    def atoms_marker(self, source: str) -> AtomMarker | None:
        """The marker of the last complete build of ``source``'s atoms, or None."""
        row = self._raw_execute(
            "SELECT layers, grid_deg, snapshots, last_id, cells, steps FROM territory_atoms_built WHERE source = ?",
            (source,)).fetchone()
        if row is None:
            return None
        return (str(row[0]), float(row[1]), int(row[2]), int(row[3]), int(row[4]), int(row[5]))

    def atoms_counts(self, source: str) -> tuple[int, int]:
        """(cell rows, step rows) stored for ``source``."""
        count = self.scalar
        cells = count("SELECT count(*) FROM territory_atom_cells WHERE source = ?", (source,))
        steps = count("SELECT count(*) FROM territory_atom_steps WHERE source = ?", (source,))
        return int(cells or 0), int(steps or 0)

    def atom_cells(self, source: str) -> list[AtomCellRow]:
        rows = self._raw_execute(
            "SELECT cell_x, cell_y, versions, areas, member, error_deg2 FROM territory_atom_cells "
            "WHERE source = ? ORDER BY cell_x, cell_y", (source,)).fetchall()
        return [(int(x), int(y), int(v), bytes(a), bytes(m), float(e)) for x, y, v, a, m, e in rows]

    def atom_steps(self, source: str) -> dict[int, bytes]:
        rows: list[Any] = self._raw_execute(
            "SELECT snapshot_id, changes FROM territory_atom_steps WHERE source = ?", (source,)).fetchall()
        return {int(sid): bytes(blob) for sid, blob in rows}
