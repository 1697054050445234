"""What every command shares: the --db and --json options, output, and the error boundary."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from ..store import default_target

#: stderr console for progress and warnings; stdout stays clean for --json.
err = Console(stderr=True)
out = Console()

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="DuckDB file or postgresql:// URL (default ./frontwatch.duckdb or $FRONTWATCH_DB).",
        default_factory=default_target,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout and nothing else.")]


def fail_after_report(message: str) -> NoReturn:
    """Exit 1 with one error line on stderr, for a command whose report (JSON or text) is already out.

    A ``FrontwatchError`` would add a second JSON document on stdout under ``--json`` (CONTRACTS: one).
    """
    sys.stderr.write(f"error: {message}\n")
    raise typer.Exit(1)


def emit_json(payload: Any) -> None:
    """Write JSON to stdout (one document, UTF-8, no ASCII escaping)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def emit_table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    """A rich table on stdout for people."""
    table = Table(title=title)
    for col in columns:
        table.add_column(col, justify="right" if col.endswith(("km2", "km²", "count", "n")) else "left")
    for row in rows:
        table.add_row(*[_cell(v) for v in row])
    out.print(table)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    return "" if value is None else str(value)
