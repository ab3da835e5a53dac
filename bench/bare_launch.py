"""The floor of a launch (bench/launch.py): a bare PySide6 process that reads a text from a
file, shows it in a QPlainTextEdit and paints the highlights of the spans on its first
screen, each in its label's tint. Nothing else: no database, no other widget.

    python bench/bare_launch.py TEXT SPANS WIDTH HEIGHT TINT...

TEXT is UTF-8; SPANS holds int32 triples (start, end, label) in code points, sorted by
start; TINT is the background (#rrggbb) of label 0, 1, ... Runs until it is killed.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from pathlib import Path

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit


def main() -> int:
    text_file, spans_file, width, height, *tints = sys.argv[1:]
    app = QApplication(sys.argv[:1])
    text = Path(text_file).read_text(encoding="utf-8")
    view = QPlainTextEdit()
    view.setReadOnly(True)
    font = view.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.0) + 1)  # the app's reading size
    view.setFont(font)
    view.resize(int(width), int(height))
    view.setPlainText(text)
    view.show()

    # The last character on screen, in UTF-16 units, then in code points.
    block, bottom = view.firstVisibleBlock(), view.viewport().height()
    while block.next().isValid():
        if view.blockBoundingGeometry(block).translated(view.contentOffset()).top() > bottom:
            break
        block = block.next()
    units = block.position() + block.length()
    shown = text[:units]
    astral = [i for i, c in enumerate(shown) if ord(c) > 0xFFFF]  # two units each
    end = units - len(astral)  # ~ code points on screen (a few extra are harmless)

    spans = array("i")
    spans.frombytes(Path(spans_file).read_bytes())
    starts = spans[0::3]
    formats = []
    for tint in tints:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(tint))
        formats.append(fmt)
    selections = []
    for i in range(bisect_left(starts, end)):
        start, stop, label = spans[3 * i : 3 * i + 3]
        cursor = QTextCursor(view.document())
        cursor.setPosition(start + bisect_left(astral, start))
        cursor.setPosition(stop + bisect_left(astral, stop), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = formats[label]
        selections.append(selection)
    view.setExtraSelections(selections)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
