"""Third section of eval/gold/events-terse.jsonl: the date, toll and place forms of conflict-database notes.

Imported by tools/make_events_gold.py (``--forms N``, its own seed) so the earlier sections stay as they were.
Each note is one incident of a plain sub-type (shelling, drone strike, clash, attack on civilians) so that what
varies is what the section is about, written from these definitions:

* Dates (ACLED's codebook, "Event Time"; the conventions of the notes in eval/gold): a named day is the event's
  day whatever words surround it ("early on", "on the morning of", "in the early hours of", a weekday before it,
  "the 5th of"); "overnight on D" is D; "the night of D to D+1" and "between D1 and D2" are the range D..D+1 and
  D1..D2; "(coded to D)" replaces the date before it; a weekday alone is the last such day on or before
  publication; "yesterday", "last night" and "over the past day" are the day before publication, "the day before
  yesterday" two days before, "today" the day itself; a dateless sentence takes the date of the sentence before.
* Tolls (ACLED's codebook, "Reported fatalities"; UCDP's best estimate): the deaths of all sides in one incident
  add up; someone who died of wounds, in hospital or later, counts, and so does a body found; numbers may be
  words, "a"/"an"/"one"; a belligerent's claim of enemy dead is a claim, not a fatality (the deaths scored are
  the others of the note); the injured are not dead.
* Places (the gazetteer, OCHA COD-AB): a settlement named first, with its oblast after it in brackets or commas,
  is where the event happened.
"""

# ruff: noqa: E501  (template tables: one phrasing per line reads better than one split across lines)

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
OBLAST_OF = {
    "UA14": ("Donetsk", "Donetska"),
    "UA44": ("Luhansk", "Luhanska"),
    "UA63": ("Kharkiv", "Kharkivska"),
    "UA65": ("Kherson", "Khersonska"),
    "UA23": ("Zaporizhzhia", "Zaporizka"),
    "UA59": ("Sumy", "Sumska"),
    "UA74": ("Chernihiv", "Chernihivska"),
    "UA48": ("Mykolaiv", "Mykolaivska"),
    "UA12": ("Dnipropetrovsk", "Dnipropetrovska"),
}
RU = ("Russian forces", "Russian troops", "The Russian army", "RF forces")
EVENT_TYPE = {
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Disrupted weapons use": "Strategic developments",  # the rest are for terse_cover.py's notes
    "Government regains territory": "Battles",
    "Change to group/activity": "Strategic developments",
}


@dataclass(frozen=True)
class Settlement:
    name: str
    oblast: str
    lat: float
    lon: float


@dataclass(frozen=True)
class FormNote:
    sub: str
    text: str
    place: Settlement
    first: date
    last: date
    published: date
    deaths: int | None
    actor: str | None = "Military Forces of Russia"


