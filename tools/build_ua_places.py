"""Ukraine's places for the gazetteer, from ``shared/data/gazetteer/ua-places.csv`` (used by build_gazetteer.py).

ua-places (OCHA COD-AB Ukraine, SSPE "Kartographia", CC BY-IGO 3.0) lists every settlement with its hromada,
raion and oblast (the P-code's prefixes). It replaces GeoNames' Ukrainian settlements: a GeoNames place that
matches a ua-places settlement (same name in some spelling, within 15 km) is merged into it and keeps its
GeoNames id, population and alternate names (Russian names, exonyms, former names); GeoNames places without a
match stay as they are.

Every name a reporter may write is indexed: the official Latin name (national 2010 system), the Ukrainian
name, its transliterations in the other schemes in use, computed by the ``translitua`` package (BGN/PCGN 1965,
British Standard, scholarly, German, passport 2007; MIT, pure Python, 17 Ukrainian tables kept to the
official standards, so no hand-written letter table here), a Russian-style reading of the Ukrainian spelling
(Гуляйполе -> Gulyaypole), and the Latin name ua-places still carries for places renamed since (its former
name). Hromadas and raions are indexed under their adjectival names and under their centre's name with the
unit word ("Tokmatska hromada", "Tokmak hromada", "Tokmak community", "Bakhmutskyi raion", "Bakhmut
district"); oblasts under the phrasings of :data:`OBLAST_NAMES`.
"""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from pathlib import Path

from translitua import (
    RussianInternationalPassport1997,
    UkrainianBGN,
    UkrainianBritish,
    UkrainianGerman,
    UkrainianKMU,
    UkrainianPassport2007,
    translit,
)

from frontwatch.geocode.names import key, skeleton

UKRAINIAN_TABLES = (UkrainianKMU, UkrainianBGN, UkrainianBritish, UkrainianGerman, UkrainianPassport2007)
#: Ukrainian letters read as a Russian reader would write them, before a Russian table romanises them.
_RUSSIAN_READING = str.maketrans({"и": "ы", "і": "и", "ї": "йи", "є": "е", "ґ": "г", "И": "Ы", "І": "И",
                                  "Ї": "Йи", "Є": "Е", "Ґ": "Г", "'": "ь", "’": "ь", "ʼ": "ь"})
#: Populations for settlements GeoNames does not know (it lists every place of 500 or more people).
DEFAULT_POPULATION = {"city": 5000, "city with special status": 1_000_000, "rural settlement": 400,
                      "village": 150}
MATCH_KM = {"city": 15.0, "city with special status": 25.0}
MATCH_KM_DEFAULT = 8.0
#: The English short names and everyday phrasings of the oblasts (the names of their centres, and the
#: forms English-language news uses), by ua-places P-code.
OBLAST_NAMES: dict[str, tuple[str, ...]] = {
    "UA01": ("Crimea", "Autonomous Republic of Crimea", "Krym"), "UA05": ("Vinnytsia", "Vinnitsa"),
    "UA07": ("Volyn", "Volhynia"), "UA12": ("Dnipropetrovsk", "Dnipro", "Dnepropetrovsk"),
    "UA14": ("Donetsk",), "UA18": ("Zhytomyr", "Zhitomir"),
    "UA21": ("Zakarpattia", "Transcarpathia", "Transcarpathian", "Zakarpattya"),
    "UA23": ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Zaporozhia"),
    "UA26": ("Ivano-Frankivsk",), "UA32": ("Kyiv", "Kiev"), "UA35": ("Kirovohrad", "Kropyvnytskyi", "Kirovograd"),
    "UA44": ("Luhansk", "Lugansk"), "UA46": ("Lviv", "Lvov"), "UA48": ("Mykolaiv", "Nikolaev", "Mykolayiv"),
    "UA51": ("Odesa", "Odessa"), "UA53": ("Poltava",), "UA56": ("Rivne", "Rovno"), "UA59": ("Sumy",),
    "UA61": ("Ternopil",), "UA63": ("Kharkiv", "Kharkov"), "UA65": ("Kherson",),
    "UA68": ("Khmelnytskyi", "Khmelnitsky", "Khmelnytsky"), "UA71": ("Cherkasy", "Cherkassy"),
    "UA73": ("Chernivtsi", "Chernovtsy"), "UA74": ("Chernihiv", "Chernigov"),
}
OBLAST_WORDS = ("oblast", "region", "province", "oblast'")
HROMADA_WORDS = ("hromada", "community", "territorial community", "urban hromada", "rural hromada",
                 "settlement hromada", "municipality")
