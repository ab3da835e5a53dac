"""Document ▸ Properties: what is known about a document; title, author and date editable."""

from __future__ import annotations

import re
from datetime import date
from math import ceil

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette, QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Document
from annotator.ui.i18n import tr, tr_said
from annotator.ui.theme import legible_on
from annotator.ui.times import shown_time

DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def is_publication_date(text: str) -> bool:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, and a real date (no 2024-02-30)."""
    if not DATE.fullmatch(text):
        return False
    padded = text + "-01-01"[len(text) - 4 :] if len(text) < 10 else text
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return text[:4] != "0000"


class WrappedValue(QTextEdit):
    """Read-only text that wraps (at spaces, else anywhere) and is as tall as its lines:
    all of it is shown, and it can be selected and copied as it is."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlainText(text)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        self.document().setDocumentMargin(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().lineSpacing())

    def text(self) -> str:
        return self.toPlainText()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.document().setTextWidth(self.viewport().width())
        height = ceil(self.document().size().height()) + 2 * self.frameWidth()
        if height != self.height():
            self.setFixedHeight(height)


class PropertiesDialog(QDialog):
    def __init__(self, parent: QWidget | None, document: Document) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Document properties"))
        self.setObjectName("propertiesDialog")
        self.resize(560, 0)
        self.title = QLineEdit(document.title, objectName="propertyTitle")
        self.author = QLineEdit(document.author or "", objectName="propertyAuthor")
        self.published = QLineEdit(document.published or "", objectName="propertyPublished")
        self.published.setPlaceholderText(tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        form = QFormLayout()
        form.addRow(tr("Title:"), self.title)
        form.addRow(tr("Author:"), self.author)
        form.addRow(tr("Published:"), self.published)
        # The source (a sentence, a path or a URL), the file name and the hash in full:
        # long words wrap anywhere rather than being cut off at the dialog's edge.
        for name, text, value in (
            ("Source", tr("Source:"), document.source),
            ("File name", tr("File name:"), document.original_name or "—"),
            ("SHA-256", tr("SHA-256:"), document.sha256),
        ):
            shown = WrappedValue(value)
            shown.setObjectName(f"property:{name}")
            form.addRow(text, shown)
            if name == "Source":
                self.source = shown
        for text, value in (
            (tr("Format:"), document.format),
            (tr("Encoding:"), tr_said(document.encoding_note())),
            (tr("Imported:"), shown_time(document.created_at)),
            (tr("Characters:"), f"{document.length:,}"),
        ):
            label = QLabel(value)
            label.setWordWrap(True)
            form.addRow(text, label)
        self.problem = QLabel()
        self._colour_problem()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.title, self.published):
            field.textChanged.connect(self._check)
        self._check()

    def _colour_problem(self) -> None:
        """The problem in red that stays readable on the palette's window colour."""
        window = self.palette().color(QPalette.ColorRole.Window)
        red = legible_on(window, "#b00020", "#ff8a80")
        self.problem.setStyleSheet(f"color: {red.name()}")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_problem()

    def _check(self) -> None:
        problem = ""
        if not self.title.text().strip():
            problem = tr("A document needs a title.")
        elif self.published.text().strip() and not is_publication_date(
            self.published.text().strip()
        ):
            problem = tr("Write the date as YYYY-MM-DD, YYYY-MM or YYYY.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def values(self) -> tuple[str, str | None, str | None]:
        """(title, author, published) as entered, blanks as None."""
        return (
            self.title.text().strip(),
            self.author.text().strip() or None,
            self.published.text().strip() or None,
        )
