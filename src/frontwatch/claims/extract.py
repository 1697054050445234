"""Find the checkable quantitative claims of an article: areas gained or lost, settlements taken, records.

Each claim keeps what is needed to recompute it from control maps: the figure and its unit (km² and square
miles, converted both ways), the actor and direction, the period resolved against the publication date (with
the nlp pipeline's date resolver), the region, the look-back of a record, and whom the article credits.

Periods: an explicit span of calendar days ("between May 9 and 15", "in April") covers those whole days, so it
is measured from the state at the end of the day BEFORE the first day to the state at the end of the last day
(9..15 May: from the 8 May state to the 15 May state, seven days of change). A span counted back from the
publication ("over the last week", "in the past 7 days") runs from the state N days before publication to the
state at publication, and "since May 10" from the state before 10 May to the state at publication. These are
the CONTRACTS ``--from D1 --to D2`` states.

>>> from datetime import date
>>> text = "Ukrainian troops recaptured 40 square miles between June 1 and 7."
>>> [c.kind.value for c in extract_claims(text, date(2023, 6, 9))]
['area_lost']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from ..conflict import ConflictProfile, active_profile
from ..geodesy import KM2_PER_SQ_MILE, km2_to_sq_miles, sq_miles_to_km2
from ..nlp.dates import DateMention, find_dates
from ..nlp.numbers import NUMBER_RE, QUALIFIER_RE, parse_number, qualifier_of

#: One square mile in km²: geodesy's constant, the one place unit conversion is defined.
KM2_PER_MI2 = KM2_PER_SQ_MILE

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?…]+[\"”’]?|$)", re.M)
_AREA = re.compile(
    rf"(?:(?P<qual>{QUALIFIER_RE})\s+)?(?P<num>{NUMBER_RE})\s*(?P<unit>square\s+kilomet(?:er|re)s?|sq\.?\s*km|km²|km2|square\s+miles?|sq\.?\s*mi(?:les?)?|mi²)",
    re.I,
)
_SETTLEMENTS = re.compile(
    rf"\b(?P<verb>liberated|captured|took|taken|seized|occupied|lost|recaptured|retook|retaken|freed|gained)\s+"
    rf"(?:control\s+of\s+)?(?P<num>{NUMBER_RE})\s+(?:more\s+|new\s+)?"
    r"(?P<what>settlements?|villages?|towns?|localit(?:y|ies)|communit(?:y|ies)|hamlets?"
    r"|populated\s+(?:areas?|localit(?:y|ies)))\b"
    r"(?:\s+in\s+(?:the\s+)?(?P<region>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:region|oblast|province))?",
    re.I,
)
_SPAN = (rf"a\s+year\s+and\s+a\s+half|(?:{NUMBER_RE})\s+and\s+a\s+half\s+years|half\s+a\s+year|a\s+decade"
         rf"|a\s+year|(?:{NUMBER_RE})\s+(?:years?|months?|weeks?)")
_RECORD = re.compile(
    r"\b(?P<sup>biggest|largest|greatest|fastest|most\s+significant|most\s+rapid|quickest)\s+"
    r"(?:\w+\s+){0,2}?(?P<what>gains?|advances?|advance|progress|captures?)\s+"
    rf"(?:(?:in|for|over)\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?P<span>{_SPAN})\b|"
    r"since\s+(?P<since>(?:[A-Z][a-z]+\s+)?\d{4}|the\s+start\s+of\s+the\s+(?:war|invasion)))",
    re.I,
)
_GAIN_VERB = (r"took|tak(?:e|en|es|ing)|captur\w*|seiz\w*|gain(?:s|ed|ing)?|occup(?:y|ied|ies|ying)|advanc(?:ed|ing)"
              r"|liberat\w*|freed|free(?:s|ing)|recaptur\w*|ret(?:ook|ake|aken|aking)|won|win(?:s|ning)?")
_LOSS_VERB = r"lost|los(?:e|es|ing)|ced(?:e|ed|es|ing)|surrender\w*|withdr\w*|retreat\w*|gave\s+up|giv(?:e|ing)\s+up"
_VERB = re.compile(rf"\b(?:(?P<loss>{_LOSS_VERB})|(?P<gain>{_GAIN_VERB}))\b", re.I)
_CREDIT = re.compile(
    r"\bas\s+(?P<outlet>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)\s+(?:calculated|computed|estimated|found|tallied)"
    r"|\baccording\s+to\s+(?:an?\s+)?(?P<acc>[^,.;]+?)(?=[,.;]|\s+(?:data|figures|analysis)\b|$)"
    r"|(?P<said>(?:[A-Z][\w’']*\s+){1,4}(?:Defen[cs]e\s+)?(?:Ministry|military|army|General\s+Staff|governor|officials?))"
    r"\s+(?:said|says|claimed|reported)",
)
_YEARS_WORDS = {"a year and a half": 18, "one and a half years": 18, "18 months": 18, "half a year": 6, "a year": 12,
                "two years": 24, "three years": 36, "a decade": 120}


class Measure(StrEnum):
    """What a claim is about, and so how it is recomputed from the maps."""

    AREA = "area"
    SETTLEMENTS = "settlements"
    RECORD = "record"


class ClaimKind(StrEnum):
    """A claim's kind as CONTRACTS names it. Gains and losses are the conflict profile's first side's (the side
    whose held ground the maps' occupied layer shows): the opponent's gains are ``area_lost``."""

    AREA_GAINED = "area_gained"
    AREA_LOST = "area_lost"
    SETTLEMENTS_TAKEN = "settlements_taken"
    SETTLEMENTS_LOST = "settlements_lost"
    RECORD = "record"

    @property
    def measure(self) -> Measure:
        return Measure.RECORD if self is ClaimKind.RECORD else Measure(self.value.split("_")[0])

    @property
    def held_ground_grows(self) -> bool:
        """Whether the claim says the occupied layer grew (False for a record, which has no direction)."""
        return self in (ClaimKind.AREA_GAINED, ClaimKind.SETTLEMENTS_TAKEN)

    @classmethod
    def of(cls, measure: Measure, grows: bool) -> ClaimKind:
        """The area or settlement kind for a change of the occupied ground that ``grows`` or shrinks."""
        if measure is Measure.SETTLEMENTS:
            return cls.SETTLEMENTS_TAKEN if grows else cls.SETTLEMENTS_LOST
        return cls.AREA_GAINED if grows else cls.AREA_LOST


@dataclass(frozen=True)
class Claim:
    """One checkable claim as the article states it."""

    kind: ClaimKind
    text: str
    start: int
    end: int
    actor: str | None = None
    value: float | None = None  # km² for areas (converted), a count for settlements
    qualifier: str = "exact"  # "more than", "at least", "up to", "about"... as the nlp number reader names them
    unit: str | None = None  # the unit as written: km2, mi2, settlement
    stated: dict[str, float] = field(default_factory=dict)  # every figure as written, by unit
    period: tuple[date, date] | None = None  # the first and last day of change covered
    period_text: str | None = None
    state_from: date | None = None  # CONTRACTS states compared: from the state at state_from to state_to
    state_to: date | None = None
    region: str | None = None
    credited: str | None = None  # who the article credits ("AFP (from ISW data)", "Russia’s Defense Ministry")
    map_source: str | None = None  # the store source key of a credited map ("isw")
    lookback_months: int | None = None  # records: "in a year and a half" -> 18
    lookback_since: date | None = None  # records: "since October 2022"
    window_days: int | None = None  # records: the length of the window the record is about
    problems: tuple[str, ...] = ()  # e.g. contradictory units, unresolvable period

    def claimed(self) -> dict[str, Any]:
        """The claim's figures as JSON (CONTRACTS ``claimed``)."""
        out: dict[str, Any] = {"actor": self.actor, "credited": self.credited, "map_source": self.map_source}
        if self.kind.measure is Measure.AREA:
            out.update(value_km2=_round(self.value), stated=self.stated, qualifier=self.qualifier,
                       value_mi2=_round(km2_to_sq_miles(self.value)) if self.value is not None else None)
        elif self.kind.measure is Measure.SETTLEMENTS:
            out.update(value=self.value, region=self.region)
        else:
            out.update(window_days=self.window_days, lookback_months=self.lookback_months,
                       lookback_since=_iso(self.lookback_since))
        out.update(period=[_iso(d) for d in self.period] if self.period else None, period_text=self.period_text,
                   states=[_iso(self.state_from), _iso(self.state_to)] if self.state_from else None)
        if self.problems:
            out["problems"] = list(self.problems)
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs: split at sentence ends and line breaks."""
    return [(m.start(), m.group(0)) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def extract_claims(text: str, published: date | None = None, *, profile: ConflictProfile | None = None) -> list[Claim]:
    """Every checkable claim in ``text``, in reading order; sides, start and map sources from ``profile`` (the
    active conflict profile when not given)."""
    dates = find_dates(text, published)
    claims: list[Claim] = []
    for offset, sentence in sentences(text):
        context = _Context(sentence, offset, dates, published, profile or active_profile())
        area = _area_claim(context)
        if area is not None:
            claims.append(area)
        claims.extend(_settlement_claims(context))
        record = _record_claim(context, area)
        if record is not None:
            claims.append(record)
    return sorted(claims, key=lambda c: (c.start, c.kind))


@dataclass
class _Context:
    sentence: str
    offset: int
    dates: list[DateMention]
    published: date | None
    profile: ConflictProfile

    def period_near(self, position: int) -> tuple[DateMention | None, tuple[str, ...]]:
        """The date expression of the sentence closest to a position (a span rather than a single day)."""
        inside = [d for d in self.dates if self.offset <= d.start < self.offset + len(self.sentence)]
        if not inside:
            return None, ()
        spans = [d for d in inside if d.precision != "day"] or inside
        return min(spans, key=lambda d: abs(d.start - self.offset - position)), ()


def states_for(mention: DateMention, published: date | None, *, since: bool = False) -> tuple[date, date]:
    """The two CONTRACTS states a period is measured between (see the module docstring)."""
    relative = published is not None and mention.end_date == published and mention.precision in ("week", "range") \
        and not re.search(r"\d", mention.text)
    if relative:  # "over the last week": counted back from publication
        return mention.start_date, mention.end_date
    if published is not None and (since or mention.text.lower().startswith("since")):  # up to publication
        return mention.start_date - timedelta(days=1), published
    return mention.start_date - timedelta(days=1), mention.end_date


@lru_cache(maxsize=4)
def _side_words(profile: ConflictProfile) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words naming each side (as written: case matters, "Russian" is a side and "russian" is not)."""
    return tuple(re.compile(r"\b(" + "|".join(sorted(map(re.escape, side.words), key=len, reverse=True)) + r")\b")
                 for side in profile.sides)  # type: ignore[return-value]


