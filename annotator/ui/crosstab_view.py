"""View ▸ Cross-tabulation: the annotations of a label counted per annotator, author,
source, publication year or attribute value, as ``annotator crosstab`` counts them.

A non-modal window: a table (category, count, share of the label's total) and a bar
chart, both saved as files. It counts over the corpus the analysis windows share, and
follows every change: edits, undo and redo, and changes made elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.app.analysis import crosstab_csv
from annotator.app.live_corpus import LiveCorpus
from annotator.app.workspace import Changes, Workspace
from annotator.core.crosstab import ATTRIBUTE, Crosstab, CrosstabError, attribute_names, crosstab
from annotator.core.files import write_atomically
from annotator.core.model import Annotation, Document, Label
from annotator.store import StoreError
from annotator.ui.bar_chart import Bar, BarChart
from annotator.ui.dialog_parts import fill_counts
from annotator.ui.file_places import save_file_name
from annotator.ui.following import Follower
from annotator.ui.i18n import tr, tr_said

FIELDS = (
    (QT_TR_NOOP("Annotator"), "annotator"),
    (QT_TR_NOOP("Author"), "author"),
    (QT_TR_NOOP("Source"), "source"),
    (QT_TR_NOOP("Publication year"), "year"),
)
ALL_LABELS = QT_TR_NOOP("All labels")
ALL_COLOR = "#888888"  # the bars of every label together
CHART_BARS = 30  # the chart shows the most frequent categories only
FOLLOW_MS = 200  # changes arriving together are counted once


class CrosstabDialog(QDialog):
    """The cross-tabulation of the label and breakdown chosen in it; :meth:`refresh`
    rereads the database."""

    def __init__(self, parent: QWidget | None, workspace: Workspace, live: LiveCorpus) -> None:
        """``live`` follows the workspace's changes itself."""
        super().__init__(parent)
        self.setObjectName("crosstabDialog")
        self.setWindowTitle(tr("Cross-tabulation"))
        self.resize(820, 680)
        self._workspace = workspace
        self._live = live
        self._scheme: list[Label] = []
        self._entries: list[tuple[Document, tuple[Annotation, ...]]] = []
        self.follower = Follower(self, self.refresh, FOLLOW_MS)
        self.result: Crosstab | None = None  # what the table and chart show

        self.label_combo = QComboBox()
        self.label_combo.setObjectName("crosstabLabel")
        self.by_combo = QComboBox()
        self.by_combo.setObjectName("crosstabBy")
        label_caption = QLabel(tr("&Label"))
        label_caption.setBuddy(self.label_combo)
        by_caption = QLabel(tr("&By"))
        by_caption.setBuddy(self.by_combo)
        choices = QHBoxLayout()
        for widget in (label_caption, self.label_combo, by_caption, self.by_combo):
            choices.addWidget(widget)
        choices.addStretch(1)

        self.chart = BarChart(title="")
        self.table = QTableWidget()
        self.table.setObjectName("crosstabTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.save_chart_button = QPushButton(tr("Save chart as &PNG…"))
        self.save_chart_button.setToolTip(tr("Save the chart as a PNG image"))
        self.save_chart_button.clicked.connect(self._ask_save_chart)
        self.save_table_button = QPushButton(tr("Save table as &CSV…"))
        self.save_table_button.setToolTip(tr("Save the table as annotator crosstab --format csv"))
        self.save_table_button.clicked.connect(self._ask_save_table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.addButton(self.save_chart_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_table_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        self.label_combo.currentIndexChanged.connect(self._on_label_chosen)
        self.by_combo.currentIndexChanged.connect(self.recompute)
        workspace.subscribe(self._on_changes)
        self.refresh()

    # -- reading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reread the labels and the corpus, keep the choices where they still apply,
        and recompute."""
        try:
            scheme, entries = self._workspace.store.labels(), self._live.entries()
        except StoreError as exc:
            QMessageBox.warning(self, tr("Could not cross-tabulate"), tr_said(exc))
            return
        self._scheme, self._entries = scheme, entries
        chosen = self.label_combo.currentData()
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        for label in scheme:
            self.label_combo.addItem(label.name, label.name)
        self.label_combo.addItem(tr(ALL_LABELS), "")  # "": no one label
        self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(chosen)))
        self.label_combo.blockSignals(False)
        self._on_label_chosen()

    def _corpus(self) -> list[tuple[Document, tuple[Annotation, ...]]]:
        return self._entries

    def _on_changes(self, _changes: Changes, _initiator: object | None) -> None:
        self.follower.changed()

    def changed_elsewhere(self) -> None:
        """Count again soon (at once if shown, else when shown next)."""
        self.follower.changed()

    # -- choices -----------------------------------------------------------------------

    def _on_label_chosen(self) -> None:
        """List the breakdowns for the label chosen (its attributes), keeping the one
        chosen before where it still applies."""
        chosen = self.by_combo.currentData() or "annotator"
        names = attribute_names(self._corpus(), self._scheme, self.chosen_label())
        self.by_combo.blockSignals(True)
        self.by_combo.clear()
        for text, by in FIELDS:
            self.by_combo.addItem(tr(text), by)
        for name in names:
            self.by_combo.addItem(tr("Attribute: {name}").format(name=name), ATTRIBUTE + name)
        self.by_combo.setCurrentIndex(max(0, self.by_combo.findData(chosen)))
        self.by_combo.blockSignals(False)
        self.recompute()

    def chosen_label(self) -> str | None:
        """The label chosen, ``None`` for every label."""
        return self.label_combo.currentData() or None

    def recompute(self) -> None:
        label, by = self.chosen_label(), self.by_combo.currentData()
        if by is None:
            return
        try:
            self.result = crosstab(self._corpus(), self._scheme, label, by)
        except CrosstabError as exc:  # cannot happen from the lists; said all the same
            QMessageBox.warning(self, tr("Could not cross-tabulate"), tr_said(exc))
            return
        self._show(self.result)

    # -- showing -----------------------------------------------------------------------

    def _show(self, table: Crosstab) -> None:
        many = table.label is None
        colors = {label.name: label.color for label in self._scheme}
        color = ALL_COLOR if table.label is None else colors.get(table.label, ALL_COLOR)
        bars = [  # a category's total is the label's count when one label is counted
            Bar(label=name, color=color, corpus=n, document=None)
            for name, n in zip(table.categories[:CHART_BARS], table.totals(), strict=False)
        ]
        self.chart.set_bars(bars)
        by = self.by_combo.currentText().lower()
        title = (
            tr("Annotations of all labels by {by}").format(by=by)
            if many
            else tr("Annotations of '{label}' by {by}").format(label=table.label, by=by)
        )
        if len(table.categories) > CHART_BARS:
            title = tr("{title} (the {bars} most frequent of {n})").format(
                title=title, bars=CHART_BARS, n=len(table.categories)
            )
        self.chart.set_title(title)
        headers = [tr("Category"), *(table.labels if many else [tr("Count")])]
        headers += [tr("Total"), tr("Share")] if many else [tr("Share")]
        rows: list[Sequence[object]] = [
            [name, *row, *([sum(row)] if many else []), f"{share:.1%}"]
            for name, row, share in zip(table.categories, table.counts, table.shares(), strict=True)
        ]
        total = table.total()
        sums = [*table.label_totals(), total] if many else [total]
        rows.append([tr("Total"), *sums, "100.0%" if total else "—"])
        fill_counts(self.table, headers, rows)

    # -- saving ------------------------------------------------------------------------

    def _file_stem(self) -> str:
        label = self.chosen_label() or "all-labels"
        by = str(self.by_combo.currentData() or "").replace(ATTRIBUTE, "")
        return f"{label}-by-{by}"

    def save_chart(self, path: Path) -> bool:
        """Write the chart as a PNG image; returns whether it was written."""
        return self.chart.grab().save(str(path), "PNG")

    def save_table(self, path: Path) -> None:
        """Write what ``annotator crosstab --format csv`` prints for these choices;
        ``OSError`` naming the path when it cannot be written."""
        if self.result is not None:
            write_atomically(path, crosstab_csv(self.result).encode("utf-8"))

    def _ask_save_chart(self) -> None:
        path = save_file_name(
            self, tr("Save chart"), f"{self._file_stem()}.png", tr("PNG image (*.png)")
        )
        if path and not self.save_chart(Path(path)):
            QMessageBox.warning(
                self,
                tr("Chart not saved"),
                tr("{path}: could not write the image").format(path=path),
            )

    def _ask_save_table(self) -> None:
        path = save_file_name(
            self, tr("Save table"), f"{self._file_stem()}.csv", tr("CSV table (*.csv)")
        )
        if not path:
            return
        try:
            self.save_table(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, tr("Table not saved"), tr_said(exc))
