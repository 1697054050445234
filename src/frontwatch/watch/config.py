"""The watch job's TOML file: what to fetch, how often, where the brief goes, when to alert.

Every key is declared once below as (name, type, default, help); an unknown key, a wrong type or a
schedule that cannot be read is a :class:`ConfigError` naming the key, the value and what to write
instead, so a typo never silently turns a setting off. :data:`EXAMPLE` is a whole file
(``frontwatch watch --example`` prints it).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..errors import ConfigError

EXAMPLE = """\
db = "frontwatch.duckdb"         # relative paths are read from this file's folder
out = "briefs"
schedule = "daily 07:00"          # or "every 30m", "every 6h", "every 1d" (times are UTC)
layer = "occupied"
retries = 3                       # extra attempts after a failed fetch
backoff_s = 30                    # wait before the first retry, doubled after each
webhook = "https://example.org/hook"   # optional: alerts are POSTed here as JSON too

[[maps]]
provider = "deepstate"            # or "isw"
since = "2024-05-01"

[[feeds]]
url = "https://example.org/rss.xml"

[alerts]
net_km2 = 100                     # a week's net gain of at least this
record_days = 365                 # the week is the largest for at least this many days
settlements = 3                   # at least this many settlements taken in the week
"""

TOP = {
    "db": (str, "frontwatch.duckdb", "the store (DuckDB path or postgresql:// URL)"),
    "out": (str, "briefs", "folder the briefs and the alert log are written to"),
    "schedule": (str, "daily 07:00", "when to run: 'every 30m', 'every 6h', 'every 1d' or 'daily HH:MM' (UTC)"),
    "layer": (str, "occupied", "layer or sum of layers the brief and the alerts measure"),
    "retries": (int, 3, "extra attempts after a failed fetch"),
    "backoff_s": ((int, float), 30.0, "seconds before the first retry, doubled after each"),
    "timeout_s": ((int, float), 60.0, "seconds a request may take"),
    "webhook": (str, None, "URL that receives each alert as a JSON POST"),
    "maps": (list, [], "map sources: [[maps]] provider = 'deepstate' | 'isw', url, since"),
    "feeds": (list, [], "RSS/Atom feeds: [[feeds]] url, name"),
    "alerts": (dict, {}, "thresholds: [alerts] net_km2, record_days, settlements"),
}
MAP_KEYS = {"provider": (str, None, "deepstate or isw"), "url": (str, None, "service address (a mirror)"),
            "since": (str, None, "only snapshots on or after this date (deepstate)")}
FEED_KEYS = {"url": (str, None, "feed address (http, https or file path)"), "name": (str, None, "label in logs")}
ALERT_KEYS = {"net_km2": ((int, float), None, "alert when a week's net gain reaches this many km²"),
              "record_days": (int, None, "alert when the week is the largest gain for at least this many days"),
              "settlements": (int, None, "alert when at least this many settlements are taken in the week")}
PROVIDERS = ("deepstate", "isw")

_EVERY = re.compile(r"^every\s+(\d+)\s*([mhd])$")
_DAILY = re.compile(r"^daily\s+(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Schedule:
    """Either a fixed interval or a time of day (UTC)."""

    text: str
    interval: timedelta | None = None
    at: time | None = None

    def next_after(self, moment: datetime) -> datetime:
        """The first run time strictly after ``moment``.

        >>> s = parse_schedule("daily 07:00")
        >>> s.next_after(datetime(2024, 5, 16, 7, 0, tzinfo=UTC)).isoformat()
        '2024-05-17T07:00:00+00:00'
        >>> parse_schedule("every 6h").next_after(datetime(2024, 5, 16, 7, 0, tzinfo=UTC)).isoformat()
        '2024-05-16T13:00:00+00:00'
        """
        if self.interval is not None:
            return moment + self.interval
        assert self.at is not None
        candidate = datetime.combine(moment.date(), self.at, tzinfo=UTC)
        return candidate if candidate > moment else candidate + timedelta(days=1)


def parse_schedule(text: str) -> Schedule:
    """``every 30m`` / ``every 6h`` / ``every 1d`` or ``daily HH:MM`` (UTC)."""
    value = str(text).strip().lower()
    every, daily = _EVERY.match(value), _DAILY.match(value)
    if every and int(every.group(1)) > 0:
        unit = {"m": "minutes", "h": "hours", "d": "days"}[every.group(2)]
        return Schedule(value, interval=timedelta(**{unit: int(every.group(1))}))
    if daily and int(daily.group(1)) < 24 and int(daily.group(2)) < 60:
        return Schedule(value, at=time(int(daily.group(1)), int(daily.group(2))))
    raise ConfigError(f"schedule {text!r} is not understood: write 'every 30m', 'every 6h', 'every 1d' "
                      "or 'daily 07:00' (UTC)")


@dataclass(frozen=True)
class WatchConfig:
    """A checked watch configuration."""

    db: str = "frontwatch.duckdb"
    out: Path = Path("briefs")
    schedule: Schedule = field(default_factory=lambda: parse_schedule("daily 07:00"))
    layer: str = "occupied"
    retries: int = 3
    backoff_s: float = 30.0
    timeout_s: float = 60.0
    webhook: str | None = None
    maps: tuple[dict[str, Any], ...] = ()
    feeds: tuple[dict[str, Any], ...] = ()
    alerts: dict[str, Any] = field(default_factory=dict)


def _check(table: dict[str, Any], spec: dict[str, tuple[Any, Any, str]], where: str) -> dict[str, Any]:
    """The table's values with defaults filled in; ConfigError for an unknown key or a wrong type."""
    for key, value in table.items():
        if key not in spec:
            raise ConfigError(f"unknown key {key!r} in {where}; known keys: {', '.join(spec)}")
        kind = spec[key][0]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            names = "/".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__
            raise ConfigError(f"{key} in {where} is {value!r}, expected {names} ({spec[key][2]})")
    return {key: table.get(key, spec[key][1]) for key in spec}


