"""The watch job: each cycle fetches the maps and feeds, imports what is new, writes the brief and alerts.

One cycle (``run_once``) is what ``frontwatch watch --once`` runs from cron or a systemd timer; ``run``
repeats it on the schedule until SIGTERM or SIGINT, which end the wait at once and let the current
cycle finish (every import is a transaction, so a stop never leaves half a snapshot or article).
A fetch that fails is retried with backoff, logged, and the cycle goes on with the other sources.
Time comes from a :class:`Clock`, so tests run cycles and retries with simulated time, without sleeping.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import IO, TYPE_CHECKING, Any

import httpx

from ..errors import FrontwatchError
from .alerts import AlertLog, crossed
from .config import WatchConfig
from .retry import with_retry

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger("frontwatch.watch")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class Clock:
    """Wall time; ``sleep`` waits on an event so a stop request ends it at once."""

    def __init__(self) -> None:
        self.stopping = threading.Event()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> bool:
        """Wait ``seconds``; False when stopped meanwhile."""
        return not self.stopping.wait(max(0.0, seconds))


@dataclass
class CycleReport:
    """What one cycle did; ``errors`` has one line per failure (a source, a feed item)."""

    started: str
    snapshots: int = 0
    articles: int = 0
    skipped_items: int = 0
    brief: str | None = None
    alerts: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"started": self.started, "imported_snapshots": self.snapshots, "imported_articles": self.articles,
                "skipped_items": self.skipped_items, "brief": self.brief, "alerts": len(self.alerts),
                "errors": self.errors}


class Watcher:
    """Runs cycles of a :class:`WatchConfig`."""

    def __init__(self, config: WatchConfig, *, clock: Clock | None = None, client: httpx.Client | None = None,
                 stream: IO[str] | None = None, extractor: Any = None) -> None:
        self.config = config
        self.clock = clock or Clock()
        self.client = client or httpx.Client(timeout=httpx.Timeout(config.timeout_s), follow_redirects=True,
                                             headers={"User-Agent": "frontwatch watch"})
        self.alerts = AlertLog(config.out, stream or sys.stdout, webhook=config.webhook, client=self.client)
        self._extractor = extractor

    def _retry(self, call: Any, what: str) -> Any:
        return with_retry(call, what=what, retries=self.config.retries, backoff_s=self.config.backoff_s,
                          sleep=self.clock.sleep)

    def run_once(self) -> CycleReport:
        """Fetch, import, brief and alert once."""
        from ..store import open_store

        report = CycleReport(started=self.clock.now().strftime("%Y-%m-%dT%H:%M:%SZ"))
        with open_store(self.config.db) as store:
            for source in self.config.maps:
                self._map(store, source, report)
            for feed in self.config.feeds:
                self._feed(store, feed, report)
            self._brief(store, report)
        log.info("cycle done: %d snapshots and %d articles imported, %d alerts, %d errors", report.snapshots,
                 report.articles, len(report.alerts), len(report.errors))
        return report

    def _map(self, store: Store, source: dict[str, Any], report: CycleReport) -> None:
        from ..territory.fetch import fetch_source

        what = f"map {source['provider']}" + (f" ({source['url']})" if source["url"] else "")
        try:
            result = self._retry(lambda: fetch_source(store, source["provider"], url=source["url"],
                                                      since=source["since"], client=self.client), what)
        except FrontwatchError as exc:
            report.errors.append(f"{what}: {exc}")
            log.error("%s: %s", what, exc)
            return
        report.snapshots += result.imported
        for failure in result.failed:
            report.errors.append(f"{what}: {failure.path}: {failure.error}")
            log.error("%s: %s: %s", what, failure.path, failure.error)
        log.info("%s: %d imported, %d already stored", what, result.imported, result.skipped)

    def _feed(self, store: Store, feed: dict[str, Any], report: CycleReport) -> None:
        from .feeds import read_feed, store_new

        what = f"feed {feed['name'] or feed['url']}"
        try:
            documents = self._retry(lambda: read_feed(self.client, feed["url"]), what)
        except FrontwatchError as exc:
            report.errors.append(f"{what}: {exc}")
            log.error("%s: %s", what, exc)
            return
        stored, skipped, errors = store_new(store, documents, self._get_extractor)
        report.articles += stored
        report.skipped_items += skipped
        for line in errors:
            report.errors.append(f"{what}: {line}")
            log.error("%s: %s", what, line)
        log.info("%s: %d new articles stored, %d already stored", what, stored, skipped)

    def _get_extractor(self) -> Any:
        if self._extractor is None:
            from ..events import Extractor

            self._extractor = Extractor()
        return self._extractor

    def _brief(self, store: Store, report: CycleReport) -> None:
        """The brief of the week to the latest map (or today), written when anything is new or none exists."""
        from ..brief import brief_period, build_brief, write_brief

        end = self._latest_day(store)
        folder = self.config.out / end.isoformat()
        if not (report.snapshots or report.articles) and (folder / "brief.json").exists():
            log.info("nothing new: the brief in %s stands", folder)
            return
        try:
            brief = build_brief(store, brief_period(week_ending=end), layer=self.config.layer)
            write_brief(brief, folder)
        except FrontwatchError as exc:
            report.errors.append(f"brief for the week to {end}: {exc}")
            log.error("brief for the week to %s: %s", end, exc)
            return
        report.brief = str(folder)
        log.info("brief written to %s", folder)
        report.alerts = self.alerts.send(crossed(brief.to_dict(), self.config.alerts))

    def _latest_day(self, store: Store) -> date:
        sources = store.sources()
        if not sources:
            return self.clock.now().date()
        last = store.territory.last_snapshot_time(sources[0])
        return last.date() if last else self.clock.now().date()

    def run(self, *, cycles: int | None = None) -> int:
        """Run on the schedule until stopped (or ``cycles`` cycles); returns how many ran."""
        done = 0
        with _stop_on_signals(self.clock):
            while not self.clock.stopping.is_set():
                self.run_once()
                done += 1
                if cycles is not None and done >= cycles:
                    break
                now = self.clock.now()
                wake = self.config.schedule.next_after(now)
                log.info("next run at %s", wake.strftime("%Y-%m-%dT%H:%M:%SZ"))
                if not self.clock.sleep((wake - now).total_seconds()):
                    break
        log.info("stopped after %d cycle(s)", done)
        return done


class _stop_on_signals:
    """SIGTERM and SIGINT set the clock's stop event (main thread only; elsewhere signals are left alone)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in (signal.SIGTERM, signal.SIGINT):
            self.previous[sig] = signal.signal(sig, self._stop)

    def _stop(self, signum: int, _frame: Any) -> None:
        log.info("%s received: stopping after the current step", signal.Signals(signum).name)
        self.clock.stopping.set()

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
