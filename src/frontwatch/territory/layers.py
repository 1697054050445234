"""Layer expressions: one layer (``occupied``) or a sum written with ``+`` (``occupied+contested``).

A sum is the union of the layers' geometries, so ground in two layers at once counts once.

>>> parse_layers("contested + occupied")
('contested', 'occupied')
>>> canonical("occupied+contested")
'contested+occupied'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..errors import UnknownLayer

if TYPE_CHECKING:
    from ..store import Store

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def parse_layers(expr: str) -> tuple[str, ...]:
    """The sorted, distinct layer names of an expression; raises UnknownLayer on a malformed one."""
    names = [part.strip().lower() for part in str(expr).split("+")]
    bad = [n for n in names if not _NAME.match(n)]
    if not names or bad:
        raise UnknownLayer(
            f"bad layer expression {expr!r}: expected names such as occupied or a sum such as occupied+contested"
        )
    return tuple(sorted(set(names)))


def canonical(expr: str) -> str:
    """The one spelling of an expression used as a key in the store (sorted names joined by ``+``)."""
    return "+".join(parse_layers(expr))


def display(expr: str) -> str:
    """An expression as the user wrote it, normalised (lower case, no spaces, no repeats).

    >>> display("Occupied + contested")
    'occupied+contested'
    """
    parse_layers(expr)
    return "+".join(dict.fromkeys(part.strip().lower() for part in str(expr).split("+")))


def check_layers(store: Store, names: tuple[str, ...], source: str) -> None:
    """Raise UnknownLayer naming the layers the store has when one of ``names`` is not stored for ``source``."""
    have = set(store.layer_names(source))
    missing = [n for n in names if n not in have]
    if missing:
        raise UnknownLayer(
            f"layer {'+'.join(missing)!r} is not in the {source} snapshots; stored layers: {', '.join(sorted(have))}"
        )


def polygonal(geom: BaseGeometry | None) -> MultiPolygon:
    """The polygons of ``geom`` as one MultiPolygon (lines, points and empty parts dropped, collections flattened).

    >>> polygonal(shapely.GeometryCollection([shapely.box(0, 0, 1, 1), shapely.Point(5, 5)])).geom_type
    'MultiPolygon'
    """
    if geom is None or geom.is_empty:
        return MultiPolygon()
    parts = shapely.get_parts(geom)
    while any(not isinstance(p, Polygon) and hasattr(p, "geoms") for p in parts):
        parts = np.concatenate([shapely.get_parts(p) for p in parts])
    return MultiPolygon([p for p in parts if isinstance(p, Polygon) and not p.is_empty])


def combine(geoms: list[BaseGeometry]) -> MultiPolygon:
    """The union of the layers of a sum (a single layer passes through untouched)."""
    present = [g for g in geoms if g is not None and not g.is_empty]
    if not present:
        return MultiPolygon()
    if len(present) == 1:
        return polygonal(present[0])
    return polygonal(shapely.union_all(present))
