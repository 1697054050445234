"""DeepStateMap fill colours -> frontwatch layers, versioned by date (the map's legend changed over time).

The table was read from the 1,359 raw snapshots in ``shared/data/territory/deepstate`` (2022-04-03 .. 2025-08-03),
polygon names giving each colour's meaning:

* ``#a52714`` "Окуповано /// Occupied" throughout: ground taken since 24 Feb 2022.
* Until 2022-05-29 ``#000000`` was Crimea and ORDLO ("Крим", "ОРДЛО") and ``#880e4f`` was Transnistria
  ("Придністров'я", in Moldova). In the snapshot of 2022-05-29T17:35:22Z Transnistria became ``#ff5252`` and
  Crimea/ORDLO ``#880e4f``; Tuzla island stayed ``#000000`` until 2022-06-05.
* ``#ff5252``: Transnistria, then (from Feb 2023) DeepState's satirical "occupied" land abroad (Petsamo, Estonia,
  the Kurils...). Never part of Ukraine's totals: stored as ``foreign_satirical``.
* ``#bcaaa4`` "Під питанням / Статус невідомий" (contested, unknown status); ``#bdbdbd`` and, June-August 2022,
  ``#757575`` with the same name.
* ``#0f9d58``, ``#0288d1`` and once (2022-09-27) ``#0097a7``: "Звільнено / Liberated".
* ``#01579b`` from 2024-08-08: Ukrainian-held ground in Russia's Kursk region (named "Liberated" by DeepState,
  but not Ukrainian territory, so kept apart).

Colours seen but left unmapped (stored under ``unmapped_rrggbb``, counted in no total, reported as a warning):
``#fbc02d`` (one stray polygon over Somalia, 2023-02-07) and ``#ce93d8`` (Wagner's mutiny, 2023-06-24).

>>> from datetime import datetime, UTC
>>> layer_for_colour("#880E4F", datetime(2022, 4, 10, tzinfo=UTC))
'foreign_satirical'
>>> layer_for_colour("880e4f", datetime(2024, 5, 1, tzinfo=UTC))
'occupied_pre2022'
>>> layer_for_colour("#123456", datetime(2024, 5, 1, tzinfo=UTC)) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType

# Layer names (CONTRACTS "Territory"): the same for every source.
OCCUPIED = "occupied"
OCCUPIED_PRE2022 = "occupied_pre2022"
CONTESTED = "contested"
CLAIMED = "claimed"
LIBERATED = "liberated"
UKRAINE_HELD_IN_RUSSIA = "ukraine_held_in_russia"
CONTRACT_LAYERS = (OCCUPIED, OCCUPIED_PRE2022, CONTESTED, CLAIMED, LIBERATED, UKRAINE_HELD_IN_RUSSIA)

# Layers outside CONTRACTS, never summed into Ukraine's figures.
SATIRICAL_FOREIGN = "foreign_satirical"  # DeepState #ff5252 (and Transnistria's #880e4f before 2022-05-29)
OCCUPIED_TOTAL = "occupied_total"  # cyterat archives: occupied since 2022 and before, as one polygon
UNMAPPED_PREFIX = "unmapped_"  # a colour or value with no mapping, kept rather than lost

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$")


@dataclass(frozen=True)
class ColourScheme:
    """DeepState's legend from ``since`` (UTC) until the next scheme starts."""

    since: datetime
    colours: Mapping[str, str]
    note: str = ""


_COMMON = {
    "#a52714": OCCUPIED,
    "#bcaaa4": CONTESTED,
    "#bdbdbd": CONTESTED,
    "#757575": CONTESTED,
    "#0f9d58": LIBERATED,
    "#0288d1": LIBERATED,
    "#0097a7": LIBERATED,
    "#ff5252": SATIRICAL_FOREIGN,
}

#: Ordered by ``since``; a snapshot uses the last scheme starting at or before its time.
DEEPSTATE_SCHEMES: tuple[ColourScheme, ...] = (
    ColourScheme(
        datetime(2014, 1, 1, tzinfo=UTC),
        MappingProxyType({**_COMMON, "#000000": OCCUPIED_PRE2022, "#880e4f": SATIRICAL_FOREIGN}),
        "until 2022-05-29: black = Crimea and ORDLO, #880e4f = Transnistria",
    ),
    ColourScheme(
        datetime(2022, 5, 29, 17, 35, 22, tzinfo=UTC),
        MappingProxyType({**_COMMON, "#000000": OCCUPIED_PRE2022, "#880e4f": OCCUPIED_PRE2022}),
        "from snapshot 1653845722: #880e4f = Crimea and ORDLO, #ff5252 = Transnistria",
    ),
    ColourScheme(
        datetime(2024, 8, 6, tzinfo=UTC),
        MappingProxyType({**_COMMON, "#000000": OCCUPIED_PRE2022, "#880e4f": OCCUPIED_PRE2022,
                          "#01579b": UKRAINE_HELD_IN_RUSSIA}),
        "from the Kursk incursion (6 Aug 2024): #01579b = Ukrainian-held ground in Russia",
    ),
)


def normalise_colour(value: object) -> str | None:
    """``'#rrggbb'`` in lower case from ``'#RRGGBB'``, ``'rrggbb'`` or ``'#rrggbbaa'``; None if not a colour.

    >>> normalise_colour(" #A52714 "), normalise_colour("a52714ff"), normalise_colour("red")
    ('#a52714', '#a52714', None)
    """
    if not isinstance(value, str):
        return None
    match = _HEX.match(value.strip())
    return f"#{match.group(1).lower()}" if match else None


def scheme_at(time: datetime) -> ColourScheme:
    """The DeepState legend in force at ``time`` (timezone-aware)."""
    current = DEEPSTATE_SCHEMES[0]
    for scheme in DEEPSTATE_SCHEMES:
        if scheme.since <= time:
            current = scheme
    return current


def layer_for_colour(colour: object, time: datetime) -> str | None:
    """The layer a DeepState fill colour meant at ``time``; None for a colour the legend does not know."""
    norm = normalise_colour(colour)
    return scheme_at(time).colours.get(norm) if norm else None


def unmapped_layer(value: object) -> str:
    """The layer name (a plain ``[a-z0-9_]`` name, usable in ``--layer``) keeping features of an unknown value.

    >>> unmapped_layer("#CE93D8"), unmapped_layer("Grey zone?")
    ('unmapped_ce93d8', 'unmapped_grey_zone')
    """
    colour = normalise_colour(value)
    slug = colour[1:] if colour else re.sub(r"[^a-z0-9]+", "_", str(value).strip().lower()).strip("_")[:40]
    return f"{UNMAPPED_PREFIX}{slug or 'none'}"
