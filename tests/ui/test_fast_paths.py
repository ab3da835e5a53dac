"""The fast paths of the text view agree with the plain way on random data: highlights
given only as blocks are painted, and the overview strip updated one annotation at a time."""

from __future__ import annotations

import random
from datetime import datetime

from PySide6.QtGui import QColor, QTextCharFormat

from annotator.core.model import Annotation, Label
from annotator.ui.overview import OverviewStrip
from annotator.ui.text_view import DocumentView

T = datetime(2026, 1, 1)
LABELS = [Label("claim", "#0072b2"), Label("refusal", "#d55e00"), Label("statistic", "#009e73")]
PIECES = ["word ", "😀 ", "市民 ", "\n", "\n\n", "\r\n", "e\u0301 ", "مرحبا "]


def random_case(rng):
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 400)))
    annotations = []
    for i in range(rng.randint(0, 40)):
        start = rng.randrange(0, len(text))
        end = min(len(text), start + rng.randint(1, 60))
        annotations.append(
            Annotation(f"a{i}", "d", rng.choice(LABELS).name, start, end, None, "x", T, T)
        )
    return text, annotations


def drawn(view):
    """(background, underline) colour names at each Qt position of the text, as the
    formats of every block (each formatted as painting it would) give them."""
    out = []
    block = view.document().begin()
    while block.isValid():
        view.highlighter.ensure_block(block)
        cells = [None] * (block.length() - 1)
        for r in block.layout().formats():
            fmt = QTextCharFormat(r.format)
            style = (fmt.background().color().name(), fmt.underlineColor().name())
            cells[r.start : r.start + r.length] = [style] * r.length
        out.extend(cells)
        out.append(None)  # the block's separator
        block = block.next()
    return out[:-1]


def expected(view, text, annotations):
    """The same, worked out character by character from the spans over it: the
    innermost (shortest) span's tint, and the next one out as the underline."""
    highlighter = view.highlighter
    out = []
    for i, char in enumerate(text):
        covering = [(a.start, a.end, a.id, a.label) for a in annotations if a.start <= i < a.end]
        style = None
        if covering:
            fmt = highlighter._format_for(covering)
            style = (fmt.background().color().name(), fmt.underlineColor().name())
        if text.startswith("\r\n", i - 1) and i > 0:
            continue  # a CRLF pair is one position, its CR's
        if char == "\n" or text.startswith("\r\n", i):
            style = None  # a block separator: not drawn as text
        out.extend([style] * (2 if ord(char) > 0xFFFF else 1))
    return out


def test_highlights_drawn_block_by_block_equal_a_reference_per_character(qtbot):
    rng = random.Random(3)
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_labels(LABELS)
    view.resize(300, 200)
    view.show()
    for _ in range(30):
        text, annotations = random_case(rng)
        view.show_text(text, annotations)  # blocks only out of date
        assert drawn(view) == expected(view, text, annotations)
        # Changes to a few spans format again only the blocks they touch.
        shown = list(annotations)
        for step in range(10):
            if shown and rng.random() < 0.5:
                gone = shown.pop(rng.randrange(len(shown)))
                view.remove_annotation(gone.id)
            else:
                start = rng.randrange(0, len(text))
                end = min(len(text), start + rng.randint(1, 60))
                new = Annotation(
                    f"n{step}", "d", rng.choice(LABELS).name, start, end, None, "x", T, T
                )
                view.add_annotation(new)
                shown.append(new)
            assert drawn(view) == expected(view, text, shown)


