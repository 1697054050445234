"""``frontwatch extract``: news articles to ACLED-typed, attributed, geolocated events (CONTRACTS: Events)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from .app import app
from .common import err, fail_after_report


@app.command("extract")
def extract(
    ctx: typer.Context,
    sources: Annotated[
        list[str] | None, typer.Argument(help="Files, URLs, feeds or - for stdin.", show_default=False)
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (else the page's or the line's).")
    ] = None,
    input_format: Annotated[str, typer.Option("--input", help="text, html, jsonl (or auto: by content).")] = "auto",
    fmt: Annotated[str, typer.Option("--format", help="json, jsonl, csv, acled or geojson.")] = "json",
    db: Annotated[
        str | None, typer.Option("--db", help="Store articles and events here (DuckDB file or postgresql:// URL).")
    ] = None,
    store: Annotated[
        bool, typer.Option("--store/--no-store", help="Store articles and events (default: only when --db is given).")
    ] = False,
    engine: Annotated[
        str | None, typer.Option("--engine", help="local or dask: run a sharded corpus with a resumable manifest.")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address tcp://HOST:PORT (with --engine dask).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Local Dask workers to start (with --engine dask).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder for a sharded run (one result shard per input shard).")
    ] = None,
    json_: Annotated[
        bool, typer.Option("--json", help="With --engine/--out: print the run's summary as JSON.")
    ] = False,
) -> None:
    """Extract conflict events from articles: type, actors, place, date, casualties, claimant, evidence."""
    inputs = list(sources or ["-"])
    given = _given(ctx)
    target = db
    if store and target is None:
        from ..store import default_target

        target = default_target()
    if engine is not None or out is not None:
        from .scale import run_corpus  # the scale-out engine: shards, manifest, Dask

        _refuse_for_sharded_run(given, input_format)
        if out is None:
            raise ConfigError("--engine needs --out DIR for the result shards and the manifest")
        run_corpus(inputs, out, engine=engine or "local", scheduler=scheduler, workers=workers, db=target,
                   json_=json_)
        return
    if given & {"scheduler", "workers"}:
        dask = given & {"scheduler", "workers"}
        raise ConfigError(f"{_flags(dask)} only {'applies' if len(dask) == 1 else 'apply'} to a sharded run: add "
                          "--engine dask --out DIR, or drop them")
    from ..events.run import extract_sources
    from ..events.writers import FORMATS, write

    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", param_hint="--format")
    tally = Tally()
    if target is None:
        write(tally.reporting(extract_sources(inputs, input_format=input_format, published=published)), fmt, sys.stdout)
    else:
        from ..store import open_store

        with open_store(target) as opened:
            results = extract_sources(inputs, input_format=input_format, published=published, store=opened)
            write(tally.reporting(results), fmt, sys.stdout)
    tally.finish()


def _given(ctx: typer.Context) -> set[str]:
    """The options typed on the command line (not defaults). Compared by name: typer ships its own copy of click,
    whose ParameterSource is not click's."""
    return {name for name in ctx.params if getattr(ctx.get_parameter_source(name), "name", "") == "COMMANDLINE"}


def _flags(names: set[str]) -> str:
    spelled = {"fmt": "--format", "input_format": "--input", "published": "--published"}
    return ", ".join(sorted(spelled.get(n, f"--{n}") for n in names))


def _refuse_for_sharded_run(given: set[str], input_format: str) -> None:
    """A sharded run (--engine/--out) reads JSONL shards whose lines carry their own dates and writes jsonl and
    parquet result shards: the single-run output options would be silently ignored, so they are refused."""
    ignored = given & {"fmt", "published"}
    if "input_format" in given and input_format not in ("auto", "jsonl"):
        ignored.add("input_format")
    if ignored:
        raise ConfigError(
            f"{_flags(ignored)} {'does' if len(ignored) == 1 else 'do'} not apply to a sharded run (--engine/--out): "
            "its inputs are JSONL shards whose "
            "lines carry their own published dates, and it writes jsonl and parquet result shards "
            "(`frontwatch scale extract --formats` chooses them); drop those options, or run without --engine/--out"
        )


@dataclass
class Tally:
    """Counts what a run read, so the last stderr line says how many documents were extracted and failed."""

    documents: int = 0
    failed: int = 0

    def reporting(self, results):  # type: ignore[no-untyped-def]
        """Pass results through, telling stderr about failed documents and notes (stdout stays the data)."""
        for result in results:
            self.documents += 1
            for note in result.notes:
                err.print(f"note: {result.doc_id}: {note}", highlight=False, soft_wrap=True)
            if result.error:
                self.failed += 1
                err.print(f"error: {result.doc_id}: {result.error}", highlight=False, soft_wrap=True)
            yield result

    def finish(self) -> None:
        """Say the counts; exit 1 when every document failed (nothing was extracted: a user error)."""
        done = self.documents - self.failed
        err.print(
            f"{self.documents} documents: {done} extracted, {self.failed} failed", highlight=False, soft_wrap=True
        )
        if self.documents and not done:
            fail_after_report(f"every input failed ({self.failed} documents); see the error lines above")
