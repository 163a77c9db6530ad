"""The frame of the code: apps import downwards only, no import cycles, no imports hidden in
functions. Read from the source with `ast`, so nothing here imports the project.

Conventions the test enforces (migrations are left out):

- Layers, bottom to top: `ics_portal.common` (helpers that import no app), `alerts` (what
  people follow and the emails sent: every app's services send through it after commit, so
  it sits below them all and knows none of them), `governance`, `meetings`, `decisions`,
  then the rest of `ics_portal` (settings, root URLs, site-wide pages). A module may import
  its own layer and those below it, never one above.
- No import inside a function, unless no other way exists and a comment says why: the
  comment contains ``why:`` and sits on the import's first line or the line just above it,
  e.g. ``# why: django.contrib.postgres needs psycopg, which a SQLite install may lack.``
- No cycle among the project's modules, counting the imports that run when a module is
  loaded: module level, class bodies and module-level ``if``/``try`` blocks, but not function
  bodies nor ``if TYPE_CHECKING:`` blocks (annotations only, never run). Importing
  ``a.b.c`` counts as depending on ``a.b.c`` itself, not on its parent packages, which Python
  lets a submodule import while they are still loading.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("alerts", "governance", "meetings", "decisions", "ics_portal")
COMMON = "ics_portal.common"
# What each layer may not import (a module of `ics_portal.common` counts as the lowest layer).
FORBIDDEN = {
    COMMON: ("alerts", "governance", "meetings", "decisions", "ics_portal"),
    "alerts": ("governance", "meetings", "decisions", "ics_portal"),
    "governance": ("meetings", "decisions", "ics_portal"),
    "meetings": ("decisions", "ics_portal"),
    "decisions": ("ics_portal",),
    "ics_portal": (),
}


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it stands and whether it runs on loading."""

    source: str  # the importing module
    target: str  # the imported module (a project module where the name is one)
    line: int
    in_function: bool
    at_load: bool  # runs when the importing module is loaded
    why: bool  # a "why:" comment on the line or the one above


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_files(root: Path = ROOT) -> dict[str, Path]:
    files = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" not in path.relative_to(root).parts:
                files[module_name(path, root)] = path
    return files


