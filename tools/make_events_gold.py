"""Write eval/gold/events-terse.jsonl: terse conflict notes generated from ACLED's codebook definitions.

    python tools/make_events_gold.py [--gazetteer ../shared/data/gazetteer/ua-places.csv] [--n 320] [--seed 2023]

Sections ``--forms`` and ``--tolls`` (tools/terse_forms.py) vary the date, toll and place forms. Each note is written from a sub-type's definition (src/frontwatch/nlp/codebook/vocabulary.py DEFINITIONS), in the terse
style of conflict-database notes, ministry summaries and headlines, with templates, phrasings, actors, dates,
places and tolls drawn at random (seeded: the same command writes the same file). No sentence is taken or
paraphrased from an evaluation set. Places are real settlements of the gazetteer with its coordinates
(OCHA COD-AB Ukraine, CC BY-IGO 3.0). The gold gives, per note: event type and sub-type, actor1, date,
place (precision 2 for "near X"), and the deaths of the incident (all sides added up; claims of enemy
losses by a belligerent are not deaths and are left unscored).
"""

# ruff: noqa: E501  (template tables: one phrasing per line reads better than one split across lines)

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # terse_forms.py lies next to this file
from terse_cover import make_cover_note, make_summary_note
from terse_forms import form_gold_line, load_settlements, make_form_note, make_toll_note

REPO = Path(__file__).resolve().parents[1]
OBLASTS = {
    "UA14": "Donetsk",
    "UA44": "Luhansk",
    "UA63": "Kharkiv",
    "UA65": "Kherson",
    "UA23": "Zaporizhzhia",
    "UA59": "Sumy",
    "UA74": "Chernihiv",
    "UA48": "Mykolaiv",
    "UA12": "Dnipropetrovsk",
    "UA51": "Odesa",
}
TYPE_OF = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Chemical weapon": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Disrupted weapons use": "Strategic developments",
    "Arrests": "Strategic developments",
    "Agreement": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
}
RU = ("Russian forces", "Russian military forces", "Russian troops", "the Russian army", "Russian Armed Forces")
UA = ("Ukrainian forces", "Ukrainian military forces", "Ukrainian troops", "the Armed Forces of Ukraine", "AFU units")
ACTOR = {"ru": "Military Forces of Russia", "ua": "Military Forces of Ukraine"}
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
MONTHS = "January February March April May June July August September October November December".split()


@dataclass(frozen=True)
class Place:
    name: str
    oblast: str
    lat: float
    lon: float


@dataclass
class Note:
    sub: str
    text: str
    actor: str | None
    deaths: int | None
    place: Place | None
    near: bool
    day: date
    dated: bool = True


def load_places(path: Path) -> list[Place]:
    """Settlements of the frontline oblasts whose English name is unique in the gazetteer (no ambiguity to score)."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["name_en"]] = counts.get(r["name_en"], 0) + 1
    return [
        Place(r["name_en"], OBLASTS[r["oblast_pcode"]], float(r["lat"]), float(r["lon"]))
        for r in rows
        if r["level"] == "settlement"
        and r["oblast_pcode"] in OBLASTS
        and counts[r["name_en"]] == 1
        and r["kind"] in ("city", "rural settlement", "village")
        and " " not in r["name_en"].strip("'")
    ]


def when(rng: random.Random, day: date) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"On {day.day} {MONTHS[day.month - 1]} {day.year},"
    if style == 1:
        return f"On {MONTHS[day.month - 1]} {day.day}, {day.year},"
    if style == 2:
        return f"On {day.day} {MONTHS[day.month - 1][:3]} {day.year},"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}:"


def count(rng: random.Random, low: int = 1, high: int = 6) -> tuple[int, str]:
    n = rng.randint(low, high)
    return n, NUMBERS[n - 1] if n <= len(NUMBERS) else str(n)


def where(rng: random.Random, p: Place, *, near: bool) -> str:
    name = f"{p.name}, {p.oblast}" if rng.random() < 0.7 else f"{p.name} ({p.oblast} oblast)"
    return f"near {name}" if near else f"in {name}" if rng.random() < 0.6 else name


# Each builder writes one note of one sub-type from its codebook definition: (rng, actors, place text) -> note parts.
Built = tuple[str, int | None]  # (sentence after the date and before any toll, deaths in it)


def toll(
    rng: random.Random, sentence: str, *, victims: str = "civilians", allow: bool = True
) -> tuple[str, int | None]:
    """Add the incident's toll: none, in the same sentence, in the next sentence, or unknown."""
    style = rng.randrange(6) if allow else 0
    if style == 0:
        return sentence + rng.choice(
            ["", " Casualties unknown.", " No casualties were reported.", " Fatalities unknown."]
        ), 0
    n, word = count(rng)
    noun = victims if n > 1 else victims.rstrip("s")
    if style == 1:
        return f"{sentence[:-1]}, killing {word} {noun}.", n
    if style == 2:
        return (
            f"{sentence} {word.capitalize()} {noun} {'were' if n > 1 else 'was'} killed and {NUMBERS[rng.randrange(4)]} injured.",
            n,
        )
    if style == 3:
        return f"{sentence} {word.capitalize()} {noun} {'were' if n > 1 else 'was'} killed.", n
    if style == 4:
        return f"{sentence} {word.capitalize()} {noun} {'were' if n > 1 else 'was'} injured.", 0
    return f"{sentence[:-1]}, injuring {word} {noun}. One of them later died in hospital.", 1