def _actor_and_direction(sentence: str, verb_at: int, verb: str, profile: ConflictProfile) -> tuple[str | None, str]:
    """Who acts (the agent of a passive "taken by", else the nearest side named before the verb, else any)
    and whether that actor gained or lost ground."""
    lost = bool(re.fullmatch(_LOSS_VERB, verb, re.I))
    first, second = profile.sides
    first_words, second_words = _side_words(profile)
    passive = re.match(r"\w+\s+by\s+(?:the\s+)?(\w+)", sentence[verb_at:])
    if passive and (first_words.match(passive.group(1)) or second_words.match(passive.group(1))):
        return (first.name if first_words.match(passive.group(1)) else second.name), "lost" if lost else "gained"
    before = sentence[:verb_at]
    last_a = max((m.start() for m in first_words.finditer(before)), default=-1)
    last_b = max((m.start() for m in second_words.finditer(before)), default=-1)
    if last_a < 0 and last_b < 0:
        last_a = 0 if first_words.search(sentence) else -1
        last_b = 0 if second_words.search(sentence) and last_a < 0 else -1
    actor = first.name if last_a > last_b else second.name if last_b >= 0 else None
    return actor, "lost" if lost else "gained"


def _kind(measure: Measure, actor: str | None, direction: str, profile: ConflictProfile) -> ClaimKind:
    """Claims are stated in terms of the first side's held ground: the second side's gains are its losses."""
    return ClaimKind.of(measure, (actor != profile.defender.name) == (direction == "gained"))


