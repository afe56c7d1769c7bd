"""The runtime never depends on the development tooling (``aidguide.stack``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from aidguide.config import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "aidguide"
RUNTIME_MODULES = sorted(
    [p for p in PACKAGE.rglob("*.py") if not p.is_relative_to(PACKAGE / "stack")]
    + list((REPO_ROOT / "actions").glob("*.py"))
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_scan_sees_the_runtime() -> None:
    relative = {p.relative_to(REPO_ROOT).as_posix() for p in RUNTIME_MODULES}
    assert {"src/aidguide/api/app.py", "actions/aids.py", "src/aidguide/text.py"} <= relative


@pytest.mark.parametrize("path", RUNTIME_MODULES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_no_runtime_module_imports_the_tooling(path: Path) -> None:
    tooling = {m for m in imported_modules(path) if m.split(".")[:2] == ["aidguide", "stack"]}
    assert tooling == set()


def test_the_check_would_see_an_import_of_the_tooling(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text("from aidguide.stack.launcher import Stack\nimport aidguide.stack.model\n")
    assert {"aidguide.stack.launcher", "aidguide.stack.model"} <= imported_modules(module)