def armed_clash(rng, ru, ua, at):
    a, b = (ru, ua) if rng.random() < 0.5 else (ua, ru)
    forms = [
        f"{a} clashed with {b} {at}.",
        f"{a} and {b} exchanged fire {at}.",
        f"{a} repelled an attack by {b} {at}.",
        f"{a} fired upon positions of {b} with grenade launchers, heavy machine guns and small arms {at}.",
        f"{a} conducted offensive operations {at}, supported by mortar and artillery fire.",
        f"{a} launched an assault on positions of {b} {at}.",
        f"Armed clashes between {a} and {b} took place {at}.",
        f"{a} attempted to advance {at} but were repelled by {b}.",
    ]
    sentence = rng.choice(forms)
    if rng.random() < 0.35:
        n1, w1 = count(rng, 1, 4)
        n2, w2 = count(rng, 1, 4)
        side1 = "Ukrainian" if a in UA else "Russian"
        side2 = "Russian" if side1 == "Ukrainian" else "Ukrainian"
        s1 = "soldier" if n1 == 1 else "soldiers"
        s2 = "soldier" if n2 == 1 else "soldiers"
        return f"{sentence} {w1.capitalize()} {side1} {s1} and {w2} {side2} {s2} were killed.", n1 + n2
    return toll(rng, sentence, victims="soldiers")


def shelling(rng, ru, ua, at):
    weapon = rng.choice(
        [
            "artillery",
            "mortars",
            "MLRS",
            "tank fire",
            "Grad rockets",
            "a missile",
            "cruise missiles",
            "S-300 missiles",
            "heavy artillery",
        ]
    )
    forms = [
        f"{ru} shelled {at[3:] if at.startswith('in ') else at}.",
        f"{ru} shelled {at[3:] if at.startswith('in ') else at} with {weapon}.",
        f"{ru} struck {at[3:] if at.startswith('in ') else at} with {weapon}.",
        f"{ru.capitalize() if ru[0].islower() else ru} fired {weapon} at a residential area {at}.",
        f"A {rng.choice(['Russian missile', 'Russian artillery shell', 'Russian rocket'])} hit a {rng.choice(['house', 'school', 'shop', 'hospital', 'market'])} {at}.",
        f"{ru} carried out artillery shelling {at}.",
    ]
    return toll(rng, rng.choice(forms))


def air_drone(rng, ru, ua, at):
    a = ru if rng.random() < 0.7 else ua
    craft = rng.choice(["an FPV drone", "a kamikaze drone", "a drone", "a Shahed drone", "a Lancet loitering munition"])
    forms = [
        f"{a} conducted {rng.choice(['an airstrike', 'two airstrikes', 'four airstrikes', 'an air strike'])} on {at.split(' ', 1)[1]}.",
        f"{a} struck a {rng.choice(['vehicle', 'civilian car', 'house', 'bus'])} with {craft} {at}.",
        f"{a} dropped {rng.choice(['a VOG', 'an explosive', 'a grenade', 'explosives'])} from a drone on a {rng.choice(['house', 'car', 'civilian', 'shop'])} {at}.",
        f"{a} dropped guided aerial bombs on {at.split(' ', 1)[1]}.",
        f"A {rng.choice(['Russian', 'military'])} helicopter fired on {at.split(' ', 1)[1]}.",
        f"{a} attacked {at.split(' ', 1)[1]} with drones.",
    ]
    return toll(rng, rng.choice(forms))