def test_the_first_screen_is_highlighted_when_painted(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_labels(LABELS)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    text = "first line tagged\n" + "filler\n" * 500 + "last line tagged\n"
    last = text.rindex("last")
    view.show_text(
        text,
        [
            Annotation("a", "d", "claim", 0, 5, None, "x", T, T),
            Annotation("b", "d", "refusal", last, last + 4, None, "x", T, T),
        ],
    )
    first = view.document().begin()
    end = view.document().lastBlock().previous()
    assert first.layout().formats() == [] and end.layout().formats() == []  # only marked
    view.viewport().grab()  # paints it
    assert len(first.layout().formats()) == 1  # painted: formatted
    assert end.layout().formats() == []  # off screen: still waiting


def test_overview_added_one_by_one_equals_drawn_at_once(qtbot):
    rng = random.Random(5)
    for _ in range(30):
        text, annotations = random_case(rng)
        at_once, one_by_one = OverviewStrip(), OverviewStrip()
        height = rng.randint(50, 900)
        for strip in (at_once, one_by_one):
            qtbot.addWidget(strip)
            strip.resize(12, height)
        at_once.show_annotations(len(text), annotations)
        half = len(annotations) // 2
        one_by_one.show_annotations(len(text), annotations[:half])
        one_by_one.runs()  # drawn once before the rest come
        for ann in annotations[half:]:
            one_by_one.add(ann)
        assert sorted(one_by_one.runs()) == sorted(at_once.runs())


def test_each_label_has_its_lane_so_dense_spans_do_not_hide_others(qtbot):
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.set_colors({label.name: label.color for label in LABELS})
    strip.resize(OverviewStrip.WIDTH, 400)
    strip.show()
    qtbot.waitExposed(strip)
    # Every line of a long text holds a claim and a statistic.
    annotations = [
        Annotation(f"{label}{i}", "d", label, i * 100, i * 100 + 90, None, "x", T, T)
        for i in range(1000)
        for label in ("claim", "statistic")
    ]
    strip.show_annotations(100_000, annotations)
    image = strip.grab().toImage()
    lane = (OverviewStrip.WIDTH - 4) / 3
    for y in (10, 200, 390):
        assert image.pixelColor(int(2 + lane * 0.5), y).name() == "#0072b2"  # claim's lane
        assert image.pixelColor(int(2 + lane * 2.5), y).name() == "#009e73"  # statistic's
        assert image.pixelColor(int(2 + lane * 1.5), y) == strip.palette().window().color()


def test_label_counts_kept_by_the_list_model_equal_a_fresh_count(qtbot):
    from collections import Counter

    from annotator.ui.table_models import AnnotationTableModel

    rng = random.Random(8)
    model = AnnotationTableModel()
    text, annotations = random_case(rng)
    model.set_annotations(text, annotations[:10])
    shown = list(annotations[:10])
    for ann in annotations[10:]:
        if shown and rng.random() < 0.4:
            gone = shown.pop(rng.randrange(len(shown)))
            model.remove(gone.id)
        model.insert(ann)
        shown.append(ann)
        assert model.label_counts() == Counter(a.label for a in shown)


def test_the_list_filter_shows_every_row_again_when_cleared(app):
    from PySide6.QtCore import Qt

    for phrase, key in (
        ("615 new", Qt.Key.Key_3),
        ("refused", Qt.Key.Key_2),
        ("2,000 new", Qt.Key.Key_3),
    ):
        app.tag(phrase, key)
    window = app.window
    window.label_filter.setCurrentIndex(window.label_filter.findData("refusal"))
    assert window.apply_list_filter() == 1
    window.label_filter.setCurrentIndex(0)  # all labels: the pass runs to unhide
    hidden = [
        r
        for r in range(window.annotations_model.rowCount())
        if window.annotations_view.isRowHidden(r)
    ]
    assert hidden == [] and window.apply_list_filter() == 3
    app.tag("CCTV cameras will", Qt.Key.Key_1)  # nothing hidden: the fast path
    assert not any(window.annotations_view.isRowHidden(r) for r in range(4))


def test_the_list_model_orders_any_input_as_sorting_would_and_finds_rows_by_key(qtbot):
    from annotator.ui.table_models import AnnotationTableModel

    rng = random.Random(9)
    model = AnnotationTableModel()
    for _ in range(30):
        text, annotations = random_case(rng)
        ordered = sorted(annotations, key=lambda a: (a.start, a.end, a.label, a.id))
        shuffled = list(annotations)
        rng.shuffle(shuffled)
        for given in (ordered, shuffled):  # the store's order (no sort) and any other
            model.set_annotations(text, given)
            assert model.annotations() == ordered
            for row, ann in enumerate(ordered):
                assert model.row_of_annotation(ann) == row == model.row_of(ann.id)


def test_the_list_paints_the_same_with_all_roles_in_one_call_as_role_by_role(qtbot):
    from PySide6.QtCore import QAbstractTableModel
    from PySide6.QtWidgets import QTableView

    from annotator.ui.table_models import AnnotationTableModel

    class RoleByRole(AnnotationTableModel):
        def multiData(self, index, roles):  # Qt's own: one data() call per role
            QAbstractTableModel.multiData(self, index, roles)

    rng = random.Random(4)
    text, annotations = random_case(rng)
    images = []
    for kind in (AnnotationTableModel, RoleByRole):
        model = kind()
        model.set_labels(LABELS)
        model.set_annotations(text, annotations)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(500, 600)
        view.show()
        qtbot.waitExposed(view)
        images.append(view.viewport().grab().toImage())
    assert len(annotations) > 10 and images[0] == images[1]
    assert images[0] != QTableView().viewport().grab().toImage()  # something was drawn


def test_margin_lines_for_a_strip_hold_every_line_that_reaches_into_it(qtbot):
    from PySide6.QtCore import QRect

    rng = random.Random(6)
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_labels(LABELS)
    view.resize(400, 500)
    view.show()
    qtbot.waitExposed(view)
    for _ in range(10):
        text, annotations = random_case(rng)
        view.show_text(text, annotations)
        every = view.margin.lines()
        for _ in range(10):
            top = rng.randrange(0, 500)
            strip = QRect(0, top, view.margin.width(), rng.randint(1, 200))
            found = view.margin.lines(strip)  # of the blocks reaching in: a few more
            reaching = [ln for ln in every if ln[0] <= strip.bottom() and ln[0] + ln[1] >= top]
            assert all(line in found for line in reaching)
            assert all(line in every for line in found)


def test_margin_marks_spans_starting_at_a_leading_bom_or_inside_a_crlf(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_labels(LABELS)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    text = "\ufeffHello world\r\nNext line\r\nLast"
    lf = text.index("\n")
    view.show_text(
        text,
        [
            Annotation("bom", "d", "claim", 0, 6, None, "x", T, T),  # from the BOM
            Annotation("lf", "d", "refusal", lf, lf + 5, None, "x", T, T),  # from the LF
            Annotation("cr", "d", "statistic", lf - 1, lf + 3, None, "x", T, T),  # the CR
        ],
    )
    marked = [labels for _top, _height, labels in view.margin.lines()]
    assert marked == [["claim", "refusal", "statistic"]]  # all begin in the first block


def test_a_span_added_or_removed_is_repainted_on_screen(qtbot):
    from PySide6.QtWidgets import QApplication

    from annotator.ui.highlighter import TINT, tint

    view = DocumentView()
    qtbot.addWidget(view)
    view.set_labels(LABELS)
    view.resize(500, 400)
    view.show()
    qtbot.waitExposed(view)
    text = "Plain words here.\n" * 40
    view.show_text(text, [])
    QApplication.processEvents()  # painted once, without highlights

    def on_screen(offset):
        """The colour on screen (the window's backing store, not a fresh rendering) in
        the middle of the character at ``offset``."""
        cursor = view.textCursor()
        cursor.setPosition(view.qt_position(offset))
        rect = view.cursorRect(cursor)
        point = view.viewport().mapTo(view.window(), rect.center())
        shot = view.screen().grabWindow(view.window().winId()).toImage()
        ratio = shot.devicePixelRatio()
        return shot.pixelColor(int((point.x() + 3) * ratio), int(point.y() * ratio))

    start = text.index("words", 18 * 8)  # a line down the view
    base = on_screen(start)
    view.add_annotation(Annotation("a", "d", "claim", start, start + 5, None, "x", T, T))
    QApplication.processEvents()  # only what was marked for repainting is painted
    expected = tint(QColor(LABELS[0].color), TINT, view.palette())
    assert on_screen(start).name() == expected.name() != base.name()
    view.remove_annotation("a")
    QApplication.processEvents()
    assert on_screen(start).name() == base.name()
