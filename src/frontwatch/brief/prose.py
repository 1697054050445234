"""The sentences of a brief: short, the figure first, each one traceable to a section of the JSON document.

They are written from the brief's JSON (not from live objects), so the Markdown, the HTML and the JSON
say the same thing.

>>> signed(160.94)
'+160.9 km²'
>>> month_year("2022-10-02")
'October 2022'
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..conflict import active_profile


def signed(km2: float) -> str:
    return f"{km2:+,.1f} km²"


def plain(km2: float) -> str:
    return f"{abs(km2):,.1f} km²"


def day_month(iso: str) -> str:
    d = date.fromisoformat(iso[:10])
    return f"{d.day} {d:%B %Y}"


def month_year(iso: str) -> str:
    return f"{date.fromisoformat(iso[:10]):%B %Y}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``11th``, ``23rd``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else ""


def _actor(layer: str) -> str | None:
    """Who gains when the layer grows: occupied ground is held by the conflict profile's first side (CONTRACTS'
    layer names; "Russian forces" in the default profile)."""
    held = layer.split("+")[0] in ("occupied", "occupied_pre2022", "claimed")
    return f"{active_profile().occupier.adjective} forces" if held else None


def ground_sentences(section: dict[str, Any], label: str) -> list[str]:
    """The lead sentences for one map source."""
    name, layer, net = section["source_name"], section["layer"], section["net_km2"]
    if net is None:
        return [f"{name}: no figure for {label}. " + " ".join(section["notes"])]
    actor = _actor(layer)
    if actor:
        verb = "net gain" if net >= 0 else "net loss"
        out = [f"{signed(net)}: {actor}' {verb} on {name}'s map, {label} (layer {layer})."]
        out.append(f"They took {plain(section['gained_km2'])} and lost {plain(section['lost_km2'])}.")
    else:
        out = [f"{signed(net)}: net change of the {layer} layer on {name}'s map, {label}.",
               f"It grew by {plain(section['gained_km2'])} and shrank by {plain(section['lost_km2'])}."]
    regions = [r for r in section["regions"] if abs(r["net_km2"]) >= 0.05][:3]
    if regions:
        out.append("By oblast: " + ", ".join(f"{r['name']} {signed(r['net_km2'])}" for r in regions) + ".")
    out += _record_sentences(section, actor)
    out += _settlement_sentences(section)
    return out


def _record_sentences(section: dict[str, Any], actor: str | None) -> list[str]:
    rec, streak, out = section.get("record"), section.get("streak"), []
    if rec and section["net_km2"] > 0:
        days, what = rec["window_days"], "gain" if actor else "growth"
        if rec["largest_on_record"]:
            out.append(f"It is the largest {days}-day {what} in {section['source_name']}'s data "
                       f"(which start with the window to {day_month(rec['first_window_end'])}).")
        elif rec["previous_larger"]:
            prev = rec["previous_larger"]
            out.append(f"It is the largest {days}-day {what} since {month_year(rec['largest_since'])}: "
                       f"{signed(prev['net_km2'])} in the {days} days to {day_month(prev['end'])}.")
        rank, total = rec["rank_in_last_365_days"], rec["windows_in_last_365_days"]
        place = "the largest" if rank == 1 else f"the {ordinal(rank)} largest"
        out.append(f"It is {place} of the {total} {days}-day windows ending in the last 365 days.")
    if streak and streak["weeks_of_net_gain"] >= 2:
        out.append(f"Net gains for {streak['weeks_of_net_gain']} weeks in a row"
                   + (f"; the longest earlier run was {streak['longest_earlier_weeks']} weeks, to "
                      f"{day_month(streak['longest_earlier_end'])}." if streak["longest_earlier_end"] else "."))
    return out


def _settlement_sentences(section: dict[str, Any]) -> list[str]:
    out = []
    for change in ("taken", "lost"):
        groups = [g for g in section["settlements_by_oblast"] if g["change"] == change]
        count = sum(len(g["names"]) for g in groups)
        if not count:
            continue
        listed = "; ".join(f"{', '.join(g['names'])} ({g['oblast']})" for g in groups)
        plural = "s" if count > 1 else ""
        if _actor(section["layer"]):
            out.append(f"{count} settlement{plural} {'taken' if change == 'taken' else 'lost'}: {listed}.")
        else:
            verb = "entered" if change == "taken" else "left"
            out.append(f"{count} settlement{plural} {verb} the {section['layer']} layer: {listed}.")
    if section["net_km2"] is not None and not section["settlements"]:
        out.append("No gazetteer settlement changed hands.")
    return out


def event_sentences(events: dict[str, Any], label: str) -> list[str]:
    if events["note"]:
        return [_sentence(events["note"])]
    out = [f"{events['incidents']:,} incidents ({events['reports']:,} reports) dated {label} are stored."]
    kinds = ", ".join(f"{t['incidents']:,} {t['event_type']}" for t in events["by_type"][:4])
    if kinds:
        out.append(f"By type: {kinds}.")
    places = ", ".join(f"{o['oblast']} {o['incidents']:,}" for o in events["by_oblast"][:5])
    if places:
        out.append(f"By region: {places}.")
    for item in events["deadliest"][:3]:
        out.append(incident_sentence(item))
    return out


def incident_sentence(item: dict[str, Any]) -> str:
    f = item["fatalities"]
    spread = f" ({f['low']}–{f['high']})" if f["low"] is not None and f["high"] not in (None, f["low"]) else ""
    where = ", ".join(p for p in (item["place"], item["oblast"]) if p) or "place unknown"
    who = "; ".join(item["claimants"]) or "no claimant named"
    outlets = ", ".join(sorted({s["outlet"] or s["doc_id"] for s in item["sources"]}))
    return (f"{f['best']} killed{spread}: {item['sub_event_type'] or item['event_type']}, {where}, "
            f"{day_month(item['date'])}. {item['reports']} report(s): {outlets}. Claimed by: {who}.")


def claim_sentences(claims: dict[str, Any]) -> list[str]:
    out = [f"\u201c{c['text']}\u201d ({c['outlet'] or c['doc_id']}): {c['verdict']}. {_sentence(c['explanation'])}"
           for c in claims["claims"]]
    if claims["note"]:
        out.append(_sentence(claims["note"]))
    return out
