"""One line a reader can follow: what was claimed, what each map layer shows, why they differ.

>>> from frontwatch.claims.extract import Claim
>>> from datetime import date
>>> c = Claim(kind="area_gained", text="", start=0, end=0, actor="Russia", value=100.0, unit="km2",
...           state_from=date(2024, 1, 1), state_to=date(2024, 1, 8))
>>> line = explain(c, {"deepstate:occupied": {"value_km2": 40.0, "verdict": "inconsistent"}}, "inconsistent",
...                ["deepstate"])
>>> line.split(": ")[0]
'100 km² gained by Russia (from the 2024-01-01 state to the 2024-01-08 state) matches no layer in the store'
>>> line.split(": ")[1]
'DeepState occupied 40.0 km² (agreement needs ±10 km²).'
"""

from __future__ import annotations

from typing import Any

from .extract import Claim
from .tolerance import SOURCE_NOTES, area_tolerance_km2, display, record_threshold


def _layer_name(key: str) -> str:
    source, layer = key.split(":", 1)
    return f"{display(source)} {layer}"


def _period(claim: Claim) -> str:
    return f"from the {claim.state_from} state to the {claim.state_to} state"


def explain(claim: Claim, computed: dict[str, dict[str, Any]], verdict: str, sources: list[str]) -> str:
    """The explanation for a claim's verdict."""
    usable = {k: v for k, v in computed.items() if v.get("verdict") != "unverifiable"}
    if claim.kind.startswith("settlements") and any("value" in v for v in computed.values()):
        return _explain_settlements(claim, {k: v for k, v in computed.items() if "value" in v}, verdict)
    if not usable:
        reasons = sorted({v.get("reason", "") for v in computed.values()} - {""})
        return f"cannot be checked {_period(claim)}: " + ("; ".join(reasons) or "no layer could be computed")
    if claim.kind == "record":
        skipped = sorted({v["reason"] for v in computed.values() if v.get("verdict") == "unverifiable"
                          and v.get("reason")})
        return _explain_record(claim, usable, verdict) + "".join(f" Not counted: {r}." for r in skipped)
    return _explain_area(claim, usable, verdict, sources)


def _explain_area(claim: Claim, usable: dict[str, dict[str, Any]], verdict: str, sources: list[str]) -> str:
    value = claim.value or 0.0
    tol = area_tolerance_km2(value)
    russian_gain = claim.kind == "area_gained"
    bound = "" if claim.qualifier == "exact" else f"{claim.qualifier} "
    if claim.actor != "Ukraine":
        what = f"{bound}{value:,.0f} km² {'gained' if russian_gain else 'lost'} by Russia"
    else:
        what = f"{bound}{value:,.0f} km² {'lost' if russian_gain else 'gained'} by Ukraine"
    figures = ", ".join(f"{_layer_name(k)} {_area_text(v)}" for k, v in usable.items())
    agree = [_layer_name(k) for k, v in usable.items() if v["verdict"] == "consistent"]
    head = f"{what} ({_period(claim)})"
    coarse = " (for a weekly map: of either figure, or between them)" if any("enclosing" in v for v in
                                                                        usable.values()) else ""
    if agree:
        line = f"{head} agrees with {', '.join(agree)} within ±{tol:,.0f} km²{coarse}: {figures}."
    else:
        line = f"{head} matches no layer in the store: {figures} (agreement needs ±{tol:,.0f} km²)."
    return line + _credited_note(claim, sources, usable, value)


def _area_text(figure: dict[str, Any]) -> str:
    """A figure, with the enclosing maps' figure for a weekly source (see ``credited``)."""
    text = f"{figure['value_km2']:,.1f} km²"
    outer = figure.get("enclosing")
    return f"{text} (enclosing maps: {outer['value_km2']:,.1f} km²)" if outer else text


def _credited_note(claim: Claim, sources: list[str], usable: dict[str, dict[str, Any]], value: float) -> str:
    """Why figures differ when the article credits a map that is not (or is) in the store."""
    credited = claim.map_source
    if credited is None:
        return ""
    if credited in sources:
        from .credited import explain_sources

        return (f" The article credits {display(credited)}, so its layers decide. "
                + explain_sources(claim, usable, sources))
    larger = all(value > v["value_km2"] for v in usable.values())
    note = SOURCE_NOTES.get(credited, f"{display(credited)} counts differently")
    stored = ", ".join(display(s) for s in sources)
    why = f", which is why its figure is larger than {stored}'s" if larger else ""
    return (f" The article credits {display(credited)}: {note}{why}; {display(credited)}'s layers are not in this"
            f" store (`frontwatch territory fetch {credited}` would add them).")


def _explain_settlements(claim: Claim, usable: dict[str, dict[str, Any]], verdict: str) -> str:
    value = int(claim.value or 0)
    where = f" in {claim.region} region" if claim.region else ""
    counts = ", ".join(f"{_layer_name(k)} {v['value']}" for k, v in usable.items())
    tol = max(2, round(0.25 * value))
    head = (f"{value} settlements{where} {'taken' if claim.kind == 'settlements_taken' else 'lost'} "
            f"({_period(claim)})")
    found = f"settlements in the gazetteer inside the changed ground: {counts}"
    if verdict == "consistent":
        return f"{head} agrees, within ±{tol}, with the {found}."
    if verdict == "inconsistent":
        return f"{head} is contradicted: the maps show more {found} (agreement within ±{tol})."
    return (f"{head} can be neither confirmed nor refuted: the maps show fewer {found}; that is a lower bound, "
            f"since villages under 500 people outside Ukraine are not in the gazetteer.")


def _explain_record(claim: Claim, usable: dict[str, dict[str, Any]], verdict: str) -> str:
    threshold = record_threshold(claim)
    span = f"{claim.lookback_months} months" if claim.lookback_months else f"since {claim.lookback_since}"
    parts = []
    for key, v in usable.items():
        since = v.get("largest_since") or "the start of the data"
        parts.append(f"{_layer_name(key)} {v.get('net_km2', 0):+,.1f} km², largest since {since}")
    holds = [_layer_name(k) for k, v in usable.items() if v["verdict"] == "consistent"]
    head = f"the {claim.window_days}-day change {_period(claim)} as the largest in {span}"
    back = (f"{claim.lookback_months} months back, less 10% for round phrasing" if claim.lookback_months
            else f"since {claim.lookback_since}")
    if holds:
        return (f"{head} holds on {', '.join(holds)} (no larger {claim.window_days}-day change after {threshold}, "
                f"{back}): " + "; ".join(parts) + ".")
    return f"{head} does not hold on any layer (a larger change came after {threshold}): " + "; ".join(parts) + "."