def load_settlements(path: Path) -> list[Settlement]:
    """Villages and towns of the frontline oblasts whose English name occurs once in the whole gazetteer."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    seen: dict[str, int] = {}
    for r in rows:
        seen[r["name_en"]] = seen.get(r["name_en"], 0) + 1
    return [
        Settlement(r["name_en"], OBLAST_OF[r["oblast_pcode"]][0], float(r["lat"]), float(r["lon"]))
        for r in rows
        if r["level"] == "settlement"
        and r["oblast_pcode"] in OBLAST_OF
        and seen[r["name_en"]] == 1
        and r["kind"] in ("village", "rural settlement", "city")
        and r["name_en"][:1].isupper()
    ]


def _dm(day: date, *, year: bool = True, short: bool = False) -> str:
    month = MONTHS[day.month - 1][:3] if short else MONTHS[day.month - 1]
    return f"{day.day} {month} {day.year}" if year else f"{day.day} {month}"


# Date forms: (rng, day) -> (words placed before the note, first day, last day, published).
def _named_day(rng, day):
    pub = day + timedelta(days=rng.choice([1, 1, 2]))
    lead = rng.choice(
        [
            "On {d},",
            "Early on {d},",
            "Late on {d},",
            "On the morning of {d},",
            "In the early hours of {d},",
            "On the evening of {d},",
            "At about 05:00 on {d},",
            "On {wd}, {d},",
            "On the {nth} of {m} {y},",
        ]
    )
    nth = f"{day.day}{'th' if 10 <= day.day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day.day % 10, 'th')}"
    text = lead.format(
        d=_dm(day, short=rng.random() < 0.3), wd=WEEKDAYS[day.weekday()], nth=nth, m=MONTHS[day.month - 1], y=day.year
    )
    return text, day, day, pub


def _no_year(rng, day):
    pub = day + timedelta(days=rng.choice([1, 2, 4]))
    return (
        rng.choice(["On {d},", "On {d}", "Early on {d},"]).format(d=_dm(day, year=False, short=rng.random() < 0.5)),
        day,
        day,
        pub,
    )


def _night(rng, day):
    nxt = day + timedelta(days=1)
    pub = nxt
    if rng.random() < 0.3:
        return f"Overnight on {_dm(day)},", day, day, pub
    if day.month == nxt.month:
        sep = rng.choice(["-", " to ", "/", "–"])
        text = rng.choice(
            ["On the night of {a}{s}{b} {m} {y},", "During the night of {a}{s}{b} {m},", "Overnight {a}{s}{b} {m} {y},"]
        )
        return text.format(a=day.day, s=sep, b=nxt.day, m=MONTHS[day.month - 1], y=day.year), day, nxt, pub
    return f"On the night of {_dm(day, year=False)} to {_dm(nxt)},", day, nxt, pub


def _between(rng, day):
    span = rng.randint(1, 4)
    end = day + timedelta(days=span)
    pub = end + timedelta(days=1)
    if day.month == end.month:
        text = rng.choice(["Between {a} and {b} {m} {y},", "From {a} to {b} {m} {y},", "On {a}-{b} {m} {y},"])
        return text.format(a=day.day, b=end.day, m=MONTHS[day.month - 1], y=day.year), day, end, pub
    return (
        rng.choice(["Between {a} and {b},", "From {a} to {b},"]).format(a=_dm(day, year=False), b=_dm(end)),
        day,
        end,
        pub,
    )


def _coded_to(rng, day):
    reported = day + timedelta(days=1)
    pub = reported + timedelta(days=1)
    text = rng.choice(["On {r} (coded to {d}),", "Overnight on {r} (coded to {d}),"])
    return text.format(r=_dm(reported), d=_dm(day, year=False)), day, day, pub


def _weekday(rng, day):
    pub = day + timedelta(days=rng.randint(1, 5))
    text = rng.choice(["On {w},", "On {w} morning,", "On {w} night,", "Early on {w},", "Last {w},"])
    if text.startswith("Last") and pub - day < timedelta(days=2):
        text = "On {w},"
    return text.format(w=WEEKDAYS[day.weekday()]), day, day, pub


def _relative(rng, day):
    form, back = rng.choice(
        [
            ("Yesterday,", 1),
            ("Yesterday evening,", 1),
            ("Last night,", 1),
            ("Over the past day,", 1),
            ("The day before yesterday,", 2),
            ("Today,", 0),
            ("This morning,", 0),
        ]
    )
    return form, day, day, day + timedelta(days=back)


def _written_out(rng, day):
    """Other ways of writing one day: slashes, a weekday in brackets, "Feb. 5th", the night named by weekdays."""
    pub = day + timedelta(days=rng.randint(1, 3))
    mon = MONTHS[day.month - 1]
    form = rng.randrange(5)
    if form == 0:
        return f"On {day:%d/%m/%Y},", day, day, pub
    if form == 1:
        return f"{day.day} {mon} {day.year} ({WEEKDAYS[day.weekday()]}):", day, day, pub
    if form == 2:
        return (
            f"On {mon[:3]}. {day.day}th, {day.year}," if mon != "May" else f"On May {day.day}, {day.year},",
            day,
            day,
            pub,
        )
    nxt = day + timedelta(days=1)
    pub = nxt + timedelta(days=rng.randint(0, 4))
    if form == 3:
        return f"On the night of {WEEKDAYS[day.weekday()]} to {WEEKDAYS[nxt.weekday()]},", day, nxt, pub
    return f"Overnight into {WEEKDAYS[nxt.weekday()]},", day, nxt, pub


DATE_FORMS = (_named_day, _no_year, _night, _between, _coded_to, _weekday, _relative, _written_out)


# Incident bodies: (rng, actor, place words) -> (sub-type, sentence).
def _incident(rng, ru, at):
    bare = at.removeprefix("in ")
    return rng.choice(
        [
            ("Shelling/artillery/missile attack", f"{ru} shelled {bare} with artillery."),
            ("Shelling/artillery/missile attack", f"{ru} fired MLRS at {bare}."),
            ("Air/drone strike", f"{ru} struck a house {at} with a drone."),
            ("Air/drone strike", f"{ru} dropped a guided aerial bomb on {bare}."),
            ("Attack", f"{ru} opened fire on a civilian car {at}."),
        ]
    )


def _toll(rng) -> tuple[str, int]:
    """A casualty sentence and its deaths, in one of the codebook's counting cases."""
    n, w = rng.randint(2, 15), rng.randint(1, 9)
    k = rng.randrange(12)
    if k == 0:
        return f"{WORDS[n].capitalize()} civilians were killed and {w} injured.", n
    if k == 1:
        return f"{n} killed, {WORDS[w]} injured.", n
    if k == 2:
        return rng.choice(
            [
                "A woman was killed.",
                "An elderly man was killed.",
                "One person died.",
                "A 63-year-old man died at the scene.",
            ]
        ), 1
    if k == 3:
        return f"{WORDS[w].capitalize()} people were wounded; one of them later died in hospital.", 1
    if k == 4:
        return rng.choice(
            ["A man was seriously injured and died in hospital.", "A woman died of her wounds in hospital."]
        ), 1
    if k == 5:
        return _body_toll(rng)
    if k == 6:
        return (
            f"{WORDS[n].capitalize()} people were killed, and a further {WORDS[max(w, 2)]} died later in hospital.",
            n + max(w, 2),
        )
    if k == 7:
        return f"The attack killed {WORDS[n]} civilians and injured {w} more.", n
    if k == 8:
        return f"{WORDS[w].capitalize()} civilians were injured.", 0
    if k == 9:
        return f"Two people were killed and {WORDS[w]} injured; the body of a third was found later.", 3
    if k == 10:
        return f"The death toll rose to {n}.", n
    return "Casualties unknown.", 0


