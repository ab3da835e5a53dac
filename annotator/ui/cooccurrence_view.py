"""View ▸ Co-occurrence: which labels occur together (overlapping, in one sentence, in one
paragraph) as a matrix of counts, as ``annotator cooccurrence`` prints it; clicking a cell
retrieves its pairs in the Retrieve window. It follows every change while shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.live_corpus import LiveCorpus
from annotator.app.workspace import Changes, Workspace
from annotator.core.colors import blend
from annotator.core.cooccurrence import SCOPES, Cooccurrence, cooccurrence, pairs_of
from annotator.store import StoreError
from annotator.ui.following import Follower
from annotator.ui.i18n import tr, tr_said
from annotator.ui.theme import rgb

SCOPE_NAMES = {
    "overlap": QT_TR_NOOP("Spans that overlap"),
    "sentence": QT_TR_NOOP("In the same sentence"),
    "paragraph": QT_TR_NOOP("In the same paragraph"),
}
_WHERE = {
    "overlap": QT_TR_NOOP("that overlap"),
    "sentence": QT_TR_NOOP("in one sentence"),
    "paragraph": QT_TR_NOOP("in one paragraph"),
}
FOLLOW_MS = 300
STRONGEST = 0.6  # the highest count's cell: the highlight colour this strong over the base

# Shows annotations in the Retrieve window: their ids, and a caption saying what they are.
ShowPairs = Callable[[frozenset[str], str], None]


def describe_pairs(count: int, a: str, b: str, scope: str) -> str:
    """ "12 pairs of claim and statistic in one sentence", in the language shown."""
    pairs = tr("1 pair") if count == 1 else tr("{n} pairs").format(n=f"{count:,}")
    where = tr(_WHERE[scope])
    if a == b:
        return tr("{pairs} of two {label} annotations {where}").format(
            pairs=pairs, label=a, where=where
        )
    return tr("{pairs} of {a} and {b} {where}").format(pairs=pairs, a=a, b=b, where=where)


class CooccurrenceDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, workspace: Workspace, corpus: LiveCorpus, show: ShowPairs
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Co-occurrence"))
        self.setObjectName("cooccurrenceDialog")
        self.resize(640, 420)
        self.workspace = workspace
        self.corpus = corpus
        self._show_pairs = show
        self.table_data: Cooccurrence | None = None
        self.follower = Follower(self, self.refresh, FOLLOW_MS)
        self.follower.pending = True  # counted when first shown

        self.scope = QComboBox(objectName="cooccurrenceScope")
        for scope in SCOPES:
            self.scope.addItem(tr(SCOPE_NAMES[scope]), scope)
        self.scope.setCurrentIndex(self.scope.findData("sentence"))
        self.scope.currentIndexChanged.connect(self.refresh)
        self.matrix = QTableWidget(objectName="cooccurrenceMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.cellActivated.connect(self.retrieve_cell)
        self.matrix.cellClicked.connect(self.retrieve_cell)
        hint = QLabel(
            tr("Pairs of annotations of one document. Click a cell to retrieve its pairs.")
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("&Count pairs:"), buddy=self.scope))
        top.addWidget(self.scope)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.matrix, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        workspace.subscribe(self._on_changes)

    def _on_changes(self, _changes: Changes, _initiator: object | None) -> None:
        self.follower.changed()

    def changed_elsewhere(self) -> None:
        self.follower.changed()

    def refresh(self) -> None:
        """Count again over the corpus as it is now, for the scope chosen."""
        try:
            labels = self.workspace.store.labels()
            entries = self.corpus.entries()
        except StoreError as exc:
            self.matrix.setToolTip(
                tr("Could not read the database: {problem}").format(problem=tr_said(exc))
            )
            return
        names = [label.name for label in labels]
        table = cooccurrence(((d.text, spans) for d, spans in entries), names, self.scope_name())
        self.table_data = table
        top = max([1, *(n for row in table.counts for n in row)])
        palette = self.palette()
        base = rgb(palette.color(QPalette.ColorRole.Base))
        self.matrix.clear()
        self.matrix.setRowCount(len(names))
        self.matrix.setColumnCount(len(names))
        self.matrix.setHorizontalHeaderLabels(names)
        self.matrix.setVerticalHeaderLabels(names)
        for i, a in enumerate(labels):
            for j, b in enumerate(labels):
                count = table.counts[i][j]
                item = QTableWidgetItem(f"{count:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                mix = blend(rgb(QColor(a.color)), rgb(QColor(b.color)), 0.5)
                item.setBackground(QColor(*blend(mix, base, STRONGEST * count / top)))
                told = describe_pairs(count, a.name, b.name, table.scope)
                item.setToolTip(tr("{pairs}: click to retrieve them").format(pairs=told))
                self.matrix.setItem(i, j, item)
        for header in (self.matrix.horizontalHeader(), self.matrix.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def scope_name(self) -> str:
        return str(self.scope.currentData())

    def retrieve_cell(self, row: int, column: int) -> int:
        """Show the pairs counted in a cell in the Retrieve window; returns how many."""
        table = self.table_data
        if table is None or not (0 <= row < len(table.labels) and 0 <= column < len(table.labels)):
            return 0
        a, b = table.labels[row], table.labels[column]
        entries = self.corpus.entries()
        found = pairs_of(((d.text, spans) for d, spans in entries), a, b, table.scope)
        ids = frozenset(ann.id for pair in found for ann in pair)
        told = describe_pairs(len(found), a, b, table.scope)
        self._show_pairs(
            ids,
            tr("{pairs}: {n} annotations, in text order").format(pairs=told, n=f"{len(ids):,}"),
        )
        return len(found)