def _verb_near(sentence: str, start: int, end: int) -> tuple[str, int] | None:
    """The gain or loss verb governing a figure: the last one before it, else one just after ("90 km² taken")."""
    found = None
    for m in _VERB.finditer(sentence[:start]):
        found = (m.group(0), m.start())
    if found is None:
        after = _VERB.search(sentence[end : end + 30])
        if after is not None:
            found = (after.group(0), end + after.start())
    return found


def _area_claim(ctx: _Context) -> Claim | None:
    figures = list(_AREA.finditer(ctx.sentence))
    if not figures:
        return None
    first = figures[0]
    verb = _verb_near(ctx.sentence, first.start(), first.end())
    if verb is None:
        return None
    stated: dict[str, float] = {}
    for m in figures[:2]:
        value = parse_number(m.group("num"))
        unit = "mi2" if "mi" in m.group("unit").lower() else "km2"
        if value is not None and unit not in stated:
            stated[unit] = value
    if not stated:
        return None
    unit = "km2" if "mi" not in first.group("unit").lower() else "mi2"
    value_km2 = sq_miles_to_km2(stated[unit]) if unit == "mi2" else stated[unit]
    problems = _unit_problems(stated)
    actor, direction = _actor_and_direction(ctx.sentence, verb[1], verb[0], ctx.profile)
    claim = Claim(kind=_kind(Measure.AREA, actor, direction, ctx.profile), text=ctx.sentence.strip(),
                  start=ctx.offset + first.start(),
                  end=ctx.offset + len(ctx.sentence), actor=actor, value=value_km2, unit=unit, stated=stated,
                  qualifier=qualifier_of(first.group("qual"), first.group("num")), problems=problems)
    return _with_period_and_credit(claim, ctx, first.start())


