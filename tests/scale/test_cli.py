"""``frontwatch scale synth|extract|load`` as a user runs them: JSON on stdout, exit codes, one error line."""

from __future__ import annotations

import json

from frontwatch.cli import main

from . import standin

FACTORY = f"{standin.__name__}:keyword_factory"


def test_synth_extract_load(tmp_path, capsys):
    corpus, out, db = tmp_path / "corpus", tmp_path / "out", str(tmp_path / "fw.duckdb")
    assert main(["scale", "synth", "--out", str(corpus), "--n", "6", "--shards", "3", "--gzip"]) == 0
    assert main(["scale", "extract", str(corpus), "--out", str(out), "--extractor", FACTORY, "--json",
                 "--db", db]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["shards"]["done"] == 3 and summary["documents"] == 6
    assert summary["loaded"]["articles"] == 6
    assert main(["scale", "load", str(out), "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 6
    assert main(["db", "info", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["articles"] == 6


def test_failed_shard_prints_the_summary_then_exits_1(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad.jsonl.gz").write_bytes(b"not gzip")
    code = main(["scale", "extract", str(corpus), "--out", str(tmp_path / "out"), "--extractor", FACTORY, "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert json.loads(captured.out)["failed"][0]["shard"] == "bad"
    assert captured.err.startswith("error: 1 shard(s) failed") and captured.err.count("\n") == 1


def test_bad_extractor_and_missing_run_are_one_line_errors(tmp_path, capsys):
    assert main(["scale", "extract", str(tmp_path), "--out", str(tmp_path / "o"), "--extractor", "nope"]) == 1
    assert "expected MODULE:FACTORY" in capsys.readouterr().err
    assert main(["scale", "load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")]) == 1
    assert "holds no manifest.jsonl" in capsys.readouterr().err
