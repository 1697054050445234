"""Write eval/gold/places-terse.jsonl: terse conflict-report sentences with the place each event happened at.

Run: ``.venv/bin/python tools/make_places_gold.py [--shared ../shared] [--seed 10]``; the output depends only
on the seed and ua-places.

Sentences follow the style of ACLED's event notes and military briefings (date, actor, action, "near X,
Oblast", casualties), filled from ua-places (OCHA COD-AB Ukraine, CC BY-IGO 3.0): every oblast but Kyiv
city and Sevastopol, villages whose name occurs in several oblasts (the qualifier decides) and several times in
one oblast (the raion or hromada decides), places renamed since ua-places' Latin name was set (the Latin
name is the former one), hromada and raion mentions, other romanisations of the Ukrainian name, and invented
names that no gazetteer holds (the answer is the smallest unit the sentence names, with its precision).
Gold points are the table's own points; precision is ACLED's geo_precision (1 the settlement, 2 near it or
a hromada/raion, 3 the oblast). The templates vary the phrasing on purpose: the geocoder is not written to
them, and the file is split into tuning and held-out halves by a hash of doc_id (evaluation/split.py).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from translitua import UkrainianBGN, UkrainianKMU, translit

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "eval" / "gold" / "places-terse.jsonl"

#: How reports name an oblast: {c} the centre's English name, {a} the adjectival official name.
OBLAST_FORMS = ("{c}", "{c} oblast", "{c} Oblast", "{c} region", "the {c} region", "{a} oblast", "{c} province")
OBLAST_CENTRES = {
    "UA01": "Crimea", "UA05": "Vinnytsia", "UA07": "Volyn", "UA12": "Dnipropetrovsk", "UA14": "Donetsk",
    "UA18": "Zhytomyr", "UA21": "Zakarpattia", "UA23": "Zaporizhzhia", "UA26": "Ivano-Frankivsk", "UA32": "Kyiv",
    "UA35": "Kirovohrad", "UA44": "Luhansk", "UA46": "Lviv", "UA48": "Mykolaiv", "UA51": "Odesa",
    "UA53": "Poltava", "UA56": "Rivne", "UA59": "Sumy", "UA61": "Ternopil", "UA63": "Kharkiv", "UA65": "Kherson",
    "UA68": "Khmelnytskyi", "UA71": "Cherkasy", "UA73": "Chernivtsi", "UA74": "Chernihiv",
}
EVENTS = (  # (event_type, sub_event_type, phrasing with {near}{place})
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Russian forces shelled {near}{place} with {weapon}."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Russian artillery struck {near}{place}."),
    ("Explosions/Remote violence", "Air/drone strike", "Russian forces launched a drone strike on {place}."),
    ("Explosions/Remote violence", "Air/drone strike",
     "Russian aircraft dropped guided aerial bombs {nearon}{place}."),
    ("Battles", "Armed clash", "Ukrainian and Russian forces clashed {nearin}{place}."),
    ("Battles", "Armed clash", "Russian forces attacked Ukrainian positions {nearin}{place}."),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     "A civilian vehicle hit a landmine {nearin}{place}."),
)
WEAPONS = ("mortars and artillery", "artillery", "MLRS", "tube artillery and mortars", "Grad rockets")
CASUALTIES = ("Casualties unknown.", "No casualties reported.", "1 civilian was killed.", "2 civilians were injured.",
              "", "Property damage reported.")
SYLLABLES = ("zor", "mir", "vel", "krut", "pry", "yas", "hor", "dub", "lyp", "ber", "sok", "tem", "vod", "ost")
ENDINGS = ("ivka", "ove", "yne", "ivske", "anka", "ychi")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["lat"] and r["lon"]]


class Maker:
    def __init__(self, rows: list[dict[str, str]], rng: random.Random) -> None:
        self.rng = rng
        self.by_pcode = {r["pcode"]: r for r in rows}
        self.settlements = [r for r in rows if r["level"] == "settlement" and r["oblast_pcode"] in OBLAST_CENTRES]
        names = Counter(r["name_en"] for r in self.settlements)
        self.in_oblast = Counter((r["name_en"], r["oblast_pcode"]) for r in self.settlements)
        self.shared = [r for r in self.settlements if names[r["name_en"]] >= 3 and self.in_oblast[
            (r["name_en"], r["oblast_pcode"])] == 1]
        self.same_oblast = [r for r in self.settlements if self.in_oblast[(r["name_en"], r["oblast_pcode"])] >= 2]
        self.unique = [r for r in self.settlements if self.in_oblast[(r["name_en"], r["oblast_pcode"])] == 1]
        self.by_oblast = defaultdict(list)
        for r in self.unique:
            self.by_oblast[r["oblast_pcode"]].append(r)
        self.renamed = [r for r in self.unique  # the Latin name is the former one, the Ukrainian the new
                        if r["name_en"][:4].lower() != translit(r["name_uk"], UkrainianKMU)[:4].lower()]
        self._village_loc = True
        self.day = date(2024, 1, 1)
        self.n = 0

    def oblast(self, pcode: str) -> str:
        if pcode == "UA01":
            return self.rng.choice(("Crimea", "the Crimean peninsula", "Autonomous Republic of Crimea"))
        form = self.rng.choice(OBLAST_FORMS)
        return form.format(c=OBLAST_CENTRES[pcode], a=self.by_pcode[pcode]["name_en"])

    def sentence(self, place: str, loc: dict[str, object], near: bool) -> dict[str, object]:
        event_type, sub, phrase = self.rng.choice(EVENTS)
        self.day += timedelta(days=self.rng.randint(1, 3))
        when = f"{self.day.day} {self.day:%B %Y}"
        near = near and "{near" in phrase  # "a drone strike on X" cannot say "near"
        if self._village_loc:  # a settlement: 1, or 2 when the event is near it (ACLED geo_precision)
            loc = {**loc, "precision": 2 if near else 1}
        body = phrase.format(near="near " if near else "", nearon="near " if near else "on ",
                             nearin="near " if near else "in ", place=place, weapon=self.rng.choice(WEAPONS))
        lead = self.rng.choice(("On {d}, ", "On {d}, ", "On the night of {d}, ", "On {d} (as reported), "))
        text = f"{lead.format(d=when)}{body} {self.rng.choice(CASUALTIES)}".strip()
        self.n += 1
        doc_id = f"places-terse-{self.n:04d}"
        return {"doc_id": doc_id, "text": text, "published": (self.day + timedelta(days=1)).isoformat(),
                "events": [{"event_type": event_type, "sub_event_type": sub, "location": loc}]}

    @staticmethod
    def loc(r: dict[str, str], name: str, precision: int) -> dict[str, object]:
        return {"name": name, "lat": round(float(r["lat"]), 5), "lon": round(float(r["lon"]), 5),
                "precision": precision}

    def village(self, r: dict[str, str], name: str | None = None) -> dict[str, object]:
        self._village_loc = True
        near = self.rng.random() < 0.5
        name = name or r["name_en"]
        return self.sentence(f"{name}, {self.oblast(r['oblast_pcode'])}", self.loc(r, name, 2 if near else 1), near)

    def with_unit(self, r: dict[str, str]) -> dict[str, object]:
        """A village qualified by its raion or hromada and oblast."""
        in_raion = sum(1 for o in self.settlements
                       if o["name_en"] == r["name_en"] and o["raion_pcode"] == r["raion_pcode"])
        use_raion = in_raion == 1 and self.rng.random() < 0.5  # the raion decides only where it holds one
        unit = self.by_pcode[r["raion_pcode"] if use_raion else r["hromada_pcode"]]
        word = "raion" if unit["level"] == "raion" else self.rng.choice(("hromada", "community"))
        place = f"{r['name_en']}, {unit['name_en']} {word}, {self.oblast(r['oblast_pcode'])}"
        self._village_loc = True
        near = self.rng.random() < 0.4
        return self.sentence(place, self.loc(r, r["name_en"], 2 if near else 1), near)

    def unit(self, pcode: str) -> dict[str, object]:
        """A hromada or raion mentioned without a village: its own point, precision 2."""
        u = self.by_pcode[pcode]
        word = {"raion": self.rng.choice(("raion", "district")), "hromada": self.rng.choice(("hromada", "community"))}
        place = f"the {u['name_en']} {word[u['level']]}, {self.oblast(u['oblast_pcode'])}"
        self._village_loc = False
        return self.sentence(place, self.loc(u, u["name_en"], 2), False)

    def invented(self, r: dict[str, str], known: set[str]) -> dict[str, object]:
        """A name no gazetteer holds: the answer is the oblast (precision 3) or the named hromada (2)."""
        self._village_loc = False
        while True:
            name = (self.rng.choice(SYLLABLES) + self.rng.choice(SYLLABLES) + self.rng.choice(ENDINGS)).capitalize()
            if name.lower() not in known:
                break
        if self.rng.random() < 0.5:
            ob = self.by_pcode[r["oblast_pcode"]]
            return self.sentence(f"{name}, {self.oblast(r['oblast_pcode'])}", self.loc(ob, name, 3), False)
        h = self.by_pcode[r["hromada_pcode"]]
        place = f"{name}, {h['name_en']} hromada, {self.oblast(r['oblast_pcode'])}"
        return self.sentence(place, self.loc(h, name, 2), False)


def build(rows: list[dict[str, str]], seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    m = Maker(rows, rng)
    known = {r["name_en"].lower() for r in rows}
    out = []
    for ob in sorted(OBLAST_CENTRES):
        towns = m.by_oblast[ob]
        for r in rng.sample(towns, 3):
            out.append(m.village(r))
        out.append(m.with_unit(rng.choice(towns)))
        out.append(m.unit(rng.choice(towns)["hromada_pcode"]))
        out.append(m.unit(rng.choice(towns)["raion_pcode"]))
        out.append(m.invented(rng.choice(towns), known))
        other = rng.choice(towns)
        out.append(m.village(other, translit(other["name_uk"], UkrainianBGN)))  # BGN/PCGN 1965 spelling
    for r in rng.sample(m.shared, 25):
        out.append(m.village(r))
    for r in rng.sample(m.same_oblast, 15):
        out.append(m.with_unit(r))
    for r in rng.sample(m.renamed, 12):
        out.append(m.village(r))  # the Latin name ua-places keeps is the former one
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    docs = build(read(args.shared / "data" / "gazetteer" / "ua-places.csv"), args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} sentences to {args.out}")


if __name__ == "__main__":
    main()
