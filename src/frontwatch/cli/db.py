"""``frontwatch db``: inspect and migrate the store."""

from __future__ import annotations

import typer

from .app import app
from .common import DbOption, JsonOption, emit_json, emit_table

db_app = typer.Typer(help="Inspect and migrate the store.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("info")
def info(db: DbOption = ..., json_: JsonOption = False) -> None:  # type: ignore[assignment]
    """Schema version and row counts of the store (migrates it if needed)."""
    from ..store import open_store

    with open_store(db) as store:
        counts = store.row_counts()
        payload = {"target": store.target, "backend": store.backend, "schema_version": store.schema_version,
                   "counts": counts}
    if json_:
        emit_json(payload)
    else:
        emit_table(f"{payload['backend']} store {payload['target']} (schema v{payload['schema_version']})",
                   ["table", "rows"], [[k, v] for k, v in counts.items()])
