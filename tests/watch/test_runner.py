"""The watch job against a local server in the sources' shapes, with simulated time (no test sleeps)."""

from __future__ import annotations

import io
import json
import signal

from frontwatch.store import open_store
from frontwatch.watch import Watcher, parse_config


def config(tmp_path, service, **extra):
    data = {
        "db": str(tmp_path / "watch.duckdb"), "out": str(tmp_path / "briefs"), "schedule": "every 6h",
        "retries": 2, "backoff_s": 10,
        "maps": [{"provider": "deepstate", "url": f"{service.base}/api"}],
        "feeds": [{"url": f"{service.base}/feed.xml", "name": "wire"}],
        "alerts": {"net_km2": 1.0, "record_days": 1},
        **extra,
    }
    return parse_config(data)


def counts(path):
    with open_store(path, read_only=True) as store:
        return (int(store.scalar("SELECT count(*) FROM territory_snapshots")),
                int(store.scalar("SELECT count(*) FROM articles")), int(store.scalar("SELECT count(*) FROM events")))


def test_once_imports_writes_the_brief_and_alerts_then_a_second_run_imports_nothing(
        tmp_path, service, clock, extractor):
    cfg = config(tmp_path, service, webhook=f"{service.base}/hook")
    out = io.StringIO()
    report = Watcher(cfg, clock=clock, stream=out, extractor=extractor).run_once()
    assert report.snapshots == 2 and report.articles == 4
    assert any("broken-1" in e for e in report.errors)  # the broken item: one line, the others stored
    brief = json.loads((tmp_path / "briefs" / "2025-01-09" / "brief.json").read_text())
    [ground] = brief["ground"]
    assert ground["source"] == "deepstate" and ground["net_km2"] > 1.0
    assert ground["from"]["snapshot_key"] == "1735766502" and ground["to"]["snapshot_key"] == "1736456620"
    assert brief["events"]["reports"] > 0  # the feed's events are dated in the week
    assert (tmp_path / "briefs" / "2025-01-09" / "brief.html").stat().st_size > 10_000
    alerts = [json.loads(line) for line in out.getvalue().splitlines()]
    assert "net_gain" in {a["alert"] for a in alerts}
    assert all(a["method"].startswith("DeepState map") for a in alerts)
    assert service.posted == alerts  # the webhook got the same objects
    before = counts(cfg.db)

    service.requests.clear()
    again = io.StringIO()
    second = Watcher(cfg, clock=clock, stream=again, extractor=extractor).run_once()
    assert (second.snapshots, second.articles, second.brief) == (0, 0, None)
    assert second.skipped_items == 4
    assert again.getvalue() == ""  # no alert twice
    assert counts(cfg.db) == before
    assert not any("/history/17" in r for r in service.requests)  # no snapshot downloaded again


def test_an_unreachable_source_is_retried_with_backoff_reported_and_not_fatal(tmp_path, service, clock, extractor):
    service.down.add("/api/history/public")
    cfg = config(tmp_path, service)
    report = Watcher(cfg, clock=clock, stream=io.StringIO(), extractor=extractor).run_once()
    assert clock.slept == [10, 20]  # two retries, the wait doubled
    assert service.requests.count("/api/history/public") == 3
    [line] = [e for e in report.errors if "map deepstate" in e]
    assert "HTTP 503" in line and "\n" not in line
    assert report.articles == 4  # the feed went on


def test_nothing_stored_is_lost_when_a_source_fails_later(tmp_path, service, clock, extractor):
    cfg = config(tmp_path, service)
    Watcher(cfg, clock=clock, stream=io.StringIO(), extractor=extractor).run_once()
    before = counts(cfg.db)
    service.down.update({"/api/history/public", "/feed.xml"})
    report = Watcher(cfg, clock=clock, stream=io.StringIO(), extractor=extractor).run_once()
    assert len(report.errors) == 2
    assert counts(cfg.db) == before


def test_the_loop_follows_the_schedule_and_stops_cleanly_on_sigterm(tmp_path, service, clock, extractor):
    cfg = config(tmp_path, service)
    watcher = Watcher(cfg, clock=clock, stream=io.StringIO(), extractor=extractor)
    sleeps = []

    def after_sleep():
        sleeps.append(clock.moment)
        if len(sleeps) == 2:
            signal.raise_signal(signal.SIGTERM)  # the handler the job installed sets its stop flag

    clock.on_sleep = after_sleep
    previous = signal.getsignal(signal.SIGTERM)
    assert watcher.run() == 2
    assert clock.slept == [6 * 3600, 6 * 3600]
    assert signal.getsignal(signal.SIGTERM) == previous  # handlers restored


def test_a_host_that_refuses_connections_is_one_line_per_source(tmp_path, service, clock, extractor):
    import socket

    with socket.socket() as sock:  # a port nobody listens on: bound, then closed
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    cfg = config(tmp_path, service, retries=1)
    cfg = type(cfg)(**{**cfg.__dict__, "maps": ({"provider": "deepstate", "url": f"{dead}/api", "since": None},),
                       "feeds": ({"url": f"{dead}/feed.xml", "name": None},)})
    report = Watcher(cfg, clock=clock, stream=io.StringIO(), extractor=extractor).run_once()
    assert len(report.errors) == 2 and all("cannot fetch" in e and "\n" not in e for e in report.errors)
    assert clock.slept == [10, 10]  # one retry each
    assert report.brief is not None  # the brief is still written: it says no map is stored
