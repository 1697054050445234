"""The README is the newcomer's map: every command the CLI has is named there, and nothing it names is gone."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from frontwatch.cli import app, main
from tests.test_cli import _commands

README = Path(__file__).resolve().parents[1] / "README.md"


def _cli_commands() -> set[str]:
    main(["--help"])  # registers every command module
    root = typer.main.get_command(app)
    return {" ".join(path) for path, cmd in _commands(root) if not hasattr(cmd, "commands")}


def test_every_command_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = sorted(c for c in _cli_commands() if f"frontwatch {c}" not in text)
    assert missing == [], f"commands missing from README.md: {missing}"


def test_every_command_the_readme_names_exists():
    commands = _cli_commands()
    groups = {c.split()[0] for c in commands if " " in c}
    unknown = []
    text = README.read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```(?:sh|bash|console)?\n.*?```", text, re.S) + re.findall(r"`[^`\n]+`", text))
    for first, second in re.findall(r"\bfrontwatch ([a-z]+)(?: ([a-z]+))?", code):
        if first in groups:
            if second and f"{first} {second}" not in commands and not any(
                    c.startswith(f"{first} {second} ") for c in commands):
                unknown.append(f"{first} {second}")
        elif first not in commands:
            unknown.append(first)
    assert sorted(set(unknown)) == [], f"README.md names commands that do not exist: {sorted(set(unknown))}"
