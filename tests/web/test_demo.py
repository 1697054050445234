"""The dashboard on the store ``frontwatch demo`` writes (issue 6: demo, then serve, shows its events and map)."""

from __future__ import annotations

import pytest

from tests.browser import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    from frontwatch.demo import run_demo

    out = tmp_path_factory.mktemp("demo")
    report = run_demo(out, say=lambda line: None)
    with serving(report.db) as url:
        yield url


def test_demo_store_shows_its_map_events_and_timeline(page, demo_url):
    page.goto(demo_url)
    page.wait_for_function("window.frontwatch && window.frontwatch.ready", timeout=30_000)
    assert page.locator("path.fw-layer.fw-layer-occupied").count() == 1
    assert page.locator("path.fw-gained").count() >= 1  # the demo's front moves every week
    assert page.locator("#events-table tbody tr").count() >= 3
    assert page.locator("#timeline .bar-week").count() >= 6
