"""The command line as a user meets it: help everywhere, one clear error line, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer

from frontwatch.cli import app, main


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, (*prefix, name))


def test_every_command_has_help_text():
    main(["--help"])  # registers all command modules
    root = typer.main.get_command(app)
    missing = [" ".join(path) for path, cmd in _commands(root) if not (cmd.help or "").strip()]
    assert missing == []


def test_every_command_answers_help(capsys):
    main(["--help"])
    root = typer.main.get_command(app)
    for path, _ in _commands(root):
        assert main([*path, "--help"]) == 0, path


def test_user_error_is_one_line_and_exit_1(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "frontwatch", "db", "info", "--db", str(tmp_path / "no" / "x.duckdb")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ")
    assert "Traceback" not in proc.stderr


def test_usage_error_exits_2():
    assert main(["territory", "change", "--no-such-option"]) == 2


def test_a_failed_run_keeps_stdout_to_its_own_output(tmp_path, capsys):
    """Exit 1 when every document failed, and stdout still holds only the run's lines (no JSON error after them)."""
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"doc_id": "a", "text": ""}\n{"doc_id": "b"}\n', encoding="utf-8")
    code = main(["extract", str(corpus), "--input", "jsonl", "--format", "jsonl", "--json"])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert code == 1 and [json.loads(line)["doc_id"] for line in lines] == ["a", "b"]
    assert captured.err.rstrip().splitlines()[-1].startswith("error: every input failed")


@pytest.mark.parametrize(("options", "named"), [
    (["--engine", "local", "--format", "csv"], "--format does not apply"),
    (["--engine", "local", "--published", "2024-05-01", "--input", "html"], "--input, --published do not apply"),
    (["--workers", "2"], "--workers only applies to a sharded run"),
])
def test_extract_refuses_options_a_run_would_ignore(tmp_path, capsys, options, named):
    """Issue 14: ``extract --engine/--out`` used to drop --format, --published and --input without a word."""
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"doc_id": "a", "text": "Shelling hit Kupiansk on 3 May 2024."}\n', encoding="utf-8")
    out = tmp_path / "out"
    args = ["extract", str(corpus), *options, *(["--out", str(out)] if "--engine" in options else [])]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and named in err and not out.exists()
