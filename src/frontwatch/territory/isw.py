"""ISW's maps: the weekly TopoJSON archive (``YYYY-MM-DD/control_map.topojson`` ...) and ISW's layer names.

ISW (the Institute for the Study of War, with Critical Threats) publishes layers, not one map. They become the
CONTRACTS layers, the same for the weekly archive and the live service (``fetch.py``):

* assessed Russian control -> ``occupied``. For ISW it INCLUDES Crimea and the areas held before 24 Feb 2022
  (DeepState's ``occupied`` does not), so compare ISW with DeepState by their changes, not their totals;
* assessed Russian advances -> ``contested`` (ground Russian forces have advanced into, control not assessed);
* claimed Russian territory -> ``claimed`` (live service only; the weekly archive has none);
* Russian-controlled before 24 Feb 2022 -> ``occupied_pre2022`` (live service only);
* Ukrainian advances in Russia's Kursk region -> ``ukraine_held_in_russia``.

A TopoJSON file is read through GDAL (pyogrio), which decodes the quantised, delta-encoded arcs and rebuilds the
shared topology; its structure is checked first (arcs present and referenced correctly, a usable ``transform``),
because GDAL reads a broken file into silently wrong coordinates. One week's files are partial snapshots merged
by the importer under the key ``YYYY-MM-DD``: the snapshot time is the folder's date at 00:00 UTC, a day's
precision and no more. Quantisation (about 20 m) moves slivers of a few hundred m² between weeks and between the
control and advances layers (two files, two grids): they are measured as they are, not filtered, and roughly
cancel in a net change (``bench/results/isw.md``).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import Any, TypeGuard

import shapely
from shapely.geometry.base import BaseGeometry

from ..errors import InvalidGeometry, MissingTime, UnreadableFile
from . import colours
from .geometry import check_lonlat, clean_polygons, dissolve, in_box
from .raw import LayerParts, Note, RawSnapshot, ReadOptions, isw_layer_of, parse_json
from .snapshot_time import time_from_name

#: ISW's short layer names -> CONTRACTS layers (module docstring).
ISW_TO_LAYER = {
    "control": colours.OCCUPIED,
    "advances": colours.CONTESTED,
    "claimed": colours.CLAIMED,
    "pre2022": colours.OCCUPIED_PRE2022,
    "counteroffensives": "claimed_ukrainian_counteroffensives",
    "ukrainian_advances": colours.UKRAINE_HELD_IN_RUSSIA,
}
#: What each stored ISW layer holds, for outputs and explanations.
LAYER_DESCRIPTIONS = {
    colours.OCCUPIED: "ISW assessed Russian control; includes Crimea and the areas occupied before 24 Feb 2022",
    colours.CONTESTED: "ISW assessed Russian advances (ground Russian forces advanced into; control not assessed)",
    colours.CLAIMED: "ground Russian sources claim and ISW has not assessed",
    colours.OCCUPIED_PRE2022: "ISW: Russian-controlled before 24 Feb 2022 (Crimea and parts of Donbas)",
    colours.UKRAINE_HELD_IN_RUSSIA: "ISW: Ukrainian advances in Russia's Kursk region (claimed limit)",
}
#: The first week of ISW's assessed-advances layer in the archive: weeks before it have control only.
ADVANCES_SINCE = date(2022, 3, 6)

_UKRAINIAN_ADVANCE = re.compile(r"ukrain\w*[\s_-]*advance", re.I)
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def isw_short_layer(text: object) -> str | None:
    """The ISW layer a file stem, object or layer title names (``control``, ``advances``, ...).

    >>> isw_short_layer("kursk_ukrainian_advance"), isw_short_layer("russian_advances")
    ('ukrainian_advances', 'advances')
    >>> isw_short_layer("control_map"), isw_short_layer("temp") is None
    ('control', True)
    """
    if not isinstance(text, str):
        return None
    spaced = text.replace("_", " ")
    if _UKRAINIAN_ADVANCE.search(spaced):
        return "ukrainian_advances"
    return isw_layer_of(spaced)


def week_of(name: str, fallback: datetime | None = None) -> datetime:
    """The snapshot time of an archive member ``.../YYYY-MM-DD/file.topojson``: the folder's date, 00:00 UTC.

    >>> week_of("isw-weekly.tar.xz!isw-weekly/2024-05-12/control_map.topojson").isoformat()
    '2024-05-12T00:00:00+00:00'
    """
    member = PurePosixPath(name.rsplit("!", 1)[-1])
    folder = member.parent.name
    if _DATE_LIKE.match(folder):
        try:
            day = date.fromisoformat("-".join(f"{int(p):02d}" for p in folder.split("-")))
        except ValueError as exc:
            raise MissingTime(
                f"the folder date {folder!r} is not a date ({exc}): name each week's folder YYYY-MM-DD"
            ) from exc
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    moment = time_from_name(member.name) or fallback
    if moment is None:
        raise MissingTime(
            f"cannot date ISW file {member.name}: its folder {folder!r} is not a date (YYYY-MM-DD) and its name "
            "carries none; put each week's files in a folder named by its date, or give --time"
        )
    return moment


def check_topology(doc: Any) -> None:
    """Raise UnreadableFile unless ``doc`` is a TopoJSON Topology GDAL can decode into true coordinates."""
    if not isinstance(doc, dict) or doc.get("type") != "Topology":
        got = f"type {doc.get('type')!r}" if isinstance(doc, dict) else f"a JSON {type(doc).__name__}"
        raise UnreadableFile(f"expected a TopoJSON Topology, got {got}: is this one of ISW's .topojson files?")
    if not isinstance(doc.get("objects"), dict) or not doc["objects"]:
        raise UnreadableFile("the TopoJSON has no objects: nothing to read; download the file again")
    arcs = doc.get("arcs")
    if not isinstance(arcs, list):
        raise UnreadableFile("the TopoJSON has no 'arcs' list: its polygons cannot be built; download it again")
    highest = max((_arc_index(i) for obj in doc["objects"].values() for i in _arc_refs(obj)), default=-1)
    if highest >= len(arcs):
        what = "no arcs" if not arcs else f"{len(arcs)} arcs"
        raise UnreadableFile(
            f"the TopoJSON has {what} but its polygons use arc {highest}: the file is truncated or broken; "
            "download it again"
        )
    if "transform" in doc:
        _check_transform(doc["transform"])


def _check_transform(transform: Any) -> None:
    scale = transform.get("scale") if isinstance(transform, dict) else None
    translate = transform.get("translate") if isinstance(transform, dict) else None
    good = _pair(scale) and _pair(translate) and all(s != 0 for s in scale)
    if not good:
        raise UnreadableFile(
            f"broken TopoJSON transform {transform!r}: expected {{'scale': [sx, sy], 'translate': [tx, ty]}} "
            "with finite numbers and non-zero scales; download the file again"
        )


def _pair(value: Any) -> TypeGuard[list[float]]:
    return (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in value))


def _arc_refs(obj: Any) -> list[int]:
    """Every arc index a TopoJSON geometry (or collection) references, flattened."""
    if not isinstance(obj, dict):
        return []
    if obj.get("type") == "GeometryCollection":
        return [i for geom in obj.get("geometries") or [] for i in _arc_refs(geom)]
    out: list[int] = []
    stack = [obj.get("arcs")]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            out.append(item)
    return out


def _arc_index(ref: int) -> int:
    return ~ref if ref < 0 else ref  # TopoJSON: a negative index -i-1 means arc i reversed


def read_topojson(name: str, data: bytes, *, sha: str, opts: ReadOptions) -> RawSnapshot:
    """One ISW TopoJSON file as a partial snapshot of its week (merged with the week's other files)."""
    check_topology(parse_json(data))
    moment = week_of(name, opts.time)
    stem = isw_short_layer(PurePosixPath(name.rsplit("!", 1)[-1]).stem)
    raw = RawSnapshot("isw", moment.strftime("%Y-%m-%d"), moment, name, sha, partial=True)
    for obj, polys in _read_objects(data):
        short = stem or isw_short_layer(obj)
        if short is None:
            raise UnreadableFile(
                f"cannot tell which ISW layer TopoJSON object {obj!r} is (file {PurePosixPath(name).name}): "
                "name the file control_map.topojson, russian_advances.topojson or kursk_ukrainian_advance.topojson"
            )
        kept = [p for p in polys if in_box(p)]
        if len(kept) < len(polys):
            raw.notes.append(Note(name, "isw outside theatre", f"{len(polys) - len(kept)} polygon(s) of {obj!r} "
                                  "lie outside the theatre of war (lon 20..50, lat 40..60): dropped"))
        raw.layer(short).add(kept, None)
    return raw


def _read_objects(data: bytes) -> list[tuple[str, list[BaseGeometry]]]:
    """(object name, cleaned lon/lat polygons) of every object of a TopoJSON, decoded by GDAL."""
    import pyogrio
    import pyogrio.raw

    out = []
    try:
        for row in pyogrio.list_layers(data):
            _meta, _fids, wkbs, _fields = pyogrio.raw.read(data, layer=str(row[0]))
            polys = [p for g in shapely.from_wkb(wkbs) if g is not None for p in clean_polygons(g)]
            for poly in polys:
                check_lonlat(poly, what=f"TopoJSON object {row[0]!r}")
            out.append((str(row[0]), polys))
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise UnreadableFile(f"GDAL cannot read this TopoJSON ({exc}): download the file again") from exc
    return out


def isw_layers(raw: RawSnapshot) -> dict[str, list[BaseGeometry]]:
    """CONTRACTS layers of one ISW snapshot (module docstring); a week without assessed control is refused."""
    parts: dict[str, LayerParts] = raw.parts
    if "control" not in parts and "advances" in parts:
        raise InvalidGeometry(
            f"ISW week {raw.key} has assessed advances but no assessed control (control_map.topojson): "
            "not stored, since its occupied layer would read as empty; add the file and import again"
        )
    if "control" in parts and "advances" not in parts and raw.time.date() >= ADVANCES_SINCE:
        raw.notes.append(Note(raw.origin, "isw week without advances", (
            f"ISW week {raw.key} has assessed control but no assessed advances (russian_advances.topojson): "
            "stored without a contested layer, so occupied+contested dips that week; add the file to a fresh "
            "store to complete it")))
    out: dict[str, list[BaseGeometry]] = {}
    for short, layer in ISW_TO_LAYER.items():
        if short in parts and parts[short].polygons:
            out[layer] = [dissolve(parts[short].polygons)]
    return out
