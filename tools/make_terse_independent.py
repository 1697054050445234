"""Write eval/gold/terse-independent.jsonl: terse conflict notes written from ACLED's codebook definitions.

Written by an author who had not read the extractor's rules (``nlp/codebook/``), to test generalisation to
other writers. Places and points come from ``../shared/data/gazetteer/ua-places.csv`` (OCHA COD-AB, CC BY-IGO
3.0), plus a few Russian border towns with their well-known coordinates. Seeded: the output is reproducible.

    python tools/make_terse_independent.py [--gazetteer PATH] [--out PATH] [--seed 2026]
"""

# ruff: noqa: E501  (note templates and hand-written notes read better on one line each)

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # terse_handwritten.py lies next to this file
GAZ = ROOT.parent / "shared" / "data" / "gazetteer" / "ua-places.csv"

OBLASTS = {  # ua-places oblast_en -> ways reporters write it
    "Donetska": ["Donetsk", "Donetsk oblast", "Donetsk region", "Donetska oblast", "Donetsk Oblast"],
    "Kharkivska": ["Kharkiv", "Kharkiv oblast", "Kharkiv region", "Kharkivska oblast"],
    "Zaporizka": ["Zaporizhzhia", "Zaporizhia oblast", "Zaporizhzhia region", "Zaporizka oblast"],
    "Khersonska": ["Kherson", "Kherson oblast", "Kherson region"],
    "Sumska": ["Sumy", "Sumy oblast", "Sumy region", "Sumska oblast"],
    "Chernihivska": ["Chernihiv", "Chernihiv oblast", "Chernihiv region"],
    "Dnipropetrovska": ["Dnipropetrovsk", "Dnipropetrovsk oblast", "Dnipropetrovsk region"],
    "Mykolaivska": ["Mykolaiv", "Mykolaiv oblast", "Mykolaiv region"],
    "Luhanska": ["Luhansk", "Luhansk oblast", "Luhansk region"],
}
REAR = {
    "Odeska": ["Odesa", "Odesa oblast", "Odesa region"],
    "Kyivska": ["Kyiv oblast", "Kyiv region"],
    "Poltavska": ["Poltava", "Poltava oblast"],
    "Lvivska": ["Lviv", "Lviv oblast", "Lviv region"],
    "Vinnytska": ["Vinnytsia", "Vinnytsia oblast"],
    "Zhytomyrska": ["Zhytomyr", "Zhytomyr oblast"],
    "Khmelnytska": ["Khmelnytskyi", "Khmelnytskyi oblast"],
    "Cherkaska": ["Cherkasy", "Cherkasy oblast"],
    "Kirovohradska": ["Kirovohrad", "Kirovohrad oblast"],
    "Rivnenska": ["Rivne", "Rivne oblast"],
}
CITIES = [
    "Kyiv",
    "Odesa",
    "Kharkiv",
    "Zaporizhzhia",
    "Kherson",
    "Sumy",
    "Dnipro",
    "Lviv",
    "Mykolaiv",
    "Chernihiv",
    "Kramatorsk",
    "Nikopol",
    "Poltava",
    "Kryvyi Rih",
    "Sloviansk",
    "Izium",
    "Vinnytsia",
]
RU_TOWNS = {  # well-known points of Russian border towns
    ("Belgorod", "Belgorod oblast"): (50.5957, 36.5873),
    ("Shebekino", "Belgorod oblast"): (50.4065, 36.8878),
    ("Kursk", "Kursk oblast"): (51.7304, 36.1926),
    ("Sudzha", "Kursk oblast"): (51.1917, 35.2714),
    ("Bryansk", "Bryansk oblast"): (53.2434, 34.3634),
    ("Graivoron", "Belgorod oblast"): (50.4828, 35.6753),
    ("Valuyki", "Belgorod oblast"): (50.2114, 38.1003),
}
RU_EXTRA = {"Sudzha": (51.1917, 35.2714), "Novoshakhtinsk": (47.7579, 39.9364), "Belgorod": (50.5957, 36.5873)}
RU = "Military Forces of Russia"
UA = "Military Forces of Ukraine"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUM = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _centre(row: dict) -> bool:
    """Whether a city row is the well-known city of that name (its oblast is named after it, or it is a
    known raion centre outside a namesake oblast)."""
    return row["oblast_en"][:4] == row["name_en"][:4] or row["name_en"] not in ("Mykolaiv", "Kyiv", "Lviv")


