"""The dashboard in a real browser: the map draws the layers, a marker opens its popup, the timeline
changes the date, the article view highlights evidence; and a screenshot for the README."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.api.sample import TEXT_B

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "dashboard.png"


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.frontwatch && window.frontwatch.ready", timeout=20_000)


def test_map_draws_regions_control_layers_and_the_weeks_change(page, live_url):
    _open(page, f"{live_url}/?date=2024-05-12")
    assert page.locator("path.fw-layer.fw-layer-occupied").count() == 1
    assert page.locator("path.fw-layer.fw-layer-contested").count() == 1
    assert page.locator("path.fw-lost").count() == 1  # the sample's front moved back that week
    assert page.locator(".leaflet-regions-pane path").count() == 2  # the two stored regions
    assert "2024-05-12 20:00:00 UTC" in page.locator("#snapshot-note").inner_text()


def test_a_marker_opens_its_popup_with_every_source(page, live_url):
    _open(page, f"{live_url}/?date=2024-05-17")
    assert page.locator("#events-table tbody tr").count() == 5
    # click the Kramatorsk marker where the map draws it (markers are on a canvas)
    x, y = page.evaluate("""() => {
        const p = window.frontwatch.map.latLngToContainerPoint([48.7232, 37.5563]);
        const box = document.getElementById('map').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""")
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content .popup")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "Shelling/artillery/missile attack" in text and "Kramatorsk" in text and "2024-05-16" in text
    page.locator(".popup .sources li").nth(1).wait_for(timeout=5000)
    sources = popup.inner_text()
    assert "governor Vadym Filashkin" in sources and "the regional police" in sources
    assert "Deaths reported: 2–3 (the sources disagree)" in sources
    assert popup.locator("a.article-link").get_attribute("href").startswith("/article/wire-")


def test_keyboard_reaches_a_popup_through_the_table(page, live_url):
    _open(page, f"{live_url}/?date=2024-05-17")
    button = page.locator("#events-table button.show").first
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content .popup").wait_for(timeout=5000)


def test_timeline_click_sets_the_maps_date(page, live_url):
    _open(page, f"{live_url}/?date=2024-05-17")
    bars = page.locator("#timeline .bar-week")
    assert bars.count() >= 6
    target = bars.nth(2)
    end = target.get_attribute("data-end")
    assert end != "2024-05-17"
    target.click()
    page.wait_for_function(f"document.body.dataset.date === '{end}' && window.frontwatch.ready", timeout=20_000)
    assert page.locator("#date").input_value() == end
    assert "selected" in (target.get_attribute("class") or "")
    # and with the keyboard: focus another week, press Enter
    other = bars.nth(4)
    other.focus()
    page.keyboard.press("Enter")
    end2 = other.get_attribute("data-end")
    page.wait_for_function(f"document.body.dataset.date === '{end2}'", timeout=20_000)


def test_filters_narrow_the_table(page, live_url):
    _open(page, f"{live_url}/?date=2024-05-17")
    page.fill("#f-claimant", "police")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 1", timeout=10_000)
    assert "the regional police" in page.locator("#events-table tbody").inner_text()


def test_article_view_highlights_each_events_evidence(page, live_url):
    page.goto(f"{live_url}/article/wire-b")
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=10_000)
    marks = page.locator("#text mark.evidence")
    assert marks.count() == 2
    assert marks.nth(0).inner_text() == "Three people died when Russian artillery shelled Kramatorsk"
    assert page.locator("#text").inner_text() == TEXT_B  # the whole text, unchanged, around the marks
    page.locator("#event-list button").nth(1).click()
    assert "current" in (marks.nth(1).get_attribute("class") or "")


def test_unknown_article_says_so(page, live_url):
    page.goto(f"{live_url}/article/no-such-doc")
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=10_000)
    assert "no article" in page.locator("#meta").inner_text()
    assert page.console_errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    page.console_errors.clear()


def test_screenshot_for_the_readme(page, live_url, tmp_path):
    """Rewrites docs/dashboard.png only on purpose (FRONTWATCH_UPDATE_SCREENSHOT=1), so a test run leaves the
    checkout clean."""
    _open(page, f"{live_url}/?date=2024-05-17")
    page.locator("#timeline svg").wait_for()
    target = SCREENSHOT if os.environ.get("FRONTWATCH_UPDATE_SCREENSHOT") == "1" else tmp_path / "dashboard.png"
    page.screenshot(path=str(target), type="png")
    assert 10_000 < target.stat().st_size < 500_000


def test_api_docs_render_offline(page, live_url):
    page.goto(f"{live_url}/docs")
    page.locator(".swagger-ui .information-container .title").wait_for(timeout=20_000)
    assert "frontwatch API" in page.title()
    assert page.locator(".opblock-summary-path", has_text="/events").count() >= 2


def test_markers_respect_a_lower_page_cap(page, tmp_path):
    """A server with page_limit_max below the dashboard's marker count still draws (no 400 on /events)."""
    from tests.api.sample import fill
    from tests.browser import serving

    with serving(fill(tmp_path / "capped.duckdb"), {"page_limit_max": "3", "page_limit_default": "3"}) as url:
        _open(page, f"{url}/?date=2024-05-17")
        assert "latest 3" in page.locator("#table-status").inner_text()
