"""Atoms: the history of a source's layers cut into grid cells and, in each cell, into disjoint pieces.

The exact overlay of two snapshots costs tens of milliseconds; a server answering random date pairs
needs a few. So the overlay is done once, at import: the map is cut into cells of ``GRID_DEG`` degrees,
and each cell's content (its piece of every layer) takes only a few distinct *versions* over the years
(the front moves locally). The boundaries of a cell's versions, noded together, cut it into faces
(``shapely.polygonize``); each face lies wholly inside or wholly outside every layer of every version,
so faces with the same membership merge into one *atom* with its geodesic area. Ground of a layer
expression gained from version ``p`` to ``q`` is the area of the atoms held (by any of its layers: a
sum is a union) in ``q`` and not in ``p``; for two snapshots, a sum over the cells whose versions
differ (``atom_index.AtomIndex``).

Which cells can change between consecutive snapshots follows from the overlay's own bound
(``overlay.changed_boxes``): a layer's symmetric difference is bounded by its unshared edges and lies
in the boxes around them. A cell that no unshared edge touches is therefore either unchanged or wholly
gained or lost, which its centre tells. Each layer is tracked on its own.

Pieces have their edges cut to ``SEG_DEG`` (see there): the figures are those of the exact overlay of
the maps with edges cut so, which differ from the overlay of the uncut maps by the bulge of their long
geodesic edges (up to ~0.3 % on DeepState's coarse 2022 polygons; bench/results/territory-atoms.md).

Every cell is checked when built: its faces must tile it and each piece must be the union of its faces
(planar areas, ``AREA_TOL_DEG2``). A cell that fails is marked inexact and a pair that differs there is
computed by the overlay instead, so a figure is never a broken build's, only slower.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ..geodesy import areas_km2
from .layers import polygonal
from .overlay import Shape, _separate, _unshared, boxes_around

#: Cell size in degrees: 0.1 gives cells of ~80 km² in Ukraine and ~20 versions a cell on average on
#: the DeepState archive (at most ~260), which keeps both the build and the stored atoms small.
GRID_DEG = 0.1
#: Largest disagreement (planar degrees², ~8,000 km² each here) between a version and its atoms before a
#: cell is inexact: 1e-10 is ~1e-6 km², far above the rounding of the noding, far below any misplaced face.
AREA_TOL_DEG2 = 1e-10
_EPS = 1e-9
_NODING_GRID = 1e-12
#: Longest edge (degrees, ~400 m) of a cell's pieces. The stored maps have edges of up to ~25 km; a geodesic
#: edge cut at a point of its lon/lat segment (as every overlay cuts edges where they cross) encloses a
#: different area, up to ~0.2 km² for such an edge. Cut short, pieces are additive to ~1e-6 km² an edge, so
#: an atom sum is the area of the same ground measured whole (as the overlay of the maps cut the same way).
SEG_DEG = 0.005

Cell = tuple[int, int]


Content = tuple[BaseGeometry, ...]  # one cell's piece of each layer


@dataclass
class CellAtoms:
    """The atoms of one cell: areas (km²) and membership (versions x layers x atoms)."""

    cell: Cell
    areas_km2: np.ndarray
    member: np.ndarray  # bool, shape (versions, layers, atoms)
    error_deg2: float = 0.0  # the largest disagreement of the build's checks

    @property
    def exact(self) -> bool:
        return self.error_deg2 <= AREA_TOL_DEG2


@dataclass
class History:
    """Per cell its distinct contents (version 0 the oldest), and per snapshot the cells whose version changed.

    ``current`` holds each known cell's latest content with its per-layer keys, so a layer that did
    not change in a cell is not clipped again.
    """

    versions: dict[Cell, list[Content]] = field(default_factory=dict)
    keys: dict[Cell, dict[tuple[bytes, ...], int]] = field(default_factory=dict)
    current: dict[Cell, list[tuple[BaseGeometry, bytes]]] = field(default_factory=dict)
    version: dict[Cell, int] = field(default_factory=dict)
    steps: list[list[tuple[int, int, int]]] = field(default_factory=list)  # (x, y, version)

    def start(self, layers: list[Shape], cells: set[Cell]) -> None:
        """Cells first seen: their content in ``layers`` (the state they had since the first snapshot)."""
        self.current.update({c: [] for c in cells})
        for layer in layers:
            for c, piece in clip(layer, cells).items():
                self.current[c].append(piece)
        self.record(cells)

    def update(self, layer: int, shape: Shape, cells: set[Cell]) -> None:
        for c, piece in clip(shape, cells).items():
            self.current[c][layer] = piece

    def record(self, cells: set[Cell]) -> list[tuple[int, int, int]]:
        """Number each cell's current content; the (x, y, version) of the cells whose version changed."""
        out = []
        for c in sorted(cells):
            pieces = self.current[c]
            known = self.keys.setdefault(c, {})
            key = tuple(k for _, k in pieces)
            v = known.get(key)
            if v is None:
                v = known[key] = len(known)
                self.versions.setdefault(c, []).append(tuple(g for g, _ in pieces))
            if v != self.version.get(c, 0):
                self.version[c] = v
                out.append((c[0], c[1], v))
        return out


