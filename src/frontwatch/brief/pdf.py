"""A PDF of the HTML brief, printed by a headless Chromium when one is installed (no Python dependency).

The page is self-contained, so printing it needs no network; Chromium is started without background
networking, first-run tasks or a sandbox profile, and given two minutes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..errors import DataUnavailable, FrontwatchError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync",
         "--disable-component-update", "--no-first-run", "--no-pdf-header-footer")
TIMEOUT_S = 120


def find_chromium() -> str:
    """``$FRONTWATCH_CHROMIUM`` or the first Chromium on the PATH; DataUnavailable when there is none."""
    given = os.environ.get("FRONTWATCH_CHROMIUM")
    found = shutil.which(given) if given else next((p for p in map(shutil.which, CANDIDATES) if p), None)
    if not found:
        raise DataUnavailable("a PDF needs Chromium (apt-get install chromium, or set FRONTWATCH_CHROMIUM); "
                              "the HTML brief prints the same from any browser")
    return found


def write_pdf(html: str | Path, pdf: str | Path) -> Path:
    """Print ``html`` (a brief.html) to ``pdf``."""
    html, pdf = Path(html).resolve(), Path(pdf).resolve()
    command = [find_chromium(), *FLAGS, f"--print-to-pdf={pdf}", html.as_uri()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise FrontwatchError(f"Chromium took more than {TIMEOUT_S} s to print {html.name}: no PDF written") from None
    if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise FrontwatchError(f"Chromium could not print {html.name} (exit {done.returncode}: {detail})")
    return pdf
