"""Small icons drawn in code."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap


def color_icon(color: str, size: int = 14) -> QIcon:
    """A square swatch of ``color``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
