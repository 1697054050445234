"""Gained and lost ground between any two snapshots from the stored atoms, in microseconds: ``AtomIndex``.

For every cell that varies, ``versions`` (snapshots x cells) says which version the cell has in each
snapshot. For a layer expression, a cell's version holds an atom when one of the expression's layers
does (a sum is a union). Gained from snapshot ``a`` to ``b`` is the area of the atoms, in the cells
whose versions differ, held at ``b`` and not at ``a``; lost the reverse. A pair that differs in a cell
whose build check failed is not answered here (None): the caller computes it by the exact overlay.
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
class _Expression:
    """One layer expression's atoms over the whole source: their areas, and for every snapshot the atoms
    it holds, as packed bits (snapshots x atoms). Atoms that the expression holds in every version of
    their cell or in none are dropped, and those held in the same versions merged."""

    areas: np.ndarray
    bits: np.ndarray

    @classmethod
    def of(cls, cells: list[CellAtoms], pick: list[int], versions: np.ndarray) -> _Expression:
        areas, held = [], []
        for k, c in enumerate(cells):
            rows = np.asarray(c.member[:, pick, :].any(axis=1), dtype=bool)
            keep = rows.any(axis=0) & ~rows.all(axis=0)
            rows, area = rows[:, keep], c.areas_km2[keep]
            if not rows.shape[1]:
                continue
            first, inverse = _same_columns(rows)
            areas.append(np.bincount(inverse.ravel(), weights=area, minlength=len(first)))
            held.append(rows[:, first][versions[:, k]])  # snapshots x atoms of the cell
        if not areas:
            return cls(np.zeros(0), np.zeros((len(versions), 0), dtype=np.uint8))
        return cls(np.concatenate(areas), np.packbits(np.concatenate(held, axis=1), axis=1))


#: Random 64-bit weights: a column's hash is its weighted sum (mod 2**64), checked exactly afterwards.
_WEIGHTS = np.random.default_rng(20261127).integers(1, 2**63, size=4096, dtype=np.uint64) | np.uint64(1)


def _same_columns(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first, inverse) of the distinct columns of a boolean matrix, as ``np.unique(..., axis=1)`` gives them:
    ``rows[:, first][:, inverse] == rows``. Columns are grouped by a 64-bit hash, then the grouping is checked
    exactly; on a collision (or more versions than weights) the exact, slower ``np.unique`` decides."""
    n = rows.shape[0]
    if n <= len(_WEIGHTS):
        with np.errstate(over="ignore"):
            hashes = _WEIGHTS[:n] @ rows.astype(np.uint64)
        _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
        inverse = inverse.ravel()
        if np.array_equal(rows[:, first][:, inverse], rows):
            return first, inverse
    _, first, inverse = np.unique(np.packbits(rows, axis=0).T, axis=0, return_index=True, return_inverse=True)
    return first, inverse.ravel()


class AtomIndex:
    """The atoms of one source: every snapshot's cell versions and, per cell, its atoms.

    Each layer expression's atoms and every snapshot's holding of them are derived once from the layers'
    (``_Expression``, ~0.3 s); a pair is then two rows of bits and one masked sum (~0.1 ms).
    """

    def __init__(self, layers: tuple[str, ...], ids: list[int], cells: list[CellAtoms],
                 steps: dict[int, bytes]) -> None:
        self.layers = layers
        self.row = {sid: k for k, sid in enumerate(ids)}
        self.cells = cells
        self.exact = np.array([c.exact for c in cells], dtype=bool)
        self.versions = _versions(ids, [c.cell for c in cells], steps)
        self._expressions: dict[tuple[str, ...], _Expression] = {}

    def covers(self, names: tuple[str, ...], a: int, b: int) -> bool:
        return a in self.row and b in self.row and set(names) <= set(self.layers)

    def expression(self, names: tuple[str, ...]) -> _Expression:
        hit = self._expressions.get(names)
        if hit is None:
            pick = [self.layers.index(n) for n in names]
            hit = self._expressions[names] = _Expression.of(self.cells, pick, self.versions)
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
        e = self.expression(names)
        held_a = np.unpackbits(e.bits[self.row[a]], count=len(e.areas)).astype(bool)
        held_b = np.unpackbits(e.bits[self.row[b]], count=len(e.areas)).astype(bool)
        return float(e.areas[held_b & ~held_a].sum()), float(e.areas[held_a & ~held_b].sum())


def _versions(ids: list[int], cells: list[tuple[int, int]], steps: dict[int, bytes]) -> np.ndarray:
    """The version of every cell in every snapshot (rows in ``ids`` order), from the per-snapshot changes."""
    column = {c: k for k, c in enumerate(cells)}
    out = np.zeros((len(ids), len(cells)), dtype=np.int32)
    for k, sid in enumerate(ids):
        if k:
            out[k] = out[k - 1]
        blob = steps.get(sid)
        if blob:
            triples = np.frombuffer(blob, dtype="<i4").reshape(-1, 3)
            cols = [column[(int(x), int(y))] for x, y in triples[:, :2]]
            out[k, cols] = triples[:, 2]
    return out
