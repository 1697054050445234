"""``frontwatch demo``: the main job, offline, on bundled example data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import JsonOption, emit_json, err


@app.command("demo")
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo's store, charts and GeoJSON.")] = Path(
        "frontwatch-demo"
    ),
    json_: JsonOption = False,
) -> None:
    """Run the main job offline on bundled SYNTHETIC maps and invented reports; say what it did and where to look."""
    from ..demo import run_demo

    err.print("[bold]frontwatch demo[/bold]: synthetic control maps and invented reports, bundled with the package")
    report = run_demo(out, say=lambda line: err.print(line, highlight=False))
    if json_:
        emit_json(report.to_dict())
        return
    err.print("\nwritten:")
    for path in report.files:
        err.print(f"  {path}")
    err.print(f"\nlook at it: [bold]frontwatch serve --db {report.db}[/bold]  then open http://127.0.0.1:8000/")
