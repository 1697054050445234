"""Golden file: the seed article's full extraction, compared field by field.

The golden file is rewritten only on purpose, after reading its diff, with:

    frontwatch extract ../shared/seed/article.txt --published 2024-05-17 --format json \\
        > tests/events/golden/seed-article.json

It changes when the rules, the model or the gazetteer change; a change nobody meant is a regression.
"""

from __future__ import annotations

import json
from pathlib import Path

from frontwatch.cli import main
from tests.conftest import shared_path

GOLDEN = Path(__file__).parent / "golden" / "seed-article.json"


def test_seed_article_matches_golden(capsys):
    article = shared_path("seed", "article.txt")
    assert main(["extract", str(article), "--published", "2024-05-17", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert [e["evidence"]["text"] for e in got["events"]] == [e["evidence"]["text"] for e in want["events"]]
    for g, w in zip(got["events"], want["events"], strict=True):
        assert g == w, w["evidence"]["text"][:60]
