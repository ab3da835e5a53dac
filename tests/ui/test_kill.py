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


def semaphores(pid: int) -> tuple[set[int], set[int]]:
    """The inodes of the named semaphores (multiprocessing's) process ``pid`` has mapped,
    and those of them that still have a name in /dev/shm (a killed process leaks these)."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text(encoding="utf-8")
    except OSError:
        return set(), set()
    mapped = {int(line.split()[4]) for line in maps.splitlines() if "/dev/shm/sem." in line}
    named = set()
    for path in Path("/dev/shm").glob("sem.*"):
        try:
            named.add(path.stat().st_ino)
        except OSError:
            continue
    return mapped, mapped & named


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_window_leaves_no_leaked_semaphores(tmp_path, how):
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
        # The suggestion helper is running once its queues' semaphores are mapped here;
        # they lose their names once it holds them.
        for _ in range(600):
            mapped, named = semaphores(process.pid)
            if mapped and not named:
                break
            time.sleep(0.1)
        else:
            raise AssertionError(f"the helper never settled: {semaphores(process.pid)}")
        process.send_signal(how)
        _out, err = process.communicate(timeout=60)  # until the helper and tracker are gone
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -how
    assert b"leaked semaphore" not in err, err.decode()
    assert b"Traceback" not in err, err.decode()
