"""The dashboard on a store with two map sources: each source's change side by side, with the maps used and
their gap in days; on a one-source store the table stays hidden."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.api.sample import add_weekly_source, fill
from tests.browser import serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_source_url(tmp_path_factory):
    with serving(add_weekly_source(fill(tmp_path_factory.mktemp("web2") / "two.duckdb"))) as url:
        yield url


def _ready(page, url: str) -> None:
    page.goto(url)
    page.locator("body[data-date]").wait_for(state="attached", timeout=20_000)


def test_each_sources_change_is_shown_with_its_maps_and_gap(strict_page, two_source_url, tmp_path):
    _ready(strict_page, f"{two_source_url}/?date=2024-05-12")
    box = strict_page.locator("#sources-change")
    box.locator("tbody tr").nth(1).wait_for(timeout=10_000)
    assert box.is_visible()
    assert "occupied over 7 days (2024-05-05 → 2024-05-12)" in box.locator("caption").inner_text()
    isw = box.locator("tr[data-source=isw]").inner_text()
    # ISW's states at 5 and 12 May are its Wednesday maps of 1 and 8 May: 4 days earlier each
    assert "2024-05-01 → 2024-05-08" in isw and "4 d / 4 d" in isw and "weekly" in isw
    ds = box.locator("tr[data-source=deepstate]").inner_text()
    assert "2024-05-05 → 2024-05-12" in ds and "0 d / 0 d" in ds and "−230.1" in ds
    # a later week through the layer control: the table follows the chosen layer
    strict_page.locator("#layer").select_option("occupied+contested")
    strict_page.locator("#sources-change caption", has_text="occupied+contested").wait_for(timeout=10_000)
    if os.environ.get("FRONTWATCH_SOURCES_SCREENSHOT"):
        strict_page.screenshot(path=str(Path(os.environ["FRONTWATCH_SOURCES_SCREENSHOT"])), type="png")


def test_one_source_store_has_no_side_by_side_table(strict_page, live_url):
    _ready(strict_page, f"{live_url}/?date=2024-05-12")
    assert strict_page.locator("#sources-change").is_hidden()
