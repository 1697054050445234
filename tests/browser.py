"""Browser fixtures for every browser test (tests/web, tests/brief): Debian's chromium driven by Playwright,
against a live server on the sample store. Registered once in tests/conftest.py, so one chromium serves the session
(two sync Playwright instances in one process fail).

Browser tests skip with a reason when chromium is absent, and fail instead under CI (CI=true), where
the Makefile's system-deps target installs it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from frontwatch.api import create_app
from frontwatch.config import Settings
from tests.api.sample import fill

CHROMIUM = os.environ.get("FRONTWATCH_CHROMIUM", "/usr/bin/chromium")
# Flags for a sandboxed machine with no network: no first-run, no background fetches or updates
# (without them chromium keeps trying to reach Google's hosts).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _need_chromium() -> None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"CI needs chromium at {CHROMIUM} (make system-deps installs Debian's chromium)")
        pytest.skip(f"chromium not found at {CHROMIUM}: apt-get install chromium (or set FRONTWATCH_CHROMIUM)")


@contextlib.contextmanager
def serving(target: str | Path, settings: dict[str, str] | None = None) -> Iterator[str]:
    """The dashboard and API on loopback (a uvicorn thread), serving ``target``; yields the base URL."""
    app = create_app(target, settings=Settings.load(settings, environ={}))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def live_url(tmp_path_factory):
    """The dashboard and API serving the sample store."""
    with serving(fill(tmp_path_factory.mktemp("web") / "sample.duckdb")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page at a laptop's screen size; console errors, and any request leaving the server (a CDN,
    map tiles), fail the test. Playwright evaluates its own test expressions with ``eval``, which the
    server's Content-Security-Policy forbids, so this page sets the policy aside; ``strict_page`` keeps it."""
    yield from _page(browser, bypass_csp=True)


@pytest.fixture
def strict_page(browser):
    """A page that enforces the server's Content-Security-Policy (use locators only: no evaluate)."""
    yield from _page(browser, bypass_csp=False)


def _page(browser, *, bypass_csp: bool):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=bypass_csp)
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1:", "data:")) else outside.append(r.url))
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.console_errors = errors  # a test expecting an error (a 404 it provokes) clears it
    yield pg
    context.close()
    assert errors == [], errors
    assert outside == [], f"requests left the server: {outside}"
