"""Watch mode: fetch the map sources and news feeds on a schedule, import what is new, write the brief and
send alerts when a threshold or a record is crossed.

::

    from frontwatch.watch import Watcher, load_config
    Watcher(load_config("watch.toml")).run_once()     # what `frontwatch watch watch.toml --once` does

Run it from cron (``0 7 * * * frontwatch watch /srv/fw/watch.toml --once >> /srv/fw/alerts.jsonl``) or as a
systemd service (``ExecStart=frontwatch watch /srv/fw/watch.toml``; systemd stops it with SIGTERM, which
ends the wait at once). ``frontwatch watch --example`` prints a whole watch file.
"""

from __future__ import annotations

from .config import Schedule, WatchConfig, load_config, parse_config, parse_schedule
from .runner import LOG_FORMAT, Clock, CycleReport, Watcher

__all__ = ["LOG_FORMAT", "Clock", "CycleReport", "Schedule", "WatchConfig", "Watcher", "load_config", "parse_config",
           "parse_schedule"]
