"""The layout's promises: no import cycles between frontwatch's modules (function-level imports included)."""

from __future__ import annotations

import ast
import re
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


#: SQL as this code base writes it (keywords in upper case, as every statement in ``store/`` is written): a
#: statement, or a fragment of one (a clause, a portable expression) that only SQL would contain.
SQL = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(CREATE|DROP|ALTER)\s+(OR\s+REPLACE\s+)?(TABLE|INDEX|VIEW|EXTENSION|SEQUENCE)\b"
    r"|\b(ORDER|GROUP)\s+BY\b|\bCOALESCE\(|\bcount\((\*|DISTINCT\b)|\bWHERE\s+[\w.]+\s*(=|<|>|IN\b|IS\b|LIKE\b)"
)
#: The database methods that take SQL: only the store calls them.
SQL_METHODS = {"query", "query_one", "scalar", "execute", "executemany", "_raw_execute"}
#: The only package that may hold SQL.
STORE = SRC / "frontwatch" / "store"


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal (an f-string whole, ``{}`` for its values) but docstrings, which run nowhere."""
    docs = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    docs |= {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            found.append((node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)))
    return found


def _is_database(receiver: str) -> bool:
    return "store" in receiver.lower() or receiver.split(".")[-1] in {"conn", "db", "cursor"}


def _sql_calls(tree: ast.AST) -> list[int]:
    """Lines calling a database's SQL method on a store or connection (``store.query(...)``, ``conn.execute``)."""
    lines = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_METHODS
                and _is_database(ast.unparse(node.func.value))):
            lines.append(node.lineno)
    return lines


def sql_outside_store(root: Path) -> list[str]:
    """``path:line: text`` of each SQL literal or SQL call in the modules under ``root`` outside ``store/``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if STORE in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path}:{line}: {text[:80]!r}" for line, text in _strings(tree) if SQL.search(text)]
        found += [f"{path}:{line}: a SQL method called" for line in _sql_calls(tree)]
    return found


def test_sql_lives_only_in_the_store():
    found = sql_outside_store(SRC / "frontwatch")
    assert not found, "SQL outside src/frontwatch/store/ (add a repository method instead):\n" + "\n".join(found)


def test_the_sql_check_finds_sql(tmp_path):
    """The check above can fail: statements, fragments, f-strings and calls are each found; prose is not."""
    (tmp_path / "leaky.py").write_text(
        'A = "SELECT id FROM events"\n'
        'B = f"DELETE FROM {table} WHERE id = ?"\n'
        'C = "COALESCE(e.admin1, \'x\')"\n'
        'D = " ORDER BY published DESC"\n'
        'def f(store):\n    return store.scalar(A)\n'
        'def g(self):\n    """Docstrings may say SELECT x FROM y."""\n    return "select the events from the list"\n',
        encoding="utf-8")
    found = sql_outside_store(tmp_path)
    assert [line.split(":")[1] for line in found] == ["1", "2", "3", "4", "6"], found
