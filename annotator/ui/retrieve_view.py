"""View ▸ Retrieve: coded passages across the corpus as key word in context, filtered,
sorted, saved as named queries of the database, exported; Enter opens a passage in the main
window. The rows follow every change, made here, in another window or another process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.app.analysis import render_csv, render_json
from annotator.app.live_corpus import LiveCorpus
from annotator.app.workspace import Changes, Workspace
from annotator.core.retrieval import MemoHit, Query, QueryError, query_from_dict, query_to_dict
from annotator.store import StoreError
from annotator.ui.file_places import save_file_name
from annotator.ui.following import Follower
from annotator.ui.i18n import tr, tr_said
from annotator.ui.retrieve_filters import RetrieveFilters
from annotator.ui.retrieve_model import (
    COLUMNS,
    ROW_PADDING,
    HitTableModel,
    KwicDelegate,
    one_line,
)

SAVED_QUERIES = "saved_queries"  # the database setting that holds them, as JSON
FOLLOW_MS = 100  # changes arriving together are followed once
WIDTHS = {
    "Left": 250,
    "Quote": 320,
    "Right": 250,
    "Label": 80,
    "Document": 200,
    "Published": 90,
    "Annotator": 100,
    "Note": 160,
}

# Opens a document of the main window at an annotation; False if it could not.
OpenAt = Callable[[str, str], bool]
# Shows a memo (a document's id; None: the project's) with code points start..end selected.
OpenMemo = Callable[[str | None, int, int], bool]
MEMO_ROWS = 4  # the memos' list is this many rows high


def counted(annotations: int, documents: int) -> str:
    """ "12 annotations in 3 documents", in the language shown."""
    rows = tr("1 annotation") if annotations == 1 else tr("{n} annotations")
    where = tr("in 1 document") if documents == 1 else tr("in {n} documents")
    return tr("{rows} {where}").format(
        rows=rows.format(n=f"{annotations:,}"), where=where.format(n=f"{documents:,}")
    )


class RetrieveDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        workspace: Workspace,
        corpus: LiveCorpus,
        open_at: OpenAt,
        open_memo: OpenMemo,
    ) -> None:
        """``corpus`` follows the workspace's changes itself (subscribed before this)."""
        super().__init__(parent)
        self.setWindowTitle(tr("Retrieve"))
        self.setObjectName("retrieveDialog")
        self.resize(1280, 720)
        self.workspace = workspace
        self.corpus = corpus
        self._open_at = open_at
        self._open_memo = open_memo
        self.memo_hits: list[MemoHit] = []
        self._stale_choices = True
        self.follower = Follower(self, self.refresh, FOLLOW_MS)
        self.follower.pending = True  # the first showing runs the query

        self.filters = RetrieveFilters(self)
        self.filters.changed.connect(self.run_query)
        self.problem = QLabel(objectName="retrieveProblem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        self.restriction = QLabel(objectName="retrieveRestriction")
        self.show_all = QPushButton(tr("Show every annotation"))
        self.show_all.setToolTip(tr("Lift the restriction to these annotations"))
        self.show_all.clicked.connect(lambda: self.restrict_to(None, ""))
        restriction = QHBoxLayout()
        restriction.addWidget(self.restriction, 1)
        restriction.addWidget(self.show_all)
        self.restriction.hide()
        self.show_all.hide()

        self.model = HitTableModel(self)
        self.table = QTableView(objectName="retrieveTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(KwicDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # corpus order until asked
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        for column, name in enumerate(COLUMNS):
            self.table.setColumnWidth(column, WIDTHS.get(name, 110))
        header.setStretchLastSection(True)
        self.table.activated.connect(self._open)  # Enter, and a double click

        self.memos_caption = QLabel(objectName="retrieveMemosCaption")
        self.memos = QListWidget(objectName="retrieveMemos")
        self.memos.setMaximumHeight(self.fontMetrics().height() * MEMO_ROWS + 12)
        self.memos.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.memos.itemActivated.connect(self._open_memo_item)
        self.memos_caption.hide()
        self.memos.hide()

        self.count = QLabel(objectName="retrieveCount")
        self.saved = QComboBox(objectName="savedQueries")
        self.saved.setMinimumContentsLength(18)
        self.saved.setToolTip(tr("Queries saved in this database"))
        self.saved.activated.connect(self._open_saved)
        save = QPushButton(tr("&Save query…"))
        save.setToolTip(tr("Keep these filters under a name, in this database"))
        save.clicked.connect(self._ask_save_query)
        self.delete_saved = QPushButton(tr("Delete query"))
        self.delete_saved.setToolTip(tr("Delete the saved query chosen beside it"))
        self.delete_saved.clicked.connect(self._delete_query)
        export_csv = QPushButton(tr("Export C&SV…"))
        export_csv.setToolTip(tr("Write the rows, in the order shown, as annotator retrieve's CSV"))
        export_csv.clicked.connect(lambda: self._ask_export("csv"))
        export_json = QPushButton(tr("Export &JSON…"))
        export_json.setToolTip(
            tr("Write the rows, in the order shown, as annotator retrieve's JSON")
        )
        export_json.clicked.connect(lambda: self._ask_export("json"))
        close = QPushButton(tr("Close"))
        close.setToolTip(tr("Close this window (Esc)"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for part in (self.saved, save, self.delete_saved, export_csv, export_json, close):
            bottom.addWidget(part)
        for button in (save, self.delete_saved, export_csv, export_json, close, self.show_all):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.problem)
        layout.addLayout(restriction)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.memos_caption)
        layout.addWidget(self.memos)
        layout.addLayout(bottom)
        workspace.subscribe(self._on_changes)
        self._load_saved()

    # -- following changes --------------------------------------------------------

    def _on_changes(self, changes: Changes, _initiator: object | None) -> None:
        self._stale_choices = self._stale_choices or changes.scheme or changes.listed
        self.follower.changed()

    def changed_elsewhere(self) -> None:
        """Another window or process changed the database (the corpus knows already)."""
        self._stale_choices = True
        self._load_saved()
        self.follower.changed()

    def refresh(self) -> None:
        """Re-read what changed and run the query again, keeping the current row."""
        if self._stale_choices:
            self._stale_choices = False
            try:
                labels = self.workspace.store.labels()
                annotators = self.workspace.store.annotators()
            except StoreError as exc:
                self._say_problem(
                    tr("Could not read the labels: {problem}").format(problem=tr_said(exc))
                )
                return
            self.filters.set_choices(labels, annotators)  # runs the query
            palette = self.palette()
            self.model.set_colors(
                {label.name: label.color for label in labels},
                palette.color(palette.ColorRole.Base),
                palette.color(palette.ColorRole.Text),
            )
            return
        self.run_query()

    # -- the query ----------------------------------------------------------------

    def run_query(self) -> int:
        """Run the filters' query; returns how many rows it gave (-1 for a query that
        cannot run, whose problem is shown)."""
        current = self._current_id()
        try:
            query = self.filters.query()
            hits = self.corpus.find(query)
        except QueryError as exc:
            self._say_problem(tr_said(exc))
            return -1
        except StoreError as exc:
            self._say_problem(
                tr("Could not read the database: {problem}").format(problem=tr_said(exc))
            )
            return -1
        self.problem.hide()
        self.model.set_hits(hits)
        self._show_memo_hits(self.corpus.find_memos(query))
        documents = len({h.document.id for h in hits})
        self.count.setText(counted(len(hits), documents))
        if current is not None:
            self._select_id(current)
        return len(hits)

    def _show_memo_hits(self, found: list[MemoHit]) -> None:
        self.memo_hits = found
        self.memos.clear()
        for hit in found:
            where = hit.document.title if hit.document is not None else tr("Project memo")
            before = "…" if hit.start > hit.context else ""
            after = "…" if hit.end + hit.context < len(hit.memo) else ""
            item = QListWidgetItem(
                f"{where}:  {before}{one_line(hit.left)} [{one_line(hit.quote)}] "
                f"{one_line(hit.right)}{after}"
            )
            item.setToolTip(hit.memo)
            self.memos.addItem(item)
        count = len(found)
        said = (
            tr("The memos hold it once (Enter or a double click shows the place):")
            if count == 1
            else tr("The memos hold it {count} times (Enter or a double click shows the place):")
        )
        self.memos_caption.setText(said.format(count=f"{count:,}"))
        self.memos_caption.setVisible(bool(found))
        self.memos.setVisible(bool(found))

    def _open_memo_item(self, item: QListWidgetItem) -> None:
        hit = self.memo_hits[self.memos.row(item)]
        document_id = hit.document.id if hit.document is not None else None
        self._open_memo(document_id, hit.start, hit.end)

    def _say_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def restrict_to(self, ids: frozenset[str] | None, caption: str) -> None:
        """Show only these annotations (still within the other filters), saying
        ``caption`` above them; ``None`` shows every annotation again."""
        self.restriction.setText(caption)
        self.restriction.setVisible(ids is not None)
        self.show_all.setVisible(ids is not None)
        self.filters.restrict_to(ids)

    def show_query(self, query: Query, caption: str = "") -> None:
        """Set the filters to ``query`` and run it; ``caption`` says what a query
        restricted to some annotations (``query.ids``) shows."""
        self.restriction.setText(caption)
        self.restriction.setVisible(query.ids is not None)
        self.show_all.setVisible(query.ids is not None)
        self.filters.show_query(query)

    def _current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.hit(index.row()).annotation.id if index.isValid() else None

    def _select_id(self, annotation_id: str) -> None:
        row = self.model.row_of(annotation_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 1))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hit(index.row())
            self._open_at(hit.document.id, hit.annotation.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a filter goes to the rows (the table itself opens a row on Enter and
        # passes the key on): never to a button, as a dialog would take it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not (self.table.hasFocus() or self.memos.hasFocus()):
                self.focus_rows()
            return
        super().keyPressEvent(event)

    def focus_rows(self) -> None:
        """Put the keyboard in the rows, on the current one (else the first)."""
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 1))

    # -- saved queries --------------------------------------------------------------

    def saved_queries(self) -> dict[str, Query]:
        """The queries saved in this database, by name (unreadable ones left out)."""
        try:
            raw = self.workspace.store.setting(SAVED_QUERIES)
            data = json.loads(raw) if raw else {}
        except (StoreError, ValueError):
            return {}
        out = {}
        for name, value in data.items() if isinstance(data, dict) else ():
            try:
                out[name] = query_from_dict(value)
            except QueryError:
                continue
        return out

    def _load_saved(self) -> None:
        chosen = self.saved.currentData()
        self.saved.clear()
        queries = self.saved_queries()
        self.saved.addItem(tr("Saved queries…") if queries else tr("No saved queries"), None)
        for name in sorted(queries, key=str.casefold):
            self.saved.addItem(name, name)
        self.saved.setCurrentIndex(max(0, self.saved.findData(chosen)))
        self.delete_saved.setEnabled(self.saved.currentData() is not None)

    def save_query(self, name: str) -> bool:
        """Save the filters' query under ``name`` (replacing one of that name)."""
        try:
            query = self.filters.query()
        except QueryError as exc:
            QMessageBox.warning(self, tr("Query not saved"), tr_said(exc))
            return False
        data = {n: query_to_dict(q) for n, q in self.saved_queries().items()}
        data[name] = query_to_dict(query)
        if not self._store_queries(data):
            return False
        self._load_saved()
        self.saved.setCurrentIndex(self.saved.findData(name))
        self.delete_saved.setEnabled(True)
        return True

    def _store_queries(self, data: dict[str, object]) -> bool:
        try:
            self.workspace.store.set_setting(SAVED_QUERIES, json.dumps(data, ensure_ascii=False))
        except StoreError as exc:
            QMessageBox.warning(
                self,
                tr("Query not saved"),
                tr("Could not save the query: {problem}").format(problem=tr_said(exc)),
            )
            return False
        return True

    def open_saved(self, name: str) -> bool:
        query = self.saved_queries().get(name)
        if query is None:
            return False
        self.saved.setCurrentIndex(max(0, self.saved.findData(name)))
        self.delete_saved.setEnabled(True)
        self.show_query(query)
        return True

    def _open_saved(self, _index: int) -> None:
        name = self.saved.currentData()
        self.delete_saved.setEnabled(name is not None)
        if name is not None:
            self.open_saved(name)

    def _ask_save_query(self) -> None:
        current = self.saved.currentData() or ""
        name, ok = QInputDialog.getText(
            self, tr("Save query"), tr("Name of the query:"), text=current
        )
        if ok and name.strip():
            self.save_query(name.strip())

    def _delete_query(self) -> None:
        name = self.saved.currentData()
        if name is None:
            return
        data = {n: query_to_dict(q) for n, q in self.saved_queries().items() if n != name}
        if self._store_queries(data):
            self.saved.setCurrentIndex(0)
            self._load_saved()

    # -- export ---------------------------------------------------------------------

    def export_to(self, path: Path, kind: str) -> bool:
        """Write the rows, in the order shown, as ``csv`` or ``json`` (the command line's
        ``retrieve`` formats)."""
        hits = self.model.hits()
        text = render_csv(hits) if kind == "csv" else render_json(hits)
        try:
            path.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            QMessageBox.warning(
                self,
                tr("Not exported"),
                tr("{path}: {problem}").format(path=path, problem=exc.strerror or exc),
            )
            return False
        return True

    def _ask_export(self, kind: str) -> None:
        shown = {"csv": "CSV (*.csv)", "json": "JSON (*.json)"}[kind]
        path = save_file_name(self, tr("Export the rows"), f"retrieved.{kind}", shown)
        if path:
            self.export_to(Path(path), kind)
