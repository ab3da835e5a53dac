"""Killing the process right after a keystroke loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from tests.ui.conftest import db_annotations

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from annotator.app.opening import open_store
    from annotator.ui.app import create_window

    app = QApplication([])
    window = create_window(open_store(sys.argv[1], seed=True))
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    view = window.text_view
    start = window.document.text.index("615 new CCTV cameras")
    cursor = view.textCursor()
    cursor.setPosition(start)
    view.setTextCursor(cursor)
    for _ in range(20):
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_3)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_sigkill_right_after_tagging_keeps_the_annotation(db_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db_path)],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()
    rows = db_annotations(db_path)
    assert len(rows) == 1
    label, start, end, _who = rows[0]
    assert label == "statistic" and end - start == 20
