"""``frontwatch serve``: the HTTP API and the dashboard (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..config import SETTINGS
from .app import app
from .common import DbOption, err

_SETTINGS_HELP = "; ".join(f"{s.name} (default {s.default}): {s.help}" for s in SETTINGS)


@app.command("serve", epilog="Settings (also FRONTWATCH_<NAME> variables): " + _SETTINGS_HELP)
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    setting: Annotated[list[str] | None, typer.Option(
        "--setting", "-s", help="NAME=VALUE, repeatable, e.g. -s page_limit_max=500 (names below).")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes (PostgreSQL stores, or read-only DuckDB).",
                                         min=1, max=64)] = 1,
    db: DbOption = ...,  # type: ignore[assignment]
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, /docs) and the dashboard at /."""
    import uvicorn

    from ..api.serving import build_from_environment, export_environment
    from ..config import Settings, parse_assignments

    given = parse_assignments(setting or [])
    if given.get("api_token"):
        err.print("warning: a token given as --setting api_token=... is visible to every user in `ps`; "
                  "set FRONTWATCH_API_TOKEN or --setting api_token_file=PATH instead", soft_wrap=True)
    settings = Settings.load(given)
    export_environment(db, settings)
    # Fail here, with one clear line, if the store cannot be opened; this also builds the event index
    # of a read-only DuckDB store once, which the workers then map.
    checked = build_from_environment()
    if checked.state.event_index is not None:
        checked.state.event_index.close()
    checked.state.pool.close()
    mode = "read-only" if settings.read_only else "ingestion enabled (token set)"
    err.print(f"serving {db} at http://{host}:{port}/ ({mode}); API docs at /docs")
    uvicorn.run("frontwatch.api.serving:build_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning", access_log=False,
                server_header=False)  # issue 15: do not announce the server software
