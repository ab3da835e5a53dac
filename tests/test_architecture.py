"""The architecture's contracts (pyproject.toml, ``[tool.importlinter]``) hold, and catch
what they are meant to catch: each planted violation in a copy of the package breaks one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).parent / "lint-imports"  # import-linter, a test dependency


def lint(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--no-cache", "--no-logo"],
        cwd=where,
        env={**os.environ, "PYTHONPATH": str(where)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_package_keeps_every_contract():
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("copy")
    shutil.copytree(ROOT / "annotator", where / "annotator", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", where / "pyproject.toml")
    return where


PLANTED = [
    ("core/counts.py", "import PySide6.QtCore", "Only annotator.ui imports Qt"),
    ("core/counts.py", "import annotator.store.store", "no module imports upward"),
    ("core/spans.py", "import sqlalchemy", "core and formats know no database"),
    ("formats/tables.py", "import annotator.store.database", "no module imports upward"),
    ("store/errors.py", "import annotator.ui.theme", "no module imports upward"),
    ("app/opening.py", "import annotator.cli", "no module imports upward"),
    ("ui/theme.py", "import annotator.ui.main_window", "No import cycle"),
]


@pytest.mark.parametrize(("module", "line", "contract"), PLANTED)
def test_a_planted_violation_breaks_its_contract(copy, module, line, contract):
    path = copy / "annotator" / module
    kept = path.read_text(encoding="utf-8")
    path.write_text(kept + f"\n{line}  # planted\n", encoding="utf-8")
    try:
        done = lint(copy)
    finally:
        path.write_text(kept, encoding="utf-8")
    assert done.returncode == 1, done.stdout + done.stderr
    broken = [line for line in done.stdout.splitlines() if line.endswith("BROKEN")]
    assert len(broken) >= 1 and any(contract in line for line in broken), done.stdout


def test_no_module_is_over_900_lines():
    """Modules stay small and named for what they hold."""
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "annotator").rglob("*.py")
    }
    assert len(sizes) > 100
    assert {path: n for path, n in sizes.items() if n > 900} == {}


def test_the_commands_run_where_qt_cannot_be_imported(tmp_path):
    """The command line and everything below it work without Qt (a server, a pipeline)."""
    paper = tmp_path / "a.txt"
    paper.write_text("The council said 40 cameras were installed.\n", encoding="utf-8")
    db = str(tmp_path / "a.db")
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None  # any import of Qt fails\n"
        "from annotator.main import main\n"
        f"codes = [main(['import', '--db', {db!r}, {str(paper)!r}]),\n"
        f"         main(['suggest', '--db', {db!r}, '--apply']),\n"
        f"         main(['export', '--db', {db!r}, '--format', 'csv'])]\n"
        "sys.exit(max(codes))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "statistic" in done.stdout and "40 cameras" in done.stdout