def ied(rng, ru, ua, at):
    forms = [
        ("A civilian {v} after stepping on a landmine {at}.", 1),
        ("A tractor ran over an anti-tank mine {at}. The driver {v2}.", 1),
        ("An explosive device planted under a car exploded {at}.", None),
        ("An improvised explosive device detonated near an administrative building {at}.", None),
        ("A car with a civilian hit a mine {at}.", None),
    ]
    text, dead = rng.choice(forms)
    killed = rng.random() < 0.5
    text = text.format(at=at, v="was killed" if killed else "was injured", v2="was killed" if killed else "was injured")
    if dead is not None:
        return text, 1 if killed else 0
    return toll(rng, text)


def grenade(rng, ru, ua, at):
    who = rng.choice(["A man", "An unidentified man", "A Russian soldier", "A drunk soldier"])
    return toll(
        rng,
        f"{who} threw a hand grenade {rng.choice(['into a cafe', 'at a house', 'into a crowd', 'at a checkpoint'])} {at}.",
        victims="people",
    )


def attack(rng, ru, ua, at):
    forms = [
        (f"{ru} shot {rng.choice(['a civilian', 'a local man', 'an elderly woman', 'a volunteer'])} {at}.", "toll1"),
        (f"{ru} executed {{w}} civilians {at}.", "n"),
        (f"The body of a civilian with gunshot wounds was found {at}.", 1),
        (f"{ru} opened fire on a civilian car {at}.", "toll"),
        (f"{ru} tortured and killed {{w}} residents {at}.", "n"),
    ]
    text, kind = rng.choice(forms)
    if kind == "n":
        n, w = count(rng, 2, 5)
        return text.format(w=w), n
    if kind == "toll1":
        return (text + " The man died in hospital.", 1) if rng.random() < 0.5 else (text + " He was injured.", 0)
    if kind == "toll":
        return toll(rng, text)
    return text, kind


def abduction(rng, ru, ua, at):
    victim = rng.choice(
        [
            "the head of the village council",
            "a local journalist",
            "two volunteers",
            "a priest",
            "a teacher",
            "the town's mayor",
        ]
    )
    return rng.choice([f"{ru} abducted {victim} {at}.", f"{victim.capitalize()} was kidnapped by {ru} {at}."]), 0


def disrupted(rng, ru, ua, at):
    _, w = count(rng, 2, 17)
    what = rng.choice(["Shahed drones", "cruise missiles", "Russian drones", "Kh-101 missiles", "attack drones"])
    forms = [
        f"Interception: Ukrainian air defence shot down {w} {what} over {at.split(' ', 1)[1]}. No casualties were reported.",
        f"Ukrainian air defence intercepted {w} {what} {at}.",
        f"Air defence forces destroyed {w} {what} over {at.split(' ', 1)[1]}.",
        f"Ukrainian sappers defused an anti-tank mine {at}.",
        f"Police seized a cache of rifles and grenades {at}.",
    ]
    return rng.choice(forms), None


def regain(rng, ru, ua, at):
    place = at.split(" ", 1)[1]
    return rng.choice(
        [
            f"{ua} recaptured {place} from {ru}.",
            f"{ua} liberated {place}.",
            f"{ua} regained control of {place}.",
            f"{ua} forced {ru} to withdraw from positions {at}.",
        ]
    ), None


def overtake(rng, ru, ua, at):
    place = at.split(" ", 1)[1]
    return rng.choice(
        [
            f"{ru} captured {place}.",
            f"{ru} took control of {place}.",
            f"{ru} occupied {place}.",
            f"{ru} seized {place} after days of fighting.",
        ]
    ), None


