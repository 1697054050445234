"""One incident, one event: a sentence that only gives the toll of the incident just reported joins it.

ACLED and UCDP code an incident once, with all its dead. A terse report often gives the strike in one
sentence and its toll in the next ("... conducted four airstrikes on Vuhledar. Two civilians were killed
and one was injured."): the toll sentence has no weapon and no place of its own, so it is the same incident,
not a second one; so is the next sentence when it reports the same kind of violence at the same place on the
same day ("Russian forces shelled Kupiansk. The shelling killed two civilians."), and so is a sentence that only
counts bodies, with no place or perpetrator of its own ("The bodies of three civilians were recovered").
Its deaths are added to the incident's (a "death toll rose to N" replaces them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Event, Fatalities
from ..nlp.events import EventMention

_TOLL = re.compile(r"\b(?:death toll|toll|in total|total of)\b", re.I)
_FOLLOW = 2  # a toll sentence joins an incident reported at most this many sentences before, in its paragraph


@dataclass(frozen=True)
class Built:
    """An event with where it came from: its mention, its paragraph, whether its sentence named the place."""

    mention: EventMention
    event: Event
    paragraph: int
    place_named: bool


def merge_tolls(built: list[Built]) -> list[Event]:
    """The events, with each toll-only sentence folded into the incident it follows (in text order)."""
    out: list[Built] = []
    for item in sorted(built, key=lambda b: b.mention.sentence_index):
        host = _host(out, item)
        if host is None:
            out.append(item)
            continue
        victims = host.event.actor2 or (
            item.event.actor2 if (item.event.actor2 or "").startswith("Civilians") else None
        )
        joined = replace(host.event, fatalities=_joined(host.event, item.event), actor2=victims)
        out[out.index(host)] = replace(host, event=joined)
    return [b.event for b in out]


def _host(done: list[Built], item: Built) -> Built | None:
    """The incident a sentence continues, if it is one: a toll, or more of the same at the same place and day."""
    if not done:
        return None
    prev = done[-1]
    gap = item.mention.sentence_index - prev.mention.sentence_index
    if not 0 < gap <= _FOLLOW or prev.paragraph != item.paragraph or prev.event.event_type not in _VIOLENT:
        return None
    same_place = not item.place_named or _same_place(prev.event, item.event)
    if item.mention.sub_event_type is None or _toll_like(item):  # a toll-only sentence: no weapon of its own
        return prev if same_place else None
    same_kind = item.event.sub_event_type == prev.event.sub_event_type and gap == 1
    same_day = item.event.date_start == prev.event.date_start
    return prev if same_kind and same_place and same_day else None


def _toll_like(item: Built) -> bool:
    """A sentence typed Attack only by its dead ("The bodies of three civilians were recovered"), with no place
    and no perpetrator of its own: the toll of the incident before it, not a second incident."""
    e = item.event
    return e.sub_event_type == "Attack" and not item.place_named and not e.actor1 and bool(e.fatalities.best)


def _same_place(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return False
    return a.location.name == b.location.name


#: Protests too: the dead of a toll sentence after a protest are its demonstrators (Excessive force against protesters)
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"})


def _joined(host: Event, toll: Event) -> Fatalities:
    a, b = host.fatalities, toll.fatalities
    if b.best is None:
        return a
    if not a.best or _TOLL.search(toll.evidence.text):
        return b
    low = a.low + b.low if a.low is not None and b.low is not None else None
    high = a.high + b.high if a.high is not None and b.high is not None else None
    children = (a.children or 0) + (b.children or 0) or None
    return Fatalities(a.best + b.best, low, high, children)
