"""``frontwatch eval events|geocode|dedup``: score the toolkit against gold files (CONTRACTS: Evaluation).

Each subcommand is added by its area to ``eval_app``; every one reads a gold JSONL file and prints metrics.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import JsonOption, emit_json, emit_table

eval_app = typer.Typer(help="Evaluate extraction, geocoding and deduplication against gold files.",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")

GoldOption = Annotated[Path, typer.Option("--gold", help="Gold JSONL file (or a JSON file holding one gold document).")]
SplitOption = Annotated[str, typer.Option(
    "--split", help="Which half of the gold file to score, by a hash of each doc_id: heldout (the figures to "
    "report and gate on), tune (the half rules may be fitted to) or all.")]


@eval_app.command("events")
def events(gold: GoldOption, split: SplitOption = "all", json_: JsonOption = False) -> None:
    """Score event extraction: type and sub-type accuracy and weighted F1, location, date, fatalities."""
    from ..evaluation.events import evaluate_events

    report = evaluate_events(gold, split=split)
    if json_:
        emit_json(report.to_dict())
        return
    emit_table(f"events: {gold.name}", ["metric", "value", "n"], report.rows())


@eval_app.command("dedup")
def dedup(
    gold: GoldOption,
    split: Annotated[str, typer.Option(
        "--split", help="heldout, tune or all (halves by a hash of doc_id), or a span of time: until-2017 (tune "
        "on) and from-2018 (report on).")] = "all",
    first: Annotated[str | None, typer.Option("--from", help="Keep reports published on or after this date.")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Keep reports published on or before this date.")] = None,
    stack_days: Annotated[int | None, typer.Option(
        "--stack", min=1, help="Fold the reports' dates into one span of this many days (war-time density).")] = None,
    json_: JsonOption = False,
) -> None:
    """Score deduplication: pairwise precision, recall and F1 over reports sharing a gold event."""
    from ..evaluation.dedup import evaluate_dedup, parse_day

    report = evaluate_dedup(gold, split=split, first=parse_day(first, "--from"), last=parse_day(last, "--to"),
                            stack_days=stack_days)
    if json_:
        emit_json(report.to_dict())
        return
    emit_table(f"dedup: {gold.name}", ["metric", "value"], report.rows())


@eval_app.command("geocode")
def geocode(
    gold: GoldOption,
    find: Annotated[bool, typer.Option("--find", help="Find the names too (end to end), with spaCy.")] = False,
    split: SplitOption = "all",
    json_: JsonOption = False,
) -> None:
    """Score geocoding of the gold spans: accuracy within 161 km, mean error, AUC (Gritta et al. 2018)."""
    from ..evaluation.geocode import evaluate_geocode

    report = evaluate_geocode(gold, find=find, split=split)
    if json_:
        emit_json(report.to_dict())
        return
    emit_table(f"geocode: {gold.name}", ["metric", "value", "n"], report.rows())
