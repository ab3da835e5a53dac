"""Assistive technology: every interactive widget of the main window and of the windows
it opens has an accessible name and description (as a screen reader gets them, through
Qt's accessibility interfaces), and the text says which annotations the caret is in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from annotator.ui.export_dialog import ExportDialog
from annotator.ui.labels_dialog import LabelsDialog
from annotator.ui.properties_dialog import PropertiesDialog

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def unnamed(top: QWidget) -> list[str]:
    """The interactive widgets under ``top`` a screen reader would get no name or no
    description for. Parts Qt draws inside a named widget (scroll bars, headers, a spin
    box's line edit, a table's corner button) are the widget's own business."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar | QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(top):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the line edit inside an editable box: the box is named
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face else ""
        description = face.text(QAccessible.Text.Description) if face else ""
        if not name.strip() or not description.strip():
            what = widget.objectName() or type(widget).__name__
            missing.append(f"{type(top).__name__}: {what} {name!r} {description!r}")
    return missing


def test_every_control_has_a_name_and_a_description(app):
    window = app.window
    tops = [
        window,
        window.show_retrieve(),
        window.show_cooccurrence(),
        window.show_crosstab(),
        window.show_statistics(),
        window.show_agreement(),
        window.show_curation(),
        window.show_shortcuts(),
        window.show_preferences(),
        PropertiesDialog(window, window.document),
        ExportDialog(window, window.labels, window.document),
        LabelsDialog(window.labels, lambda _name: 0, window),
    ]
    for top in tops:
        top.show()
    for top in tops:
        top.show()
    QApplication.processEvents()
    missing = [line for top in tops for line in unnamed(top)]
    assert missing == []


def test_the_text_says_which_annotations_the_caret_is_in(app):
    start = app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.click_at(start + 2)
    face = QAccessible.queryAccessibleInterface(app.view)
    assert face.text(QAccessible.Text.Name) == "Document text"
    said = face.text(QAccessible.Text.Description)
    assert said.startswith("At the caret: statistic") and f"{start}–{start + 20}" in said
    app.click_at(start + 40)
    assert face.text(QAccessible.Text.Description) == "No annotation at the caret"
