"""The marker margin: a cue besides colour for each label, beside the lines where spans
begin."""

from __future__ import annotations

from PySide6.QtCore import Qt


def chip_colour(app, top, height, index, count):
    """The colour painted inside the ``index``-th of ``count`` single-letter marker chips
    of a line (they sit right-aligned, next to the text)."""
    margin = app.view.margin
    image = margin.grab().toImage()
    ratio = image.devicePixelRatio()
    chip = margin.fontMetrics().horizontalAdvance("C") + 6
    left = margin.width() - 6 - chip * count - 2 * (count - 1)
    x = left + (chip + 2) * index + 2
    y = top + height // 2
    return image.pixelColor(round(x * ratio), round(y * ratio)).name()


def test_markers_show_where_spans_begin_and_follow_changes(app):
    app.tag("2,000 new security cameras", Qt.Key.Key_3)
    app.tag("to be installed in Hong Kong", Qt.Key.Key_1)
    lines = app.view.margin.lines()
    assert [labels for _top, _h, labels in lines] == [["claim", "statistic"]]
    top, height, _ = lines[0]
    # The line of the text where the spans begin.
    cursor = app.view.textCursor()
    cursor.setPosition(app.qt_pos(app.text.index("2,000 new")))
    line_rect = app.view.cursorRect(cursor)
    assert abs((top + height / 2) - line_rect.center().y()) <= height / 2
    assert chip_colour(app, top, height, 0, 2) == "#0072b2"  # C, in claim's colour
    assert chip_colour(app, top, height, 1, 2) == "#009e73"  # S, in statistic's colour
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the claim goes
    assert [labels for _t, _h, labels in app.view.margin.lines()] == [["statistic"]]
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.view.margin.lines() == []


def test_a_span_starting_on_a_wrapped_line_is_marked_on_that_line(app):
    app.window.resize(900, 700)
    app.qtbot.waitUntil(lambda: app.window.width() == 900)
    app.window.splitter.setSizes([250, 400, 250])  # narrow: the first paragraph wraps
    app.qtbot.waitUntil(lambda: app.view.width() < 500)
    starts = {
        "claim": app.tag("Hong Kong Police Commissioner", Qt.Key.Key_1),
        "refusal": app.tag("privacy of citizens", Qt.Key.Key_2),
    }
    tops = {labels[0]: (top, height) for top, height, labels in app.view.margin.lines()}
    assert set(tops) == {"claim", "refusal"}
    for name, start in starts.items():
        cursor = app.view.textCursor()
        cursor.setPosition(app.qt_pos(start))
        top, height = tops[name]
        assert abs(app.view.cursorRect(cursor).center().y() - (top + height / 2)) < height / 2
    assert tops["refusal"][0] > tops["claim"][0]  # same paragraph, a later line
