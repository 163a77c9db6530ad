"""The test tree wires fixtures one way only, so which fixture a test gets never depends on what
else was collected: a `conftest.py` per folder, each fixture name defined once, record builders in
tests/factories.py, and no `pytest_plugins`, `import *` or imports from a conftest."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).parent
# Django's settings module for the tests extends the real settings, as Django documents.
SETTINGS = TESTS / "settings.py"


def modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(), str(path))) for path in sorted(TESTS.rglob("*.py"))]


def fixture_name(node: ast.AST) -> str | None:
    """The name a function registers as a fixture, or None if it is not a fixture."""
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if ast.unparse(target) in ("pytest.fixture", "fixture"):
            if isinstance(decorator, ast.Call):
                for keyword in decorator.keywords:
                    if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                        return keyword.value.value
            return node.name
    return None


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(TESTS.parent)}:{node.lineno}"


def duplicate_fixtures(trees) -> dict[str, list[str]]:
    definitions = defaultdict(list)
    for path, tree in trees:
        for node in ast.walk(tree):
            if name := fixture_name(node):
                definitions[name].append(where(path, node))
    return {name: places for name, places in definitions.items() if len(places) > 1}


def plugin_lists(trees) -> list[str]:
    return [
        where(path, node)
        for path, tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Name | ast.Attribute)
        and (node.id if isinstance(node, ast.Name) else node.attr) == "pytest_plugins"
    ]


def star_imports(trees) -> list[str]:
    return [
        where(path, node)
        for path, tree in trees
        if path != SETTINGS
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names)
    ]


def conftest_imports(trees) -> list[str]:
    found = []
    for path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                named = [node.module or "", *(alias.name for alias in node.names)]
            elif isinstance(node, ast.Import):
                named = [alias.name for alias in node.names]
            else:
                continue
            if any(part.startswith("conftest") for name in named for part in name.split(".")):
                found.append(where(path, node))
    return found


def test_each_fixture_name_is_defined_once():
    twice = duplicate_fixtures(modules())
    assert not twice, f"defined more than once (rename one to say what it is): {twice}"


def test_no_module_uses_pytest_plugins():
    found = plugin_lists(modules())
    assert not found, f"put shared fixtures in the folder's conftest.py instead: {found}"


def test_no_module_imports_star():
    found = star_imports(modules())
    assert not found, f"import names one by one (fixtures come from conftest.py): {found}"


def test_no_module_imports_from_a_conftest():
    found = conftest_imports(modules())
    assert not found, f"import builders from tests.factories, not from a conftest: {found}"


def test_the_checks_catch_what_they_forbid():
    """Each check finds its pattern in a sample, so the checks above cannot pass vacuously."""
    first = TESTS / "decisions" / "test_a.py"
    second = TESTS / "meetings" / "test_b.py"
    sample = [
        (
            first,
            ast.parse(
                "import pytest\n"
                "from tests.meetings.conftest_reports import *\n"
                "pytest_plugins = ['tests.decisions.conftest_trail']\n"
                "@pytest.fixture\ndef meeting(): ...\n"
            ),
        ),
        (
            second,
            ast.parse(
                "import pytest\n"
                "from tests.meetings import conftest_packs\n"
                "@pytest.fixture(name='meeting')\ndef exempt_meeting(): ...\n"
                "def viewer(): ...\n"
            ),
        ),
    ]
    assert duplicate_fixtures(sample) == {
        "meeting": ["tests/decisions/test_a.py:5", "tests/meetings/test_b.py:4"]
    }
    assert plugin_lists(sample) == ["tests/decisions/test_a.py:3"]
    assert star_imports(sample) == ["tests/decisions/test_a.py:2"]
    assert conftest_imports(sample) == [
        "tests/decisions/test_a.py:2",
        "tests/meetings/test_b.py:2",
    ]
