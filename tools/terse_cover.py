"""Fourth section of eval/gold/events-terse.jsonl (``--cover``): the terse note forms of issue 11 that must each
give their event, and the toll and source forms of its fourth pass. Written before the rules for them.

Imported by tools/make_events_gold.py (``--cover N``, its own seed) so the earlier sections stay as they were.
Written from these definitions, not from any evaluation note:

* ACLED's codebook, "Shelling/artillery/missile attack", "Air/drone strike", "Armed clash", "Disrupted weapons
  use", "Government regains territory", "Change to group/activity" (src/frontwatch/nlp/codebook/vocabulary.py DEFINITIONS)
  and the note forms issue 11 names: one-sentence database notes ("On D, A shelled near X, Y. Casualties
  unknown."), notes labelled "Interception:", general-staff summaries of the past day, and headlines of
  aircraft strikes or of an enemy forced to withdraw. A summary "over the past day" is dated the day before
  publication; an undated headline, the day it was published. An announced evacuation is a change to the
  civilian authorities' activity (the convention of eval/gold/README.md).
* ACLED's "Reported fatalities": every person of a coordinated list of the dead counts ("he and his wife" is
  2, "two soldiers and a civilian" 3); a belligerent's count of the enemy it killed is a claim, never a
  fatality, also when its statement names no side ("the command said its forces killed ..."), while its
  own dead count.
* A date opening a note may run straight into the body that reports ("On 3 May the General Staff said ...").
"""

# ruff: noqa: E501  (template tables: one phrasing per line reads better than one split across lines)

from __future__ import annotations

import random
from datetime import date, timedelta

from terse_forms import WORDS, FormNote, Settlement, _dm, _named_day

UA = "Military Forces of Ukraine"
RUS = "Military Forces of Russia"


def _shelled_near(rng, p: Settlement, lead: str):
    where = f"{p.name}, {p.oblast}" + rng.choice(["", " oblast", " region"])
    body = rng.choice(
        [
            ("Shelling/artillery/missile attack", f"Russian forces shelled near {where}.", RUS),
            ("Shelling/artillery/missile attack", f"Russian forces shelled the outskirts of {where}.", RUS),
            (
                "Shelling/artillery/missile attack",
                f"Russian forces shelled near {where} with mortars and artillery.",
                RUS,
            ),
            ("Shelling/artillery/missile attack", f"Ukrainian forces shelled near {where}.", UA),
            ("Shelling/artillery/missile attack", f"Russian military fired MLRS near {where}.", RUS),
            ("Air/drone strike", f"Russian forces launched drone strikes near {where}.", RUS),
            ("Air/drone strike", f"Russian aircraft dropped guided bombs near {where}.", RUS),
        ]
    )
    tail = rng.choice([" Casualties unknown.", " No casualties were reported.", " Casualties unknown.", ""])
    return body[0], f"{lead} {body[1]}{tail}", body[2]


def _interception(rng, p: Settlement, lead: str):
    n = rng.randint(2, 14)
    body = rng.choice(
        [
            f"Ukrainian air defence shot down {WORDS[n]} Shahed drones over {p.name}, {p.oblast} oblast.",
            f"Ukrainian forces intercepted a Russian cruise missile near {p.name}, {p.oblast}.",
            f"air defence destroyed {n} Russian drones over {p.name} ({p.oblast} oblast).",
            f"Ukrainian forces downed a Russian Orlan-10 reconnaissance drone near {p.name}, {p.oblast}.",
        ]
    )
    return "Disrupted weapons use", f"Interception: {lead[0].lower()}{lead[1:]} {body}", UA


def _summary(rng, p: Settlement, q: Settlement):
    n = rng.randint(3, 40)
    both = f"{p.name} and {q.name}" if q.oblast == p.oblast else p.name
    return rng.choice(
        [
            (
                "Shelling/artillery/missile attack",
                f"Over the past day, the enemy shelled {both} in {p.oblast} oblast, the General Staff reported.",
                RUS,
            ),
            (
                "Shelling/artillery/missile attack",
                f"Over the past day, Russian forces fired {n} times at {p.name}, {p.oblast} oblast, with artillery and MLRS.",
                RUS,
            ),
            (
                "Armed clash",
                f"Over the past day, Ukrainian defenders repelled {n} enemy attacks near {p.name}, {p.oblast} oblast.",
                RUS,
            ),
            (
                "Air/drone strike",
                f"Over the past day, the occupiers carried out {WORDS[min(n, 15)]} air strikes near {p.name}, {p.oblast} oblast.",
                RUS,
            ),
        ]
    )


def _headline(rng, p: Settlement):
    n = rng.randint(3, 25)
    region = rng.choice(["In the south", "In the east", "On the Kupiansk direction", "In the Zaporizhzhia direction"])
    return rng.choice(
        [
            (
                "Air/drone strike",
                f"{region}, the aircraft of the Armed Forces of Ukraine inflicted {n} strikes on the enemy",
                UA,
                False,
            ),
            (
                "Air/drone strike",
                f"Aviation of the Defence Forces inflicted {n} strikes on areas of concentration of enemy personnel",
                UA,
                False,
            ),
            (
                "Government regains territory",
                f"Ukrainian forces forced Russian troops to withdraw from {p.name}, {p.oblast} oblast",
                UA,
                True,
            ),
            (
                "Government regains territory",
                f"APU forced Russian troops to retreat near {p.name} ({p.oblast})",
                UA,
                True,
            ),
        ]
    )


