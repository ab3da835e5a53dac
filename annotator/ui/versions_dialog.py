"""A document's versions, and the annotations that could not be carried over to a newer
version (orphans): two small windows that ask the main window to show what is chosen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Orphan, VersionSummary
from annotator.ui.i18n import tr
from annotator.ui.table_models import one_line
from annotator.ui.times import shown_time


def _table(headers: Sequence[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    return table


def _cell(text: object) -> QTableWidgetItem:
    return QTableWidgetItem(str(text))


class VersionsDialog(QDialog):
    """Every version of a document, newest first; Open (or a double click) shows one."""

    openRequested = Signal(str)  # document id

    def __init__(
        self, parent: QWidget, versions: Sequence[VersionSummary], current_id: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(
            tr("Versions of “{title}”").format(title=versions[0].title)
            if versions
            else tr("Versions")
        )
        self._ids = [v.id for v in versions]
        self.table = _table(
            (tr("Version"), tr("Imported"), tr("Annotations"), tr("Orphaned")), self
        )
        for version in versions:
            row = self.table.rowCount()
            self.table.insertRow(row)
            number = version.version
            for column, value in enumerate(
                (
                    tr("v{n} (newest)").format(n=number) if row == 0 else f"v{number}",
                    shown_time(version.created_at),
                    version.annotation_count,
                    version.orphans,
                )
            ):
                self.table.setItem(row, column, _cell(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        if current_id in self._ids:
            self.table.selectRow(self._ids.index(current_id))
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.clicked.connect(self.open_chosen)
        self.table.doubleClicked.connect(lambda _index: self.open_chosen())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "Each version keeps its text as it was imported. Annotations live on the "
                    "newest version; those that could not be carried over stay on theirs."
                )
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def open_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.openRequested.emit(self._ids[rows[0].row()])


class OrphansDialog(QDialog):
    """Orphaned annotations of a document's versions: quote and note of each, and a way
    to see it in the version it stays on."""

    showRequested = Signal(str, str)  # document id, annotation id

    def __init__(self, parent: QWidget, title: str, orphans: Sequence[Orphan]) -> None:
        super().__init__(parent)
        self.setObjectName("orphansDialog")
        self.setWindowTitle(tr("Orphaned annotations of “{title}”").format(title=title))
        self._orphans = list(orphans)
        self.table = _table(
            (tr("Version"), tr("Label"), tr("Quote"), tr("Note"), tr("Annotator")), self
        )
        for orphan in orphans:
            ann = orphan.annotation
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = (f"v{orphan.version}", ann.label, one_line(orphan.quote), ann.note or "")
            for column, value in enumerate((*values, ann.annotator)):
                item = _cell(value)
                if column in (2, 3):
                    item.setToolTip(orphan.quote if column == 2 else ann.note or "")
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if orphans:
            self.table.selectRow(0)
        self.show_button = QPushButton(tr("&Show in its version"))
        self.show_button.setEnabled(bool(orphans))
        self.show_button.clicked.connect(self.show_chosen)
        self.table.doubleClicked.connect(lambda _index: self.show_chosen())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        if not orphans:
            told = tr("No orphaned annotations: every annotation was carried over.")
        elif len(orphans) == 1:
            told = tr(
                "1 annotation could not be placed in a newer version's text. "
                "It is kept, with its note and attributes, on the version it was made "
                "on, and exported with it. Tag the passage again on the newest version, then "
                "delete the orphan if you no longer need it."
            )
        else:
            told = tr(
                "{n} annotations could not be placed in a newer version's text. "
                "They are kept, with their notes and attributes, on the version they were made "
                "on, and exported with it. Tag the passage again on the newest version, then "
                "delete the orphan if you no longer need it."
            ).format(n=len(orphans))
        explanation = QLabel(told)
        explanation.setWordWrap(True)
        explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def show_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            ann = self._orphans[rows[0].row()].annotation
            self.showRequested.emit(ann.document_id, ann.id)
