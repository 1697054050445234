"""The conflict watched: its two sides and their name variants, the war's start, the map sources that chart it.

What is specific to one war lives here, as data, so that the claims checker and actor attribution serve
another conflict unchanged: a profile is a JSON file (``data/conflicts/russia-ukraine.json`` is the bundled
default). The first side is the one whose held ground the maps' ``occupied`` layer shows (claims are stated
in terms of that ground: a gain of the second side is a loss of the layer).

The profile in force is named by the ``conflict`` setting: ``frontwatch --conflict NAME|PATH ...``,
``frontwatch serve --setting conflict=NAME|PATH`` or ``FRONTWATCH_CONFLICT``; a name is a bundled profile,
a path a profile file of one's own.

>>> p = active_profile()
>>> p.name, p.start.isoformat(), p.occupier.name, p.opponent("Ukraine")
('russia-ukraine', '2022-02-24', 'Russia', 'Russia')
>>> load_profile("nowhere")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
frontwatch.errors.ConfigError: conflict profile 'nowhere' is neither a bundled profile (russia-ukraine) nor ...
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

#: The profile used when the ``conflict`` setting is not given.
DEFAULT = "russia-ukraine"
#: The environment variable that carries the setting (as every setting does: FRONTWATCH_<NAME>).
ENVIRONMENT = "FRONTWATCH_CONFLICT"


@dataclass(frozen=True)
class Side:
    """A belligerent state and the words that name it (as written, case kept)."""

    name: str  # ACLED's country name: "Military Forces of <name>", "Civilians (<name>)"
    iso: str  # the ISO 3166 code geocoded places carry
    adjective: str  # for prose: "Russian forces", "records of Ukrainian gains"
    nouns: tuple[str, ...]  # names that stand for the state on their own: the country, its capital
    adjectives: tuple[str, ...] = ()  # demonyms and codes that name an actor only before a force noun
    forces: tuple[str, ...] = ()  # abbreviations naming the armed forces themselves ("ZSU")
    leaders: tuple[str, ...] = ()  # a leader stands for the side in a claim ("Putin's forces took")

    @property
    def words(self) -> tuple[str, ...]:
        """Every word that names this side."""
        return (*self.nouns, *self.adjectives, *self.forces, *self.leaders)


@dataclass(frozen=True)
class MapSource:
    """A control-map publisher an article may credit, keyed as the store's source."""

    key: str  # the store's source key ("isw")
    display: str  # its name in explanations ("ISW")
    credited_as: tuple[str, ...]  # lower-case names an article credits it by
    counts: str = ""  # what its maps count (the publisher's methodology), for explanations
    traits: str = ""  # what it counts and how often it publishes, for explanations that compare maps
    credited_name: str | None = None  # how a credit line names it; the key when not given

    @property
    def credit(self) -> str:
        return self.credited_name or self.key


@dataclass(frozen=True)
class ConflictProfile:
    """One conflict: two sides (the first holds the maps' occupied ground), its start, its map sources."""

    name: str
    start: date
    sides: tuple[Side, Side]
    map_sources: tuple[MapSource, ...] = ()
    complete_gazetteer: tuple[str, ...] = ()  # ISO codes where the gazetteer lists every settlement
    title: str = ""

    @property
    def occupier(self) -> Side:
        return self.sides[0]

    @property
    def defender(self) -> Side:
        return self.sides[1]

    def side(self, name: str | None) -> Side | None:
        """The side called ``name`` (its ACLED country name), if it is one of the two."""
        return next((s for s in self.sides if s.name == name), None)

    def opponent(self, name: str | None) -> str | None:
        """The other side of a dyad: an unattributed strike on one side's ground is, by default, the other's."""
        a, b = self.sides
        return b.name if name == a.name else a.name if name == b.name else None

    @property
    def opponents(self) -> dict[str, str]:
        a, b = self.sides
        return {a.name: b.name, b.name: a.name}

    def complete_where(self) -> str:
        """The countries whose every settlement the gazetteer lists, by name ("Ukraine")."""
        names = [next((s.name for s in self.sides if s.iso == iso), iso) for iso in self.complete_gazetteer]
        return " and ".join(names) or "no country"

    def map_source(self, key: str | None) -> MapSource | None:
        return next((m for m in self.map_sources if m.key == key), None)

    def display(self, key: str | None) -> str:
        """A source's name in explanations (its key when the profile does not describe it)."""
        found = self.map_source(key)
        return found.display if found else key or ""


