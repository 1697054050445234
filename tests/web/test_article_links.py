"""Issue 15, item 6: an article stored with a ``javascript:`` address (before ingest refused them, or by
a tool writing the store directly) is never made a link."""

from __future__ import annotations

import pytest

from tests.api.sample import fill
from tests.browser import serving

HOSTILE = ["javascript:document.body.dataset.pwned='1'", " JAVASCRIPT:alert(1)", "data:text/html,<script>1</script>",
           "java\tscript:alert(1)", "vbscript:msgbox(1)", "//evil.example/x", "/relative/path", ""]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    from frontwatch.store import open_store

    path = fill(tmp_path_factory.mktemp("hostile") / "hostile.duckdb")
    with open_store(path) as store:  # straight into the table, as old data or another tool would have it
        store.execute("UPDATE articles SET url = ? WHERE doc_id = 'wire-a'", (HOSTILE[0],))
        store.execute("UPDATE articles SET url = ? WHERE doc_id = 'wire-c'", (HOSTILE[2],))
    with serving(path) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("doc_id", ["wire-a", "wire-c"])
def test_a_stored_non_web_address_is_not_a_link(page, hostile_url, doc_id):
    page.goto(f"{hostile_url}/article/{doc_id}")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#meta a").count() == 0
    assert page.locator("#text").inner_text()  # the article itself still shows
    assert page.evaluate("document.body.dataset.pwned") is None


@pytest.mark.browser
def test_only_absolute_http_addresses_pass_the_dashboards_check(page, hostile_url):
    page.goto(f"{hostile_url}/article/wire-b")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#meta a").get_attribute("href") == "https://example.invalid/b"
    checked = page.evaluate("async (urls) => { const m = await import('/static/js/api.js');"
                            " return urls.map((u) => m.webUrl(u)); }", HOSTILE)
    assert checked == [None] * len(HOSTILE)
    assert page.evaluate("async () => (await import('/static/js/api.js')).webUrl('http://a.example/x?y=1')") \
        == "http://a.example/x?y=1"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/?date=2024-05-17", "/article/wire-b", "/article/wire-a", "/docs"])
def test_every_page_runs_under_its_content_security_policy(strict_page, hostile_url, path):
    """The dashboard, the article view and the API docs work with the policy enforced: a violation would
    show as a console error, which fails the test (the fixture)."""
    response = strict_page.goto(f"{hostile_url}{path}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    if path == "/docs":
        strict_page.wait_for_selector(".swagger-ui .info", timeout=20000)
    elif path.startswith("/?"):  # the map's layers and the event table drawn
        strict_page.wait_for_selector("path.fw-layer.fw-layer-occupied", timeout=20000)
        strict_page.wait_for_selector("#events tbody tr, table tbody tr", timeout=20000)
    else:
        strict_page.wait_for_selector("body[data-ready='1']", timeout=20000)
    if path == "/article/wire-a":
        assert strict_page.locator("#meta a").count() == 0
