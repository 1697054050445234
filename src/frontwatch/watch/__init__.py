"""Watch mode: fetch the map sources and news feeds on a schedule, import what is new, write the brief and
send alerts when a threshold or a record is crossed.

::

    from frontwatch.watch import Watcher, load_config
    Watcher(load_config("watch.toml")).run_once()     # what `frontwatch watch watch.toml --once` does
"""

from __future__ import annotations

from .config import Schedule, WatchConfig, load_config, parse_config, parse_schedule
from .runner import LOG_FORMAT, Clock, CycleReport, Watcher

__all__ = ["LOG_FORMAT", "Clock", "CycleReport", "Schedule", "WatchConfig", "Watcher", "load_config", "parse_config",
           "parse_schedule"]
