"""core knows neither Qt nor the database; store knows no Qt; only ui imports PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def files(where: str) -> list[Path]:
    return sorted((PACKAGE / where).rglob("*.py")) if where else sorted(PACKAGE.glob("*.py"))


@pytest.mark.parametrize(
    ("where", "forbidden"),
    [
        ("core", ("PySide6", "sqlalchemy", "alembic", "annotator.store", "annotator.ui")),
        ("store", ("PySide6", "annotator.ui")),
        ("", ("PySide6",)),
    ],
)
def test_layer_imports(where, forbidden):
    checked = files(where)
    assert checked
    for path in checked:
        bad = {m for m in imported_modules(path) if m.split(".")[0] in forbidden or m in forbidden}
        bad |= {m for m in imported_modules(path) for f in forbidden if m.startswith(f + ".")}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"