def _body_toll(rng) -> tuple[str, int]:
    n = rng.randint(2, 9)
    return rng.choice(
        [
            ("The body of a man was found under the rubble.", 1),
            (f"Rescuers recovered the bodies of {WORDS[n]} residents.", n),
            ("A woman's body was found in the ruins of her house.", 1),
        ]
    )


def _clash_tolls(rng, ru, at):
    """Deaths of both sides in one clash, and a belligerent's claim of enemy dead beside its own losses."""
    a, b = rng.randint(1, 4), rng.randint(1, 6)
    claimed = rng.randint(10, 60)
    return rng.choice(
        [
            (
                f"{ru} clashed with Ukrainian troops {at}. {WORDS[a].capitalize()} Ukrainian soldier{'s' if a > 1 else ''} and {WORDS[b]} Russian soldier{'s' if b > 1 else ''} were killed.",
                a + b,
            ),
            (
                f"Ukrainian and Russian forces fought {at}; {a} Ukrainian and {b} Russian {'servicemen' if b > 1 else 'serviceman'} were killed.",
                a + b,
            ),
            (
                f"Ukraine's General Staff said its forces repelled an assault {at}, killing {claimed} Russian soldiers; {WORDS[a]} Ukrainian soldier{'s' if a > 1 else ''} {'were' if a > 1 else 'was'} killed.",
                a,
            ),
        ]
    )


def _place(rng, p: Settlement) -> tuple[str, bool]:
    """(place words, placed first): the settlement with its oblast, in the notes' usual forms."""
    first = rng.random() < 0.35
    if first:
        return rng.choice(
            [
                f"{p.name} ({p.oblast} oblast):",
                f"{p.name}, {p.oblast} oblast -",
                f"{p.name} ({p.oblast}) -",
                f"{p.name}, {p.oblast} region:",
            ]
        ), True
    return rng.choice(
        [f"in {p.name}, {p.oblast}", f"in {p.name} ({p.oblast} oblast)", f"in {p.name}, {p.oblast} oblast"]
    ), False


