"""View ▸ Statistics: annotations per document and label, as ``annotator stats`` prints."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.counts import CountTable
from annotator.ui.bar_chart import Bar, BarChart
from annotator.ui.dialog_parts import fill_counts
from annotator.ui.file_places import save_file_name
from annotator.ui.i18n import tr


class StatsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        table: CountTable,
        colors: dict[str, str] | None = None,
        document_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Statistics"))
        self.setObjectName("statsDialog")
        self.resize(760, 620)
        self.chart = BarChart()
        self.save_button = QPushButton(tr("Save chart as PNG…"))
        self.save_button.setToolTip(tr("Save the chart as a PNG image"))
        self.save_button.clicked.connect(self._ask_save)
        self.crosstab_button = QPushButton(tr("Cross-&tabulate…"))  # the window connects it
        self.crosstab_button.setToolTip(
            tr("A label's annotations per annotator, author, source, year or attribute")
        )
        self.table = QTableWidget()
        self.table.setObjectName("statsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.crosstab_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.show_table(table, colors, document_id)

    def save_chart(self, path: Path) -> bool:
        """Write the chart as a PNG image; returns whether it was written."""
        return self.chart.grab().save(str(path), "PNG")

    def _ask_save(self) -> None:
        path = save_file_name(
            self, tr("Save chart"), "annotations-per-label.png", tr("PNG image (*.png)")
        )
        if path and not self.save_chart(Path(path)):
            QMessageBox.warning(
                self,
                tr("Chart not saved"),
                tr("{path}: could not write the image").format(path=path),
            )

    def show_table(
        self,
        table: CountTable,
        colors: dict[str, str] | None = None,
        document_id: str | None = None,
    ) -> None:
        colors = colors or {}
        totals = table.totals()
        current = next((row for row in table.rows if row.document_id == document_id), None)
        self.chart.set_bars(
            [
                Bar(
                    label=name,
                    color=colors.get(name, "#888888"),
                    corpus=totals[i],
                    document=current.counts[i] if current is not None else None,
                )
                for i, name in enumerate(table.labels)
            ]
        )
        headers = [tr("Document"), *table.labels, tr("Total")]
        rows = [(row.title, *row.counts, row.total) for row in table.rows]
        rows.append((tr("Total"), *table.totals(), sum(table.totals())))
        fill_counts(self.table, headers, rows)