def arrests(rng, ru, ua, at):
    who = rng.choice(
        [
            "a man suspected of passing coordinates to Russian forces",
            "two collaborators",
            "a Russian agent",
            "an informant",
        ]
    )
    agency = rng.choice(["The SBU", "Ukrainian police", "The Security Service of Ukraine"])
    return f"{agency} detained {who} {at}.", None


def protest(rng, ru, ua, at):
    crowd = rng.choice(["Residents", "Relatives of prisoners of war", "Dozens of people", "Local activists"])
    cause = rng.choice(
        [
            "demanding the return of prisoners of war",
            "against the occupation",
            "against the closure of a hospital",
            "in support of the army",
        ]
    )
    return f"{crowd} held a peaceful rally {at} {cause}.", None


def protest_intervention(rng, ru, ua, at):
    return rng.choice(
        [
            f"Residents held a rally against the occupation {at}; Russian forces dispersed the protesters and detained three of them.",
            f"{ru} broke up a protest {at} with tear gas.",
        ]
    ), None


def agreement(rng, ru, ua, at):
    n = rng.choice([50, 100, 130, 200])
    return rng.choice(
        [
            f"Russia and Ukraine exchanged {n} prisoners of war.",
            f"Ukraine and Russia carried out a prisoner exchange, returning {n} soldiers to each side.",
            "Russia and Ukraine agreed a local ceasefire to evacuate civilians.",
        ]
    ), None


def withdrawal(rng, ru, ua, at):
    place = at.split(" ", 1)[1]
    return rng.choice(
        [
            f"{ru} withdrew from {place} without a fight.",
            f"{ru} pulled out of {place}.",
            f"{ua} withdrew their units from {place} to avoid encirclement.",
        ]
    ), None


def looting(rng, ru, ua, at):
    return rng.choice(
        [
            f"{ru} looted houses and shops {at}.",
            f"{ru} set fire to {rng.choice(['a school', 'houses', 'a church'])} {at}.",
        ]
    ), None


def chemical(rng, ru, ua, at):
    return f"{ru} used munitions with chloropicrin {at}.", 0


BUILDERS: dict[str, tuple[Callable, int, str]] = {  # sub-type: (builder, weight, acting side)
    "Armed clash": (armed_clash, 14, "?"),
    "Shelling/artillery/missile attack": (shelling, 14, "ru"),
    "Air/drone strike": (air_drone, 12, "?"),
    "Remote explosive/landmine/IED": (ied, 5, ""),
    "Grenade": (grenade, 3, ""),
    "Attack": (attack, 7, "ru"),
    "Abduction/forced disappearance": (abduction, 3, "ru"),
    "Disrupted weapons use": (disrupted, 8, "ua"),
    "Government regains territory": (regain, 5, "ua"),
    "Non-state actor overtakes territory": (overtake, 5, "ru"),
    "Arrests": (arrests, 3, ""),
    "Peaceful protest": (protest, 3, ""),
    "Protest with intervention": (protest_intervention, 2, ""),
    "Agreement": (agreement, 2, ""),
    "Non-violent transfer of territory": (withdrawal, 3, ""),
    "Looting/property destruction": (looting, 2, "ru"),
    "Chemical weapon": (chemical, 1, "ru"),
}


# Second pass (issue 11): the codebook distinctions the first 320 notes left out, written from the definitions
# (nlp/protests.py, nlp/codebook/) with their own seeded generator so the first 320 notes stay as they were.


def violent_demonstration(rng, ru, ua, at):
    crowd = rng.choice(["Protesters", "Demonstrators", "Participants of a rally", "A crowd of protesters"])
    return rng.choice(
        [
            f"{crowd} threw stones and bottles at police {at}.",
            f"{crowd} clashed with police {at} and set fire to two cars.",
            f"{crowd} smashed the windows of the town council {at} during a rally.",
            f"A protest {at} turned violent as demonstrators hurled petrol bombs at the police.",
        ]
    ), None