RAION_WORDS = ("raion", "rayon", "district")
KIND_RANK = {"city with special status": 3, "city": 2, "rural settlement": 1, "village": 0}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def spellings(name_uk: str) -> list[str]:
    """The Ukrainian name's romanisations in the schemes reporters use, official first."""
    out = [translit(name_uk, t) for t in UKRAINIAN_TABLES]
    out.append(translit(name_uk.translate(_RUSSIAN_READING), RussianInternationalPassport1997))
    return list(dict.fromkeys(s for s in out if s))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dy = (a[0] - b[0]) * 111.2
    dx = (a[1] - b[1]) * 111.2 * math.cos(math.radians(a[0]))
    return math.hypot(dx, dy)


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _centre(unit_name: str, members: list[dict[str, str]]) -> dict[str, str] | None:
    """The settlement a hromada or raion is named after: among those whose name the unit's name begins with
    (give or take an ending), the largest kind, then the longest shared prefix."""
    k = key(unit_name)

    def fits(r: dict[str, str]) -> bool:
        n = len(key(r["name_en"]))
        return _prefix(k, key(r["name_en"])) >= min(n - 1, max(4, n - 3))  # Sumskyi: Sumy; Tokmatska: Tokmak

    named = [r for r in members if fits(r)]
    return max(named, key=lambda r: (KIND_RANK.get(r["kind"], 0), _prefix(k, key(r["name_en"]))), default=None)


def _unit_names(names: list[str], words: tuple[str, ...], centre: dict[str, str] | None) -> list[str]:
    out = list(names)
    bases = list(names) + ([centre["name_en"], *spellings(centre["name_uk"])] if centre else [])
    for base in dict.fromkeys(bases):
        out += [f"{base} {w}" for w in words]
    return out


def _fill_points(rows: list[dict[str, str]]) -> list[str]:
    """Give a row without a point its hromada's (else raion's) point; the P-codes so placed."""
    points = {r["pcode"]: (r["lat"], r["lon"]) for r in rows if r["lat"] and r["lon"]}
    filled = []
    for r in rows:
        if not (r["lat"] and r["lon"]):
            for unit in (r["hromada_pcode"], r["raion_pcode"], r["oblast_pcode"]):
                if unit in points:
                    r["lat"], r["lon"] = points[unit]
                    filled.append(r["pcode"])
                    break
    return filled