def bundled() -> list[str]:
    """The names of the profiles shipped with frontwatch."""
    folder = resources.files("frontwatch.data").joinpath("conflicts")
    return sorted(e.name.removesuffix(".json") for e in folder.iterdir() if e.name.endswith(".json"))


def load_profile(name_or_path: str) -> ConflictProfile:
    """A bundled profile by name, or a profile file by path; a ConfigError naming what is wrong otherwise."""
    if name_or_path in bundled():
        folder = resources.files("frontwatch.data").joinpath("conflicts")
        text = folder.joinpath(f"{name_or_path}.json").read_text("utf-8")
        return profile_from_dict(json.loads(text), origin=name_or_path)
    path = Path(name_or_path)
    if not path.is_file():
        raise ConfigError(f"conflict profile {name_or_path!r} is neither a bundled profile ({', '.join(bundled())}) "
                          "nor a file: give one of those names or the path of a profile JSON file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"conflict profile {path} cannot be read ({exc.__class__.__name__}: {exc}): "
                          "give a UTF-8 JSON file shaped like data/conflicts/russia-ukraine.json") from None
    return profile_from_dict(data, origin=str(path))


def profile_from_dict(data: Any, *, origin: str = "profile") -> ConflictProfile:
    """A profile from its JSON form (see ``data/conflicts/russia-ukraine.json``)."""
    try:
        sides = tuple(_side(s) for s in data["sides"])
        if len(sides) != 2:
            raise ConfigError(f"conflict profile {origin} has {len(sides)} sides, expected 2")
        return ConflictProfile(
            name=str(data["name"]), start=date.fromisoformat(str(data["start"])), sides=(sides[0], sides[1]),
            map_sources=tuple(MapSource(key=m["key"], display=m.get("display", m["key"]),
                                        credited_as=tuple(n.lower() for n in m.get("credited_as", [m["key"]])),
                                        counts=m.get("counts", ""), traits=m.get("traits", ""),
                                        credited_name=m.get("credited_name"))
                              for m in data.get("map_sources", [])),
            complete_gazetteer=tuple(str(c).upper() for c in data.get("complete_gazetteer", [])),
            title=str(data.get("title", "")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError(f"conflict profile {origin} is malformed ({exc.__class__.__name__}: {exc}): it needs "
                          "name, start (YYYY-MM-DD) and two sides with name, iso, adjective and nouns") from None


def _side(data: dict[str, Any]) -> Side:
    return Side(name=str(data["name"]), iso=str(data["iso"]).upper(), adjective=str(data["adjective"]),
                nouns=tuple(data["nouns"]), adjectives=tuple(data.get("adjectives", ())),
                forces=tuple(data.get("forces", ())), leaders=tuple(data.get("leaders", ())))


def active_profile() -> ConflictProfile:
    """The profile the ``conflict`` setting names (``FRONTWATCH_CONFLICT``), else the bundled default."""
    name = os.environ.get(ENVIRONMENT) or DEFAULT
    last = _last
    if last is not None and last[0] == name:  # the per-sentence path: no reload, no hashing of the profile
        return last[1]
    return _remember(name, _cached(name))


_last: tuple[str, ConflictProfile] | None = None


def _remember(name: str, profile: ConflictProfile) -> ConflictProfile:
    global _last
    _last = (name, profile)
    return profile


@lru_cache(maxsize=8)
def _cached(name_or_path: str) -> ConflictProfile:
    return load_profile(name_or_path)
