"""The root ``frontwatch`` Typer app, apart from the entry point so command modules import it without a cycle."""

from __future__ import annotations

import os

import typer

from ..conflict import ENVIRONMENT, load_profile

app = typer.Typer(
    name="frontwatch",
    help="Monitor armed conflict from public sources: control maps, news events, claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    conflict: str | None = typer.Option(
        None, "--conflict", metavar="NAME|PATH",
        help="The conflict watched (the `conflict` setting, FRONTWATCH_CONFLICT): a bundled profile "
             "(russia-ukraine, the default) or a profile JSON file; claims and actors follow its sides."),
) -> None:
    """Monitor armed conflict from public sources: control maps, news events, claims."""
    if debug:
        os.environ["FRONTWATCH_DEBUG"] = "1"
    if conflict:
        load_profile(conflict)  # a bad name or file: one error line, before any work
        os.environ[ENVIRONMENT] = conflict
