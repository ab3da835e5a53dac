"""Nested suggestion outlines are drawn inside the ones around them, counted per line."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from annotator.core.suggest import Suggestion
from annotator.ui.suggestion_outlines import nestings


def box(left, right, top=0.0):
    return QRectF(left, top, right - left, 18.0)


def test_each_box_counts_the_longer_boxes_around_it_on_its_own_line_up_to_two():
    outer = Suggestion("claim", 0, 100, 0.6, "r", "claim:a")
    middle = Suggestion("refusal", 10, 50, 0.7, "r", "refusal:b")
    inner = Suggestion("statistic", 20, 30, 0.8, "r", "statistic:c")
    innermost = Suggestion("statistic", 22, 25, 0.8, "r", "statistic:d")
    below = Suggestion("claim", 200, 210, 0.6, "r", "claim:e")
    outlines = [
        (box(0, 500), outer),
        (box(50, 250), middle),
        (box(100, 150), inner),
        (box(110, 125), innermost),
        (box(100, 150, top=20.0), below),  # another line: nothing encloses it
    ]
    assert nestings(outlines) == [0, 1, 2, 2, 0]


def test_a_page_of_many_outlines_is_counted_line_by_line():
    outlines = [
        (box(10 * i, 10 * i + 8, top=20.0 * line), Suggestion("claim", i, i + 1, 0.5, "r", "c"))
        for line in range(60)
        for i in range(40)
    ]
    assert nestings(outlines) == [0] * 2400