def _unit_problems(stated: dict[str, float]) -> tuple[str, ...]:
    """Both units given and they disagree beyond rounding (1 unit of the smaller figure, or 2%)."""
    if "km2" not in stated or "mi2" not in stated:
        return ()
    as_mi2 = km2_to_sq_miles(stated["km2"])
    if abs(as_mi2 - stated["mi2"]) <= max(1.0, 0.02 * stated["mi2"]):
        return ()
    return (f"contradictory units: {stated['km2']:g} km² is {as_mi2:.0f} square miles, not {stated['mi2']:g}",)


def _with_period_and_credit(claim: Claim, ctx: _Context, position: int) -> Claim:
    mention, _ = ctx.period_near(position)
    credited, map_source = _credit(ctx.sentence, ctx.profile)
    changes: dict[str, Any] = {"credited": credited, "map_source": map_source}
    if mention is None:
        changes["problems"] = (*claim.problems, "the article gives no period for this figure")
    else:
        before = ctx.sentence[: mention.start - ctx.offset]
        start, end = states_for(mention, ctx.published, since=bool(re.search(r"\bsince\s*$", before, re.I)))
        changes.update(period=(mention.start_date, max(mention.end_date, end)), period_text=mention.text,
                       state_from=start, state_to=end)
    return _replace(claim, **changes)


def _replace(claim: Claim, **changes: Any) -> Claim:
    from dataclasses import replace

    return replace(claim, **changes)


def _credit(sentence: str, profile: ConflictProfile) -> tuple[str | None, str | None]:
    """Whom the sentence credits, and the map source key if it names a map publisher of the profile."""
    lowered = sentence.lower()
    source = next((s for s in profile.map_sources if any(n in lowered for n in s.credited_as)), None)
    m = _CREDIT.search(sentence)
    who = None
    if m:
        who = (m.group("outlet") or m.group("acc") or m.group("said") or "").strip()
    if source and who and source.key not in who.lower():
        who = f"{who} (from {source.credit} data)"
    elif source and not who:
        who = source.credit
    return who or None, source.key if source else None


def _settlement_claims(ctx: _Context) -> list[Claim]:
    out = []
    for m in _SETTLEMENTS.finditer(ctx.sentence):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        value = int(value)
        actor, direction = _actor_and_direction(ctx.sentence, m.start(), m.group("verb"), ctx.profile)
        claim = Claim(kind=_kind(Measure.SETTLEMENTS, actor, direction, ctx.profile), text=ctx.sentence.strip(),
                      start=ctx.offset + m.start(), end=ctx.offset + m.end(), actor=actor, value=value,
                      unit="settlement", region=m.group("region"))
        out.append(_with_period_and_credit(claim, ctx, m.start()))
    return out


def _record_claim(ctx: _Context, area: Claim | None) -> Claim | None:
    m = _RECORD.search(ctx.sentence)
    if m is None:
        return None
    months, since = _lookback(m.group("span"), m.group("since"), ctx.profile.start)
    if months is None and since is None:
        return None
    actor = area.actor if area else _actor_and_direction(ctx.sentence, m.start(), "gained", ctx.profile)[0]
    claim = Claim(kind=ClaimKind.RECORD, text=m.group(0), start=ctx.offset + m.start(), end=ctx.offset + m.end(),
                  actor=actor, lookback_months=months, lookback_since=since)
    if area is not None and area.state_from is not None and area.state_to is not None:
        return _replace(claim, period=area.period, period_text=area.period_text, state_from=area.state_from,
                        state_to=area.state_to, window_days=(area.state_to - area.state_from).days,
                        credited=area.credited, map_source=area.map_source)
    claim = _with_period_and_credit(claim, ctx, m.start())
    if claim.state_from is not None and claim.state_to is not None:
        claim = _replace(claim, window_days=(claim.state_to - claim.state_from).days)
    return claim


def _lookback(span: str | None, since: str | None, war_start: date) -> tuple[int | None, date | None]:
    """("a year and a half", None) -> 18 months; (None, "October 2022") -> 2022-10-01."""
    if since:
        found = find_dates("in " + since.strip(), None)
        if found:
            return None, found[0].start_date
        if "start of the" in since:
            return None, war_start  # the conflict profile's start
        return None, None
    if not span:
        return None, None
    text = re.sub(r"\s+", " ", span.strip().lower())
    if text in _YEARS_WORDS:
        return _YEARS_WORDS[text], None
    half = re.match(rf"(?P<num>{NUMBER_RE}) and a half years$", text)
    if half and parse_number(half.group("num")) is not None:
        return round((parse_number(half.group("num")) or 0) * 12 + 6), None
    m = re.match(rf"(?P<num>{NUMBER_RE})\s+(?P<unit>years?|months?|weeks?)$", text)
    if m and parse_number(m.group("num")) is not None:
        n = parse_number(m.group("num")) or 0
        per = {"y": 12.0, "m": 1.0, "w": 12 / 52}[m.group("unit")[0]]
        return max(1, round(n * per)), None
    return None, None
