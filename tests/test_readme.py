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


def _options(cmd) -> set[str]:
    return {o for p in cmd.params for o in (*p.opts, *getattr(p, "secondary_opts", ())) if o.startswith("-")}


def _readme_command_lines() -> list[str]:
    """Every ``frontwatch ...`` command line the README shows (code blocks and inline code), comments cut."""
    text = README.read_text(encoding="utf-8")
    code = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, re.S) + re.findall(r"`([^`\n]+)`", text)
    return [m.split("#")[0] for block in code for m in re.findall(r"\bfrontwatch [^\n|>]*", block)]


def test_every_option_the_readme_shows_exists_on_its_command():
    main(["--help"])
    root = typer.main.get_command(app)
    by_path = {" ".join(path): cmd for path, cmd in _commands(root)}
    unknown = []
    for line in _readme_command_lines():
        words = line.split()[1:]
        path = next((" ".join(words[:n]) for n in (3, 2, 1) if " ".join(words[:n]) in by_path), None)
        if path is None:
            continue  # "frontwatch CMD --help" and prose; the command names are checked above
        known = _options(by_path[path]) | _options(root) | {"--help", "-h"}
        unknown += [f"{path} {w}" for w in words if w.startswith("--") and w.split("=")[0] not in known]
    assert unknown == [], f"README.md shows options their commands do not have: {unknown}"


def test_the_readmes_promise_about_db_and_json_holds():
    """README: every command that reads or writes the store takes --db; those and ``eval`` take --json (``serve``
    excepted: it runs a server and prints no result; the README should say so)."""
    main(["--help"])
    root = typer.main.get_command(app)
    leaves = {" ".join(p): c for p, c in _commands(root) if not hasattr(c, "commands")}
    with_db = {p for p, c in leaves.items() if "--db" in _options(c)} - {"serve"}
    lacking = sorted(p for p, c in leaves.items()
                     if (p in with_db or p.startswith("eval ")) and "--json" not in _options(c))
    assert with_db and lacking == [], f"commands with --db (or eval) but no --json: {lacking}"
