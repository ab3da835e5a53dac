"""No user-visible text is handed to a widget without going through tr(): a literal string
(or f-string with words of its own) passed to a call that shows text is a failure. Strings
held in variables first are not seen here; the translated-window tests catch those."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import annotator.ui

# Calls whose string arguments a user reads.
SHOWN = {
    *("setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "showMessage"),
    *("addAction", "addMenu", "setStatusTip", "QLabel", "QPushButton", "QAction"),
    *("QCheckBox", "QGroupBox", "QRadioButton", "QToolButton", "setHeaderLabels"),
    *("addItem", "addItems", "setAccessibleName", "setAccessibleDescription"),
    *("setWhatsThis", "setTabText", "addTab", "addRow", "information", "warning"),
    *("critical", "question", "setTitle", "setLabelText", "setInformativeText"),
    *("setDetailedText", "addButton", "setSpecialValueText", "setSuffix", "setPrefix"),
    *("getText", "getItem", "getSaveFileName", "getOpenFileName", "getExistingDirectory"),
    *("setPlainText", "setHtml", "setMarkdown", "QMenu", "setNameFilter"),
}
LOGGERS = {"log", "logger", "logging"}
TAG = re.compile(r"<[^>]*>|&\w+;")


def words(node: ast.expr) -> list[ast.expr]:
    """The parts of ``node`` that are literal text with a letter in it (HTML tags and
    entities are not words)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node] if re.search(r"[^\W\d_]", TAG.sub("", node.value)) else []
    if isinstance(node, ast.JoinedStr):
        return [p for v in node.values for p in words(v)]
    if isinstance(node, ast.BinOp):
        return words(node.left) + words(node.right)
    if isinstance(node, ast.IfExp):
        return words(node.body) + words(node.orelse)
    return []


def untranslated(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = getattr(func, "attr", None) or getattr(func, "id", None)
        if name not in SHOWN:
            continue
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", None) in LOGGERS:
            continue
        shown = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
        for part in (p for arg in shown for p in words(arg)):
            found.append(f"{path.name}:{part.lineno}: {ast.unparse(part)[:70]}")
    return found


def test_no_literal_text_reaches_a_widget_untranslated():
    folder = Path(annotator.ui.__file__).parent
    found = [site for path in sorted(folder.glob("*.py")) for site in untranslated(path)]
    assert found == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QLabel('Hello')\n"
        "label.setToolTip(f'{n} rows shown')\n"
        "label.setText(tr('Fine'))\n"
        "label.setText(f'<b>{name}</b>')\n"
        "QLabel(objectName='internalName')\n"
        "log.warning('for the log: %s', x)\n",
        encoding="utf-8",
    )
    assert [site.split(": ", 1)[1] for site in untranslated(sample)] == [
        "'Hello'",
        "' rows shown'",
    ]
