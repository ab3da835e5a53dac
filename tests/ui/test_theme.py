"""Light and dark palettes: everything the app paints itself follows the palette, live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from annotator.core.colors import MIN_CONTRAST, contrast
from annotator.main import main
from annotator.ui.icons import color_icon
from annotator.ui.properties_dialog import PropertiesDialog
from annotator.ui.theme import apply_theme, rgb, theme_palette
from tests.ui.conftest import label_tint

BLUE = "#0072b2"
ROLE = QPalette.ColorRole


@pytest.fixture
def use_palette(qapp):
    """``use_palette("dark")`` switches the whole application, as the system would."""
    original = QApplication.palette()

    def switch(theme: str) -> None:
        QApplication.setPalette(theme_palette(theme))
        QApplication.processEvents()

    yield switch
    QApplication.setPalette(original)


def legible(background: QColor, text: QColor) -> bool:
    return contrast(rgb(background), rgb(text)) >= MIN_CONTRAST


def painted_background(app, start: int, end: int) -> QColor:
    """The colour most painted behind code points ``start..end`` (one line) on screen."""
    view = app.view
    app.set_selection(start, start)  # no selection drawn over it; scrolled into view
    view.ensureCursorVisible()
    first = app.qt_pos(start)
    cursor = view.textCursor()
    cursor.setPosition(first)
    left = view.cursorRect(cursor)
    cursor.setPosition(app.qt_pos(end))
    right = view.cursorRect(cursor)
    assert left.top() == right.top(), "the span must be on one line"
    image = view.viewport().grab().toImage()
    counts: dict[str, int] = {}
    for x in range(left.left() + 3, right.left() - 2):  # clear of the caret
        for y in range(left.top(), left.bottom()):
            name = image.pixelColor(x, y).name()
            counts[name] = counts.get(name, 0) + 1
    return QColor(max(counts, key=counts.__getitem__))


def test_highlights_on_a_dark_palette_are_dark_distinct_and_legible(make_window, use_palette):
    use_palette("dark")
    app = make_window()
    starts = [
        app.tag("Raymond Siu", Qt.Key.Key_1),
        app.tag("it is not appropriate for disclosure", Qt.Key.Key_2),
        app.tag("615 new CCTV cameras", Qt.Key.Key_3),
    ]
    text = app.view.palette().color(ROLE.Text)
    base = app.view.palette().color(ROLE.Base)
    assert base.lightness() < 64  # the view itself follows the palette
    painted = [painted_background(app, s, s + 3) for s in starts]
    for start, color in zip(starts, painted, strict=True):
        assert color == app.background_at(start)  # what is drawn is the highlight
        assert color.lightness() < 128  # darker than mid-grey: no white-ish blocks
        assert color != base
        assert legible(color, text)
    assert len({color.name() for color in painted}) == 3  # one colour per label


def test_switching_to_dark_and_back_live_repaints_highlights_and_find_hits(app, use_palette):
    start = app.tag("Raymond Siu", Qt.Key.Key_1)
    assert app.window.find("cameras") > 1
    light = app.background_at(start)
    assert light == label_tint(BLUE) and light.lightness() > 160
    hits = app.view.extraSelections()
    assert hits[0].format.background().color().name() == "#ffe066"  # as before, on white

    use_palette("dark")  # the system switches while the window is open
    text = app.view.palette().color(ROLE.Text)
    dark = app.background_at(start)
    assert dark == label_tint(BLUE) and dark.lightness() < 128 and legible(dark, text)
    assert painted_background(app, start, start + 3) == dark
    dark_hits = app.view.extraSelections()
    assert len(dark_hits) == len(hits)
    hit = dark_hits[0].format.background().color()
    assert hit.lightness() < 128 and legible(hit, text)
    assert hit.red() > hit.blue() + 20  # still a yellow hue, unlike the label tints

    use_palette("light")
    assert app.background_at(start) == light
    assert app.view.extraSelections()[0].format.background().color().name() == "#ffe066"


def test_overview_strip_and_statistics_chart_paint_on_the_palette(app, use_palette):
    late = app.tag("it is not appropriate for disclosure", Qt.Key.Key_2)
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    use_palette("dark")
    strip = app.window.overview
    image = strip.grab().toImage()
    window = strip.palette().color(ROLE.Window)
    assert window.lightness() < 64
    assert image.pixelColor(0, 0) == window and image.pixelColor(strip.width() - 1, 5) == window
    assert image.pixelColor(strip.width() // 2, int(strip.y_of(late)) + 1).name() == "#d55e00"

    chart = app.window.show_statistics().chart
    base = chart.palette().color(ROLE.Base)
    image = chart.grab().toImage()
    assert base.lightness() < 64 and image.pixelColor(2, chart.height() - 2) == base
    corpus = chart.bar_rect(2, "corpus").center()
    document = chart.bar_rect(2, "document").center()
    solid = image.pixelColor(int(corpus.x()), int(corpus.y()))
    faded = image.pixelColor(int(document.x()), int(document.y()))
    assert solid.name() == "#009e73"
    assert faded != base and faded.lightness() < solid.lightness()  # faded into the dark
    # The caption is drawn in the palette's (light) text colour.
    caption = [image.pixelColor(x, y) for x in range(chart.width()) for y in range(2, 20)]
    assert max(c.lightness() for c in caption) > 180
    use_palette("light")
    image = chart.grab().toImage()
    assert image.pixelColor(2, chart.height() - 2).name() == "#ffffff"
    assert max(c.lightness() for c in caption) > 180


def test_the_properties_problem_stays_readable_on_either_palette(app, use_palette, qtbot):
    use_palette("dark")
    dialog = PropertiesDialog(app.window, app.window.document)
    qtbot.addWidget(dialog)
    dialog.title.setText("")
    assert dialog.problem.text() == "A document needs a title."

    def problem_legible() -> bool:
        dialog.problem.ensurePolished()
        red = dialog.problem.palette().color(ROLE.WindowText)
        return red.red() > red.green() + 60 and legible(red, dialog.palette().color(ROLE.Window))

    assert problem_legible()
    use_palette("light")
    assert problem_legible()


def test_label_swatches_are_drawn_at_the_screen_pixel_ratio(app):
    for ratio, side in ((1.0, 14), (1.5, 21), (2.0, 28)):
        pixmap = color_icon(BLUE).pixmap(QSize(14, 14), ratio)
        assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (side, side, ratio)
        assert pixmap.toImage().pixelColor(side - 1, side - 1).name() == BLUE
    action = app.window.label_actions["claim"]
    assert action.icon().pixmap(QSize(14, 14), 2.0).width() == 28
    assert app.window.label_bar.iconSize() == QSize(14, 14)
    window_icon = app.window.windowIcon().pixmap(QSize(32, 32), 2.0)  # the SVG, drawn anew
    assert window_icon.width() == 64 and window_icon.devicePixelRatio() == 2.0


def test_the_theme_option_forces_a_light_or_dark_palette(qapp, use_palette):
    try:
        apply_theme(qapp, "dark")
        assert QApplication.palette().color(ROLE.Window).lightness() < 64
        assert QApplication.palette().color(ROLE.Text).lightness() > 200
        apply_theme(qapp, "light")
        assert QApplication.palette().color(ROLE.Base).name() == "#ffffff"
        apply_theme(qapp, "system")  # leaves whatever the platform gave
        assert QApplication.palette().color(ROLE.Base).name() == "#ffffff"
        with pytest.raises(ValueError, match="purple"):
            apply_theme(qapp, "purple")
    finally:
        qapp.styleHints().unsetColorScheme()
    with pytest.raises(SystemExit) as exit_info:
        main(["--theme", "purple"])
    assert exit_info.value.code == 2


def test_high_contrast_then_system_gives_the_platform_palette_back(qapp, use_palette):
    platform_base = QApplication.palette().color(ROLE.Base)
    platform_style = qapp.style().name()
    try:
        apply_theme(qapp, "high-contrast")
        palette = QApplication.palette()
        assert palette.color(ROLE.Base).name() == "#000000"
        assert palette.color(ROLE.Text).name() == "#ffffff"
        assert palette.color(ROLE.Highlight).name() == "#ffff00"
        apply_theme(qapp, "system")
        assert QApplication.palette().color(ROLE.Base) == platform_base
        assert qapp.style().name() == platform_style
    finally:
        qapp.styleHints().unsetColorScheme()