class Gaz:
    def __init__(self, path: Path) -> None:
        self.villages: dict[str, list[dict]] = {}
        self.cities: dict[str, dict] = {}
        self.oblast_pts: dict[str, tuple[float, float]] = {}
        names: Counter = Counter()
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        for r in rows:
            if r["level"] == "settlement":
                names[(r["name_en"], r["oblast_en"])] += 1
        for r in rows:
            if r["level"] == "oblast":
                self.oblast_pts[r["name_en"]] = (float(r["lat"]), float(r["lon"]))
            elif r["level"] != "settlement":
                continue
            elif r["kind"] in ("city", "city with special status") and r["name_en"] in CITIES:
                best = self.cities.get(r["name_en"])  # the largest namesake: the oblast centre's row comes last
                if best is None or (r["name_en"].startswith(best["oblast_en"][:4]) is False and _centre(r)):
                    self.cities[r["name_en"]] = r
            elif r["kind"] in ("village", "rural settlement") and names[(r["name_en"], r["oblast_en"])] == 1:
                self.villages.setdefault(r["oblast_en"], []).append(r)
        for ob in self.villages.values():
            ob.sort(key=lambda r: r["pcode"])


def loc(name: str, lat: float, lon: float, precision: int) -> dict:
    return {"name": name, "lat": round(lat, 6), "lon": round(lon, 6), "precision": precision}


def village(rng: random.Random, gaz: Gaz, oblasts: dict[str, list[str]]) -> tuple[dict, dict, str]:
    """(forms of "X, Oblast": obj / pp / on, gold location, bare name) for a village, 'near' at random."""
    ob = rng.choice(sorted(oblasts))
    r = rng.choice(gaz.villages[ob])
    ob_txt = rng.choice(oblasts[ob])
    near = rng.random() < 0.45
    form = rng.choice(["{n}, {o}", "{n}, {o}", "{n} ({o})", "{n} in {o}", "{n}, {o}"])
    if form.endswith("in {o}"):
        if not ob_txt.endswith(("oblast", "region", "Oblast")):
            ob_txt += " region"
        if "region" in ob_txt:
            ob_txt = "the " + ob_txt
    place = form.format(n=r["name_en"], o=ob_txt)
    if near:
        k = rng.randrange(4)
        obj = ["near " + place, "the outskirts of " + place, "the area of " + place, "near " + place][k]
        pp = ["near " + place, "on the outskirts of " + place, "in the area of " + place, "close to " + place][k]
        on = "the outskirts of " + place
    else:
        obj, pp, on = place, "in " + place, place
    forms = {"obj": obj, "pp": pp, "on": on}
    return forms, loc(r["name_en"], float(r["lat"]), float(r["lon"]), 2 if near else 1), r["name_en"]


def city(rng: random.Random, gaz: Gaz) -> tuple[str, dict]:
    name = rng.choice(sorted(gaz.cities))
    r = gaz.cities[name]
    return name, loc(name, float(r["lat"]), float(r["lon"]), 1)


def oblast_loc(rng: random.Random, gaz: Gaz, table: dict[str, list[str]]) -> tuple[str, dict]:
    ob = rng.choice(sorted(table))
    txt = rng.choice([t for t in table[ob] if "oblast" in t.lower() or "region" in t])
    lat, lon = gaz.oblast_pts[ob]
    return txt, loc(txt, lat, lon, 3)


def date_phrase(rng: random.Random, day: dt.date) -> tuple[str, dt.date, bool]:
    """(phrase, published, is_lead): the phrase names ``day``; published is on or after it."""
    pub = day + dt.timedelta(days=rng.choice([0, 1, 1, 2]))
    m = MONTHS[day.month - 1]
    style = rng.randrange(10)
    if style == 0:
        return f"On {day.day} {m} {day.year},", pub, True
    if style == 1:
        return f"On {m} {day.day}, {day.year},", pub, True
    if style == 2:
        return f"On {day.day} {m[:3]} {day.year},", pub, True
    if style == 3:
        return f"{day:%d.%m.%Y}:", pub, True
    if style == 4:
        return f"On {day.day} {m},", pub, True
    if style == 5:
        pub = day + dt.timedelta(days=1)
        return "Yesterday,", pub, True
    if style == 6:
        pub = day + dt.timedelta(days=rng.choice([1, 2, 3]))
        return f"On {day:%A},", pub, True
    if style == 7:
        return f"{day.day} {m} {day.year} -", pub, True
    if style == 8:
        return f"on {day.day} {m}", pub, False
    return f"On {day.isoformat()},", pub, True