class UkraineTable:
    """ua-places rows turned into gazetteer rows, with GeoNames' Ukrainian settlements merged in."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.without_point = _fill_points(rows)
        self.settlements = [r for r in rows if r["level"] == "settlement"]
        self._by_skeleton: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.settlements):
            for n in {r["name_en"], translit(r["name_uk"], UkrainianKMU)}:
                self._by_skeleton[skeleton(n)].append(i)
        self.merged: dict[int, list[str]] = {}  # settlement index -> GeoNames row
        self.oblast_codes: dict[str, str] = {}  # ua-places oblast P-code -> GeoNames admin1 code

    def merge_geonames(self, geonames: list[list[str]]) -> list[list[str]]:
        """Merge GeoNames' Ukrainian settlements into their ua-places match; the other rows, unchanged."""
        kept, votes = [], defaultdict(Counter)
        best: dict[int, tuple[float, int]] = {}
        for gi, row in enumerate(geonames):
            if row[0] != "P" or row[5] != "UA":
                continue
            hit = self._match(row)
            if hit is not None and (hit[1] not in best or hit[0] < best[hit[1]][0]):
                best[hit[1]] = (hit[0], gi)
        used = set()
        for si, (_d, gi) in best.items():
            self.merged[si] = geonames[gi]
            used.add(gi)
            votes[self.settlements[si]["oblast_pcode"]][geonames[gi][6]] += 1
        for gi, row in enumerate(geonames):
            if gi not in used:
                kept.append(row)
        self.oblast_codes = {ob: c.most_common(1)[0][0] for ob, c in votes.items()}
        self.oblast_codes.setdefault("UA80", "12")
        self.oblast_codes.setdefault("UA85", "20")
        return kept

    def _match(self, row: list[str]) -> tuple[float, int] | None:
        point = (float(row[3]), float(row[4]))
        found: list[tuple[float, int]] = []
        for n in [row[2], *(row[9].split("|") if row[9] else [])]:
            for si in self._by_skeleton.get(skeleton(n), ()):
                r = self.settlements[si]
                d = _km(point, (float(r["lat"]), float(r["lon"])))
                if d <= MATCH_KM.get(r["kind"], MATCH_KM_DEFAULT):
                    found.append((d, si))
        return min(found) if found else None

    def gazetteer_rows(self) -> list[list[str]]:
        """Settlement (P), hromada (H) and raion (R) rows; columns as build_gazetteer.COLUMNS plus the P-code."""
        out = []
        for si, r in enumerate(self.settlements):
            out.append(self._settlement_row(r, self.merged.get(si)))
        members: dict[str, list[dict[str, str]]] = defaultdict(list)
        for r in self.settlements:
            members[r["hromada_pcode"]].append(r)
            members[r["raion_pcode"]].append(r)
        for r in self.rows:
            if r["level"] == "hromada":
                out.append(self._unit_row("H", r, members[r["pcode"]], HROMADA_WORDS, "ADM3", "hromada"))
            elif r["level"] == "raion":
                out.append(self._unit_row("R", r, members[r["pcode"]], RAION_WORDS, "ADM2", "raion"))
        return out

    def _settlement_row(self, r: dict[str, str], geo: list[str] | None) -> list[str]:
        current = translit(r["name_uk"], UkrainianKMU)
        names = [r["name_en"], r["name_uk"], *spellings(r["name_uk"])]
        if geo is not None:
            names += [geo[2], *(geo[9].split("|") if geo[9] else [])]
        aliases = sorted({n for n in names if n and n != current})
        gid, pop = (geo[1], geo[7]) if geo is not None else ("", str(DEFAULT_POPULATION.get(r["kind"], 150)))
        if geo is not None and int(geo[7] or 0) == 0:
            pop = str(DEFAULT_POPULATION.get(r["kind"], 150))
        fcode = geo[8] if geo is not None else ("PPLA2" if r["kind"] == "city" else "PPL")
        a1 = self.oblast_codes.get(r["oblast_pcode"], "")
        return ["P", gid, current, f"{float(r['lat']):.5f}", f"{float(r['lon']):.5f}", "UA", a1, pop, fcode,
                "|".join(aliases), r["pcode"]]

    def _unit_row(self, kind: str, r: dict[str, str], members: list[dict[str, str]], words: tuple[str, ...],
                  fcode: str, word: str) -> list[str]:
        current = translit(r["name_uk"], UkrainianKMU)
        names = [r["name_en"], r["name_uk"], *spellings(r["name_uk"])]
        aliases = sorted(set(_unit_names(names, words, _centre(r["name_en"], members))) - {current})
        a1 = self.oblast_codes.get(r["oblast_pcode"], "")
        pop = str(sum(DEFAULT_POPULATION.get(m["kind"], 150) for m in members))
        return [kind, "", f"{current} {word}", f"{float(r['lat']):.5f}", f"{float(r['lon']):.5f}", "UA", a1, pop,
                fcode, "|".join(aliases), r["pcode"]]

    def oblast_updates(self) -> dict[str, tuple[float, float, list[str], str]]:
        """GeoNames admin1 code -> the oblast's ua-places point, its names, its P-code."""
        out = {}
        for r in self.rows:
            if r["level"] != "oblast" or r["pcode"] not in self.oblast_codes or r["pcode"] in ("UA80", "UA85"):
                continue
            names = [r["name_en"], r["name_uk"], *spellings(r["name_uk"])]
            short = list(OBLAST_NAMES.get(r["pcode"], ()))
            names += [f"{n} {w}" for n in names[:1] + names[2:] + short for w in OBLAST_WORDS]
            out[self.oblast_codes[r["pcode"]]] = (float(r["lat"]), float(r["lon"]), names, r["pcode"])
        return out
