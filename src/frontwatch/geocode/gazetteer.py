"""The offline gazetteer: GeoNames places, regions, countries, continents and seas behind one name index.

The table ``frontwatch/data/gazetteer.tsv.gz`` is derived from GeoNames (CC BY 4.0) and, for Ukraine, from
ua-places (OCHA COD-AB Ukraine, CC BY-IGO 3.0: every settlement, hromada and raion, with its P-code) by
``tools/build_gazetteer.py``; the hand tables in :mod:`.aliases` are merged in at load time.
It is loaded once per process, on first use.
"""

from __future__ import annotations

import bisect
import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataUnavailable
from . import aliases
from .names import key, skeleton

#: Row kinds in the table: first-level region, country, US county, continent, populated place, sea, and
#: Ukraine's hromadas (communities) and raions (districts).
REGION, COUNTRY, COUNTY, CONTINENT, SETTLEMENT, SEA = "A", "C", "D", "L", "P", "S"
HROMADA, RAION = "H", "R"


@dataclass(frozen=True)
class GazetteerPlace:
    """One gazetteer entry (a settlement for :func:`settlements`)."""

    name: str
    geonameid: int | None
    lat: float
    lon: float
    admin1: str | None  # the first-level region's name
    country: str | None  # ISO 3166-1 alpha-2
    population: int
    feature_code: str
    pcode: str | None = None  # Ukraine's P-code (its prefixes are the hromada, raion and oblast)


@dataclass(frozen=True)
class Entry:
    """An indexed row: the place plus what the resolver needs to rank it."""

    index: int
    kind: str
    place: GazetteerPlace
    admin1_code: str
    weight: float  # log10 of the population the name stands for (a region's: the sum of its settlements)


