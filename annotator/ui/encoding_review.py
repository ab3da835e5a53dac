"""Checking how files were decoded: at import, the uncertain decodings side by side with
their next readings (one list for a whole import); later, reading a document again with
another encoding (Document ▸ Re-read with encoding…)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.app.imports import ImportInputs, uncertain
from annotator.core.decoding import Reading
from annotator.core.encoding_names import described
from annotator.core.importers import document_from_bytes, shown_path
from annotator.core.model import NewDocument
from annotator.core.readings import Segments, passages
from annotator.ui.dialog_parts import beside, ok_cancel
from annotator.ui.i18n import tr

# The disagreeing words: dark text on amber, legible in light and dark themes alike.
MARK_STYLE = "background-color:#ffd54f; color:#000000; font-weight:bold"


def comparison_html(
    headers: Sequence[str],
    texts: Sequence[str],
    selected: int,
    found: list[list[Segments]] | None = None,
) -> str:
    """An HTML table of the passages where ``texts[1:]`` read differently from
    ``texts[0]`` (``found``, if already worked out), one column per text under its
    header, the words they disagree on marked; the ``selected`` column's header says it
    is the one chosen."""
    if found is None:
        found = passages(texts[0], list(texts[1:]))
    if not found:
        return "<p>" + html.escape(tr("These readings are the same text.")) + "</p>"
    cells = []
    for i, header in enumerate(headers):
        text = html.escape(header)
        cells.append(f"<th align='left'>{'✔ ' + text if i == selected else text}</th>")
    rows = ["<tr>" + "".join(cells) + "</tr>"]
    for columns in found:
        row = []
        for segments in columns:
            shown = "".join(
                f"<span style='{MARK_STYLE}'>{_flat(part)}</span>" if marked else _flat(part)
                for part, marked in segments
            )
            row.append(f"<td valign='top'>{shown}</td>")
        rows.append("<tr>" + "".join(row) + "</tr>")
    return "<table width='100%' cellspacing='0' cellpadding='6'>" + "".join(rows) + "</table>"


def _flat(text: str) -> str:
    """``text`` escaped, on one line (line ends shown as ⏎)."""
    return html.escape(text.replace("\r\n", "\n").replace("\n", " ⏎ "))


class EncodingReviewDialog(QDialog):
    """The documents of one import whose decoding was uncertain, one row each; for the
    selected one, its best reading and the next ones side by side. The best reading is
    preselected in every row, so Enter accepts them all; Down (or a click) picks the
    next. :meth:`choices` says what was picked."""

    def __init__(self, parent: QWidget | None, items: Sequence[tuple[str, NewDocument]]) -> None:
        super().__init__(parent)
        self.setObjectName("encodingReviewDialog")
        self.setWindowTitle(tr("Check how these files were read"))
        self.resize(1020, 520)
        self._items = list(items)
        self._readings = [_readings(doc) for _name, doc in self._items]
        self._chosen = [0] * len(self._items)
        self._passages: dict[int, list[list[Segments]]] = {}  # by row, once worked out
        many = len(self._items) > 1
        intro = QLabel(
            tr(
                "Annotator is not sure how {n} of these files were encoded. Below, the "
                "passages where the possible readings differ: pick the one whose words are "
                "right. Press Enter to keep the preselected best guess."
            ).format(n=len(self._items))
            if many
            else tr(
                "Annotator is not sure how this file was encoded. Below, the passages where "
                "the possible readings differ: pick the one whose words are right. Press "
                "Enter to keep the preselected best guess."
            )
        )
        intro.setWordWrap(True)
        self.documents = QListWidget()
        self.documents.setObjectName("reviewDocuments")
        for name, _doc in self._items:
            self.documents.addItem(QListWidgetItem(name))
        self.readings = QListWidget()
        self.readings.setObjectName("reviewReadings")
        self.comparison = QTextBrowser()
        self.comparison.setObjectName("reviewComparison")
        self.comparison.setOpenLinks(False)
        splitter, side_layout = beside(
            [QLabel(tr("Files:")), self.documents, QLabel(tr("Read as:")), self.readings],
            self.comparison,
            380,  # room for "cp1250 — Windows, Central European" without a scroll bar
        )
        self.buttons = ok_cancel(self, tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("Cancel imports none of the files.")))
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.documents.currentRowChanged.connect(self._show_document)
        self.readings.currentRowChanged.connect(self._choose)
        self.documents.setCurrentRow(0)
        for view in (self.documents, self.readings):  # as tall as their rows (up to 8)
            # Long names are elided in the middle, not scrolled: a scroll bar hid a row.
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            rows = min(max(view.count(), 1), 8)
            view.setMaximumHeight(rows * view.sizeHintForRow(0) + 2 * view.frameWidth() + 4)
        side_layout.addStretch(1)
        self.readings.setFocus()

    def choices(self) -> list[Reading | None]:
        """Per document, the reading picked instead of the best one (None: the best)."""
        return [
            None if chosen == 0 else readings[chosen]
            for chosen, readings in zip(self._chosen, self._readings, strict=True)
        ]

    def _show_document(self, row: int) -> None:
        if row < 0:
            return
        self.readings.blockSignals(True)
        self.readings.clear()
        for i, reading in enumerate(self._readings[row]):
            # An alternative's number measures its rivalry with the best, not how sure
            # it is: shown beside the best's own confidence it would mislead.
            shown = described(reading.encoding)
            if i == 0:
                shown = tr("{encoding} — best guess ({percent} sure)").format(
                    encoding=shown, percent=f"{reading.confidence:.0%}"
                )
            self.readings.addItem(QListWidgetItem(shown))
        self.readings.setCurrentRow(self._chosen[row])
        self.readings.blockSignals(False)
        self._show_comparison()

    def _choose(self, index: int) -> None:
        row = self.documents.currentRow()
        if row < 0 or index < 0:
            return
        self._chosen[row] = index
        name, _doc = self._items[row]
        encoding = self._readings[row][index].encoding
        self.documents.item(row).setText(name if index == 0 else f"{name} → {encoding}")
        self._show_comparison()

    def _show_comparison(self) -> None:
        row = self.documents.currentRow()
        readings = self._readings[row]
        headers = [
            tr("{encoding} (best guess)").format(encoding=reading.encoding)
            if i == 0
            else reading.encoding
            for i, reading in enumerate(readings)
        ]
        texts = [r.text for r in readings]
        if row not in self._passages:
            self._passages[row] = passages(texts[0], texts[1:])
        self.comparison.setHtml(
            comparison_html(headers, texts, self._chosen[row], self._passages[row])
        )


def _readings(doc: NewDocument) -> list[Reading]:
    """The best reading of an uncertain document's bytes, then its alternatives."""
    assert doc.original is not None and doc.encoding is not None
    best = Reading(doc.encoding, doc.original.decode(doc.encoding), doc.confidence or 0.0)
    return [best, *doc.alternatives]


def review_decodings(parent: QWidget | None, inputs: ImportInputs) -> ImportInputs | None:
    """``inputs`` with the uncertain decodings confirmed or replaced by the reading the
    user picked in an :class:`EncodingReviewDialog` (recorded as chosen by them); None if
    they cancelled. No dialog when no decoding is uncertain."""
    doubtful = [i for i, (_path, doc) in enumerate(inputs.documents) if uncertain(doc)]
    if not doubtful:
        return inputs
    dialog = EncodingReviewDialog(
        parent, [(shown_path(inputs.documents[i][0]), inputs.documents[i][1]) for i in doubtful]
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choices = dialog.choices()
    finally:
        dialog.deleteLater()
    documents = list(inputs.documents)
    for i, reading in zip(doubtful, choices, strict=True):
        if reading is not None:
            path, doc = documents[i]
            documents[i] = (path, reread(doc, path, reading.encoding))
    return replace(inputs, documents=documents)


def reread(doc: NewDocument, path: Path, encoding: str) -> NewDocument:
    """``doc`` read again from its original bytes with ``encoding`` (the user's pick)."""
    assert doc.original is not None
    return document_from_bytes(doc.original, path, doc.format, encoding=encoding)
