"""``frontwatch brief``: a period's ground, records, settlements, events and claims as one document."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import DbOption, JsonOption, err


@app.command("brief")
def brief(
    week_ending: Annotated[
        str | None, typer.Option("--week-ending", help="Last day of the week, YYYY-MM-DD (from the state 7 days "
                                 "before, or at --from).")
    ] = None,
    from_: Annotated[str | None, typer.Option("--from", help="Start date, YYYY-MM-DD.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="End date, YYYY-MM-DD.")] = None,
    period: Annotated[str | None, typer.Option("--period", help="A month, YYYY-MM.")] = None,
    layer: Annotated[
        str, typer.Option("--layer", help="Layer or sum of layers, e.g. occupied or occupied+contested.")
    ] = "occupied",
    tz: Annotated[str, typer.Option("--tz", help="Time zone in which a date ends (default UTC).")] = "UTC",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write brief.md, brief.html, brief.json and the images here.")
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="With --out: also print brief.pdf (needs Chromium installed).")
    ] = False,
    claims: Annotated[
        bool, typer.Option("--claims/--no-claims", help="Check the claims of the period's stored articles.")
    ] = True,
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """The brief of a period: ground gained and lost on every map, records, settlements, events, claims."""
    from ..brief import brief_json, brief_period, build_brief, render_markdown, write_brief
    from ..store import open_store

    if pdf and out is None:
        from ..errors import InputError

        raise InputError("--pdf writes brief.pdf beside brief.html: give --out DIR too")
    chosen = brief_period(week_ending=week_ending, start=from_, end=to, period=period)
    with open_store(db, read_only=True) as store:
        result = build_brief(store, chosen, layer=layer, tz=tz, images=out is not None, claims=claims)
    doc = result.to_dict()
    if out is not None:
        written = write_brief(result, out)
        if pdf:
            from ..brief.pdf import write_pdf

            written.append(write_pdf(out / "brief.html", out / "brief.pdf"))
        err.print(f"wrote {len(written)} files to {out}: " + ", ".join(p.name for p in written), highlight=False)
    if json_:
        sys.stdout.write(brief_json(doc))
    elif out is None:
        sys.stdout.write(render_markdown(doc))