def excessive_force(rng, ru, ua, at):
    n, word = count(rng, 1, 4)
    noun = "protesters" if n > 1 else "protester"
    return rng.choice(
        [
            (f"{ru} opened fire on a peaceful rally {at}, killing {word} {noun}.", n),
            (f"{ru} fired live ammunition at unarmed demonstrators {at}. {word.capitalize()} {noun} {'were' if n > 1 else 'was'} killed.", n),
            (f"{ru} violently suppressed a peaceful protest {at}, beating the demonstrators with batons.", 0),
        ]
    )


def intervention(rng, ru, ua, at):
    _n, word = count(rng, 2, 9)
    return rng.choice(
        [
            f"Police dispersed a rally of pensioners {at} and detained {word} participants.",
            f"{ru} used tear gas against residents protesting {at}.",
            f"Local residents protested against mobilisation {at}; police detained {word} of them.",
        ]
    ), None


def remote_fire_on_positions(rng, ru, ua, at):
    weapon = rng.choice(["mortars", "mortars and artillery", "MLRS", "tank cannons", "122mm artillery"])
    return toll(rng, f"{ru} fired on Ukrainian positions {at} with {weapon}.", victims="soldiers")


def contact_fire_on_positions(rng, ru, ua, at):
    weapon = rng.choice(["small arms", "small arms and grenade launchers", "heavy machine guns", "automatic weapons"])
    return toll(rng, f"{ru} fired on Ukrainian positions {at} with {weapon}.", victims="soldiers")


def claimed_capture(rng, ru, ua, at):
    place = at.split(" ", 1)[1]
    group = rng.choice(["Zapad", "Tsentr", "Vostok", "Yug", "Dnepr"])
    return rng.choice(
        [
            f"According to the Russian MoD, the {group} group of forces took full control of {place}.",
            f"Russia's Ministry of Defence said its troops had liberated {place}.",
        ]
    ), None


def claimed_recapture(rng, ru, ua, at):
    place = at.split(" ", 1)[1]
    return rng.choice(
        [
            f"Ukraine's General Staff said its units liberated {place}.",
            f"Ukraine's Defence Ministry: Ukrainian forces liberated {place}.",
        ]
    ), None


def drone_laid_mine(rng, ru, ua, at):
    return rng.choice(
        [
            (f"a minibus ran over a mine scattered by a Russian drone {at}; the driver was killed.", 1),
            (f"a civilian stepped on a drone-dropped mine {at} and was injured.", 0),
            (f"a tractor ran over a mine scattered from a Russian drone {at}.", 0),
        ]
    )


def aircraft_on_depot(rng, ru, ua, at):
    return f"Russian aircraft destroyed a fuel depot {at}.", 0


def dam_blown_up(rng, ru, ua, at):
    return f"{ru} blew up the dam of a reservoir {at}; water flooded nearby houses.", None


EXTRA: dict[str, tuple[Callable, int, str]] = {
    "Violent demonstration": (violent_demonstration, 4, ""),
    "Excessive force against protesters": (excessive_force, 3, "ru"),
    "Protest with intervention": (intervention, 3, ""),
    "Shelling/artillery/missile attack": (remote_fire_on_positions, 3, "ru"),
    "Armed clash": (contact_fire_on_positions, 3, "ru"),
    "Non-state actor overtakes territory": (claimed_capture, 3, "ru"),
    "Government regains territory": (claimed_recapture, 2, "ua"),
    "Remote explosive/landmine/IED": (drone_laid_mine, 3, ""),
    "Air/drone strike": (aircraft_on_depot, 1, "ru"),
    "Looting/property destruction": (dam_blown_up, 1, "ru"),
}


def make_note(rng: random.Random, places: list[Place], sub: str, builders: dict | None = None) -> Note:
    builders = builders or BUILDERS
    builder, _, _ = builders[sub]
    place = rng.choice(places)
    near = rng.random() < 0.35 and sub not in (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
        "Agreement",
    )
    at = where(rng, place, near=near)
    if not at.startswith(("in ", "near ")):
        at = "in " + at
    ru, ua = rng.choice(RU), rng.choice(UA)
    text, deaths = builder(rng, ru, ua, at)
    day = date(2022, 3, 1) + timedelta(days=rng.randrange(900))
    dated = rng.random() < 0.85
    if dated:
        text = f"{when(rng, day)} {text[0].lower() + text[1:] if text.startswith(('The ', 'A ', 'An ', 'Demonstrators ', 'Protesters ', 'Participants ', 'Police dispersed')) else text}"
    else:
        text = text[0].upper() + text[1:]
    actor = {"ru": ACTOR["ru"], "ua": ACTOR["ua"]}.get(_side(text, ru, ua, builders[sub][2]))
    no_place = sub == "Agreement"
    return Note(sub, text, actor, deaths, None if no_place else place, near, day, dated)


