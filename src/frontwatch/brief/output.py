"""Write a brief to a folder: ``brief.md``, ``brief.html``, ``brief.json`` and its PNG images.

Files are written under temporary names and renamed into place, so a reader (or a watch run killed
half-way) never sees a half-written brief.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import InputError
from .assemble import Brief
from .render import render_html, render_markdown


def brief_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def _replace(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_brief(brief: Brief, folder: str | Path) -> list[Path]:
    """Write the brief's files into ``folder`` (created if missing); returns their paths."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder {out}: {exc.strerror}; give another --out") from exc
    doc = brief.to_dict()
    written = []
    for name, data in brief.images.items():
        _replace(out / name, data)
        written.append(out / name)
    for name, text in (("brief.json", brief_json(doc)), ("brief.md", render_markdown(doc)),
                       ("brief.html", render_html(doc, brief.images))):
        _replace(out / name, text.encode("utf-8"))
        written.append(out / name)
    return written
