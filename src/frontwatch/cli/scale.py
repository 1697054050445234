"""``frontwatch scale ...``: extract sharded corpora (in-process or on Dask), load results, make test corpora."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import ConfigError
from .app import app
from .common import DbOption, JsonOption, emit_json, err, fail_after_report

scale_app = typer.Typer(help="Scale out: sharded corpora, Dask clusters, resumable runs.", no_args_is_help=True)
app.add_typer(scale_app, name="scale")

EngineOption = Annotated[str, typer.Option("--engine", help="local (in-process, one core) or dask.")]
SchedulerOption = Annotated[
    str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler, tcp://HOST:PORT.")
]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", help="Start a local Dask cluster of N worker processes.")
]
OutOption = Annotated[
    Path, typer.Option("--out", help="Output folder: one result shard per input shard, plus manifest.jsonl.")
]
FormatOption = Annotated[str, typer.Option("--format", help="Output formats, comma-separated: jsonl,parquet.")]
LoadDbOption = Annotated[
    str | None, typer.Option("--db", help="Also load the results into this store (DuckDB file or postgresql:// URL).")
]
ExtractorOption = Annotated[
    str | None,
    typer.Option("--extractor",
                 help="MODULE:FACTORY returning an object with extract(article); default: the events pipeline."),
]


def run_corpus(inputs: list[str], out: Path, *, engine: str = "local", scheduler: str | None = None,
               workers: int | None = None, formats: str = "jsonl,parquet", db: str | None = None,
               extractor: str | None = None, json_: bool = False) -> None:
    """Run and report a corpus extraction (shared with ``frontwatch extract --engine/--out``)."""
    from ..scale.run import extract_corpus

    summary = extract_corpus(
        inputs, out, engine=engine, scheduler=scheduler, workers=workers,
        formats=tuple(f.strip() for f in formats.split(",") if f.strip()), progress=not json_, db=db,
        extractor_factory=_import_factory(extractor) if extractor else None,
    )
    report = summary.to_dict()
    if json_:
        emit_json(report)
    else:
        shards = report["shards"]
        err.print(f"shards: {shards['done']} done, {shards['skipped']} already done, {shards['failed']} failed; "
                  f"{report['documents']:,} documents, {report['events']:,} events, "
                  f"{report['document_errors']} document errors, {report['docs_per_second']:.1f} docs/s")
        for failure in report["failed"]:
            err.print(f"  failed: {failure['shard']}: {failure['error']}")
        if report["loaded"]:
            err.print(f"loaded {report['loaded']['articles']:,} articles into {report['loaded']['target']}")
    if report["failed"]:
        fail_after_report(f"{len(report['failed'])} shard(s) failed (see above); re-run the same command to retry them")


def _import_factory(spec: str) -> Any:
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ConfigError(f"--extractor {spec!r}: expected MODULE:FACTORY, e.g. mypkg.extract:make")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"--extractor {spec!r} cannot be imported: {exc}") from exc


@scale_app.command("extract")
def extract(
    inputs: Annotated[list[str], typer.Argument(help="JSONL or JSONL.gz shards: files, folders or glob patterns.")],
    out: OutOption,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    formats: FormatOption = "jsonl,parquet",
    db: LoadDbOption = None,
    extractor: ExtractorOption = None,
    json_: JsonOption = False,
) -> None:
    """Extract events from every shard of a corpus, resumably (finished shards are skipped on a re-run)."""
    run_corpus(inputs, out, engine=engine, scheduler=scheduler, workers=workers, formats=formats, db=db,
               extractor=extractor, json_=json_)


@scale_app.command("load")
def load(
    out_dir: Annotated[Path, typer.Argument(help="The --out folder of an extraction run.")],
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Load a run's results into the store; loading twice changes nothing (articles are keyed by doc_id)."""
    from ..scale.load import load_outputs

    report = load_outputs(out_dir, db)
    if json_:
        emit_json(report.to_dict())
    else:
        err.print(f"loaded {report.articles:,} articles and {report.events:,} events from {report.shards} shards "
                  f"into {report.target}; {report.skipped_documents} failed documents skipped")
        for failure in report.failed:
            err.print(f"  failed: {failure['shard']}: {failure['error']}")
        for failure in report.unclustered:
            err.print(f"  not deduplicated: {failure['articles']} articles from {failure['first_doc_id']}: "
                      f"{failure['error']} (stored; loading again retries them)")
    if report.failed:
        fail_after_report(f"{len(report.failed)} shard(s) could not be loaded (see above)")
    if report.unclustered:
        fail_after_report(f"{len(report.unclustered)} batch(es) of stored articles could not be deduplicated "
                          "(see above)")


@scale_app.command("synth")
def synth(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the shards to.")],
    n: Annotated[int, typer.Option("--n", help="Number of reports.")] = 1000,
    shards: Annotated[int, typer.Option("--shards", help="Number of shard files.")] = 10,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same bytes.")] = 1,
    gzip_: Annotated[bool, typer.Option("--gzip", help="Write .jsonl.gz shards.")] = False,
) -> None:
    """Write a synthetic corpus of wire-style conflict reports (about 600 words each) for tests and benchmarks."""
    from ..scale.synth import write_corpus

    paths = write_corpus(out, n=n, shards=shards, seed=seed, gzip_=gzip_)
    err.print(f"wrote {n:,} reports in {len(paths)} shards under {out}")
