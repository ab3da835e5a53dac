"""Run first in every process of the bundle (packaging/annotator.spec), in place of
PyInstaller's own hook for PySide6: that one imports PySide6.QtCore at every start, the
commands' and the suggestion helper's too, which use no Qt (16 MB more for the helper).
This one only says where the bundle's Qt plugins are; Qt's other folders come from the
qt.conf PySide6 registers when the window imports QtCore."""

from __future__ import annotations

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
os.environ["QT_PLUGIN_PATH"] = os.path.join(
    _qt if sys.platform.startswith("win") else os.path.join(_qt, "Qt"), "plugins"
)