def cell_box(cell: Cell) -> BaseGeometry:
    """The cell's square, its sides cut every ``GRID_DEG / _SIDE_STEPS``.

    A geodesic between two points of a parallel is not the parallel: cut at other points, a side
    encloses a slightly different area (~0.005 km² on a 0.1 degree side at 48°N). Neighbouring cells
    cut their common side at the same fine steps, so the atoms on both sides still meet along one
    line and the error left (a step's bulge) is below 1e-6 km² a step.
    """
    x, y = cell
    square = shapely.box(x * GRID_DEG, y * GRID_DEG, (x + 1) * GRID_DEG, (y + 1) * GRID_DEG)
    return shapely.segmentize(square, SEG_DEG)


def touched_cells(edges: np.ndarray) -> set[Cell]:
    """Every cell whose closed square an edge's bounding box meets (a superset of the cells it crosses)."""
    if not len(edges):
        return set()
    lo = np.floor((np.minimum(edges[:, :2], edges[:, 2:]) - _EPS) / GRID_DEG).astype(np.int64)
    hi = np.floor((np.maximum(edges[:, :2], edges[:, 2:]) + _EPS) / GRID_DEG).astype(np.int64)
    span = hi - lo
    out: set[Cell] = set()
    small = (span[:, 0] <= 1) & (span[:, 1] <= 1)
    for dx in (0, 1):  # most edges are short: their cells in four vectorised passes
        for dy in (0, 1):
            ok = small & (span[:, 0] >= dx) & (span[:, 1] >= dy)
            out.update(zip((lo[ok, 0] + dx).tolist(), (lo[ok, 1] + dy).tolist(), strict=True))
    for (x0, y0), (x1, y1) in zip(lo[~small].tolist(), hi[~small].tolist(), strict=True):
        out.update((x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1))
    return out


def _cells_in_boxes(boxes: list[tuple[float, float, float, float]]) -> set[Cell]:
    """The cells whose centre lies in one of ``boxes``."""
    out: set[Cell] = set()
    for minx, miny, maxx, maxy in boxes:
        xs = range(int(np.floor(minx / GRID_DEG - 0.5)), int(np.ceil(maxx / GRID_DEG - 0.5)) + 1)
        ys = range(int(np.floor(miny / GRID_DEG - 0.5)), int(np.ceil(maxy / GRID_DEG - 0.5)) + 1)
        out.update((x, y) for x in xs for y in ys
                   if minx <= (x + 0.5) * GRID_DEG <= maxx and miny <= (y + 0.5) * GRID_DEG <= maxy)
    return out


def _centres_in(shape: Shape, cells: list[Cell]) -> np.ndarray:
    """Whether each cell's centre lies in the layer's geometry."""
    if shape.is_empty or not cells:
        return np.zeros(len(cells), dtype=bool)
    xy = (np.asarray(cells, dtype=np.float64) + 0.5) * GRID_DEG
    geom = shape.parts[0]
    shapely.prepare(geom)
    return shapely.contains_xy(geom, xy[:, 0], xy[:, 1])


def changed_cells(prev: Shape, cur: Shape) -> set[Cell]:
    """The cells whose content may differ between two states of one layer (exactly those that can).

    Cells touched by an unshared edge, and untouched cells wholly gained or lost (centre in one only,
    which can happen only inside the changed boxes).
    """
    if prev is cur or (prev.edges.shape == cur.edges.shape and np.array_equal(prev.edges, cur.edges)):
        return set()
    only = np.concatenate([_unshared(prev, cur), _unshared(cur, prev)])
    touched = touched_cells(only)
    inside = sorted(_cells_in_boxes(boxes_around(only)) - touched)
    flipped = _centres_in(prev, inside) != _centres_in(cur, inside)
    return touched | {c for c, f in zip(inside, flipped.tolist(), strict=True) if f}


def _groups(cells: Iterable[Cell]) -> Iterator[list[Cell]]:
    """Cells in spatially separate groups (so each group is clipped out of the layers once)."""
    arr = np.asarray(sorted(cells), dtype=np.float64)
    boxes = np.column_stack([arr, arr + 1.0])
    for group in _separate(boxes):
        yield [(int(x), int(y)) for x, y in group[:, :2]]


