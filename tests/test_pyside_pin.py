"""PySide6 6.12.0 aborts Python 3.11 after a few thousand void Qt calls
(docs/measured-facts.md §1)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import version

SCRIPT = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication, QPlainTextEdit
    app = QApplication([])
    edit = QPlainTextEdit()
    edit.setPlainText("x" * 100)
    cursor = QTextCursor(edit.document())
    for i in range(20_000):
        cursor.setPosition(i % 100)
        edit.setReadOnly(i % 2 == 0)
    print("survived")
    """
)


def test_twenty_thousand_void_setter_calls_do_not_abort():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert result.stdout.strip() == b"survived"


def test_installed_pyside_respects_the_pin():
    major, minor = (int(part) for part in version("PySide6-Essentials").split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12)
    assert (major, minor) >= (6, 11)