def _more_tolls(rng) -> tuple[str, int | None]:
    """Toll phrasings added after the first measurement (written after the rules: they show reach only)."""
    n, age = rng.randint(2, 9), rng.randint(19, 88)
    return rng.choice(
        [
            ("The attack claimed one life.", 1),
            (f"The strike claimed {WORDS[n]} lives.", n),
            ("A civilian was fatally wounded.", 1),
            (f"{WORDS[n].capitalize()} civilians were mortally wounded.", n),
            (f"There were {n} fatalities.", n),
            (f"The number of dead rose to {n}.", n),
            (f"A man aged {age} died of his wounds.", 1),
            ("An elderly couple died.", 2),
            ("A woman and her son were killed.", 2),
            (f"At least a dozen people were wounded; {WORDS[n]} of them died.", None),
            (f"{n}-{n + 3} civilians were killed, officials said.", n),
            (f"Death toll: {n}.", n),
            ("The victim, a 60-year-old man, died in hospital.", 1),
            (f"Rescuers found {WORDS[n]} bodies under the rubble.", n),
        ]
    )


def make_toll_note(rng: random.Random, places: list[Settlement]) -> FormNote:
    """A dated note whose toll is one of :func:`_more_tolls` (None: a phrasing the definitions leave open)."""
    place = rng.choice(places)
    day = date(2022, 3, 1) + timedelta(days=rng.randrange(900))
    lead, first, last, pub = _named_day(rng, day)
    sub, body = _incident(rng, rng.choice(RU), f"in {place.name}, {place.oblast} oblast")
    tail, deaths = _more_tolls(rng)
    body = "the " + body[4:] if body.startswith("The ") else body
    return FormNote(sub, f"{lead} {body} {tail}", place, first, last, pub, deaths)


def make_form_note(rng: random.Random, places: list[Settlement]) -> FormNote:
    """One note: a date form, a place form and a toll form drawn independently."""
    place = rng.choice(places)
    day = date(2022, 3, 1) + timedelta(days=rng.randrange(900))
    lead, first, last, pub = rng.choice(DATE_FORMS)(rng, day)
    words, placed_first = _place(rng, place)
    ru = rng.choice(RU)
    at = f"in the {rng.choice(['village', 'settlement'])}" if placed_first else words
    if rng.random() < 0.2:
        sub, actor = "Armed clash", None
        body, deaths = _clash_tolls(rng, ru, at)
    else:
        sub, body = _incident(rng, ru, at)
        tail, deaths = _toll(rng)
        body, actor = f"{body} {tail}", "Military Forces of Russia"
    body = "the " + body[4:] if body.startswith("The ") else body
    if placed_first:  # "Xyz (Kharkiv oblast): on 5 May, Russian forces shelled the village."
        text = f"{words} {lead[0].lower()}{lead[1:]} {body}"
    elif rng.random() < 0.2 and lead.endswith(","):  # the date in a sentence of its own before the note
        text = f"{lead[:-1]}, the regional administration published its morning summary. {body}"
    else:
        text = f"{lead} {body}"
    return FormNote(sub, text, place, first, last, pub, deaths, actor)


def form_gold_line(i: int, note: FormNote, prefix: str = "f", claimant: str | None = None) -> dict:
    """A note's gold line: its one event, placed at its settlement when it names one, with its claimant if any."""
    event: dict = {
        "event_type": EVENT_TYPE[note.sub],
        "sub_event_type": note.sub,
        "date_start": note.first.isoformat(),
        "date_end": note.last.isoformat(),
    }
    if note.place is not None:
        event["location"] = {
            "name": note.place.name,
            "lat": note.place.lat,
            "lon": note.place.lon,
            "admin1": note.place.oblast,
            "country": "UA",
            "precision": 1,
        }
    if note.deaths is not None:
        event["fatalities"] = {"best": note.deaths}
    if note.actor:
        event["actor1"] = note.actor
    if claimant:
        event["claimant"] = claimant
    return {
        "doc_id": f"terse-{prefix}{i:03d}",
        "text": note.text,
        "published": note.published.isoformat(),
        "events": [event],
    }