def deaths_text(rng: random.Random, *, side: str = "civ") -> tuple[str, int | None]:
    """A casualty sentence and the deaths it reports (None where it is only a claim)."""
    k = rng.randrange(16)
    n = rng.randint(1, 5)
    w = rng.randint(1, 6)
    if k == 0:
        return "Casualties unknown.", 0
    if k == 1:
        return "No casualties were reported.", 0
    if k == 2:
        return f"{NUM[n].capitalize()} civilian{'s' if n > 1 else ''} {'were' if n > 1 else 'was'} killed.", n
    if k == 3:
        return f"{NUM[n].capitalize()} {'people' if n > 1 else 'person'} killed, {w} injured.", n
    if k == 4:
        return f"{NUM[w].capitalize()} civilians were wounded.", 0
    if k == 5:
        age = rng.randint(19, 86)
        who = rng.choice(["man", "woman"])
        return f"A {age}-year-old {who} was killed.", 1
    if k == 6:
        return f"{n} killed and {w} wounded.", n
    if k == 7:
        return "A woman was injured and later died in hospital.", 1
    if k == 8:
        return f"The attack claimed the lives of {NUM[n]} resident{'s' if n > 1 else ''}.", n
    if k == 9:
        return "There were no casualties.", 0
    if k == 10:
        return f"{n} dead, {w} injured.", n
    if k == 11:
        return f"One Ukrainian soldier and {NUM[n]} Russian soldiers were killed.", n + 1
    if k == 12:
        return (
            f"The bod{'ies' if n > 1 else 'y'} of {NUM[n]} civilian{'s' if n > 1 else ''} {'were' if n > 1 else 'was'} recovered from the rubble.",
            n,
        )
    if k == 13:
        return "An elderly man died.", 1
    if k == 14:
        return f"Fatalities: {n}.", n
    return "No information on casualties.", 0


def ru_actor(rng: random.Random) -> str:
    return rng.choice(
        [
            "Russian forces",
            "Russian forces",
            "Russian military forces",
            "RF forces",
            "the Russian army",
            "Russian troops",
            "the occupiers",
            "The enemy",
        ]
    )


def ua_actor(rng: random.Random) -> str:
    return rng.choice(
        [
            "Ukrainian forces",
            "Ukrainian forces",
            "UAF",
            "AFU",
            "the ZSU",
            "Ukrainian military forces",
            "the Armed Forces of Ukraine",
            "Ukrainian troops",
        ]
    )


def sentence(date: str, lead: bool, body: str) -> str:
    """Put the date phrase in front (lead) or after the body, capitalising as needed."""
    if body.startswith("Interception: "):
        return "Interception: " + sentence(date, lead, body[len("Interception: ") :])
    if lead:
        b = (
            body[0].lower() + body[1:]
            if not body.startswith(("UAF", "AFU", "RF", "Ukraine", "Ukrainian", "Russia", "SBU", "Shahed"))
            else body
        )
        return f"{date} {b}"
    return body[0].upper() + body[1:] + f" {date}"


# Each maker returns (text_without_date_body, lead_ok, event dict without date/location) using the helpers.


