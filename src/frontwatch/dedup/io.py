"""Reading report lines for ``frontwatch dedup``: raw reports or extraction output, one JSON object a line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import NotFound, UnreadableFile


def read_reports(path: Path) -> list[dict[str, Any]]:
    """Every line of a JSONL file as a dict with at least ``doc_id`` (the line number when absent)."""
    if not path.is_file():
        raise NotFound(f"report file {path} does not exist: give a JSONL file of {{doc_id, text, published}} lines")
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8", errors="strict") as handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise UnreadableFile(f"line {number} is not JSON ({exc.msg}): fix or remove it",
                                         path=str(path)) from exc
                if not isinstance(row, dict):
                    raise UnreadableFile(f"line {number} is not a JSON object", path=str(path))
                row.setdefault("doc_id", str(number))
                rows.append(row)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"not valid UTF-8 ({exc.reason}): save the file as UTF-8", path=str(path)) from exc
    return rows
