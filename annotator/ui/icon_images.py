"""The application icon as PNG images, drawn from its SVG (for desktops that want
fixed sizes). Needs no display and no application object."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def png_icons(svg: Path, sizes: Iterable[int]) -> dict[int, bytes]:
    """``svg`` drawn on a transparent square of each size, as PNG bytes by size.
    Raises ``ValueError`` naming the file when it is not an SVG image Qt can draw."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not an SVG image that can be drawn")
    out = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise ValueError(f"{svg}: could not be written as a {size}×{size} PNG")
        out[size] = bytes(data.data())
    return out