def _side(text: str, ru: str, ua: str, side: str) -> str:
    if side != "?":
        return side
    return "ru" if 0 <= text.find(ru) < (text.find(ua) if ua in text else 10**6) else "ua"


def gold_line(i: int | str, note: Note) -> dict:
    event: dict = {"event_type": TYPE_OF[note.sub], "sub_event_type": note.sub}
    event["date_start"] = event["date_end"] = note.day.isoformat()
    if note.place is not None:
        event["location"] = {
            "name": note.place.name,
            "lat": note.place.lat,
            "lon": note.place.lon,
            "admin1": note.place.oblast,
            "country": "UA",
            "precision": 2 if note.near else 1,
        }
    if note.deaths is not None:
        event["fatalities"] = {"best": note.deaths}
    if note.actor:
        event["actor1"] = note.actor
    published = note.day + timedelta(days=1 if note.dated else 0)
    doc_id = f"terse-{i:04d}" if isinstance(i, int) else f"terse-{i}"
    return {"doc_id": doc_id, "text": note.text, "published": published.isoformat(), "events": [event]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, default=REPO.parent / "shared/data/gazetteer/ua-places.csv")
    ap.add_argument("--out", type=Path, default=REPO / "eval/gold/events-terse.jsonl")
    ap.add_argument("--n", type=int, default=320)
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--extra", type=int, default=80, help="notes of the second pass's distinctions (own seed)")
    ap.add_argument("--forms", type=int, default=160, help="date, toll and place forms (tools/terse_forms.py)")
    ap.add_argument("--tolls", type=int, default=60, help="more toll phrasings (tools/terse_forms.py, own seed)")
    ap.add_argument("--cover", type=int, default=80, help="issue 11's note forms, lists of the dead, claims (tools/terse_cover.py)")
    ap.add_argument("--summaries", type=int, default=40, help="summary forms: came under fire, attacks counted (own seed)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    places = load_places(args.gazetteer)
    subs = list(BUILDERS)
    weights = [BUILDERS[s][1] for s in subs]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for i in range(args.n):
            note = make_note(rng, places, rng.choices(subs, weights)[0])
            fh.write(json.dumps(gold_line(i, note), ensure_ascii=False) + "\n")
        extra_rng = random.Random(args.seed + 11)
        extra = list(EXTRA)
        for i in range(args.extra):
            sub = extra_rng.choices(extra, [EXTRA[s][1] for s in extra])[0]
            note = make_note(extra_rng, places, sub, EXTRA)
            fh.write(json.dumps(gold_line(f"x{i:03d}", note), ensure_ascii=False) + "\n")
        forms_rng = random.Random(args.seed + 37)
        settlements = load_settlements(args.gazetteer)
        for i in range(args.forms):
            fh.write(json.dumps(form_gold_line(i, make_form_note(forms_rng, settlements)), ensure_ascii=False) + "\n")
        tolls_rng = random.Random(args.seed + 53)
        for i in range(args.tolls):
            fh.write(json.dumps(form_gold_line(i, make_toll_note(tolls_rng, settlements), "t"), ensure_ascii=False) + "\n")
        cover_rng = random.Random(args.seed + 71)
        for i in range(args.cover):
            note, claimant = make_cover_note(cover_rng, settlements)
            fh.write(json.dumps(form_gold_line(i, note, "c", claimant), ensure_ascii=False) + "\n")
        summary_rng = random.Random(args.seed + 89)
        for i in range(args.summaries):
            note, claimant = make_summary_note(summary_rng, settlements)
            fh.write(json.dumps(form_gold_line(i, note, "s", claimant), ensure_ascii=False) + "\n")
    print(f"wrote {args.n + args.extra + args.forms + args.tolls + args.cover + args.summaries} notes to {args.out}")


if __name__ == "__main__":
    main()
