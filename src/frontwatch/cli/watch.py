"""``frontwatch watch``: fetch maps and feeds on a schedule, import what is new, write the brief, alert."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import err


@app.command("watch")
def watch(
    config: Annotated[
        Path | None, typer.Argument(help="The watch TOML file (maps, feeds, schedule, alerts, out).")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit (for cron or a systemd timer).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="Log warnings and errors only.")] = False,
    example: Annotated[bool, typer.Option("--example", help="Print an example watch file and exit.")] = False,
) -> None:
    """Fetch the map sources and feeds, import what is new, write the brief and print alerts as JSON lines.

    Alerts go to stdout (one JSON object a line) and to the webhook if set; the log goes to stderr.
    SIGTERM or Ctrl-C stops the job after the step in progress.
    """
    from ..errors import ConfigError
    from ..watch import LOG_FORMAT, Watcher, load_config
    from ..watch.config import EXAMPLE

    if example:
        sys.stdout.write(EXAMPLE)
        return
    if config is None:
        raise ConfigError("give the watch file: frontwatch watch FILE.toml (frontwatch watch --example prints one)")
    settings = load_config(config)
    logging.basicConfig(stream=sys.stderr, format=LOG_FORMAT, level=logging.WARNING if quiet else logging.INFO,
                        force=True)
    watcher = Watcher(settings)
    if once:
        report = watcher.run_once()
        err.print(json.dumps(report.to_dict(), ensure_ascii=False), highlight=False, soft_wrap=True)
        return
    watcher.run()
