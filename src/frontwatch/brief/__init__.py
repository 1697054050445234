"""The brief: a period's ground gained and lost on every map, its records and settlements, its events and
the claims made about it, as one document (JSON, Markdown, self-contained HTML).

::

    from frontwatch.store import open_store
    from frontwatch.brief import brief_period, build_brief, write_brief
    store = open_store("frontwatch.duckdb", read_only=True)
    brief = build_brief(store, brief_period(week_ending="2024-05-15"), layer="occupied")
    write_brief(brief, "out/")          # brief.md, brief.html, brief.json, map-*.png, weekly-*.png
    write_pdf("out/brief.html", "out/brief.pdf")   # frontwatch.brief.pdf: printed by a headless Chromium
    brief.to_dict()                     # the JSON document
"""

from __future__ import annotations

from .assemble import Brief, build_brief
from .output import brief_json, write_brief
from .period import BriefPeriod, brief_period
from .render import render_html, render_markdown

__all__ = ["Brief", "BriefPeriod", "brief_json", "brief_period", "build_brief", "render_html", "render_markdown",
           "write_brief"]
