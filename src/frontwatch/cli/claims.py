"""``frontwatch check``: check an article's quantitative claims against the control maps in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import DbOption, JsonOption, emit_json, emit_table, err


@app.command("check")
def check(
    path: Annotated[Path, typer.Argument(help="The article: a UTF-8 text file, or - for standard input.")],
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date, YYYY-MM-DD: relative periods resolve against it."),
    ] = None,
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Find an article's claims (areas gained or lost, settlements taken, records); check each on every map layer."""
    from ..claims import check_text
    from ..claims.article import read_article
    from ..store import open_store
    from ..territory.periods import parse_date

    text = read_article(path)
    day = parse_date(published) if published else None
    with open_store(db, read_only=Path(db).exists() if "://" not in db else False) as store:
        report = check_text(store, text, published=day)
    if json_:
        emit_json(report.to_dict())
        return
    if not report.claims:
        err.print(report.note or "no checkable claim found")
        return
    emit_table(f"claims in {path}", ["kind", "claim", "verdict", "explanation"],
               [[c.claim.kind, c.claim.text[:60], c.verdict, c.explanation] for c in report.claims])