def clip(layer: Shape, cells: set[Cell]) -> dict[Cell, tuple[BaseGeometry, bytes]]:
    """The layer's piece of each cell (polygons only) with its key (normalised WKB)."""
    out: dict[Cell, tuple[BaseGeometry, bytes]] = {}
    for group in _groups(cells) if cells else ():
        if layer.is_empty:
            pieces = [polygonal(None)] * len(group)
        else:
            arr = np.asarray(group)
            minx, miny = arr.min(axis=0) * GRID_DEG
            maxx, maxy = (arr.max(axis=0) + 1) * GRID_DEG
            near = layer.clipped(shapely.box(minx, miny, maxx, maxy))
            cut = shapely.intersection(near, np.array([cell_box(c) for c in group]))
            pieces = [polygonal(g) for g in shapely.segmentize(cut, SEG_DEG)]
        keys = shapely.to_wkb(shapely.normalize(np.array(pieces, dtype=object)))
        out.update(zip(group, zip(pieces, keys, strict=True), strict=True))
    return out


def history(snapshots: Iterable[list[Shape]], hist: History | None = None) -> History:
    """Versions per cell and their changes per snapshot, for states given as lists of layers (same order).

    A cell is first seen when something changes in it; its content until then is the previous
    state's (unchanged since the first snapshot), recorded as its version 0.
    """
    hist = History() if hist is None else hist
    prev: list[Shape] | None = None
    for layers in snapshots:
        if prev is None:
            hist.start(layers, set().union(*(touched_cells(s.edges) for s in layers)))
            hist.steps.append([])
        else:
            changed = [changed_cells(p, c) for p, c in zip(prev, layers, strict=True)]
            todo = set().union(*changed)
            hist.start(prev, todo - hist.current.keys())
            for k, cells in enumerate(changed):
                hist.update(k, layers[k], cells)
            hist.steps.append(hist.record(todo))
        prev = layers
    return hist


def _segments(geoms: list[BaseGeometry]) -> BaseGeometry:
    """The distinct segments of the geometries' rings, as one MultiLineString (direction ignored)."""
    rings = shapely.get_rings(shapely.get_parts(np.asarray(geoms, dtype=object)))
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[1:] == ring[:-1]
    seg = np.hstack([coords[:-1][same], coords[1:][same]])
    swap = (seg[:, 0] > seg[:, 2]) | ((seg[:, 0] == seg[:, 2]) & (seg[:, 1] > seg[:, 3]))
    seg[swap] = seg[swap][:, [2, 3, 0, 1]]
    seg = np.unique(seg, axis=0)
    return shapely.multilinestrings(shapely.linestrings(seg.reshape(-1, 2), indices=np.repeat(np.arange(len(seg)), 2)))


def cell_atoms(cell: Cell, versions: list[Content]) -> CellAtoms:
    """Cut a cell by the boundaries of all its versions; the atoms with their areas and membership."""
    square = cell_box(cell)
    pieces = [g for content in versions for g in content]
    lines = _segments([g for g in pieces if not g.is_empty] + [square])
    found = _cut(square, pieces, shapely.union_all(lines))
    if not found.exact:
        # floating noding can leave crossings un-noded, and polygonize then drops their faces as "cut edges"
        # (seen on the archive): snap-rounding on a grid far below any map's precision is robust
        found = _cut(square, pieces, shapely.union_all(lines, grid_size=_NODING_GRID))
    return _merge(cell, found.member.reshape(len(versions), -1, found.member.shape[1]), found.areas_km2,
                  found.error_deg2)


def _cut(square: BaseGeometry, pieces: list[BaseGeometry], noded: BaseGeometry) -> CellAtoms:
    """Faces of the noded lines, their membership in each piece and the check (not yet merged)."""
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)).geoms)
    inner = shapely.get_coordinates(shapely.point_on_surface(faces))
    member = np.zeros((len(pieces), len(faces)), dtype=bool)
    for k, g in enumerate(pieces):
        if not g.is_empty:
            shapely.prepare(g)
            member[k] = shapely.contains_xy(g, inner[:, 0], inner[:, 1])
    # The check is topological, so it uses planar areas (degrees²), which splitting an edge at a point
    # of it leaves unchanged (geodesic areas move by the edge's bulge, below the tolerance of the figures)
    planar = shapely.area(faces)
    own = np.array([g.area for g in pieces])
    error = max(abs(planar.sum() - square.area), float(np.abs(member.astype(np.float64) @ planar - own).max()))
    return CellAtoms((0, 0), areas_km2(faces) if error <= AREA_TOL_DEG2 else planar, member, error)


def _merge(cell: Cell, member: np.ndarray, areas: np.ndarray, error: float) -> CellAtoms:
    """Faces with the same membership merged into one atom; atoms whose membership in each layer never
    changes dropped (they are never gained nor lost)."""
    varies = (member.any(axis=0) & ~member.all(axis=0)).any(axis=0)
    member, areas = member[:, :, varies], areas[varies]
    if not len(areas):  # versions that differ in their vertices only
        return CellAtoms(cell, areas, member, error)
    flat = member.reshape(-1, member.shape[2])
    _, first, inverse = np.unique(np.packbits(flat, axis=0).T, axis=0, return_index=True, return_inverse=True)
    summed = np.zeros(len(first))
    np.add.at(summed, inverse.ravel(), areas)
    return CellAtoms(cell, summed, member[:, :, first], error)
