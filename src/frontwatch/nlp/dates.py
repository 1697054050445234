"""Component ``frontwatch_dates``: find date expressions and resolve them against the publication date.

Sets ``Doc._.dates``: a list of :class:`DateMention` (character span, first and last day, precision).
News writes dates relative to the day it appears ("on Friday", "overnight", "last week"); they mean
nothing without ``Doc._.published``, so without it only absolute dates ("10 May 2024") resolve.
Durations ("for weeks", "a year and a half") are not dates of events and are not returned.

>>> from datetime import date
>>> [(m.text, str(m.start_date), str(m.end_date), m.precision) for m in find_dates(
...     "On Friday shelling hit; between May 9 and 15 they advanced; overnight drones flew.", date(2024, 5, 17))]
[('On Friday', '2024-05-17', '2024-05-17', 'day'), ('between May 9 and 15', '2024-05-09', '2024-05-15', 'range'), ('overnight', '2024-05-16', '2024-05-17', 'range')]
>>> [str(m.start_date) for m in find_dates("on December 30 a strike", date(2024, 1, 3))]  # year roll-over
['2023-12-30']
>>> [str(m.start_date) for m in find_dates("08.05.2023: a mine exploded; 1.5 km away", None)]  # day.month.year
['2023-05-08']
>>> [m.text for m in find_dates("Artillery hit Sumy on 1 July. 4 dead; on Jul. 3 more.", date(2022, 7, 5))]
['on 1 July', 'on Jul. 3']
>>> [(str(m.start_date), str(m.end_date)) for m in find_dates("On the night of 5-6 May drones flew.", date(2024, 5, 6))]
[('2024-05-05', '2024-05-06')]
>>> [(str(m.start_date), str(m.end_date)) for m in find_dates("From 13 to 15 April 2024 and on the 8th of May 2024", None)]
[('2024-04-13', '2024-04-15'), ('2024-05-08', '2024-05-08')]
>>> [str(m.start_date) for m in find_dates("The day before yesterday a mine exploded.", date(2024, 5, 6))]
['2024-05-04']
"""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from .numbers import UNITS
from .paragraphs import doc_text

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_ABBREVIATIONS = {name.lower() for name in calendar.month_abbr if name} - {"may"} | {"sept"}  # "May." ends a sentence
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_YEAR = r"(?:(?<=\.)(?=,?\s+(?:19|20)\d\d\b)|\b)(?:,?\s+(?P<year>(?:19|20)\d\d))?"  # "5 Feb. 2023"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: what opens a span of days: "between", "from", "on" ("on 5 and 6 May"), a night ("the night of", "overnight")
_SPAN = r"(?i:between|from|on|(?:the\s+)?nights?\s+of|overnight(?:\s+(?:on|of|into))?)"
_NUMW = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)"

