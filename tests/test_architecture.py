"""The layout's promises: no import cycles between frontwatch's modules (function-level imports included)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _module_name(path: Path) -> tuple[str, list[str]]:
    """The dotted name of a module file and the package its relative imports start from."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return ".".join(parts), parts
    return ".".join(parts), parts[:-1]


def _imports(path: Path, package: list[str], modules: set[str]) -> set[str]:
    """The frontwatch modules a file imports anywhere in it (a ``TYPE_CHECKING`` block excepted)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:  # from .x import y: relative to the package, one level up per extra dot
                parent = package[: len(package) - node.level + 1]
                base = ".".join([*parent, node.module] if node.module else parent)
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m in modules}


def _graph() -> dict[str, set[str]]:
    """Each frontwatch module and the frontwatch modules it imports."""
    files = {path: _module_name(path) for path in (SRC / "frontwatch").rglob("*.py")}
    modules = {name for name, _ in files.values()}
    return {name: _imports(path, package, modules) - {name} for path, (name, package) in files.items()}


def test_no_import_cycles():
    graph = _graph()
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise AssertionError(f"import cycle: {' -> '.join(exc.args[1])}") from None


def test_function_level_imports_count_and_claims_check_and_explain_stay_one_way():
    """Issue 14: claims/check.py and claims/explain.py imported each other (inside functions). The graph sees
    imports inside functions, and the sentence-writer must not reach back into the checker."""
    graph = _graph()
    assert "frontwatch.territory.changes" in graph["frontwatch.claims.check"]  # imported inside _area_figure
    assert "frontwatch.claims.explain" in graph["frontwatch.claims.check"]
    assert "frontwatch.claims.check" not in graph["frontwatch.claims.explain"]
