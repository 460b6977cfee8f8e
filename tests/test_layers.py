"""The package's layers: no import cycles between its modules (imports at module level)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wickgraph"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(everywhere: bool = False) -> dict[str, set[str]]:
    """Each module's wickgraph modules imported at module level (not under ``if TYPE_CHECKING``).

    ``everywhere`` counts imports inside functions too: a dependency all the same, though one that
    Python resolves late. The package's ``__init__`` is then left out, as it is the facade over all.
    """
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in paths if not everywhere or name != "wickgraph"}
    for name in graph:
        path = paths[name]
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _import_nodes(tree) if everywhere else tree.body:
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                for alias in node.names:
                    target = f"{base}.{alias.name}" if f"{base}.{alias.name}" in paths else base
                    if target in graph and target != name:
                        graph[name].add(target)
            elif isinstance(node, ast.Import):
                graph[name].update(alias.name for alias in node.names if alias.name in graph and alias.name != name)
    return graph


def _import_nodes(tree: ast.Module) -> list[ast.stmt]:
    """Every import statement of a module, at any depth, except under ``if TYPE_CHECKING:``."""
    found: list[ast.stmt] = []
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _tangles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The groups of modules that import each other, directly or round a loop (strongly connected)."""
    reaches = {name: _reachable(graph, name) for name in graph}
    return {frozenset(other for other in reaches[name] if name in reaches[other]) | {name}
            for name in graph if any(name in reaches[other] for other in reaches[name])}


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    pending = list(graph[start])
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(graph[name])
    return seen


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return [*path[path.index(name):], name]
        if name in done:
            return None
        for target in sorted(graph[name]):
            found = visit(target, [*path, name])
            if found:
                return found
        done.add(name)
        return None

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return None


def test_the_checker_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_between_modules() -> None:
    graph = _imports()
    assert "wickgraph.store" in graph["wickgraph.transaction"]  # the checker reads relative imports
    assert _cycle(graph) is None


# Modules that depend on each other through imports inside functions (none left: the editor's
# decisions moved down into wickgraph.decisions, so curation calls into the extractor and the add
# pipeline and nothing calls back).
KNOWN_TANGLES: set[frozenset[str]] = set()


def test_the_checker_finds_tangles_through_imports_in_functions() -> None:
    tree = ast.parse("import os\ndef f():\n    from . import b\nif TYPE_CHECKING:\n    from . import c\n")
    assert sorted(type(node).__name__ for node in _import_nodes(tree)) == ["Import", "ImportFrom"]
    assert _tangles({"a": {"b"}, "b": {"a", "c"}, "c": set(), "d": {"d"}}) == {frozenset({"a", "b"}),
                                                                                frozenset({"d"})}
    assert "wickgraph.resources" in _imports(everywhere=True)["wickgraph.reviews"]  # inside add_reviews
    assert "wickgraph.resources" not in _imports()["wickgraph.reviews"]


def test_no_modules_depend_on_each_other_even_inside_functions() -> None:
    found = _tangles(_imports(everywhere=True))
    assert not found - KNOWN_TANGLES, f"modules that import each other: {sorted(map(sorted, found - KNOWN_TANGLES))}"
    assert not KNOWN_TANGLES - found, ("these tangles changed or are gone, so update KNOWN_TANGLES in "
                                       f"tests/test_layers.py: {sorted(map(sorted, KNOWN_TANGLES - found))}")


# -- the other layer rules of issue 11 -------------------------------------------------------
# Files that break a rule today, each fixed on another branch or left for later. A file that no
# longer breaks its rule must leave its list (the test says so), so the lists only shrink.

KNOWN_RAW_USERS: set[str] = set()
KNOWN_IRI_SPELLERS: set[str] = set()
KNOWN_LONG_MODULES: set[str] = set()
MAX_LINES = 500

# a literal IRI: scheme, then a host (so "http://{host}:{port}/" in a message is not one)
_IRI = re.compile(r"https?://[A-Za-z0-9]")


def _modules() -> dict[str, ast.Module]:
    return {str(p.relative_to(PACKAGE)): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the docstring nodes of a module and of its classes and functions (examples may show IRIs)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _test_modules() -> dict[str, ast.Module]:
    tests = Path(__file__).resolve().parent
    return {f"tests/{p.relative_to(tests)}": ast.parse(p.read_text(encoding="utf-8"))
            for p in sorted(tests.rglob("*.py")) if "data" not in p.relative_to(tests).parts}


def raw_users(modules: dict[str, ast.Module]) -> set[str]:
    """Modules other than store.py that reach for the pyoxigraph store under a Store (``.raw``)."""
    return {name for name, tree in modules.items() if name != "store.py"
            and any(isinstance(node, ast.Attribute) and node.attr == "raw" for node in ast.walk(tree))}


def iri_spellers(modules: dict[str, ast.Module]) -> set[str]:
    """Modules other than namespaces.py with an IRI in a string literal (docstrings aside)."""
    found = set()
    for name, tree in modules.items():
        docstrings = _docstrings(tree)
        if name != "namespaces.py" and any(
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and _IRI.search(node.value) for node in ast.walk(tree)
        ):
            found.add(name)
    return found


def long_modules() -> set[str]:
    return {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
            if len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES}


def test_the_checkers_find_what_they_look_for() -> None:
    tree = ast.parse('"""See <https://example.org/x>."""\nX = "https://example.org/y"\nY = f"http://{h}/"\n'
                     "def f(s):\n    return s.raw.query('x')\n")
    assert iri_spellers({"m.py": tree, "namespaces.py": tree}) == {"m.py"}
    assert iri_spellers({"m.py": ast.parse('"""https://example.org/ in a docstring"""\nY = f"http://{h}/"\n')}) == set()
    assert raw_users({"m.py": tree, "store.py": tree}) == {"m.py"}


def _check(found: set[str], known: set[str], rule: str) -> None:
    assert not found - known, f"{rule}: {sorted(found - known)}"
    assert not known - found, f"no longer {rule}, so take them off the list in tests/test_layers.py: {sorted(known - found)}"


def test_raw_store_is_used_only_in_store_py() -> None:
    # the tests too: they use the Store's public methods, as callers do
    _check(raw_users(_modules() | _test_modules()), KNOWN_RAW_USERS, "use Store.raw outside store.py")


def test_iris_are_spelled_only_in_namespaces_py() -> None:
    _check(iri_spellers(_modules()), KNOWN_IRI_SPELLERS, "spell IRIs outside namespaces.py (use its terms)")


def test_no_module_is_over_500_lines() -> None:
    _check(long_modules(), KNOWN_LONG_MODULES, f"have more than {MAX_LINES} lines")


BOTTOM = {"wickgraph.errors", "wickgraph.namespaces", "wickgraph.atomicfile", "wickgraph.resources"}


def test_store_py_imports_nothing_above_it() -> None:
    upward = _imports(everywhere=True)["wickgraph.store"] - BOTTOM
    assert not upward, f"imported by store.py, which is the bottom layer: {sorted(upward)}"
