"""File ▸ Export…: format and scope of an export, the same choices as the command line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app.exports import ExportOptions
from annotator.core.filters import ExportFilter
from annotator.core.model import Document, Label
from annotator.formats import registry
from annotator.ui.i18n import tr


class ExportDialog(QDialog):
    """Asks what to export; :meth:`options` turns the answers into :class:`ExportOptions`."""

    def __init__(
        self, parent: QWidget | None, labels: Sequence[Label], document: Document | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export annotations"))
        self.setObjectName("exportDialog")
        self._document = document

        self.format_box = QComboBox(objectName="exportFormat")
        for fmt in registry.FORMATS:
            self.format_box.addItem(fmt.title, fmt.name)

        scope = QGroupBox(tr("Documents"))
        self.this_document = QRadioButton(
            tr("This document: {title}").format(title=document.title)
            if document
            else tr("This document")
        )
        self.all_documents = QRadioButton(tr("All documents"))
        self.all_documents.setToolTip(tr("Export the annotations of every document"))
        self.this_document.setToolTip(tr("Export the annotations of the document shown only"))
        self.all_documents.setChecked(True)
        self.this_document.setEnabled(document is not None)
        scope_layout = QVBoxLayout(scope)
        scope_layout.addWidget(self.this_document)
        scope_layout.addWidget(self.all_documents)

        label_group = QGroupBox(tr("Labels"))
        label_layout = QVBoxLayout(label_group)
        self.label_boxes: dict[str, QCheckBox] = {}
        for label in labels:
            box = QCheckBox(label.name)
            box.setToolTip(tr("Export the {label} annotations").format(label=label.name))
            box.setChecked(True)
            box.toggled.connect(self._update)
            label_layout.addWidget(box)
            self.label_boxes[label.name] = box

        self.include_text = QCheckBox(tr("Include document texts"))
        self.include_text.setChecked(True)
        self.compact = QCheckBox(tr("Compact (one line)"))
        self.excel = QCheckBox(tr("For Excel (UTF-8 with BOM)"))
        self.include_text.setToolTip(tr("Write each document's text into the file too"))
        self.compact.setToolTip(tr("JSON on one line, without indenting"))
        self.excel.setToolTip(tr("Begin the CSV with a byte order mark, so Excel reads UTF-8"))

        form = QFormLayout()
        form.addRow(tr("Format:"), self.format_box)
        options = QVBoxLayout()
        options.addWidget(self.include_text)
        options.addWidget(self.compact)
        options.addWidget(self.excel)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scope)
        layout.addWidget(label_group)
        layout.addLayout(options)
        layout.addWidget(self.buttons)
        self.format_box.currentIndexChanged.connect(self._update)
        self._update()

    @property
    def format(self) -> str:
        return str(self.format_box.currentData())

    def _update(self) -> None:
        fmt = self.format
        self.include_text.setEnabled(fmt in ("json", "jsonl"))
        self.compact.setEnabled(fmt == "json")
        self.excel.setEnabled(fmt == "csv")
        any_label = any(box.isChecked() for box in self.label_boxes.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(any_label)

    def options(self) -> ExportOptions:
        chosen = tuple(name for name, box in self.label_boxes.items() if box.isChecked())
        every_label = len(chosen) == len(self.label_boxes)
        documents: tuple[str, ...] = ()
        if self.this_document.isChecked() and self._document is not None:
            documents = (self._document.id,)
        fmt = self.format
        return ExportOptions(
            format=fmt,
            compact=fmt == "json" and self.compact.isChecked(),
            include_text=self.include_text.isChecked() or fmt == "csv",
            excel=fmt == "csv" and self.excel.isChecked(),
            filter=ExportFilter(documents=documents, labels=() if every_label else chosen),
        )
