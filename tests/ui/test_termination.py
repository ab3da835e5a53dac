"""SIGTERM (a logout, ``kill``) closes the window as the user would: exit code 0, the
layout kept, nothing left running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.processes import catches, children, terminate, wait_for

ROOT = Path(__file__).resolve().parents[2]


def test_sigterm_closes_the_window_and_exits_with_0(tmp_path):
    db = tmp_path / "a.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    window = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: catches(window.pid), 120, "the window's SIGTERM handler")
        wait_for(lambda: children(window.pid), 60, "the suggestion helper")
        helper = children(window.pid)[0]
        terminate(window)
    finally:
        window.kill()
    layout = Path(os.environ["XDG_CONFIG_HOME"]) / "annotator" / "window.ini"
    assert "geometry" in layout.read_text(encoding="utf-8")
    wait_for(lambda: not Path(f"/proc/{helper}").exists(), 10, "the helper to end")
