"""The HTML brief in a real browser (Debian's chromium via Playwright): it draws its images and makes no request
that leaves the machine; with the real archive, the acceptance figures and the screenshot in docs/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from frontwatch.brief import brief_period, build_brief, write_brief

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "brief.png"


def _open_offline(browser, path: Path):
    """A page with ``path`` loaded; returns (page, context, requests that were not file: or data:)."""
    context = browser.new_context(viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else outside.append(r.url))
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, context, outside, errors


def _images_drawn(page) -> int:
    return page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth > 100).length")


def test_the_html_brief_opens_with_no_request_leaving_the_machine(browser, sample_path, tmp_path):
    from frontwatch.store import open_store

    with open_store(sample_path, read_only=True) as store:
        brief = build_brief(store, brief_period(week_ending="2024-05-19"))
    write_brief(brief, tmp_path)
    page, context, outside, errors = _open_offline(browser, tmp_path / "brief.html")
    try:
        assert _images_drawn(page) == len(brief.images) == 4
        assert "Weekly brief: 13–19 May 2024" in page.locator("h1").inner_text()
    finally:
        context.close()
    assert outside == [] and errors == []


@pytest.mark.slow
def test_acceptance_week_to_15_may_2024_on_the_deepstate_archive(browser, archive_store, tmp_path):
    """+160.9 km², Kharkiv Oblast about +135, the largest 7-day gain since October 2022, settlements, the map."""
    brief = build_brief(archive_store, brief_period(week_ending="2024-05-15", start="2024-05-08"))
    doc = brief.to_dict()
    deepstate = next(s for s in doc["ground"] if s["source"] == "deepstate")
    assert deepstate["net_km2"] == 160.9
    kharkiv = next(r for r in deepstate["regions"] if r["name"] == "Kharkiv Oblast")
    assert kharkiv["net_km2"] == pytest.approx(135, abs=2)
    assert "It is the largest 7-day gain since October 2022" in " ".join(deepstate["summary"])
    assert doc["summary"][:2] == deepstate["summary"][:1] + [s for s in deepstate["summary"] if "October" in s]
    assert any(s["change"] == "taken" for s in deepstate["settlements"])
    assert deepstate["images"] == {"map": "map-deepstate.png", "weekly": "weekly-deepstate.png"}
    write_brief(brief, tmp_path)
    page, context, outside, errors = _open_offline(browser, tmp_path / "brief.html")
    try:
        assert _images_drawn(page) == len(brief.images)
        target = SCREENSHOT if os.environ.get("FRONTWATCH_UPDATE_SCREENSHOT") == "1" else tmp_path / "brief.png"
        page.screenshot(path=str(target), type="png", full_page=False)
        assert 20_000 < target.stat().st_size < 1_500_000
    finally:
        context.close()
    assert outside == [] and errors == []