# Order matters: longer, more specific forms first; a span taken by one is not matched again.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # day.month.year, the numeric order of Ukrainian, Russian and most European reports ("08.05.2023:")
    ("dotted", re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]\d)")),
    # a span of days, or a night that spans two ("between 3 and 5 March", "the night of 5 to 6 May", "on 5 and 6 May")
    (
        "range_md",
        re.compile(rf"\b{_SPAN}\s+{_MON}\s+{_DAY}\s+(?:and|to|until|-|–)\s+(?:{_MON2}\s+)?{_DAY2}{_YEAR}"),
    ),
    (
        "range_dm",
        re.compile(rf"\b{_SPAN}\s+{_DAY}\s+(?:{_MON2}\s+)?(?:and|to|until|-|–)\s+{_DAY2}\s+{_MON}{_YEAR}"),
    ),
    ("range_md_dash", re.compile(rf"\b(?:{_SPAN}\s+)?{_MON}\s+{_DAY}\s*[-–/]\s*{_DAY2}{_YEAR}")),
    # "17-19 June", "night of 5/6 May", "28 February - 1 March 2023": a dash or slash joins the days
    ("range_dm", re.compile(rf"(?<![\d.])\b(?:{_SPAN}\s+)?{_DAY}\s*(?:{_MON2}\s*)?[-–/]\s*{_DAY2}\s+{_MON}{_YEAR}")),
    ("md", re.compile(rf"\b(?:(?:on|since)\s+)?(?:{_WD},?\s+)?{_MON}\s+{_DAY}{_YEAR}")),
    ("dm", re.compile(rf"\b(?:(?:on|since)\s+)?(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}{_YEAR}")),
    (
        "month",
        re.compile(rf"\b(?i:in|during|since|early|late|mid-?|earlier in)\s+{_MON}(?:\s+(?P<year>(?:19|20)\d\d))?\b"),
    ),
    ("year", re.compile(r"\b(?i:in|during)\s+(?P<year>(?:19|20)\d\d)\b")),
    # day/month/year with slashes, read in the day-first order of Ukrainian and European reports ("05/02/2023")
    ("slashed", re.compile(r"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")),
    # a night named by its weekdays: "the night of Saturday to Sunday", "overnight into Sunday"
    (
        "night_wd",
        re.compile(
            rf"\b(?:(?:the\s+)?night\s+(?:of|from)\s+(?:{_WD.replace('?P<wd>', '?P<wd0>')})\s+(?:to|into|-|–)\s+|overnight\s+(?:into|to)\s+){_WD}\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<last>last|this|on|early|late)\s+)?{_WD}(?:\s+(?:night|morning|evening|afternoon))?\b", re.I
        ),
    ),
    ("ago", re.compile(rf"\b{_NUMW}\s+(?P<unit>day|days|week|weeks|month|months)\s+ago\b", re.I)),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>overnight|this night|(?:during|in) the night(?!\s+of\b)|last night|(?:the )?day before yesterday|yesterday|today|tonight|this morning|this evening|this afternoon|"
            r"earlier (?:today|this week|this month)|(?:over |during |in )?(?:the )?(?:last|past) (?:week|seven days|7 days|24 hours|day(?!\s+of\b)|month|two weeks)|"
            r"(?:in|over|during) (?:the )?(?:course of )?(?:one|a|1) week|over (?:seven|7) days|over week|"
            r"last week|this week|last month|this month|last year)\b",
            re.I,
        ),
    ),
]
_WORD_NUM = {word: n for word, n in UNITS.items() if 1 <= n <= 10}  # "two weeks ago", "a week"


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: ``[start_date, end_date]`` with ACLED-like precision."""

    start: int  # character offsets in the document
    end: int
    text: str
    start_date: date
    end_date: date
    precision: str  # "day" | "range" | "week" | "month" | "year"


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every resolvable date expression in ``text``, in order of position."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            try:
                resolved = _resolve(kind, m, published)
            except OverflowError:  # "yesterday" read on 0001-01-01: no such date; the expression stays unresolved
                resolved = None
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group(0), *resolved))
    found = _recoded(sorted(found, key=lambda d: d.start), text)
    return sorted(found + _anaphoric(text, found, taken), key=lambda d: d.start)


#: A day counted from the date the text gave before ("On 5 May ... The next day, ...", "two days later").
_ANAPHORIC = re.compile(
    rf"\b(?:(?:on\s+)?the\s+(?P<rel>same|next|following|previous)\s+day|(?P<n>{_NUMW.removeprefix('(?P<n>')[:-1]})\s+days?\s+(?P<dir>later|earlier)"
    r"|the\s+day\s+(?P<dir2>before|after)(?!\s+yesterday))\b",
    re.I,
)


def _anaphoric(text: str, found: list[DateMention], taken: list[tuple[int, int]]) -> list[DateMention]:
    """Days named from the last day-precise date before them.

    >>> [str(m.start_date) for m in find_dates("On 5 May 2024 a drone hit X. The next day, shells hit Y.", None)]
    ['2024-05-05', '2024-05-06']
    """
    out: list[DateMention] = []
    if not any(d.precision in ("day", "range") for d in found):
        return out  # nothing to count from: skip the scan
    for m in _ANAPHORIC.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        anchor = next((d for d in reversed(found) if d.end <= m.start() and d.precision in ("day", "range")), None)
        if anchor is None:
            continue
        g = m.groupdict()
        rel = (g["rel"] or g["dir"] or g["dir2"] or "").lower()
        n = 1 if not g["n"] else int(g["n"]) if g["n"].isdigit() else _WORD_NUM.get(g["n"].lower(), 1)
        step = {"same": 0, "next": n, "following": n, "after": n, "later": n}.get(rel, -n)
        day = (anchor.end_date if step > 0 else anchor.start_date) + timedelta(days=step)
        out.append(DateMention(m.start(), m.end(), m.group(0), day, day, "day"))
    return out


#: ACLED's note that an event is dated to another day than the one the report names ("overnight on 14 July
#: (coded to 13 July)"): the coded date replaces the date just before it.
_CODED_TO = re.compile(r"\bcoded (?:to|as|on)\s*$", re.I)


def _recoded(found: list[DateMention], text: str) -> list[DateMention]:
    """``found`` without each date that an ACLED "(coded to <date>)" right after it replaces.

    >>> [str(m.start_date) for m in find_dates("On 14 July 2024 (coded to 13 July), drones hit Odesa.", date(2024, 7, 15))]
    ['2024-07-13']
    """
    dropped: set[int] = set()
    for i, mention in enumerate(found):
        if i and _CODED_TO.search(text[max(0, mention.start - 20) : mention.start]):
            before = found[i - 1]
            if mention.start - before.end < 40:
                dropped.add(i - 1)
    return [m for i, m in enumerate(found) if i not in dropped]


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> tuple[date, date, str] | None:
    g = m.groupdict()
    if kind in ("iso", "dotted", "slashed"):
        return _safe_range(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind in ("range_md", "range_dm", "range_md_dash"):
        return _month_day_range(kind, g, pub)
    if kind == "md" and g["mon"].lower() not in _ABBREVIATIONS and m.group(0)[m.end("mon") - m.start()] == ".":
        return None  # "on 1 July. 4 dead": a full month name ends its sentence, the number starts the next
    if kind in ("md", "dm"):
        day = _month_day(MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), g.get("year"), pub)
        return (day, day, "day") if day else None
    if kind == "month":
        return _month(MONTHS[g["mon"].lower().rstrip(".")], g.get("year"), pub)
    if kind == "year":
        y = int(g["year"])
        return date(y, 1, 1), date(y, 12, 31), "year"
    if pub is None:
        return None
    if kind == "night_wd":  # the night that ends on the weekday named last
        day = _weekday(g["wd"].lower(), "", pub)[0]
        return day - timedelta(days=1), day, "range"
    if kind == "weekday":
        return _weekday(g["wd"].lower(), (g.get("last") or "").lower(), pub)
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _WORD_NUM[g["n"].lower()]
        unit = g["unit"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30}[unit] * n
        day = pub - timedelta(days=days)
        return (day, day, "day") if unit == "day" else (day - timedelta(days=3), day + timedelta(days=3), unit)
    return _relative(g["rel"].lower(), pub)


def _safe_range(y: int, mo: int, d: int) -> tuple[date, date, str] | None:
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    return day, day, "day"


def _month_day(month: int, day: int, year: str | None, pub: date | None) -> date | None:
    """A month and day; without a year, the latest such day not after publication (+2 days of slack)."""
    try:
        if year:
            return date(int(year), month, day)
        if pub is None:
            return None
        candidate = date(pub.year, month, day)
        if candidate > pub + timedelta(days=2):  # "December 30" read on 3 January: last year
            candidate = date(pub.year - 1, month, day)
        return candidate
    except ValueError:
        return None


def _month_day_range(kind: str, g: dict[str, str | None], pub: date | None) -> tuple[date, date, str] | None:
    """ "between May 9 and 15", "from 28 December to 3 January", "May 9-15"."""
    mon = MONTHS[(g["mon"] or "").lower().rstrip(".")]
    mon2 = g.get("mon2")
    other = MONTHS[mon2.lower().rstrip(".")] if mon2 else mon
    first_month, last_month = (other, mon) if kind == "range_dm" else (mon, other)
    first = _month_day(first_month, int(g["day"] or 0), g.get("year"), pub)
    last = _month_day(last_month, int(g["day2"] or 0), g.get("year"), pub)
    if first is None or last is None:
        return None
    if first > last:  # "between 28 December and 3 January": the range crosses the new year
        first = first.replace(year=first.year - 1)
    return first, last, "range"


def _month(month: int, year: str | None, pub: date | None) -> tuple[date, date, str] | None:
    if year:
        y = int(year)
    elif pub is not None:
        y = pub.year if month <= pub.month else pub.year - 1
    else:
        return None
    return date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1]), "month"


def _weekday(name: str, modifier: str, pub: date) -> tuple[date, date, str]:
    """The most recent such weekday on or before publication; "last Friday" on a Friday is a week back."""
    back = (pub.weekday() - WEEKDAYS[name]) % 7
    if modifier == "last" and back == 0:
        back = 7
    day = pub - timedelta(days=back)
    return day, day, "day"


_WEEK_COUNT = re.compile(r"(?:course of )?(?:one|a|1) week|(?:seven|7) days|week")


def _relative(rel: str, pub: date) -> tuple[date, date, str] | None:
    rel = re.sub(r"^(over|during|in) ", "", rel).replace("the ", "")
    one = timedelta(days=1)
    if rel in ("overnight", "this night", "night"):  # "this night", "during the night": the night just ended
        return pub - one, pub, "range"
    if rel in ("last night", "yesterday"):
        return pub - one, pub - one, "day"
    if rel.endswith("day before yesterday"):
        return pub - 2 * one, pub - 2 * one, "day"
    if rel in ("today", "tonight", "this morning", "this evening", "this afternoon", "earlier today"):
        return pub, pub, "day"
    if rel in ("last week", "past week", "last seven days", "past seven days", "last 7 days", "past 7 days") or (
        _WEEK_COUNT.fullmatch(rel)  # a count "in one week" or "over seven days": the week up to the day it appears
    ):
        return pub - 7 * one, pub, "week"
    if rel in ("last 24 hours", "past 24 hours", "last day", "past day"):
        return pub - one, pub - one, "day"  # daily military bulletins, published mornings, cover the day before
    if rel in ("last two weeks", "past two weeks"):
        return pub - 14 * one, pub, "range"
    if rel in ("this week", "earlier this week"):
        return pub - timedelta(days=pub.weekday()), pub, "week"
    if rel in ("this month", "earlier this month"):
        return pub.replace(day=1), pub, "month"
    if rel in ("last month", "past month"):
        end = pub.replace(day=1) - one
        return end.replace(day=1), end, "month"
    if rel == "last year":
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year"
    return None


def _iter_mentions(doc: Doc) -> Iterator[DateMention]:
    yield from find_dates(doc_text(doc), doc._.published)


@Language.component("frontwatch_dates", assigns=["doc._.dates"])
def dates_component(doc: Doc) -> Doc:
    """Resolve the document's date expressions against ``doc._.published``."""
    doc._.dates = list(_iter_mentions(doc))
    return doc


for _name, _default in (("published", None), ("dates", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