def _why_lines(source: str) -> set[int]:
    """Lines whose comment contains "why:"."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {t.start[0] for t in tokens if t.type == tokenize.COMMENT and "why:" in t.string}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(module: str, source: str, known: set[str], *, is_package: bool) -> list[Import]:
    """Every import in the source, resolved to module names (relative ones included)."""
    why = _why_lines(source)
    found: list[Import] = []

    def resolve(node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        base = module.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        return ".".join([*base, *([node.module] if node.module else [])])

    def visit(node: ast.AST, *, in_function: bool, at_load: bool) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = resolve(node)
                # `from meetings import api` imports the module meetings.api.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                    for alias in node.names
                ]
            has_why = node.lineno in why or node.lineno - 1 in why
            for target in dict.fromkeys(targets):
                found.append(Import(module, target, node.lineno, in_function, at_load, has_why))
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            in_function, at_load = True, False
        for child in ast.iter_child_nodes(node):
            runs = at_load and not (isinstance(node, ast.If) and _is_type_checking(node))
            visit(child, in_function=in_function, at_load=runs)

    visit(ast.parse(source), in_function=False, at_load=True)
    return found


def layer_of(module: str) -> str:
    if module == COMMON or module.startswith(COMMON + "."):
        return COMMON
    return module.split(".")[0]


def upward(imp: Import) -> bool:
    """Whether the import reaches into a layer its module may not import."""
    target = imp.target
    if layer_of(target) == COMMON:
        return False  # every layer may use the helpers
    return any(target == p or target.startswith(p + ".") for p in FORBIDDEN[layer_of(imp.source)])


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle in the graph as a path that returns to its start, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def all_imports(root: Path = ROOT) -> list[Import]:
    files = project_files(root)
    known = set(files)
    found = []
    for module, path in files.items():
        source = path.read_text(encoding="utf-8")
        found += imports_of(module, source, known, is_package=path.name == "__init__.py")
    return found


def load_graph(imports: list[Import]) -> dict[str, set[str]]:
    modules = {imp.source for imp in imports}
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for imp in imports:
        if imp.at_load and imp.target in modules and imp.target != imp.source:
            graph[imp.source].add(imp.target)
    return graph


IMPORTS = all_imports()


# The project


def test_the_scan_sees_the_project():
    sources = {imp.source for imp in IMPORTS}
    assert {
        "governance.models",
        "meetings.models.agenda",
        "decisions.api",
        f"{COMMON}.records",
    } <= sources
    assert any(imp.target == "meetings.api" for imp in IMPORTS)  # `from meetings import api`


def test_no_import_inside_a_function_without_a_why():
    hidden = [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in IMPORTS
        if imp.in_function and not imp.why
    ]
    assert hidden == []


def test_apps_import_downwards_only():
    assert [
        f"{imp.source}:{imp.line} imports {imp.target}" for imp in IMPORTS if upward(imp)
    ] == []


def test_no_import_cycle_among_the_project_modules():
    assert find_cycle(load_graph(IMPORTS)) is None


# The checks themselves, on made-up code, so that a broken check cannot pass quietly.

KNOWN = {"meetings", "meetings.api", "meetings.models", "decisions", "decisions.api"}


def scan(module: str, source: str, *, is_package: bool = False) -> list[Import]:
    return imports_of(module, source, KNOWN, is_package=is_package)


def test_a_function_level_import_is_caught_unless_a_comment_says_why():
    found = scan(
        "meetings.views",
        "import os\n"
        "def f():\n"
        "    from decisions.api import x\n"
        "def g():\n"
        "    # why: only on PostgreSQL\n"
        "    from django.contrib.postgres import search\n"
        "class C:\n"
        "    def h(self):\n"
        "        import json  # why: lazily\n",
    )
    assert [(i.target, i.in_function, i.why) for i in found] == [
        ("os", False, False),
        ("decisions.api", True, False),
        ("django.contrib.postgres", True, True),
        ("json", True, True),
    ]


def test_imports_are_resolved_to_modules():
    found = scan(
        "meetings.views.agenda",
        "from meetings import api\nfrom . import forms\nfrom ..models import Meeting\n",
    )
    assert [i.target for i in found] == ["meetings.api", "meetings.views", "meetings.models"]
    package = scan("meetings.views", "from .agenda import x\n", is_package=True)
    assert [i.target for i in package] == ["meetings.views.agenda"]


def test_an_upward_import_is_caught():
    def upward_from(module: str, target: str) -> bool:
        return upward(Import(module, target, 1, False, True, False))

    assert upward_from("meetings.views", "decisions.api")
    assert upward_from("governance.models", "meetings.models")
    assert upward_from("decisions.api", "ics_portal.search")
    assert upward_from("ics_portal.common.api", "governance.models")
    assert upward_from("ics_portal.common.api", "ics_portal.search")
    assert upward_from("alerts.mail", "governance.models")
    assert not upward_from("decisions.services.ratifications", "alerts.mail")
    assert not upward_from("decisions.api", "meetings.api")
    assert not upward_from("meetings.api", "ics_portal.common.api")
    assert not upward_from("ics_portal.common.api", "ics_portal.common.records")
    assert not upward_from("ics_portal.urls", "decisions.urls")


def test_a_cycle_is_caught_but_not_through_functions_or_type_checking():
    found = [
        *scan("meetings.api", "from decisions import api\n"),
        *scan("decisions.api", "def f():\n    from meetings import api\n"),
        *scan(
            "meetings.models",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from meetings import api\n",
        ),
    ]
    assert find_cycle(load_graph(found)) is None
    found += scan(
        "decisions.api", "try:\n    from meetings import api\nexcept ImportError:\n    pass\n"
    )
    assert find_cycle(load_graph(found)) == ["decisions.api", "meetings.api", "decisions.api"]
