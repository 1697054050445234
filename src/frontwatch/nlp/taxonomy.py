"""ACLED's event taxonomy: 6 event types and 25 sub-event types, named exactly as in the codebook.

Source: ACLED Codebook (2023), section "Event types and sub-event types".

>>> len(SUB_EVENT_TYPES), len(set(EVENT_TYPE_OF.values()))
(25, 6)
>>> EVENT_TYPE_OF["Disrupted weapons use"]
'Strategic developments'
"""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: kind for kind, subs in EVENT_TYPES.items() for sub in subs}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(EVENT_TYPE_OF)

#: Sub-types whose fatalities ACLED records as 0 when none are reported (violent events).
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
