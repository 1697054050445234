"""Take the README's picture of the dashboard (docs/dashboard.png) from a store of real data.

    frontwatch territory import ../shared/data/territory/deepstate/ --db /tmp/real.duckdb
    frontwatch territory regions import ../shared/data/territory/boundaries/ukraine-adm1.geojson --db /tmp/real.duckdb
    frontwatch extract ../shared/seed/article.txt --published 2024-05-17 --db /tmp/real.duckdb > /dev/null
    python tools/dashboard_screenshot.py /tmp/real.duckdb      # serves it, opens a popup, writes docs/dashboard.png

Uses Debian's chromium through Playwright, as the browser tests do.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from frontwatch.api import create_app
from frontwatch.config import Settings

OUT = Path(__file__).resolve().parents[1] / "docs" / "dashboard.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main(store: str, day: str = "2024-05-17", place: str = "Kharkiv") -> None:
    app = create_app(store, settings=Settings.load(environ={}))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"http://127.0.0.1:{sock.getsockname()[1]}/?date={day}")
        page.wait_for_function("window.frontwatch && window.frontwatch.ready", timeout=60_000)
        page.evaluate("window.frontwatch.map.setView([49.3, 36.9], 8)")
        page.wait_for_timeout(500)
        row = page.locator("#events-table tbody tr", has_text=place).first
        row.locator("button.show").click()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(OUT), type="png")
        browser.close()
    server.should_exit = True
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:])
