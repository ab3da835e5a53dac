"""PositionMap against the real Qt document: every code point lands on itself."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from annotator.core.offsets import PositionMap
from annotator.core.text import normalise_text
from annotator.ui.text_view import DocumentView
from tests.core.test_offsets import TORTURE

SEPARATORS = {"\n": "\u2029", "\r": "\u2029", "\u2029": "\u2029"}


def qt_chars(doc: QTextDocument) -> str:
    return "".join(doc.characterAt(i) for i in range(doc.characterCount()))


@pytest.mark.parametrize(
    "text",
    [TORTURE, normalise_text(TORTURE), "\ufeff" + TORTURE, "\ufeff"],
    ids=["raw", "normalised", "double-bom", "bom-only"],
)
def test_every_code_point_maps_to_its_qt_character(qtbot, text):
    view = DocumentView()
    qtbot.addWidget(view)
    view.setPlainText(text)
    mapping = PositionMap(text)
    chars = qt_chars(view.document())
    assert mapping.qt_length == view.document().characterCount() - 1
    for i, ch in enumerate(text):
        position = mapping.to_qt(i)
        if i == 0 and ch == "\ufeff":
            assert position == mapping.to_qt(1)  # Qt drops a leading BOM
            continue
        units = ch.encode("utf-16-le").decode("utf-16-le", "surrogatepass")
        if ch == "\n" and text[i - 1 : i] == "\r":
            assert chars[position] == "\u2029"  # the LF shares the CR's separator
            continue
        got = chars[position : position + (2 if ord(ch) > 0xFFFF else 1)]
        expected = SEPARATORS.get(ch, units)
        assert got.encode("utf-16-le", "surrogatepass") == expected.encode("utf-16-le"), (i, ch)


def test_selected_span_and_select_span_round_trip_in_the_widget(qtbot):
    text = normalise_text(TORTURE)
    view = DocumentView()
    qtbot.addWidget(view)
    view.show_text(text, [])
    for needle in ["😀", "👨\u200d👩\u200d👧", "🇭🇰", "e\u0301", "市民", "\u2028line", "𝔫𝔦"]:
        start = text.index(needle)
        view.select_span(start, start + len(needle))
        assert view.selected_span() == (start, start + len(needle))
        assert view.textCursor().selectedText().replace("\u2029", "\n") == needle
