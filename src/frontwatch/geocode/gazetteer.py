"""The offline gazetteer: GeoNames places, regions, countries, continents and seas behind one name index.

The table ``frontwatch/data/gazetteer.bin`` (format: :mod:`.packing`) is derived from GeoNames (CC BY 4.0)
and, for Ukraine, from ua-places (OCHA COD-AB Ukraine, CC BY-IGO 3.0: every settlement, hromada and raion,
with its P-code) by ``tools/build_gazetteer.py``; the hand tables in :mod:`.aliases` are merged in at load
time. It is loaded once per process, on first use.
"""

from __future__ import annotations

import bisect
import lzma
import math
import re
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import DataUnavailable
from . import aliases
from .names import key, skeleton
from .packing import Section, unpack

#: Row kinds in the table: first-level region, country, US county, continent, populated place, sea, and
#: Ukraine's hromadas (communities) and raions (districts).
REGION, COUNTRY, COUNTY, CONTINENT, SETTLEMENT, SEA = "A", "C", "D", "L", "P", "S"
HROMADA, RAION = "H", "R"
#: One skeleton group in this many has its skeleton stored (the bisection's first step); the builder uses it.
SAMPLE_EVERY = 16
#: Coordinates are stored as integers of 1e-5 degree; this one stands for "no point" (US counties).
NO_POINT = -(2**31)


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


def _array(sections: dict[str, Section], name: str) -> np.ndarray:
    value = sections[name]
    if not isinstance(value, np.ndarray):
        raise ValueError(f"section {name} is not an array")
    return value


def _blob(sections: dict[str, Section], name: str) -> bytes:
    value = sections[name]
    if not isinstance(value, bytes):
        raise ValueError(f"section {name} is not text")
    return value


def _units(sections: dict[str, Section], name: str) -> np.ndarray:
    """A coordinate column in 1e-5 degree units, from its tens and its last digits."""
    return (_array(sections, name).astype(np.int64) * 10 + _array(sections, f"{name}_digit")).astype(np.int32)


def _starts(sizes: np.ndarray) -> array[int]:
    """Where each run begins, and where the last ends, from the runs' sizes."""
    return array("I", np.concatenate(([0], np.cumsum(sizes))).astype(np.uint32).tobytes())


class _Strings:
    """Newline-terminated strings in one bytes object, read by position (a list of 600,000 str objects would
    cost ten times the memory and a split at every load)."""

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == 10)
        self.starts = np.concatenate(([0], ends + 1)).astype(np.uint32)
        self._at = array("I", self.starts.tobytes())  # plain ints for one-at-a-time reads

    def __len__(self) -> int:
        return len(self._at) - 1

    def __getitem__(self, i: int) -> str:
        return self.blob[self._at[i]:self._at[i + 1] - 1].decode("utf-8")

    def bytes_at(self, offsets: np.ndarray) -> np.ndarray:
        """The blob's bytes at some offsets."""
        return np.frombuffer(self.blob, dtype=np.uint8)[offsets]

    def take(self, positions: np.ndarray) -> list[str]:
        """The strings at some positions, gathered in one pass rather than one slice each."""
        starts = self.starts[positions].astype(np.int64)
        sizes = self.starts[positions + 1].astype(np.int64) - starts  # newline included
        shift = np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)
        gathered = self.bytes_at(shift + np.arange(int(sizes.sum())))
        return gathered.tobytes().decode("utf-8").split("\n")[:-1]


