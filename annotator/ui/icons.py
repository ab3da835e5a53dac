"""Small icons drawn in code."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap


def color_icon(color: str, size: int = 14) -> QIcon:
    """A ``size``×``size`` swatch, drawn for each common device pixel ratio: sharp on
    High-DPI screens (Qt picks the nearest)."""
    icon = QIcon()
    for scale in (1.0, 1.25, 1.5, 2.0, 3.0):
        pixmap = QPixmap(round(size * scale), round(size * scale))
        pixmap.fill(QColor(color))
        icon.addPixmap(pixmap)
    return icon
