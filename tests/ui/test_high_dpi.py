"""High-DPI screens: a scale factor only takes effect when the process starts, so the
window is opened in a child process on a screen scaled by 150 % or 200 %."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from annotator.app.opening import open_store
from annotator.ui.app import application, create_window

app = application()
store = open_store(sys.argv[1], seed=True)
window = create_window(store)
window.show()
app.processEvents()
ratio = window.devicePixelRatio()
dialog = window.show_statistics()
app.processEvents()
dialog.save_chart(sys.argv[2])
chart = dialog.chart
icon = window.label_actions["claim"].icon().pixmap(QSize(14, 14), ratio)
strip = window.overview.grab()
print(json.dumps({
    "ratio": ratio,
    "chart": [chart.width(), chart.height()],
    "png": [QImage(sys.argv[2]).width(), QImage(sys.argv[2]).height()],
    "icon": [icon.width(), icon.devicePixelRatio()],
    "strip": [window.overview.height(), strip.height()],
}))
window.close()
store.close()
"""


@pytest.mark.parametrize(
    ("variable", "value", "ratio"),
    [
        ("QT_SCREEN_SCALE_FACTORS", "1.5", 1.5),  # a 150 % screen: not rounded up to 2
        ("QT_SCALE_FACTOR", "2", 2.0),
    ],
)
def test_window_paints_at_the_screens_pixel_ratio(tmp_path, variable, value, ratio):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_SCALE_FACTOR")}
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    env.update(
        {variable: value, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "a.db"), str(tmp_path / "chart.png")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["ratio"] == ratio
    # The saved chart has a pixel per device pixel: ratio times its size on screen.
    assert seen["png"] == [round(seen["chart"][0] * ratio), round(seen["chart"][1] * ratio)]
    assert seen["icon"] == [round(14 * ratio), ratio]
    assert seen["strip"][1] == round(seen["strip"][0] * ratio)