class Gazetteer:
    """All entries and the name indexes (exact key, transliteration skeleton), read from the packed table.

    Rows are columns (numbers as arrays, names as one blob) and become entries on demand. The keys are
    sorted by (skeleton, key), so each skeleton's keys are neighbours: a skeleton lookup is a bisection to
    its group (every SAMPLE_EVERY-th group's skeleton is stored; within a block the skeletons are computed
    from the keys), and an exact key is looked up in the group of its skeleton. No index is built at load.
    """

    def __init__(self, data: bytes) -> None:
        t = unpack(data)
        self._kind = _blob(t, "kind")
        self._gid, self._lat, self._lon = _array(t, "geonameid"), _units(t, "lat"), _units(t, "lon")
        self._pop = _array(t, "population")
        self._names, self._pcodes = _Strings(_blob(t, "name")), _Strings(_blob(t, "pcode"))
        self._cc, self._cc_names = _array(t, "country"), _blob(t, "countries").decode("ascii").split("\n")
        self._a1, self._a1_names = _array(t, "admin1"), _blob(t, "admin1_codes").decode("utf-8").split("\n")
        self._fcode = _array(t, "feature_code")
        self._fcode_names = _blob(t, "feature_codes").decode("ascii").split("\n")
        self._keys = _Strings(_blob(t, "keys"))
        self._id_at = _starts(_array(t, "key_rows"))
        self._row_ids = _array(t, "rows")
        self._group_at = _starts(_array(t, "group_keys"))
        self._sample = _blob(t, "skeleton_sample").decode("ascii").split("\n")[:-1]
        if len(self._names) != len(self._kind) or self._id_at[-1] != len(self._row_ids):
            raise ValueError("the table's sections disagree in length")
        self._key_shape: tuple[np.ndarray, np.ndarray] | None = None
        self._group = self._group_cache()
        self._extra_keys: dict[str, list[int]] = {}
        self._extra_skels: dict[str, list[int]] = {}
        self._extra: dict[int, Entry] = {}
        self._cache: dict[int, Entry] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.admin1_index: dict[tuple[str, str], int] = {}
        self.country_index: dict[str, int] = {}
        for i, kind in enumerate(self._kind):  # regions and countries sort first ("A" < "C" < "D" ...)
            if kind == ord(REGION):
                code = (self.country_code(i), self._a1_names[self._a1[i]])
                self.admin1_names[code] = self._names[i]
                self.admin1_index[code] = i
            elif kind == ord(COUNTRY):
                self.country_index[self.country_code(i)] = i
            else:
                break
        self._add_hand_tables()

    def _group_cache(self) -> Callable[[str], range]:
        # the matcher asks for the same few thousand names (and each name by key and by skeleton) again
        return lru_cache(maxsize=1 << 16)(self._find_group)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        del state["_group"]  # a cache of bound methods does not pickle
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._group = self._group_cache()

    def __len__(self) -> int:
        return len(self._kind) + len(self._extra)

    def entry(self, index: int) -> Entry:
        """The entry at a row index."""
        hit = self._cache.get(index) or self._extra.get(index)
        if hit is not None:
            return hit
        kind, name, cc = chr(self._kind[index]), self._names[index], self.country_code(index)
        a1, gid, population = self._a1_names[self._a1[index]], int(self._gid[index]), int(self._pop[index])
        place = GazetteerPlace(
            name=name, geonameid=gid or None, lat=_degrees(int(self._lat[index])),
            lon=_degrees(int(self._lon[index])), admin1=self.admin1_names.get((cc, a1)) if kind != REGION else name,
            country=cc or None, population=population, feature_code=self._fcode_names[self._fcode[index]],
            pcode=self._pcodes[index] or None,
        )
        entry = Entry(index, kind, place, a1, math.log10(population + 10))
        self._cache[index] = entry
        return entry

    def country_code(self, index: int) -> str:
        """The row's country code without building its entry."""
        if index in self._extra:
            return self._extra[index].place.country or ""
        return self._cc_names[self._cc[index]]

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
        index = len(self._kind) + len(self._extra)
        self._extra[index] = Entry(index, kind, place, "", math.log10(place.population + 10))
        self.add_names(index, names)

    # ------------------------------------------------------------ lookups
    def _group_skeleton(self, group: int) -> str:
        return skeleton(self._keys[self._group_at[group]])

    def _find_group(self, sk: str) -> range:
        """The key positions whose skeleton is ``sk`` (empty when none)."""
        block = bisect.bisect_right(self._sample, sk) - 1
        if block < 0:
            return range(0)
        lo = block * SAMPLE_EVERY
        end = hi = min(lo + SAMPLE_EVERY, len(self._group_at) - 1)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._group_skeleton(mid) < sk:
                lo = mid + 1
            else:
                hi = mid
        if lo == end or self._group_skeleton(lo) != sk:
            return range(0)
        return range(self._group_at[lo], self._group_at[lo + 1])

    def _rows_of(self, position: int) -> list[int]:
        return self._row_ids[self._id_at[position]:self._id_at[position + 1]].tolist()

    def _table_ids(self, k: str) -> list[int]:
        for position in self._group(skeleton(k)):
            if self._keys[position] == k:
                return self._rows_of(position)
        return []

    def ids(self, k: str) -> list[int]:
        """Row indices for an exact key (already normalised)."""
        found = self._table_ids(k)
        extra = self._extra_keys.get(k)
        return found + [i for i in extra if i not in found] if extra else found

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or an alternate name has the same key."""
        return [self.entry(i) for i in self.ids(key(name))]

    def lookup_skeleton(self, name: str) -> list[Entry]:
        """Entries whose spelling is a transliteration variant (see :func:`.names.skeleton`)."""
        sk = skeleton(key(name))  # == skeleton(name) (keys are their own keys), and shares ids()' cache entry
        found = sorted({i for position in self._group(sk) for i in self._rows_of(position)})
        found += [i for i in self._extra_skels.get(sk, ()) if i not in found]
        return [self.entry(i) for i in found]

    def _in_key_order(self, positions: np.ndarray, extra: list[str]) -> list[tuple[str, list[int]]]:
        """(key, rows) of table keys at some positions and of hand-table keys, in the order of sorted
        ``key<TAB>rows`` lines (a key in both comes twice, ordered by its rows' text)."""
        table = {self._keys[p]: p for p in positions.tolist()}
        both = set(extra)
        lines = [(k, "", self._rows_of(p)) for k, p in table.items() if k not in both]
        for k in extra:
            lines.append((k, ",".join(map(str, self._extra_keys[k])), self._extra_keys[k]))
            if k in table:
                rows = self._rows_of(table[k])
                lines.append((k, ",".join(map(str, rows)), rows))
        lines.sort(key=lambda line: line[:2])
        return [(k, rows) for k, _, rows in lines]

    def keys_with_prefix(self, prefix: str) -> list[tuple[str, list[int]]]:
        """(key, rows) for every key that begins with ``prefix``, in key order (table and hand tables)."""
        pattern = re.compile(b"^" + re.escape(prefix.encode("ascii", "replace")), re.MULTILINE)
        starts = np.array([m.start() for m in pattern.finditer(self._keys.blob)], dtype=np.int64)
        positions = np.searchsorted(self._keys.starts, starts[starts < len(self._keys.blob)])
        return self._in_key_order(positions, [k for k in self._extra_keys if k.startswith(prefix)])

    def keys_near(self, first: str, length: int, slack: int) -> list[str]:
        """Keys that begin with the character ``first`` and are within ``slack`` characters of ``length``,
        in the order of sorted ``key<TAB>rows`` lines (a hand-table key also in the table comes twice), for
        fuzzy matching."""
        if self._key_shape is None:
            starts = self._keys.starts.astype(np.int64)
            self._key_shape = (self._keys.bytes_at(starts[:-1]), np.diff(starts) - 1)
        firsts, lengths = self._key_shape
        code = ord(first) if len(first) == 1 and ord(first) < 128 else -1
        keys = sorted(self._keys.take(np.flatnonzero((firsts == code) & (np.abs(lengths - length) <= slack))))
        for k, rows in self._extra_keys.items():
            if k[:1] == first and abs(len(k) - length) <= slack:
                at = bisect.bisect_left(keys, k)
                if at < len(keys) and keys[at] == k and ",".join(map(str, self._table_ids(k))) < ",".join(
                        map(str, rows)):
                    at += 1  # the table's line sorts first
                keys.insert(at, k)
        return keys

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
        lo = bisect.bisect_left(self._kind, ord(kind))
        hi = bisect.bisect_left(self._kind, ord(kind) + 1)
        return range(lo, hi)


TABLE = "gazetteer.bin"


def _degrees(fixed: int) -> float:
    """Degrees from 1e-5 degree units; int / int rounds once, so this is the float the decimal text gave."""
    return math.nan if fixed == NO_POINT else fixed / 100_000


def _read_bytes(path: Path | None = None) -> bytes:
    where = str(path) if path is not None else f"frontwatch/data/{TABLE}"
    try:
        if path is not None:
            return path.read_bytes()
        with resources.files("frontwatch.data").joinpath(TABLE).open("rb") as raw:
            return raw.read()
    except FileNotFoundError as exc:
        raise DataUnavailable(f"the gazetteer table {where} is missing: reinstall frontwatch or run "
                              "tools/build_gazetteer.py") from exc
    except OSError as exc:
        raise DataUnavailable(f"the gazetteer table {where} is unreadable ({exc}): reinstall frontwatch or run "
                              "tools/build_gazetteer.py") from exc


def read(path: Path | None = None) -> Gazetteer:
    """A gazetteer read from a table file (the bundled one by default); DataUnavailable when it is missing or
    corrupt."""
    data = _read_bytes(path)
    try:
        return Gazetteer(data)
    except (ValueError, IndexError, KeyError, TypeError, UnicodeDecodeError, zlib.error, lzma.LZMAError) as exc:
        raise DataUnavailable(f"the gazetteer table {path or TABLE} is corrupt ({exc}): "
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