class Gazetteer:
    """All entries and the name indexes (exact key, transliteration skeleton), read from the table's text.

    The table holds sorted ``key<TAB>rows`` lines, searched by bisection, and rows parsed on demand: a dict
    of 500,000 keys and 240,000 objects built up front would make loading ten times slower.
    """

    def __init__(self, text: str | bytes) -> None:
        raw = text.encode("utf-8") if isinstance(text, str) else text
        # each section is decoded and split on its own, so the whole table is never held twice over
        rows_end = raw.index(b"\n#keys\n")
        keys_end = raw.index(b"\n#skeletons\n", rows_end)
        self._rows = raw[:rows_end].decode("utf-8").split("\n")[1:]  # after the header
        self._keys = raw[rows_end + 7:keys_end].decode("utf-8").split("\n")
        self._skels = raw[keys_end + 13:].decode("utf-8").rstrip("\n").split("\n")
        self._extra_keys: dict[str, list[int]] = {}
        self._extra_skels: dict[str, list[int]] = {}
        self._extra: dict[int, Entry] = {}
        self._cache: dict[int, Entry] = {}
        self._merged: list[str] | None = None
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.admin1_index: dict[tuple[str, str], int] = {}
        self.country_index: dict[str, int] = {}
        for i, line in enumerate(self._rows):  # regions and countries sort first ("A" < "C" < "D" ...)
            if line[0] == REGION:
                r = line.split("\t", 7)
                self.admin1_names[(r[5], r[6])] = r[2]
                self.admin1_index[(r[5], r[6])] = i
            elif line[0] == COUNTRY:
                self.country_index[line.split("\t", 6)[5]] = i
            else:
                break
        self._add_hand_tables()

    def __len__(self) -> int:
        return len(self._rows) + len(self._extra)

    def entry(self, index: int) -> Entry:
        """The entry at a row index."""
        hit = self._cache.get(index) or self._extra.get(index)
        if hit is not None:
            return hit
        kind, gid, name, lat, lon, cc, a1, pop, fcode, *rest = self._rows[index].split("\t")
        population = int(pop or 0)
        place = GazetteerPlace(
            name=name, geonameid=int(gid) if gid else None,
            lat=float(lat) if lat else math.nan, lon=float(lon) if lon else math.nan,
            admin1=self.admin1_names.get((cc, a1)) if kind != REGION else name,
            country=cc or None, population=population, feature_code=fcode, pcode=(rest[0] or None) if rest else None,
        )
        entry = Entry(index, kind, place, a1, math.log10(population + 10))
        self._cache[index] = entry
        return entry

    def country_code(self, index: int) -> str:
        """The row's country code without building its entry."""
        if index in self._extra:
            return self._extra[index].place.country or ""
        return self._rows[index].split("\t", 6)[5]

    def add_names(self, index: int, names: list[str] | tuple[str, ...]) -> None:
        """Index more names for an entry (the hand tables)."""
        for n in names:
            k = key(n)
            if k:
                for table, value in ((self._extra_keys, k), (self._extra_skels, skeleton(k))):
                    ids = table.setdefault(value, [])
                    if index not in ids:
                        ids.append(index)

    def _add_hand_tables(self) -> None:
        for cc, names in aliases.COUNTRY_ALIASES.items():
            if cc in self.country_index:
                self.add_names(self.country_index[cc], names)
        for code, names in aliases.ADMIN1_ABBREVIATIONS.items():
            if code in self.admin1_index:
                self.add_names(self.admin1_index[code], names)
        for old, (new, cc) in aliases.RENAMED.items():
            hits = [e for e in self.lookup(new) if e.place.country == cc and e.kind == SETTLEMENT]
            if hits:
                self.add_names(max(hits, key=lambda e: e.weight).index, [old])
        for old, (new, a1) in aliases.RUSSIAN_NAMES.items():
            hits = [e for e in self.lookup(new) if e.place.country == "UA" and e.admin1_code == a1
                    and e.kind == SETTLEMENT]
            if hits:
                self.add_names(max(hits, key=lambda e: e.weight).index, [old])
        for name, lat, lon, extra in aliases.SEAS:
            place = GazetteerPlace(name, None, lat, lon, None, None, 10_000_000, "SEA")
            self._add_extra(SEA, place, [name, *extra])
        for name, country, lat, lon, extra in aliases.EXTRA_REGIONS:
            place = GazetteerPlace(name, None, lat, lon, name, country, 10_000_000, "RGN")
            self._add_extra(REGION, place, [name, *extra])

    def _add_extra(self, kind: str, place: GazetteerPlace, names: list[str]) -> None:
        index = len(self._rows) + len(self._extra)
        self._extra[index] = Entry(index, kind, place, "", math.log10(place.population + 10))
        self.add_names(index, names)

    # ------------------------------------------------------------ lookups
    @staticmethod
    def _search(lines: list[str], k: str) -> list[int]:
        probe = k + "\t"
        i = bisect.bisect_left(lines, probe)
        if i < len(lines) and lines[i].startswith(probe):
            return [int(x) for x in lines[i][len(probe):].split(",")]
        return []

    def ids(self, k: str) -> list[int]:
        """Row indices for an exact key (already normalised)."""
        found = self._search(self._keys, k)
        extra = self._extra_keys.get(k)
        return found + [i for i in extra if i not in found] if extra else found

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or an alternate name has the same key."""
        return [self.entry(i) for i in self.ids(key(name))]

    def lookup_skeleton(self, name: str) -> list[Entry]:
        """Entries whose spelling is a transliteration variant (see :func:`.names.skeleton`)."""
        sk = skeleton(name)
        found = self._search(self._skels, sk)
        found += [i for i in self._extra_skels.get(sk, ()) if i not in found]
        return [self.entry(i) for i in found]

    def key_lines(self) -> list[str]:
        """The sorted ``key<TAB>rows`` lines with the hand tables' keys merged in (for prefix and fuzzy
        search), built once."""
        if self._merged is None:
            extra = [f"{k}\t{','.join(map(str, v))}" for k, v in self._extra_keys.items()]
            self._merged = sorted(self._keys + extra)
        return self._merged

    def region(self, country: str, admin1_code: str) -> Entry | None:
        """The first-level region entry, if the table has it."""
        i = self.admin1_index.get((country, admin1_code))
        return None if i is None else self.entry(i)

    def country(self, iso2: str) -> Entry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        i = self.country_index.get(iso2)
        return None if i is None else self.entry(i)

    def indices(self, kind: str) -> range:
        """Row indices of one kind of entry (rows are sorted by kind)."""
        lo = bisect.bisect_left(self._rows, kind)
        hi = bisect.bisect_left(self._rows, chr(ord(kind) + 1))
        return range(lo, hi)


TABLE = "gazetteer.tsv.gz"


def _read_text(path: Path | None = None) -> bytes:
    where = str(path) if path is not None else f"frontwatch/data/{TABLE}"
    try:
        if path is not None:
            data = path.read_bytes()
        else:
            with resources.files("frontwatch.data").joinpath(TABLE).open("rb") as raw:
                data = raw.read()
        return gzip.decompress(data)
    except FileNotFoundError as exc:
        raise DataUnavailable(f"the gazetteer table {where} is missing: reinstall frontwatch or run "
                              "tools/build_gazetteer.py") from exc
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DataUnavailable(f"the gazetteer table {where} is corrupt ({exc}): reinstall frontwatch or run "
                              "tools/build_gazetteer.py") from exc


def read(path: Path | None = None) -> Gazetteer:
    """A gazetteer read from a table file (the bundled one by default); DataUnavailable when it is missing or
    corrupt."""
    text = _read_text(path)
    try:
        return Gazetteer(text)
    except (ValueError, IndexError, UnicodeDecodeError) as exc:
        raise DataUnavailable(f"the gazetteer table {path or TABLE} is corrupt (no #keys/#skeletons sections): "
                              "reinstall frontwatch or run tools/build_gazetteer.py") from exc


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The process-wide gazetteer (loaded on first call)."""
    return read()


@lru_cache(maxsize=32)
def _settlements(countries: tuple[str, ...]) -> tuple[GazetteerPlace, ...]:
    wanted = set(countries)
    gaz = load()
    rows = gaz.indices(SETTLEMENT)
    return tuple(gaz.entry(i).place for i in rows if gaz.country_code(i) in wanted)


def settlements(countries: tuple[str, ...] | list[str] = ("UA",)) -> list[GazetteerPlace]:
    """Populated places of the given countries (every settlement of Ukraine, GeoNames cities500 elsewhere),
    cached after the first call."""
    return list(_settlements(tuple(sorted(countries))))