def _evacuation(rng, p: Settlement, lead: str):
    body = rng.choice(
        [
            f"authorities announced the mandatory evacuation of families with children from {p.name}, {p.oblast} oblast.",
            f"the regional administration ordered the evacuation of residents of {p.name}, {p.oblast} oblast.",
            f"the military administration began a forced evacuation of children from {p.name} ({p.oblast} oblast).",
        ]
    )
    return "Change to group/activity", f"{lead} {body}", None


def _persons(rng) -> tuple[str, int]:
    """The dead as a coordinated list of people: each person counts."""
    n = rng.randint(2, 5)
    return rng.choice(
        [
            ("He and his wife were killed.", 2),
            ("She and her husband died.", 2),
            ("A man and his son were killed.", 2),
            ("A woman and her two daughters were killed.", 3),
            (f"{WORDS[n].capitalize()} soldiers and a civilian were killed.", n + 1),
            ("A police officer and two rescuers were killed.", 3),
            (f"{WORDS[n].capitalize()} civilians and a volunteer were killed and {n + 2} injured.", n + 1),
            ("A medic and a driver died at the scene.", 2),
        ]
    )


def _claim(rng, p: Settlement, day: date):
    """A dated statement, no comma after the date: its claim of enemy dead is no fatality, its own dead count."""
    d = _dm(day, short=rng.random() < 0.5)
    claimed, own = rng.randint(12, 80), rng.randint(1, 4)
    source = rng.choice(["the General Staff", "the command", "the defence ministry"])
    return (
        "Armed clash",
        f"On {d} {source} said its forces repelled an assault near {p.name}, {p.oblast} oblast, killing {claimed} enemy soldiers; {WORDS[own]} of its soldiers {'were' if own > 1 else 'was'} killed.",
        own,
        source,
    )


def make_cover_note(rng: random.Random, places: list[Settlement]) -> tuple[FormNote, str | None]:
    """One note of a form issue 11 names, with its claimant (None: the note reports no statement)."""
    p, q = rng.choice(places), rng.choice(places)
    day = date(2022, 3, 1) + timedelta(days=rng.randrange(900))
    lead, first, last, pub = _named_day(rng, day)
    k = rng.randrange(8)
    if k == 0:
        sub, text, actor = _shelled_near(rng, p, lead)
    elif k == 1:
        sub, text, actor = _interception(rng, p, lead)
    elif k == 2:
        sub, text, actor = _summary(rng, p, q)
        first = last = pub - timedelta(days=1)
    elif k == 3:
        sub, text, actor, placed = _headline(rng, p)
        first = last = pub
        return FormNote(sub, text, p if placed else None, first, last, pub, 0, actor), None
    elif k == 4:
        sub, text, actor = _evacuation(rng, p, lead)
    elif k in (5, 6):
        inc = rng.choice(
            [
                ("Shelling/artillery/missile attack", f"Russian forces shelled {p.name}, {p.oblast} oblast."),
                ("Air/drone strike", f"a Russian drone struck a house in {p.name}, {p.oblast} oblast."),
            ]
        )
        tail, deaths = _persons(rng)
        return FormNote(inc[0], f"{lead} {inc[1]} {tail}", p, first, last, pub, deaths, RUS), None
    else:
        sub, text, deaths, source = _claim(rng, p, day)
        return FormNote(sub, text, p, day, day, pub, deaths, None), source
    return FormNote(sub, text, p, first, last, pub, 0, actor), None


def make_summary_note(rng: random.Random, places: list[Settlement]) -> tuple[FormNote, None]:
    """A summary line of the forms the fourth pass probed before writing rules for them (``--summaries``):
    places that came under fire, ground attacks counted or failed, fire at positions with no weapon named."""
    p = rng.choice(places)
    day = date(2022, 3, 1) + timedelta(days=rng.randrange(900))
    lead, first, last, pub = _named_day(rng, day)
    n = rng.randint(2, 9)
    past = rng.random() < 0.5
    when = "Over the past day," if past else lead
    sub, body = rng.choice(
        [
            (
                "Shelling/artillery/missile attack",
                f"{when} the village of {p.name} in {p.oblast} oblast came under enemy fire.",
            ),
            (
                "Shelling/artillery/missile attack",
                f"{when} the outskirts of {p.name}, {p.oblast} oblast, came under artillery fire.",
            ),
            ("Armed clash", f"{when} the enemy attacked {WORDS[n]} times near {p.name}, {p.oblast} oblast."),
            ("Armed clash", f"{when} Russian troops attacked {p.name}, {p.oblast} oblast, without success."),
            ("Armed clash", f"{when} Russian forces fired at Ukrainian positions near {p.name}, {p.oblast} oblast."),
        ]
    )
    if past:
        first = last = pub - timedelta(days=1)
    return FormNote(
        sub, f"{body} Casualties unknown." if rng.random() < 0.3 else body, p, first, last, pub, 0, RUS
    ), None
