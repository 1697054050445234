"""One line a reader can follow: what was claimed, what each map layer shows, why they differ.

>>> from frontwatch.claims.extract import Claim, ClaimKind
>>> from frontwatch.claims.results import AreaFigure, Verdict
>>> from frontwatch.conflict import active_profile
>>> from datetime import date
>>> c = Claim(kind=ClaimKind.AREA_GAINED, text="", start=0, end=0, actor="Russia", value=100.0, unit="km2",
...           state_from=date(2024, 1, 1), state_to=date(2024, 1, 8))
>>> f = AreaFigure(source="deepstate", layer="occupied", value_km2=40.0, value_mi2=15.4, gained_km2=40.0,
...                lost_km2=0.0, net_km2=40.0, start={}, end={}, verdict=Verdict.INCONSISTENT)
>>> line = explain(c, [f], Verdict.INCONSISTENT, ["deepstate"], active_profile())
>>> line.split(": ")[0]
'100 km² gained by Russia (from the 2024-01-01 state to the 2024-01-08 state) matches no layer in the store'
>>> line.split(": ")[1]
'DeepState occupied 40.0 km² (agreement needs ±10 km²).'
"""

from __future__ import annotations

from ..conflict import ConflictProfile
from .credited import explain_sources
from .extract import Claim, ClaimKind, Measure
from .results import AreaFigure, Figure, RecordFigure, SettlementFigure, Verdict
from .tolerance import area_tolerance_km2, record_threshold


def _layer_name(figure: Figure, profile: ConflictProfile) -> str:
    return f"{profile.display(figure.source)} {figure.layer}"


def _period(claim: Claim) -> str:
    return f"from the {claim.state_from} state to the {claim.state_to} state"


def explain(claim: Claim, computed: list[Figure], verdict: Verdict, sources: list[str],
            profile: ConflictProfile) -> str:
    """The explanation for a claim's verdict."""
    usable = [f for f in computed if f.usable]
    counted = [f for f in computed if isinstance(f, SettlementFigure)]
    if claim.kind.measure is Measure.SETTLEMENTS and counted:
        return _explain_settlements(claim, counted, verdict, profile)
    if not usable:
        reasons = sorted({f.reason or "" for f in computed} - {""})
        return f"cannot be checked {_period(claim)}: " + ("; ".join(reasons) or "no layer could be computed")
    if claim.kind is ClaimKind.RECORD:
        skipped = sorted({f.reason for f in computed if not f.usable and f.reason})
        records = [f for f in usable if isinstance(f, RecordFigure)]
        return _explain_record(claim, records, profile) + "".join(f" Not counted: {r}." for r in skipped)
    areas = [f for f in usable if isinstance(f, AreaFigure)]
    return _explain_area(claim, areas, sources, profile)


def _explain_area(claim: Claim, usable: list[AreaFigure], sources: list[str], profile: ConflictProfile) -> str:
    value = claim.value or 0.0
    tol = area_tolerance_km2(value)
    grows = claim.kind.held_ground_grows
    bound = "" if claim.qualifier == "exact" else f"{claim.qualifier} "
    if claim.actor != profile.defender.name:
        what = f"{bound}{value:,.0f} km² {'gained' if grows else 'lost'} by {profile.occupier.name}"
    else:
        what = f"{bound}{value:,.0f} km² {'lost' if grows else 'gained'} by {profile.defender.name}"
    figures = ", ".join(f"{_layer_name(f, profile)} {_area_text(f)}" for f in usable)
    agree = [_layer_name(f, profile) for f in usable if f.verdict is Verdict.CONSISTENT]
    head = f"{what} ({_period(claim)})"
    coarse = " (for a weekly map: of either figure, or between them)" if any(f.enclosing is not None
                                                                             for f in usable) else ""
    if agree:
        line = f"{head} agrees with {', '.join(agree)} within ±{tol:,.0f} km²{coarse}: {figures}."
    else:
        line = f"{head} matches no layer in the store: {figures} (agreement needs ±{tol:,.0f} km²)."
    return line + _credited_note(claim, sources, usable, value, profile)


def _area_text(figure: AreaFigure) -> str:
    """A figure, with the enclosing maps' figure for a weekly source (see ``credited``)."""
    text = f"{figure.value_km2:,.1f} km²"
    outer = figure.enclosing
    return f"{text} (enclosing maps: {outer.value_km2:,.1f} km²)" if outer else text


def _credited_note(claim: Claim, sources: list[str], usable: list[AreaFigure], value: float,
                   profile: ConflictProfile) -> str:
    """Why figures differ when the article credits a map that is not (or is) in the store."""
    credited = claim.map_source
    if credited is None:
        return ""
    name = profile.display(credited)
    if credited in sources:
        return f" The article credits {name}, so its layers decide. " + explain_sources(claim, usable, sources,
                                                                                          profile)
    larger = all(value > f.value_km2 for f in usable)
    described = profile.map_source(credited)
    note = described.counts if described and described.counts else f"{name} counts differently"
    stored = ", ".join(profile.display(s) for s in sources)
    why = f", which is why its figure is larger than {stored}'s" if larger else ""
    return (f" The article credits {name}: {note}{why}; {name}'s layers are not in this"
            f" store (`frontwatch territory fetch {credited}` would add them).")


def _explain_settlements(claim: Claim, usable: list[SettlementFigure], verdict: Verdict,
                         profile: ConflictProfile) -> str:
    value = int(claim.value or 0)
    where = f" in {claim.region} region" if claim.region else ""
    counts = ", ".join(f"{_layer_name(f, profile)} {f.value}" for f in usable)
    tol = max(2, round(0.25 * value))
    head = f"{value} settlements{where} {'taken' if claim.kind.held_ground_grows else 'lost'} ({_period(claim)})"
    found = f"settlements in the gazetteer inside the changed ground: {counts}"
    if verdict is Verdict.CONSISTENT:
        return f"{head} agrees, within ±{tol}, with the {found}."
    if verdict is Verdict.INCONSISTENT:
        return f"{head} is contradicted: the maps show more {found} (agreement within ±{tol})."
    return (f"{head} can be neither confirmed nor refuted: the maps show fewer {found}; that is a lower bound, "
            f"since villages under 500 people outside {profile.complete_where()} are not in the gazetteer.")


def _explain_record(claim: Claim, usable: list[RecordFigure], profile: ConflictProfile) -> str:
    threshold = record_threshold(claim)
    span = f"{claim.lookback_months} months" if claim.lookback_months else f"since {claim.lookback_since}"
    parts = []
    for f in usable:
        since = f.largest_since or "the start of the data"
        parts.append(f"{_layer_name(f, profile)} {f.net_km2 or 0:+,.1f} km², largest since {since}")
    holds = [_layer_name(f, profile) for f in usable if f.verdict is Verdict.CONSISTENT]
    head = f"the {claim.window_days}-day change {_period(claim)} as the largest in {span}"
    back = (f"{claim.lookback_months} months back, less 10% for round phrasing" if claim.lookback_months
            else f"since {claim.lookback_since}")
    if holds:
        return (f"{head} holds on {', '.join(holds)} (no larger {claim.window_days}-day change after {threshold}, "
                f"{back}): " + "; ".join(parts) + ".")
    return f"{head} does not hold on any layer (a larger change came after {threshold}): " + "; ".join(parts) + "."
