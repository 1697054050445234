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
) -> None:
    """Group reports of one incident: writes {"doc_id", "cluster"} lines on stdout, in input order."""
    from ..dedup import DedupSettings, dedup_reports
    from ..dedup.io import read_reports

    result = dedup_reports(read_reports(path), DedupSettings(window_days=window, threshold=threshold))
    for doc_id, cluster in zip(result.doc_ids, result.clusters, strict=True):
        sys.stdout.write(json.dumps({"doc_id": doc_id, "cluster": cluster}, ensure_ascii=False) + "\n")
    err.print(f"{len(result.doc_ids)} reports, {result.incidents} incidents"
              + (f"; {result.undated} without a date kept apart" if result.undated else ""))
