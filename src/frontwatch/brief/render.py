"""Lay a brief's JSON document out as Markdown or as one self-contained HTML page.

The HTML embeds its images as ``data:`` URIs and its style inline, links to nothing it needs, and has a
Content-Security-Policy that forbids any load from the network, so it opens offline and a reader's
browser makes no request for it.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from typing import Any


def _table_rows(doc_section: dict[str, Any]) -> list[list[str]]:
    return [[r["name"], f"{r['gained_km2']:,.1f}", f"{r['lost_km2']:,.1f}", f"{r['net_km2']:+,.1f}"]
            for r in doc_section["regions"]]


def _blocks(doc: dict[str, Any]) -> list[tuple[str, Any]]:
    """The document as (kind, content) blocks both renderers lay out: h1/h2/h3, p, list, table, image, small."""
    out: list[tuple[str, Any]] = [("h1", doc["title"]), ("list", doc["summary"])]
    for s in doc["ground"]:
        out += [("h2", f"Ground: {s['source_name']}, layer {s['layer']}"), ("list", s["summary"])]
        if s["regions"]:
            out.append(("table", (["Oblast", "Gained km²", "Lost km²", "Net km²"], _table_rows(s))))
        for g in s["settlements_by_oblast"]:
            out.append(("p", f"{g['change'].capitalize()} in {g['oblast']}: {', '.join(g['names'])}."))
        for kind, caption in (("map", "Map of the period's gains and losses"),
                              ("weekly", "Net change per 7 days, the period dark")):
            if kind in s["images"]:
                out.append(("image", (s["images"][kind], caption)))
        out.append(("small", f"Method: {s['method']}."))
        out += [("small", f"Note: {n}") for n in s["notes"]]
    out += [("h2", "Events"), ("list", doc["events"]["summary"])]
    out += _event_tables(doc["events"])
    out += [("h2", "Claims checked"), ("list", doc["claims"]["summary"] or ["No claims found."])]
    out += [("h2", "Method"), ("small", doc["method"]),
            ("small", f"Generated {doc['generated_at']} by {doc['generator']} from {doc['store']}.")]
    return out


def _event_tables(events: dict[str, Any]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, head in (("by_type", "Type"), ("by_oblast", "Region")):
        if events[key]:
            name = "event_type" if key == "by_type" else "oblast"
            out.append(("table", ([head, "Incidents", "Reports"],
                                  [[r[name], f"{r['incidents']:,}", f"{r['reports']:,}"] for r in events[key]])))
    if events["deadliest"]:
        rows = [[d["date"], ", ".join(p for p in (d["place"], d["oblast"]) if p) or "unknown",
                 d["sub_event_type"] or d["event_type"] or "", _killed(d["fatalities"]), str(d["reports"]),
                 "; ".join(d["claimants"]) or "none named",
                 ", ".join(sorted({s["outlet"] or s["doc_id"] for s in d["sources"]}))] for d in events["deadliest"]]
        out += [("h3", "Deadliest incidents"),
                ("table", (["Date", "Place", "Type", "Killed", "Reports", "Claimed by", "Sources"], rows))]
    return out


def _killed(f: dict[str, Any]) -> str:
    spread = f" ({f['low']}–{f['high']})" if f["low"] is not None and f["high"] not in (None, f["low"]) else ""
    return f"{f['best']}{spread}"


def render_markdown(doc: dict[str, Any]) -> str:
    """Markdown with images linked by their file names (written beside it by ``write_brief``)."""
    lines: list[str] = []
    for kind, content in _blocks(doc):
        if kind in ("h1", "h2", "h3"):
            lines += ["#" * int(kind[1]) + " " + content, ""]
        elif kind == "list":
            lines += [f"- {item}" for item in content] + [""]
        elif kind == "table":
            head, rows = content
            lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows] + [""]
        elif kind == "image":
            lines += [f"![{content[1]}]({content[0]})", ""]
        elif kind == "small":
            lines += [f"*{content}*", ""]
        else:
            lines += [content, ""]
    return "\n".join(lines)


_STYLE = """
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}
h1{font-size:1.7rem;margin-bottom:.5rem}h2{font-size:1.25rem;border-top:1px solid #ccc;padding-top:.8rem}
ul{padding-left:1.2rem}li{margin:.3rem 0}small{color:#555;display:block;margin:.4rem 0}
table{border-collapse:collapse;margin:.6rem 0}th,td{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:right}
th:first-child,td:first-child{text-align:left}figure{margin:1rem 0}img{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:#555}ul.lead li{font-size:1.1rem}
"""
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def render_html(doc: dict[str, Any], images: dict[str, bytes]) -> str:
    """One self-contained page: inline style, images as data URIs, no scripts, no external address."""
    esc = html.escape
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">', '<link rel="icon" href="data:,">',
             f"<title>{esc(doc['title'])}</title><style>{_STYLE}</style></head><body>"]
    first_list = True
    render: dict[str, Callable[[Any], str]] = {
        "h1": lambda c: f"<h1>{esc(c)}</h1>", "h2": lambda c: f"<h2>{esc(c)}</h2>",
        "h3": lambda c: f"<h3>{esc(c)}</h3>", "p": lambda c: f"<p>{esc(c)}</p>",
        "small": lambda c: f"<small>{esc(c)}</small>",
        "table": lambda c: _html_table(*c), "image": lambda c: _html_image(c[0], c[1], images),
    }
    for kind, content in _blocks(doc):
        if kind == "list":
            css = ' class="lead"' if first_list else ""
            first_list = False
            parts.append(f"<ul{css}>" + "".join(f"<li>{esc(item)}</li>" for item in content) + "</ul>")
        else:
            parts.append(render[kind](content))
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_table(head: list[str], rows: list[list[str]]) -> str:
    esc = html.escape
    return ("<table><thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
            + "</tbody></table>")


def _html_image(name: str, caption: str, images: dict[str, bytes]) -> str:
    data = images.get(name)
    if data is None:
        return f"<p><small>({html.escape(name)} was not drawn)</small></p>"
    uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return (f'<figure><img src="{uri}" alt="{html.escape(caption)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")
