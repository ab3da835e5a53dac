"""Highlight contrast: the text stays readable (WCAG AA, 4.5:1) on every label's tint,
nested to the deepest tint and drawn as another annotator's, in the light, dark and
high-contrast themes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.app.resources import default_labels
from annotator.core.colors import MIN_CONTRAST, contrast
from annotator.core.labels import PALETTE
from annotator.core.model import Annotation, Label
from annotator.ui.text_view import DocumentView
from annotator.ui.theme import apply_theme, rgb, theme_palette

NOW = datetime(2026, 1, 1, tzinfo=UTC)
WORD = "abcdefgh "  # nine code points a label


def _nested(label: str, at: int, who: str) -> list[Annotation]:
    """Four spans of ``label`` nested at ``at``: depth 1 to 4 inward."""
    return [
        Annotation(f"{label}-{who}-{d}", "doc", label, at + d, at + 8 - d, None, who, NOW, NOW)
        for d in range(4)
    ]


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_text_on_every_label_tint_keeps_wcag_aa_contrast(qtbot, theme):
    palette = theme_palette(theme)
    view = DocumentView()
    qtbot.addWidget(view)
    view.setPalette(palette)
    labels = [Label(f"c{i}", color) for i, color in enumerate(PALETTE)]
    labels += [Label(f"s{i}", lb.color) for i, lb in enumerate(default_labels())]
    view.set_labels(labels)
    view.set_annotator("me")
    annotations: list[Annotation] = []
    for i, label in enumerate(labels):
        annotations += _nested(label.name, 2 * i * len(WORD), "me")
        annotations += _nested(label.name, (2 * i + 1) * len(WORD), "someone else")
    view.show_text(WORD * 2 * len(labels), annotations)
    QApplication.processEvents()
    text = rgb(palette.color(QPalette.ColorRole.Text))
    base = rgb(palette.color(QPalette.ColorRole.Base))
    block = view.document().firstBlock()
    view.highlighter.ensure_block(block)  # as painting it does
    seen = set()
    for piece in block.layout().formats():
        background = rgb(piece.format.background().color())
        seen.add(background)
        ratio = contrast(text, background)
        where = view.text[piece.start : piece.start + piece.length]
        assert ratio >= MIN_CONTRAST, f"{theme}: {ratio:.2f} on {background} at {where!r}"
    # Every label, depth and owner got its own tint: nothing collapsed to the Base.
    assert base not in seen
    assert len(seen) >= len(PALETTE) * 2 * 3
    # The caret's selection and the find hits read too.
    selected = contrast(
        rgb(palette.color(QPalette.ColorRole.Highlight)),
        rgb(palette.color(QPalette.ColorRole.HighlightedText)),
    )
    assert selected >= MIN_CONTRAST
    view.mark_hits([(0, 4)])
    hit = view.extraSelections()[0]
    assert contrast(text, rgb(hit.format.background().color())) >= MIN_CONTRAST


@pytest.mark.parametrize("theme", ["high-contrast", "light"])
def test_fields_have_a_visible_edge_in_high_contrast(qtbot, theme):
    app = QApplication.instance()
    apply_theme(app, theme)
    try:
        field = QLineEdit()
        qtbot.addWidget(field)
        field.resize(200, 30)
        image = field.grab().toImage()
        edge = image.pixelColor(0, 15)
        inside = image.pixelColor(100, 15)
        if theme == "high-contrast":
            assert edge.lightness() == 255 and inside.lightness() == 0  # white on black
        else:
            assert app.styleSheet() == ""  # the other themes keep Fusion's own frames
    finally:
        apply_theme(app, "system")
