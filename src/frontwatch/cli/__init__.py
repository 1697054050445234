"""The ``frontwatch`` command: each subcommand parses, makes one library call, and formats.

The error boundary lives in :func:`main`: a :class:`FrontwatchError` becomes one line on stderr
(and, with ``--json``, its JSON body on stdout) and exit 1; usage errors exit 2; tracebacks only with ``--debug``.
"""

from __future__ import annotations

import os
import sys

import typer
from typer.exceptions import TyperException

from ..errors import FrontwatchError
from .app import app

__all__ = ["app", "main", "run"]


def _register() -> None:
    # Each module adds its commands to ``app``; imported here so ``frontwatch --help`` lists them all.
    from . import brief, claims, db, dedup, demo, evaluate, events, geocode, scale, serve, territory, watch  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn errors into one clear line."""
    _register()
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("FRONTWATCH_DEBUG") == "1"
    command = typer.main.get_command(app)
    try:
        # without standalone mode click returns a command's typer.Exit code instead of raising it
        code = command.main(args=args, prog_name="frontwatch", standalone_mode=False)
    except FrontwatchError as exc:
        if debug:
            raise
        report_error(exc, as_json="--json" in args)
        return 1
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        sys.stderr.write("aborted\n")
        return 1
    except TyperException as exc:  # usage errors: typer prints them the way click does
        show = getattr(exc, "show", None)
        if show:
            show()
        else:
            sys.stderr.write(f"error: {exc.format_message()}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    return code if isinstance(code, int) else 0


def report_error(exc: FrontwatchError, *, as_json: bool) -> None:
    """One line on stderr; with ``--json`` also the error's JSON body on stdout (CONTRACTS: with --json,
    stdout holds JSON and nothing else, so a script reading it gets ``{"error", "message", "status"}``)."""
    sys.stderr.write(f"error: {exc}\n")
    if as_json:
        from .common import emit_json

        emit_json(exc.to_dict())


def run() -> None:  # console_scripts target
    sys.exit(main())
