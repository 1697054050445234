"""The dashboard's brief page in a real browser: it shows the chosen week's brief, and nothing leaves the server."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _open(page, url):
    page.goto(url)
    page.wait_for_function("window.frontwatch && window.frontwatch.ready", timeout=30_000)
    return page.frame_locator("#brief-frame")


def test_the_brief_page_shows_the_chosen_week(page, live_url):
    frame = _open(page, f"{live_url}/static/brief.html?week_ending=2024-05-19")
    assert "Weekly brief: 13–19 May 2024" in frame.locator("h1").inner_text()
    assert frame.locator("img").count() >= 2  # the map and the weekly chart, embedded
    assert page.locator("#brief-json").get_attribute("href") == "/brief?week_ending=2024-05-19&layer=occupied"


def test_a_week_before_the_maps_and_a_missing_layer_say_so(page, live_url):
    frame = _open(page, f"{live_url}/static/brief.html?week_ending=2023-01-08")
    text = frame.locator("body").inner_text()
    assert "no figure for 2–8 January 2023" in text and "No events stored for 2–8 January 2023" in text
    frame = _open(page, f"{live_url}/static/brief.html?week_ending=2024-05-19&layer=occupied%2Bclaimed")
    assert "has no layer claimed" in frame.locator("body").inner_text()


def test_the_dashboard_links_to_the_brief(page, live_url):
    page.goto(f"{live_url}/")
    assert page.locator("a.nav").get_attribute("href") == "/static/brief.html"
