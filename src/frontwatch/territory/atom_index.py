"""Gained and lost ground between any two snapshots from the stored atoms, in microseconds: ``AtomIndex``.

For every cell that varies, ``versions`` (snapshots x cells) says which version the cell has in each
snapshot. For a layer expression, a cell's version holds an atom when one of the expression's layers
does (a sum is a union), and ``gain[p, q]`` is the area of the atoms held in version ``q`` and not in
``p``. Gained from snapshot ``a`` to ``b`` is the sum of ``gain[va, vb]`` over the cells whose
versions differ; lost is ``gain[vb, va]``. A pair that differs in a cell whose build check failed is
not answered here (None): the caller computes it by the exact overlay.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .atoms import CellAtoms

#: One stored cell: (x, y, versions, areas_km2 float64 bytes, membership bits, build error in degrees²).
CellRow = tuple[int, int, int, bytes, bytes, float]


def cell_row(atoms: CellAtoms) -> CellRow:
    """A cell's atoms as stored: the membership (versions x layers x atoms) packed row-major."""
    return (atoms.cell[0], atoms.cell[1], int(atoms.member.shape[0]), atoms.areas_km2.astype("<f8").tobytes(),
            np.packbits(atoms.member.ravel()).tobytes(), float(atoms.error_deg2))


def from_row(row: CellRow, layers: int) -> CellAtoms:
    x, y, versions, areas, bits, error = row
    area = np.frombuffer(areas, dtype="<f8")
    flat = np.unpackbits(np.frombuffer(bits, dtype=np.uint8), count=versions * layers * len(area))
    return CellAtoms((int(x), int(y)), area, flat.astype(bool).reshape(versions, layers, len(area)), float(error))


def steps_blob(changes: list[tuple[int, int, int]]) -> bytes:
    """The (x, y, version) changes of one snapshot as little-endian int32 triples."""
    return np.asarray(changes, dtype="<i4").reshape(-1, 3).tobytes()


@dataclass
class _Gains:
    """Per cell the gain matrix of one expression, flattened: ``flat[offset[c] + p * size[c] + q]``."""

    flat: np.ndarray
    offset: np.ndarray
    size: np.ndarray


class AtomIndex:
    """The atoms of one source: every snapshot's cell versions and, per cell, its atoms."""

    def __init__(self, layers: tuple[str, ...], ids: list[int], cells: list[CellAtoms],
                 steps: dict[int, bytes]) -> None:
        self.layers = layers
        self.row = {sid: k for k, sid in enumerate(ids)}
        self.cells = cells
        column = {c.cell: k for k, c in enumerate(cells)}
        self.exact = np.array([c.exact for c in cells], dtype=bool)
        self.versions = np.zeros((len(ids), len(cells)), dtype=np.int32)
        for k, sid in enumerate(ids):
            if k:
                self.versions[k] = self.versions[k - 1]
            blob = steps.get(sid)
            if blob:
                triples = np.frombuffer(blob, dtype="<i4").reshape(-1, 3)
                cols = [column[(int(x), int(y))] for x, y in triples[:, :2]]
                self.versions[k, cols] = triples[:, 2]
        self._gains: dict[tuple[str, ...], _Gains] = {}

    def covers(self, names: tuple[str, ...], a: int, b: int) -> bool:
        return a in self.row and b in self.row and set(names) <= set(self.layers)

    def _gains_of(self, names: tuple[str, ...]) -> _Gains:
        hit = self._gains.get(names)
        if hit is None:
            pick = [self.layers.index(n) for n in names]
            mats = []
            for c in self.cells:
                held = c.member[:, pick, :].any(axis=1).astype(np.float64)
                mats.append(((1.0 - held) @ (held * c.areas_km2).T).ravel())
            size = np.array([c.member.shape[0] for c in self.cells], dtype=np.int64)
            offset = np.concatenate([[0], np.cumsum(size * size)[:-1]]).astype(np.int64)
            hit = self._gains[names] = _Gains(np.concatenate(mats) if mats else np.zeros(0), offset, size)
        return hit

    def pair(self, names: tuple[str, ...], a: int, b: int) -> tuple[float, float] | None:
        """(gained_km2, lost_km2) of the layers ``names`` from snapshot id ``a`` to ``b``; None where a cell
        that differs failed its build check (or the index lacks a snapshot or a layer)."""
        if not self.covers(names, a, b):
            return None
        va, vb = self.versions[self.row[a]], self.versions[self.row[b]]
        cols = np.flatnonzero(va != vb)
        if not self.exact[cols].all():
            return None
        g = self._gains_of(names)
        base, size = g.offset[cols], g.size[cols]
        gained = float(g.flat[base + va[cols] * size + vb[cols]].sum())
        lost = float(g.flat[base + vb[cols] * size + va[cols]].sum())
        return gained, lost
