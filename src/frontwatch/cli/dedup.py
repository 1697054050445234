"""``frontwatch dedup``: reports of the same incident share a cluster (CONTRACTS: Deduplication)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import err


@app.command("dedup")
def dedup(
    path: Annotated[Path, typer.Argument(help="JSONL of {doc_id, text, published} reports, or extraction output.")],
    window: Annotated[int, typer.Option("--window", help="Days two reports of one incident may lie apart.")] = 7,
    threshold: Annotated[float, typer.Option("--threshold", help="Pair score needed to merge (0-1).")] = 0.5,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Add \"merged_with\" to each line: the reports it was merged with, the pair score and "
        "its parts (text similarity, same place, death counts, days apart).")] = False,
) -> None:
    """Group reports of one incident: writes {"doc_id", "cluster"} lines on stdout, in input order."""
    from ..dedup import DedupSettings, dedup_reports, explain_merges
    from ..dedup.io import read_reports

    rows = read_reports(path)
    settings = DedupSettings(window_days=window, threshold=threshold)
    result = dedup_reports(rows, settings)
    why = explain_merges(rows, settings) if explain else [None] * len(rows)
    for doc_id, cluster, merges in zip(result.doc_ids, result.clusters, why, strict=True):
        line: dict[str, object] = {"doc_id": doc_id, "cluster": cluster}
        if merges is not None:
            line["merged_with"] = merges
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    err.print(f"{len(result.doc_ids)} reports, {result.incidents} incidents"
              + (f"; {result.undated} without a date kept apart" if result.undated else ""))
