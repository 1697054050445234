"""Promise: a fresh install reads HTML, and CI installs the versions the tests ran with.

Issue 15, item 10: with the lxml that pip resolved (6.x), trafilatura's HTML path raised
``ImportError: lxml.html.clean module is now a separate project``. The dependency is declared, the
versions are pinned in requirements/constraints.txt, and the Makefile (CI's entry) installs with them.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from tests.conftest import REPO

PAGE = """<!doctype html><html><head><title>Drone wave over Kharkiv</title>
<meta property="og:site_name" content="Example Wire"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drone wave over Kharkiv</h1>
<p>Russian forces launched 31 drones at the Kharkiv region overnight, the regional governor said on Friday.</p>
<p>Air defences shot down 24 of them; debris damaged two houses in the city's north, and nobody was hurt.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def test_an_html_article_is_extracted_with_the_installed_lxml():
    from frontwatch.ingest.html import article_from_html

    article, _ = article_from_html(PAGE, doc_id="page-1", url="https://example.org/news/1")
    assert "31 drones" in article.text and "Air defences" in article.text
    assert "Subscribe" not in article.text and "Home" not in article.text
    assert article.title == "Drone wave over Kharkiv"


def test_the_html_cleaner_trafilatura_needs_is_installed_and_declared():
    import lxml.html.clean  # noqa: F401 - raises ImportError on lxml >= 5.2 without lxml_html_clean

    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(re.match(r"^(lxml\[html_clean\]|lxml[-_]html[-_]clean)(?=[<>=!~; ]|$)", d) for d in deps), deps


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_dependency_is_pinned_and_the_makefile_installs_with_the_pins():
    pins = {}
    for line in (REPO / "requirements" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints line {line!r} is not NAME==VERSION"
            pins[name.lower().replace("_", "-")] = version
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    unpinned = [d for d in wanted if not d.startswith("frontwatch[") and _name(d) not in pins]
    assert unpinned == []
    assert pins["lxml-html-clean"] == metadata.version("lxml_html_clean")  # the pins are what the tests ran with
    makefile = (REPO / "Makefile").read_text()
    installs = [ln for ln in makefile.splitlines() if "pip install" in ln and "-e " in ln]
    assert installs and all("$(CONSTRAINTS)" in ln for ln in installs), installs
    assert "CONSTRAINTS := -c requirements/constraints.txt" in makefile