def mk_shelling(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    weapon = rng.choice(
        [
            "",
            " with artillery",
            " with mortars",
            " with MLRS",
            " with Grad MLRS",
            " with tube artillery",
            " with mortars and artillery",
            " with tanks",
            " with 122mm artillery",
            " with Uragan rockets",
        ]
    )
    verb = rng.choice(
        [
            "shelled",
            "shelled",
            "fired artillery at",
            "launched an artillery strike on",
            "struck",
            "carried out a missile strike on",
            "hit",
            "attacked with rocket artillery",
        ]
    )
    if verb != "shelled" and weapon and verb.startswith(("launched", "carried", "attacked")):
        weapon = ""
    tgt = f["on"] if verb.endswith((" on", " at")) else f["obj"]
    cas, d = deaths_text(rng)
    if rng.random() < 0.5:
        body = f"{ru_actor(rng)} {verb} {tgt}{weapon}."
    else:
        body = f"{ru_actor(rng)} {verb} {tgt}{weapon}, damaging {rng.choice(['houses', 'a school', 'power lines', 'a shop', 'civilian infrastructure'])}."
    return body, cas, lc, "Explosions/Remote violence", "Shelling/artillery/missile attack", RU, d


def mk_missile(rng, g):
    name, lc = city(rng, g)
    weapon = rng.choice(
        [
            "Iskander missiles",
            "S-300 missiles",
            "a ballistic missile",
            "Kh-101 cruise missiles",
            "two missiles",
            "Kalibr cruise missiles",
            "an Iskander-M ballistic missile",
        ]
    )
    verb = rng.choice(["struck {c} with {w}", "launched {w} at {c}", "fired {w} at {c}", "hit {c} with {w}"])
    cas, d = deaths_text(rng)
    body = f"{ru_actor(rng)} " + verb.format(c=name, w=weapon) + "."
    return body, cas, lc, "Explosions/Remote violence", "Shelling/artillery/missile attack", RU, d


def mk_drone(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    k = rng.randrange(8)
    target = rng.choice(
        [
            "a civilian car",
            "a private house",
            "a bus",
            "an ambulance",
            "a tractor",
            "a cyclist",
            "a humanitarian aid point",
            "an evacuation vehicle",
        ]
    )
    if k == 0:
        body = f"{ru_actor(rng)} struck {target} with an FPV drone {f['pp']}."
    elif k == 1:
        body = f"{ru_actor(rng)} dropped explosives from a drone on {target} {f['pp']}."
    elif k == 2:
        body = f"A Russian kamikaze drone hit {target} {f['pp']}."
    elif k == 3:
        body = f"{ru_actor(rng)} conducted a drone strike {f['pp']}."
    elif k == 4:
        body = f"{ru_actor(rng)} attacked {f['obj']} with Shahed-type loitering munitions."
    elif k == 5:
        body = f"Russian UAV dropped a VOG on {target} {f['pp']}."
    elif k == 6:
        body = f"{ru_actor(rng)} carried out a Lancet strike on {target} {f['pp']}."
    else:
        body = f"An enemy FPV drone attacked {target} {f['pp']}."
    cas, d = deaths_text(rng)
    return body, cas, lc, "Explosions/Remote violence", "Air/drone strike", RU, d


def mk_kab(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    k = rng.randrange(6)
    n = rng.randint(1, 6)
    if k == 0:
        body = f"Russian aircraft dropped {NUM[n] if n > 1 else 'a'} KAB glide bomb{'s' if n > 1 else ''} on {f['on']}."
    elif k == 1:
        body = f"{ru_actor(rng)} conducted an airstrike {f['pp']} using guided aerial bombs."
    elif k == 2:
        body = f"Russian Su-34 jets bombed {f['on']} with FAB-500 bombs."
    elif k == 3:
        body = f"{ru_actor(rng)} launched {n} air strikes on {f['on']}."
    elif k == 4:
        body = f"Russian military aviation struck {f['obj']} with a UMPK guided bomb."
    else:
        body = f"A Russian helicopter fired unguided rockets at {f['on']}."
    cas, d = deaths_text(rng)
    return body, cas, lc, "Explosions/Remote violence", "Air/drone strike", RU, d


def mk_ua_drone_ru(rng, g):
    (name, ob), (lat, lon) = rng.choice(sorted(RU_TOWNS.items()))
    k = rng.randrange(4)
    if k == 0:
        body = f"Ukrainian drones attacked an oil depot in {name}, {ob}, causing a fire."
    elif k == 1:
        body = f"{ua_actor(rng)} struck {name} ({ob}) with a kamikaze UAV."
    elif k == 2:
        body = f"A Ukrainian drone hit a car in {name}, {ob}."
    else:
        body = f"Ukrainian UAVs targeted an electrical substation in {name}, {ob}."
    cas, d = deaths_text(rng)
    if d and d > 0 and "soldier" in cas:
        cas, d = "One person was killed.", 1
    return body, cas, loc(name, lat, lon, 1), "Explosions/Remote violence", "Air/drone strike", UA, d


def mk_ua_shell_ru(rng, g):
    (name, ob), (lat, lon) = rng.choice(sorted(RU_TOWNS.items()))
    body = rng.choice(
        [
            f"Ukrainian forces shelled {name}, {ob}, with MLRS.",
            f"{ua_actor(rng)} fired artillery at {name} in {ob}.",
            f"Ukrainian artillery struck {name}, {ob}.",
        ]
    )
    cas, d = rng.choice([("Casualties unknown.", 0), ("One civilian was killed.", 1), ("Two people were injured.", 0)])
    return body, cas, loc(name, lat, lon, 1), "Explosions/Remote violence", "Shelling/artillery/missile attack", UA, d


def mk_clash(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    k = rng.randrange(9)
    if k == 0:
        body = f"Russian and Ukrainian forces clashed {f['pp']}."
    elif k == 1:
        body = f"{ua_actor(rng)} repelled a Russian assault {f['pp']}."
    elif k == 2:
        body = f"{ru_actor(rng)} attempted to advance {f['pp']} but were repelled by Ukrainian forces."
    elif k == 3:
        body = f"Fighting between Russian and Ukrainian forces took place {f['pp']}."
    elif k == 4:
        body = f"{ru_actor(rng)} conducted offensive operations {f['pp']}."
    elif k == 5:
        body = f"{ru_actor(rng)} fired upon Ukrainian positions {f['pp']} with grenade launchers and small arms."
    elif k == 6:
        body = f"{ru_actor(rng)} stormed Ukrainian positions {f['pp']}; the attack was repulsed."
    elif k == 7:
        body = f"Ukrainian forces engaged Russian infantry {f['pp']}."
    else:
        body = f"Battles continued {f['pp']} as Russian forces tried to break through Ukrainian defences."
    cas, d = rng.choice(
        [("Casualties unknown.", 0), ("", 0), ("Casualties unknown.", 0), deaths_text(rng, side="mil")]
    )
    actor = UA if k in (1, 7) else RU
    return body, cas, lc, "Battles", "Armed clash", actor, d


def mk_capture(rng, g):
    f, lc, _name = village(rng, g, OBLASTS)
    if rng.random() < 0.55:
        body = rng.choice(
            [
                f"{ru_actor(rng)} captured {f['on']}.",
                f"{ru_actor(rng)} took control of {f['on']} after fighting.",
                f"Russian forces seized {f['on']}.",
                f"Russian MoD claimed the capture of {f['on']}.",
                f"Russian forces occupied {f['on']} following heavy fighting.",
            ]
        )
        return body, "", lc, "Battles", "Non-state actor overtakes territory", RU, None
    body = rng.choice(
        [
            f"{ua_actor(rng)} liberated {f['on']}.",
            f"Ukrainian forces recaptured {f['on']}.",
            f"{ua_actor(rng)} regained control of {f['on']} after fighting.",
            f"The Ukrainian flag was raised over {f['on']} after the AFU pushed Russian forces out.",
        ]
    )
    return body, "", lc, "Battles", "Government regains territory", UA, None


def mk_withdraw(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    body = rng.choice(
        [
            f"Russian forces withdrew from {f['on']} without a fight; Ukrainian forces entered the village.",
            f"Ukrainian forces entered {f['on']} after Russian troops left it without fighting.",
            f"Russian forces abandoned {f['on']} and Ukrainian troops moved in with no fighting.",
        ]
    )
    return body, "", lc, "Strategic developments", "Non-violent transfer of territory", UA, None


def mk_mine(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    who = rng.choice(
        ["a tractor driver", "a civilian", "a farmer", "two men", "a teenager", "a car", "a combine harvester"]
    )
    k = rng.randrange(5)
    if k == 0:
        body = f"{who.capitalize()} hit a landmine {f['pp']}."
    elif k == 1:
        body = f"An unexploded ordnance detonated {f['pp']} while {who} was working in a field."
    elif k == 2:
        who = rng.choice(["a civilian", "a farmer", "a teenager", "a woman"])
        body = f"{who.capitalize()} stepped on an anti-personnel mine {f['pp']}."
    elif k == 3:
        body = f"A mine left by Russian forces exploded under {who} {f['pp']}."
    else:
        body = f"An explosive device planted by unknown persons exploded {f['pp']}."
    cas, d = rng.choice(
        [
            ("The man was killed.", 1),
            ("He was injured.", 0),
            ("One person died.", 1),
            ("Two people were killed.", 2),
            ("The driver died on the spot.", 1),
            ("No one was hurt.", 0),
        ]
    )
    actor = RU if "Russian" in body else None
    return body, cas, lc, "Explosions/Remote violence", "Remote explosive/landmine/IED", actor, d


def mk_intercept(rng, g):
    txt, lc = oblast_loc(rng, g, {**OBLASTS, **REAR})
    n = rng.randint(2, 30)
    k = rng.randrange(5)
    if k == 0:
        body = f"Ukrainian air defence shot down {n} Shahed drones over {txt}."
    elif k == 1:
        body = f"Air defence forces destroyed {n} of {n + rng.randint(1, 9)} Russian attack UAVs over {txt}."
    elif k == 2:
        body = f"Ukrainian forces intercepted a Kh-59 missile over {txt}."
    elif k == 3:
        body = f"{n} Russian drones were downed over {txt} by mobile fire groups."
    else:
        body = f"Ukrainian air defence downed a Russian Su-25 aircraft over {txt}."
    if rng.random() < 0.6:
        body = "Interception: " + body
    return body, "", lc, "Strategic developments", "Disrupted weapons use", UA, 0


def mk_demine(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    body = rng.choice(
        [
            f"Sappers of the State Emergency Service defused {rng.randint(2, 90)} explosive objects {f['pp']}.",
            f"Pyrotechnicians removed an unexploded Russian missile {f['pp']}.",
            f"Deminers cleared {rng.randint(2, 40)} hectares of land {f['pp']} of mines.",
        ]
    )
    return body, "", lc, "Strategic developments", "Disrupted weapons use", None, 0


def mk_attack(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    n = rng.randint(1, 4)
    k = rng.randrange(6)
    if k == 0:
        body, d = f"{ru_actor(rng)} shot dead a civilian {f['pp']}.", 1
    elif k == 1:
        body, d = f"Russian soldiers executed {NUM[n]} Ukrainian prisoners of war {f['pp']}.", n
    elif k == 2:
        body, d = f"{ru_actor(rng)} tortured and killed {NUM[n]} residents {f['pp']}.", n
    elif k == 3:
        body, d = f"A Russian soldier beat a local man {f['pp']}.", 0
    elif k == 4:
        body, d = f"Russian servicemen opened fire on a car carrying civilians {f['pp']}, killing {NUM[n]}.", n
    else:
        body, d = (
            f"The bodies of {NUM[n]} civilians with gunshot wounds were found {f['pp']} after the Russian occupation.",
            n,
        )
    return body, "", lc, "Violence against civilians", "Attack", RU, d


def mk_abduct(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    who = rng.choice(
        ["the village head", "a local priest", "two volunteers", "a school director", "a farmer", "a journalist"]
    )
    body = rng.choice(
        [
            f"{ru_actor(rng)} abducted {who} {f['pp']}.",
            f"Russian forces detained {who} {f['pp']}; their whereabouts remain unknown.",
            f"{who.capitalize()} {'were' if who.startswith('two') else 'was'} kidnapped by Russian soldiers {f['pp']}.",
        ]
    )
    return body, "", lc, "Violence against civilians", "Abduction/forced disappearance", RU, 0


def mk_sexual(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    body = rng.choice(
        [
            f"Russian soldiers raped a woman {f['pp']}.",
            f"A Russian serviceman sexually assaulted a local girl {f['pp']}.",
        ]
    )
    return body, "", lc, "Violence against civilians", "Sexual violence", RU, 0


def mk_arrest(rng, g):
    name, lc = city(rng, g)
    body = rng.choice(
        [
            f"The SBU detained a Russian agent in {name} who was adjusting missile strikes.",
            f"Police arrested a man in {name} suspected of collaborating with Russian forces.",
            f"SBU officers arrested an FSB informant in {name}.",
            f"A local official was arrested in {name} on suspicion of treason.",
            f"Ukrainian counterintelligence detained two saboteurs in {name}.",
        ]
    )
    actor = "Police Forces of Ukraine" if body.startswith("Police") else None
    return body, "", lc, "Strategic developments", "Arrests", actor, 0


def mk_protest(rng, g):
    name, lc = city(rng, g)
    k = rng.randrange(6)
    if k == 0:
        body = f"Relatives of missing soldiers held a rally in {name} demanding information about their fate."
        sub = "Peaceful protest"
    elif k == 1:
        body = f"Around {rng.randint(2, 30)}0 people protested in {name} against the city council's spending plans."
        sub = "Peaceful protest"
    elif k == 2:
        body = f"Families of prisoners of war demonstrated in {name}, calling for a prisoner exchange."
        sub = "Peaceful protest"
    elif k == 3:
        body = f"Residents of {name} picketed the regional administration over power cuts."
        sub = "Peaceful protest"
    elif k == 4:
        body = f"Police detained several participants of a protest against mobilisation rules in {name}."
        sub = "Protest with intervention"
    else:
        body = f"Police dispersed a rally of drivers blocking a road in {name}."
        sub = "Protest with intervention"
    return body, "", lc, "Protests", sub, "Protesters (Ukraine)", 0


def mk_riot(rng, g):
    name, lc = city(rng, g)
    if rng.random() < 0.5:
        body = rng.choice(
            [
                f"A group of residents attacked recruitment officers in {name} and freed a conscript.",
                f"A mob beat a man accused of theft in {name}.",
            ]
        )
        return body, "", lc, "Riots", "Mob violence", "Rioters (Ukraine)", 0
    body = f"Protesters threw stones at police and smashed windows of the city council in {name}."
    return body, "", lc, "Riots", "Violent demonstration", "Rioters (Ukraine)", 0


def mk_agreement(rng, g):
    n = rng.randint(30, 250)
    body = rng.choice(
        [
            f"Russia and Ukraine exchanged {n} prisoners of war each.",
            f"Ukraine and Russia carried out a prisoner swap: {n} Ukrainian defenders returned home.",
            "Ukraine and Russia agreed to a local ceasefire to allow the evacuation of civilians.",
        ]
    )
    return body, "", None, "Strategic developments", "Agreement", None, 0


def mk_looting(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    body = rng.choice(
        [
            f"Russian soldiers looted houses {f['pp']}.",
            f"{ru_actor(rng)} set fire to homes {f['pp']}.",
            f"Russian troops stole agricultural machinery from a farm {f['pp']}.",
        ]
    )
    return body, "", lc, "Strategic developments", "Looting/property destruction", RU, 0


def mk_base(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    body = rng.choice(
        [
            f"Russian forces set up a base in a school {f['pp']}.",
            f"Russian troops established a headquarters {f['pp']}.",
        ]
    )
    return body, "", lc, "Strategic developments", "Headquarters or base established", RU, 0


def mk_change(rng, g):
    txt, lc = oblast_loc(rng, g, OBLASTS)
    body = rng.choice(
        [
            f"Authorities announced the mandatory evacuation of children from frontline settlements in {txt}.",
            f"A 48-hour curfew was imposed in {txt}.",
            f"Russian forces redeployed reserves to {txt}.",
        ]
    )
    return body, "", lc, "Strategic developments", "Change to group/activity", None, 0


def mk_chem(rng, g):
    f, lc, _ = village(rng, g, OBLASTS)
    body = rng.choice(
        [
            f"Russian forces dropped grenades with CS gas on Ukrainian positions {f['pp']}.",
            f"{ru_actor(rng)} used munitions filled with toxic chemicals {f['pp']}.",
        ]
    )
    return body, "Casualties unknown.", lc, "Explosions/Remote violence", "Chemical weapon", RU, 0


def mk_grenade(rng, g):
    name, lc = city(rng, g)
    body = rng.choice(
        [
            f"A man threw a hand grenade into a cafe in {name}.",
            f"An unknown person threw a grenade at a police car in {name}.",
        ]
    )
    cas, d = rng.choice([("Two people were injured.", 0), ("One person was killed.", 1)])
    return body, cas, lc, "Explosions/Remote violence", "Grenade", None, d


def mk_headline(rng, g):
    k = rng.randrange(6)
    n = rng.randint(2, 9)
    if k == 0:
        name, lc = city(rng, g)
        return (
            f"Russian missile strike on {name} kills {n}",
            "",
            lc,
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            RU,
            n,
        )
    if k == 1:
        name, lc = city(rng, g)
        return (
            f"{n} injured as Russian drones hit {name}",
            "",
            lc,
            "Explosions/Remote violence",
            "Air/drone strike",
            RU,
            0,
        )
    if k == 2:
        f, lc, _ = village(rng, g, OBLASTS)
        return f"Ukraine says it repelled Russian attacks {f['pp']}", "", lc, "Battles", "Armed clash", UA, None
    if k == 3:
        name, lc = city(rng, g)
        return (
            f"Guided bomb strike on {name} leaves {n} dead",
            "",
            lc,
            "Explosions/Remote violence",
            "Air/drone strike",
            RU,
            n,
        )
    if k == 4:
        name, lc = city(rng, g)
        return (
            f"Russian shelling kills {NUM[n]} civilians in {name}",
            "",
            lc,
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            RU,
            n,
        )
    f, lc, _ = village(rng, g, OBLASTS)
    return (
        f"Tractor driver killed by mine {f['pp']}",
        "",
        lc,
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        None,
        1,
    )


MAKERS = [
    (mk_shelling, 40),
    (mk_missile, 12),
    (mk_drone, 30),
    (mk_kab, 16),
    (mk_ua_drone_ru, 8),
    (mk_ua_shell_ru, 5),
    (mk_clash, 26),
    (mk_capture, 14),
    (mk_withdraw, 4),
    (mk_mine, 14),
    (mk_intercept, 14),
    (mk_demine, 4),
    (mk_attack, 12),
    (mk_abduct, 6),
    (mk_sexual, 3),
    (mk_arrest, 8),
    (mk_protest, 10),
    (mk_riot, 4),
    (mk_agreement, 4),
    (mk_looting, 4),
    (mk_base, 3),
    (mk_change, 3),
    (mk_chem, 3),
    (mk_grenade, 3),
    (mk_headline, 20),
]


def note(rng: random.Random, gaz: Gaz, i: int, maker) -> dict:
    body, cas, lc, etype, sub, actor, deaths = maker(rng, gaz)
    day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(1000))
    headline = maker is mk_headline
    if headline:
        pub = day
        text = body
    else:
        phrase, pub, lead = date_phrase(rng, day)
        text = sentence(phrase, lead, body) if lead else sentence(phrase, False, body[:-1]) + "."
        if phrase.startswith(f"On {day.day} {MONTHS[day.month - 1]},") or phrase.startswith("on "):
            pub = dt.date(day.year, day.month, day.day) + dt.timedelta(days=1)
        text = f"{text} {cas}".strip()
    event = {"event_type": etype, "sub_event_type": sub, "date_start": day.isoformat(), "date_end": day.isoformat()}
    if lc:
        event["location"] = lc
    if actor:
        event["actor1"] = actor
    if deaths is not None:
        event["fatalities"] = {"best": deaths}
    return {"doc_id": f"indep-{i:04d}", "text": text, "published": pub.isoformat(), "events": [event]}


def handwritten(gaz_path: Path) -> list[dict]:
    """The hand-written notes of ``terse_handwritten.py``, with gazetteer points (a city before a village)."""
    from terse_handwritten import ROWS

    rank = {"city with special status": 0, "city": 1, "rural settlement": 2, "village": 3}
    rows = list(csv.DictReader(gaz_path.open(encoding="utf-8")))
    out = []
    for i, (text, pub, sub, day, place, precision, deaths, actor) in enumerate(ROWS):
        event = {"event_type": EVENT_TYPE[sub], "sub_event_type": sub, "date_start": day, "date_end": day}
        if place:
            name, where = place
            if where == "RU":
                lat, lon = RU_EXTRA[name]
            elif where.startswith("OBL:"):
                r = next(r for r in rows if r["level"] == "oblast" and r["name_en"] == where[4:])
                lat, lon = float(r["lat"]), float(r["lon"])
            else:
                found = [
                    r for r in rows if r["level"] == "settlement" and r["name_en"] == name and r["oblast_en"] == where
                ]
                r = min(found, key=lambda r: rank.get(r["kind"], 9))
                lat, lon = float(r["lat"]), float(r["lon"])
            event["location"] = loc(name, lat, lon, precision)
        if actor:
            event["actor1"] = actor
        if deaths is not None:
            event["fatalities"] = {"best": deaths}
        out.append({"doc_id": f"hand-{i:04d}", "text": text, "published": pub, "events": [event]})
    return out


EVENT_TYPE = {
    **dict.fromkeys(["Armed clash", "Government regains territory", "Non-state actor overtakes territory"], "Battles"),
    **dict.fromkeys(
        [
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
        "Explosions/Remote violence",
    ),
    **dict.fromkeys(["Sexual violence", "Attack", "Abduction/forced disappearance"], "Violence against civilians"),
    **dict.fromkeys(
        ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"], "Protests"
    ),
    **dict.fromkeys(["Violent demonstration", "Mob violence"], "Riots"),
    **dict.fromkeys(
        [
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
        "Strategic developments",
    ),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, default=GAZ)
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "gold" / "terse-independent.jsonl")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    gaz = Gaz(args.gazetteer)
    plan = [m for m, n in MAKERS for _ in range(n)]
    rng.shuffle(plan)
    with args.out.open("w", encoding="utf-8") as fh:
        for i, maker in enumerate(plan):
            fh.write(json.dumps(note(rng, gaz, i, maker), ensure_ascii=False) + "\n")
        hand = handwritten(args.gazetteer)
        for row in hand:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(plan)} generated + {len(hand)} hand-written notes -> {args.out}")


if __name__ == "__main__":
    main()
