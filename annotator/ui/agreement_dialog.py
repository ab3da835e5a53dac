"""View ▸ Agreement: inter-annotator agreement, as ``annotator agreement`` computes it.

A non-modal window: choose documents (all or the current one), annotators, labels and
whether only documents marked done count; the report is recomputed on every change and
shown as a table with its units. Save JSON writes what ``--format json`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.agreement import (
    UNDEFINED,
    AgreementData,
    AgreementInputError,
    AgreementOptions,
    AgreementRun,
    compute,
    load,
    measure_cells,
    render_json,
    summary_lines,
)
from annotator.core.curation import GOLD
from annotator.core.files import write_atomically
from annotator.store import Store, StoreError
from annotator.ui.file_places import save_file_name
from annotator.ui.i18n import tr, tr_said

HEADERS = (
    QT_TR_NOOP("Scope"),
    QT_TR_NOOP("Measure"),
    QT_TR_NOOP("Annotators"),
    QT_TR_NOOP("Value"),
    QT_TR_NOOP("Documents"),
    QT_TR_NOOP("Tokens"),
)
TITLE_CHARS = 40  # of the current document's title beside its radio button


class AgreementDialog(QDialog):
    """The agreement report for the choices made in it; :meth:`refresh` rereads the store."""

    def __init__(
        self, parent: QWidget | None, store: Store, current: tuple[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(tr("Agreement"))
        self.resize(900, 760)
        self._store = store
        self._current = current
        self._data: AgreementData | None = None
        self.run: AgreementRun | None = None  # the report shown, None when there is none

        self.all_documents = QRadioButton(tr("&All documents"))
        self.current_document = QRadioButton(tr("&Current document"))
        self.all_documents.setChecked(True)
        self.all_documents.setToolTip(tr("Compare the annotators over every document"))
        self.current_document.setToolTip(tr("Compare the annotators on the document shown only"))
        self.done_only = QCheckBox(tr("Only documents marked &done"))
        self.done_only.setToolTip(tr("Leave out the documents not marked done"))
        self.annotators = QListWidget()
        self.annotators.setObjectName("agreementAnnotators")
        self.labels = QListWidget()
        self.labels.setObjectName("agreementLabels")
        for view in (self.annotators, self.labels):
            view.setMaximumHeight(110)
        documents_box = QGroupBox(tr("Documents"))
        documents_layout = QVBoxLayout(documents_box)
        for widget in (self.all_documents, self.current_document, self.done_only):
            documents_layout.addWidget(widget)
        documents_layout.addStretch(1)
        choices = QGridLayout()
        choices.addWidget(documents_box, 0, 0, 2, 1)
        choices.addWidget(QLabel(tr("Annotators (at least two)")), 0, 1)
        choices.addWidget(QLabel(tr("Labels")), 0, 2)
        choices.addWidget(self.annotators, 1, 1)
        choices.addWidget(self.labels, 1, 2)
        choices.setColumnStretch(0, 1)
        choices.setColumnStretch(1, 1)
        choices.setColumnStretch(2, 1)

        self.summary = QLabel()
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("agreementMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-weight: bold")
        self.units = QLabel()
        self.units.setObjectName("agreementUnits")
        self.units.setWordWrap(True)
        self.units.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("agreementTable")
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.save_button = QPushButton(tr("&Save JSON…"))
        self.save_button.setToolTip(tr("Save the report as annotator agreement --format json"))
        self.save_button.clicked.connect(self._ask_save)
        self.copy_button = QPushButton(tr("C&opy"))
        self.copy_button.setToolTip(tr("Copy the table as tab-separated text, for a spreadsheet"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.units)
        bottom = QHBoxLayout()
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self.all_documents.toggled.connect(self.recompute)
        self.done_only.toggled.connect(self.recompute)
        self.annotators.itemChanged.connect(self.recompute)
        self.labels.itemChanged.connect(self.recompute)
        self.refresh(current)

    # -- choices ---------------------------------------------------------------------

    def refresh(self, current: tuple[str, str] | None = None) -> None:
        """Reread the store (``current`` is the window's document: id and title), keep
        the choices made where they still apply, and recompute."""
        self._current = current
        self.current_document.setEnabled(current is not None)
        title = current[1] if current else ""
        short = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
        self.current_document.setText(
            tr("&Current document: {title}").format(title=short)
            if current
            else tr("&Current document")
        )
        self.current_document.setToolTip(title)
        if current is None and self.current_document.isChecked():
            self.all_documents.setChecked(True)
        try:
            self._data = load(self._store)
        except StoreError as exc:
            self._data = None
            self._show_problem(
                tr("Could not read the database: {problem}").format(problem=tr_said(exc))
            )
            return
        self._fill(self.annotators, self._data.annotators)
        self._fill(self.labels, self._data.labels)
        self.recompute()

    def _fill(self, view: QListWidget, names: Sequence[str]) -> None:
        """List ``names`` checked, except those unchecked before (and, when first
        listed, the gold layer's annotator: compared only when chosen)."""
        unchecked = {
            view.item(i).text()
            for i in range(view.count())
            if view.item(i).checkState() == Qt.CheckState.Unchecked
        }
        known = {view.item(i).text() for i in range(view.count())}
        if view is self.annotators and GOLD not in known:
            unchecked.add(GOLD)
        view.blockSignals(True)
        view.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Unchecked if name in unchecked else Qt.CheckState.Checked
            )
            view.addItem(item)
        view.blockSignals(False)

    @staticmethod
    def _checked(view: QListWidget) -> list[str]:
        return [
            view.item(i).text()
            for i in range(view.count())
            if view.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, view: QListWidget, name: str, checked: bool) -> None:
        """Check or uncheck ``name`` in ``view`` (the annotator or label list)."""
        for i in range(view.count()):
            if view.item(i).text() == name:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                view.item(i).setCheckState(state)
                return
        raise KeyError(name)

    def options(self) -> AgreementOptions:
        """The choices as filters: everyone / every label checked means no filter."""
        annotators = self._checked(self.annotators)
        everyone = {self.annotators.item(i).text() for i in range(self.annotators.count())}
        labels = self._checked(self.labels)
        use_current = self.current_document.isChecked() and self._current is not None
        return AgreementOptions(
            documents=(self._current[0],) if use_current and self._current else (),
            labels=() if len(labels) == self.labels.count() else tuple(labels),
            # Everyone (no filter) leaves the gold layer out: named when it is checked.
            annotators=() if set(annotators) == everyone - {GOLD} else tuple(annotators),
            done_only=self.done_only.isChecked(),
        )

    # -- the report ------------------------------------------------------------------

    def recompute(self) -> None:
        """Compute the report for the current choices and show it, or say what is wrong."""
        if self._data is None:
            return
        if self.labels.count() and not self._checked(self.labels):
            self._show_problem(tr("Choose at least one label."))
            return
        try:
            run = compute(self._data, self.options())
        except AgreementInputError as exc:
            message = tr_said(exc)
            self._show_problem(message[0].upper() + message[1:] + ".")
            return
        self._show(run)

    def _show_problem(self, message: str) -> None:
        self.run = None
        self.message.setText(message)
        self.message.show()
        self.summary.clear()
        self.units.clear()
        self.table.setRowCount(0)
        self.save_button.setEnabled(False)
        self.copy_button.setEnabled(False)

    def _show(self, run: AgreementRun) -> None:
        self.run = run
        self.summary.setText("\n".join(summary_lines(run)))
        notes = [tr("Note: {note}").format(note=note) for note in run.report.notes]
        self.message.setText("\n".join(notes))
        self.message.setVisible(bool(notes))
        self.units.setText(
            tr("Units: {units} {undefined} means undefined.").format(
                units=run.report.units.removesuffix(" null means undefined."), undefined=UNDEFINED
            )
        )
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.save_button.setEnabled(True)
        self.copy_button.setEnabled(True)

    def rows(self) -> list[tuple[str, ...]]:
        """The table's cells, row by row, as shown."""
        if self.run is None:
            return []
        run = self.run
        every = tr("All chosen labels") if run.options.labels else tr("All labels")
        return [
            (every if m.label is None else m.label, *measure_cells(m))
            for m in run.ordered_measures()
        ]

    def copy(self) -> None:
        """Put the table, headers first, on the clipboard as tab-separated lines."""
        lines = ["\t".join(tr(h) for h in HEADERS), *("\t".join(row) for row in self.rows())]
        QApplication.clipboard().setText("\n".join(lines) + "\n")

    def save_json(self, path: Path) -> None:
        """Write the report as ``annotator agreement --format json`` prints it."""
        if self.run is None:
            raise ValueError("there is no report to save")
        write_atomically(path, render_json(self.run).encode("utf-8"))

    def _ask_save(self) -> None:
        path = save_file_name(
            self, tr("Save agreement report"), "agreement.json", tr("JSON (*.json)")
        )
        if not path:
            return
        try:
            self.save_json(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, tr("Report not saved"), tr_said(exc))
