"""Killing the process right after a keystroke loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.processes import children
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


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_window_takes_its_suggestion_helper_with_it(tmp_path, how):
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(tmp_path / "a.db")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(600):  # the helper starts after the window's first paint
            helpers = children(process.pid)
            if helpers:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the suggestion helper never started")
        assert len(helpers) == 1  # one plain process: no resource tracker beside it
        command = Path(f"/proc/{helpers[0]}/cmdline").read_bytes().split(b"\0")
        assert b"annotator.core.suggest.worker" in command
        process.send_signal(how)
        _out, err = process.communicate(timeout=60)  # the helper shares its error output
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    # SIGTERM closes the window as the user would (annotator/ui/termination.py): exit 0.
    assert process.returncode == (0 if how == signal.SIGTERM else -how)
    for _ in range(50):  # reparented, it may take its parent's watch a moment to see it
        if not running(helpers[0]):
            break
        time.sleep(0.1)
    assert not running(helpers[0])
    assert b"leaked semaphore" not in err, err.decode()
    assert b"Traceback" not in err, err.decode()
    assert b"Exception ignored" not in err, err.decode()
