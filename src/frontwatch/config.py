"""Server settings, declared once as (name, default, help) rows.

The rows drive everything that knows about settings: ``frontwatch serve --setting NAME=VALUE``
and its help text, the environment (``FRONTWATCH_<NAME>``), the API's ``/settings`` endpoint
and the table in ``docs/serving.md`` (a test checks that table against these rows), the way
datasette declares its settings once.

>>> s = Settings.load({"page_limit_max": "500"}, environ={})
>>> s.page_limit_max, s.read_only
(500, True)
>>> Settings.load({"nope": "1"}, environ={})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
frontwatch.errors.ConfigError: unknown setting 'nope': expected one of api_token, api_token_file, ...
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .conflict import load_profile
from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One row: the name, its default (whose type is the setting's type), what it does, and whether it is secret."""

    name: str
    default: Any
    help: str
    kind: type = str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("api_token", None, "Token that enables the write (ingestion) endpoints, sent as 'Authorization: Bearer "
            "TOKEN'; unset, the API is read-only. Give it in the environment (FRONTWATCH_API_TOKEN) or in a file "
            "(api_token_file): on the command line it is visible to every user in `ps`.", str, secret=True),
    Setting("api_token_file", None, "File whose first line is the api_token (readable by the server's user only), "
            "so the token appears neither in `ps` nor in the environment.", str),
    Setting("max_body_bytes", 5_000_000, "Largest request body accepted; larger ones get 413 before they are read.",
            int),
    Setting("page_limit_default", 100, "Events per page when the request gives no limit.", int),
    Setting("page_limit_max", 1000, "Largest page of events a request may ask for.", int),
    Setting("snapshot_tolerance_deg", 0.002, "Simplification tolerance (degrees) of the map layers served to the "
            "dashboard; 0 serves them unsimplified.", float),
    Setting("cache_size", 256, "Territory results (changes, series, map layers) kept in memory; 0 disables.", int),
    Setting("overlay_budget", 8, "Most map overlays (exact differences of two maps, ~50 ms each on DeepState) one "
            "territory request may compute; a series or record needing more (windows or sums not precomputed) "
            "gets 400 naming what to narrow.", int),
    Setting("index_dir", None, "Folder for the event index a read-only DuckDB or a PostgreSQL server builds at "
            "start-up (the events' JSON, memory-mapped; about 560 MB per million events); unset, the system's "
            "temporary folder.", str),
    Setting("event_index_max_events", 10_000_000, "PostgreSQL stores: the most events the server's in-memory event "
            "index holds (about 50 MB a worker and a 600 MB shared file per million events; rebuilt after writes); "
            "a store with more, or 0, answers every /events query with SQL.", int),
    Setting("conflict", "russia-ukraine", "The conflict watched: a bundled profile's name or the path of a profile "
            "JSON file (its two sides and their name variants, its start date, its map sources), which claims and "
            "actor attribution follow; also `frontwatch --conflict`.", str),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _convert(setting: Setting, raw: Any) -> Any:
    if raw is None or isinstance(raw, setting.kind):
        return raw
    try:
        value = setting.kind(raw)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {setting.name} got {raw!r}, expected a {setting.kind.__name__}"
        ) from None
    if isinstance(value, int | float) and value < 0:
        raise ConfigError(f"setting {setting.name} got {raw!r}, expected a number >= 0")
    return value


@dataclass(frozen=True)
class Settings:
    """The values in force: the defaults, then ``FRONTWATCH_<NAME>`` variables, then explicit values."""

    api_token: str | None = None
    api_token_file: str | None = None
    max_body_bytes: int = 5_000_000
    page_limit_default: int = 100
    page_limit_max: int = 1000
    snapshot_tolerance_deg: float = 0.002
    cache_size: int = 256
    overlay_budget: int = 8
    index_dir: str | None = None
    event_index_max_events: int = 10_000_000
    conflict: str = "russia-ukraine"

    @property
    def read_only(self) -> bool:
        """No token configured: every write endpoint answers 403."""
        return not self.api_token

    @classmethod
    def load(cls, values: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from the environment and ``values`` (which win); unknown names are a ConfigError."""
        environ = os.environ if environ is None else environ
        merged: dict[str, Any] = {}
        for setting in SETTINGS:
            env = environ.get(f"FRONTWATCH_{setting.name.upper()}")
            if env is not None and env != "":
                merged[setting.name] = _convert(setting, env)
        for name, raw in (values or {}).items():
            if name not in _BY_NAME:
                raise ConfigError(f"unknown setting {name!r}: expected one of {', '.join(_BY_NAME)}")
            merged[name] = _convert(_BY_NAME[name], raw)
        if merged.get("api_token_file"):
            merged["api_token"] = _token_from_file(merged["api_token_file"], merged.get("api_token"))
        if merged.get("conflict"):
            load_profile(merged["conflict"])  # a bad name or file is a ConfigError at start-up, not at a request
        settings = cls(**merged)
        if settings.page_limit_default > settings.page_limit_max:
            raise ConfigError(
                f"page_limit_default ({settings.page_limit_default}) is above page_limit_max "
                f"({settings.page_limit_max}): lower the default or raise the maximum"
            )
        return settings

    def public(self) -> dict[str, Any]:
        """The values safe to show (secrets as whether they are set)."""
        out: dict[str, Any] = {}
        for setting in SETTINGS:
            value = getattr(self, setting.name)
            out[setting.name] = (value is not None) if setting.secret else value
        return out


def _token_from_file(path: str, given: str | None) -> str:
    """The api_token read from the first line of ``path``; a ConfigError when unreadable, empty, or doubled."""
    if given:
        raise ConfigError("both api_token and api_token_file are set: keep one (the file keeps it out of `ps`)")
    try:
        with open(path, encoding="utf-8") as handle:
            token = handle.readline().strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"api_token_file {path!r} cannot be read ({exc.__class__.__name__}): "
                          "give a readable text file whose first line is the token") from None
    if not token:
        raise ConfigError(f"api_token_file {path!r} is empty: put the token on its first line")
    return token


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["name=value", ...]`` from the command line into a dict; a pair without ``=`` is a ConfigError."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--setting got {pair!r}, expected NAME=VALUE (e.g. page_limit_max=500)")
        out[name.strip()] = value
    return out


def settings_markdown() -> str:
    """The settings table for the docs (``docs/serving.md``), generated from the rows."""
    lines = ["| setting | environment | default | what it does |", "|---|---|---|---|"]
    for s in SETTINGS:
        default = "unset" if s.default is None else f"`{s.default}`"
        lines.append(f"| `{s.name}` | `FRONTWATCH_{s.name.upper()}` | {default} | {s.help} |")
    return "\n".join(lines) + "\n"


assert [f.name for f in dataclasses.fields(Settings)] == [s.name for s in SETTINGS], "rows and fields must agree"