def parse_config(data: dict[str, Any], *, name: str = "the watch file") -> WatchConfig:
    """A :class:`WatchConfig` from a parsed TOML document."""
    top = _check(data, TOP, name)
    maps = tuple(_check(_table(m, f"[[maps]] of {name}"), MAP_KEYS, f"[[maps]] of {name}") for m in top["maps"])
    for m in maps:
        if m["provider"] not in PROVIDERS:
            raise ConfigError(f"provider {m['provider']!r} in [[maps]] of {name}: "
                              f"expected one of {', '.join(PROVIDERS)}")
    feeds = tuple(_check(_table(f, f"[[feeds]] of {name}"), FEED_KEYS, f"[[feeds]] of {name}") for f in top["feeds"])
    if any(not f["url"] for f in feeds):
        raise ConfigError(f"a [[feeds]] entry of {name} has no url")
    alerts = {k: v for k, v in _check(top["alerts"], ALERT_KEYS, f"[alerts] of {name}").items() if v is not None}
    if top["retries"] < 0 or top["backoff_s"] < 0 or top["timeout_s"] <= 0:
        raise ConfigError(f"retries and backoff_s must be >= 0 and timeout_s > 0 in {name}")
    return WatchConfig(db=top["db"], out=Path(top["out"]), schedule=parse_schedule(top["schedule"]),
                       layer=top["layer"], retries=top["retries"], backoff_s=float(top["backoff_s"]),
                       timeout_s=float(top["timeout_s"]), webhook=top["webhook"], maps=maps, feeds=feeds,
                       alerts=alerts)


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of keys, got {value!r}")
    return value


def load_config(path: str | Path) -> WatchConfig:
    """Read and check a watch TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no watch file at {path}: write one (see frontwatch watch --help)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    config = parse_config(data, name=str(path))
    # relative paths are read from the file's folder, so a cron job or timer may run from anywhere
    db = config.db if "://" in config.db or Path(config.db).is_absolute() else str(path.parent / config.db)
    out = config.out if config.out.is_absolute() else path.parent / config.out
    return replace(config, db=db, out=out)
