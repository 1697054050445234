"""A local HTTP server in the sources' shapes (DeepStateMap's API, an RSS feed, a webhook) and a simulated clock."""

from __future__ import annotations

import json
import tarfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from urllib.parse import urlparse

import pytest
from tests.conftest import shared_path
from tests.httpserver import local_server

from frontwatch.watch import Clock

#: Two real DeepState snapshots eight days apart (2025-01-01 and 2025-01-09), so a week's change exists.
SNAPSHOT_IDS = (1735766502, 1736456620)


@pytest.fixture(scope="session")
def snapshots() -> dict[int, bytes]:
    out: dict[int, bytes] = {}
    with tarfile.open(shared_path("data", "territory", "deepstate", "deepstate-2025.tar.xz"), "r|xz") as tar:
        for member in tar:
            ident = int(member.name.split("/")[-1].split(".")[0])
            if ident in SNAPSHOT_IDS:
                out[ident] = tar.extractfile(member).read()
            if len(out) == len(SNAPSHOT_IDS):
                break
    return out


def rss(items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 document; an item given as raw XML (``raw``) is written as it is."""
    body = []
    for item in items:
        if "raw" in item:
            body.append(item["raw"])
            continue
        body.append(f"<item><guid>{escape(item['guid'])}</guid><title>{escape(item['title'])}</title>"
                    f"<link>{escape(item['link'])}</link><pubDate>{item['date']}</pubDate>"
                    f"<description>{escape(item['text'])}</description></item>")
    return (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>wire</title>'
            + "".join(body).encode() + b"</channel></rss>")


def feed_items() -> list[dict[str, str]]:
    """Paragraphs of the shared reference article as dated items, and one broken item (no title, no text)."""
    text = shared_path("seed", "article.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if len(p) > 120][:4]
    day = format_datetime(datetime(2025, 1, 8, 9, tzinfo=UTC))
    items = [{"guid": f"wire-{k}", "title": p.split(".")[0][:80], "link": f"https://news.example/{k}",
              "date": day, "text": p} for k, p in enumerate(paragraphs)]
    items.append({"raw": "<item><guid>broken-1</guid><pubDate>not a date</pubDate></item>"})
    return items


class Service:
    """Routes and a request log; ``down`` paths answer HTTP 503."""

    def __init__(self, snapshots: dict[int, bytes]) -> None:
        self.snapshots = dict(snapshots)
        self.feed = rss(feed_items())
        self.requests: list[str] = []
        self.posted: list[dict] = []
        self.down: set[str] = set()

    def answer(self, path: str) -> tuple[int, bytes]:
        if path in self.down:
            return 503, b"unavailable"
        if path == "/api/history/public":
            listing = [{"id": i, "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(i))}
                       for i in sorted(self.snapshots)]
            return 200, json.dumps(listing).encode()
        parts = path.strip("/").split("/")
        if parts[:2] == ["api", "history"] and len(parts) == 4:
            body = self.snapshots.get(int(parts[2]))
            return (200, body) if body else (404, b"not found")
        if path == "/feed.xml":
            return 200, self.feed
        return 404, b"no route"


@pytest.fixture
def service(snapshots):
    state = Service(snapshots)

    def answer(method: str, target: str, body: bytes) -> tuple[int, bytes]:
        if method == "POST":
            state.posted.append(json.loads(body))
            return 204, b""
        path = urlparse(target).path
        state.requests.append(path)
        return state.answer(path)

    with local_server(answer) as base:
        state.base = base
        yield state


class FakeClock(Clock):
    """Simulated time: ``sleep`` advances ``now`` at once and records the wait."""

    def __init__(self, start: datetime) -> None:
        super().__init__()
        self.moment = start
        self.slept: list[float] = []
        self.on_sleep = None  # called after each sleep (a test may stop the job there)

    def now(self) -> datetime:
        return self.moment

    def sleep(self, seconds: float) -> bool:
        self.slept.append(seconds)
        self.moment += timedelta(seconds=seconds)
        if self.on_sleep:
            self.on_sleep()
        return not self.stopping.is_set()


@pytest.fixture
def clock():
    return FakeClock(datetime(2025, 1, 10, 7, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def extractor():
    from frontwatch.events import Extractor

    return Extractor()
