"""The main window: documents, the text, annotations, labels, menus and status."""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QEventLoop,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QObject,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.app.exports import ExportOptions, export
from annotator.app.imports import (
    SET_SUFFIXES,
    ImportInputs,
    ImportOutcome,
    carried_counts,
    read_inputs,
    run_import,
)
from annotator.app.opening import open_store
from annotator.app.workspace import Changes, Workspace
from annotator.core.annotators import AnnotatorFilter, name_problem
from annotator.core.attributes import format_value
from annotator.core.counts import count_table
from annotator.core.files import write_atomically, write_folder
from annotator.core.history import Step
from annotator.core.importers import SUFFIXES, DocumentReadError
from annotator.core.model import Annotation, AttributeValue, Document, DocumentSummary, Label
from annotator.core.set_errors import SetConflictError, SetFormatError
from annotator.core.snapping import snap_to_words
from annotator.core.spans import trim_span
from annotator.formats import registry
from annotator.store import Store, StoreError
from annotator.store.backups import check_backup, restore
from annotator.store.store import CURRENT_DOCUMENT
from annotator.ui.agreement_dialog import AgreementDialog
from annotator.ui.annotators import (
    AnnotatorMenu,
    NameDialog,
    NameInvitation,
    chosen_by_environment,
    remember_filter,
    remember_name,
    remembered_filter,
    status_text,
)
from annotator.ui.background import BackgroundWork
from annotator.ui.backup_dialog import RestoreDialog
from annotator.ui.curation_view import CurationDialog
from annotator.ui.details_panel import DetailsPanel
from annotator.ui.encoding_review import review_decodings
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.find_bar import FindBar
from annotator.ui.icons import color_icon
from annotator.ui.labels_dialog import LabelsDialog, step_name
from annotator.ui.main_view import MainView
from annotator.ui.overview import OverviewStrip
from annotator.ui.progress import Cancelled, ProgressStrip, run_with_progress
from annotator.ui.properties_dialog import PropertiesDialog
from annotator.ui.reread_dialog import CannotReread, RereadDialog, original_bytes
from annotator.ui.settings import remember_database, window_settings
from annotator.ui.stats_dialog import StatsDialog
from annotator.ui.suggestions import SuggestionsController
from annotator.ui.table_models import AnnotationTableModel, DocumentTableModel
from annotator.ui.team_database import ask_password, ask_url
from annotator.ui.text_view import DocumentView
from annotator.ui.versions_dialog import OrphansDialog, VersionsDialog


def _dropped_paths(mime: QMimeData) -> list[Path]:
    """Local files and folders in a drag, or nothing if anything else is in it."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def _listing(lines: list[str], most: int = 30) -> str:
    """``lines`` for a dialog: the first ``most``, then how many more."""
    more = len(lines) - most
    return "\n".join(lines[:most]) + (f"\n… and {more} more" if more > 0 else "")


# Windows opened by MainWindow.open_database: kept alive here until they are closed.
_replacement_windows: set[MainWindow] = set()

HINT = "Select text with the mouse or Shift+arrows, then press a label key to tag it."
SNAP_SETTING = "text/snap_to_words"  # in window_settings(): "Snap selections to words"
# A document with more annotations than this shows its first screen (text, highlights)
# before the rest are loaded in the next turn of the event loop, into the list and strip.
FIRST_SCREEN_FIRST = 2000
# Input that must find the list caught up with a tag first (MainWindow._show_tagged).
CATCH_UP_BEFORE = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.ContextMenu,
        QEvent.Type.Wheel,
    }
)
# How often (ms) the window asks the store whether another window or process changed the
# database; one pragma when nothing did.
CATCH_UP_MS = 500

# Mouse gestures listed with the keyboard shortcuts (F1).
MOUSE_GESTURES = (
    (
        "Resize the selected annotation with the mouse",
        "Drag its start or end edge (the pointer turns into ↔); Esc cancels",
    ),
    (
        "Snap selections to words (View menu, on or off)",
        "Mouse selections, tagging and dragged edges take whole words and numbers",
    ),
    (
        "Select several annotations in the list",
        "Ctrl+click, Shift+click or Shift+arrows; Ctrl+A there takes every row shown. "
        "Delete and the label keys then act on all of them, as one undo step",
    ),
)


class MainWindow(QMainWindow):
    """One window on one store. Every user action is committed before it returns."""

    def __init__(
        self, store: Store, annotator: str, parent: QWidget | None = None, *, invite: bool = False
    ) -> None:
        """``invite``: show the bar inviting the user to change the annotator's name."""
        super().__init__(parent)
        self._store = store
        # Every edit and its undo go through it; the window follows what it announces.
        self.workspace = Workspace(store, annotator)
        self.workspace.subscribe(self._on_changes)
        # Whose annotations the text, list, strip and counts show (Annotator menu).
        self._annotator_filter = remembered_filter()
        self._labels: list[Label] = store.labels()
        self._document: Document | None = None
        self._syncing = False
        self._loading: str | None = None  # a document shown first screen first
        self._tagged: Annotation | None = None  # tagged; the list not yet caught up
        self._stats_dialog: StatsDialog | None = None
        self._agreement_dialog: AgreementDialog | None = None
        self._rows_hidden = False  # whether the list filter hides any row
        self._owns_store = False  # closes the store when closed (see open_database)
        # While an older version is shown: (id of the newest version, its number).
        self._older_of: tuple[str, int] | None = None
        self._versions_dialog: VersionsDialog | None = None
        self._orphans_dialog: OrphansDialog | None = None
        self._curation_dialog: CurationDialog | None = None
        # The files an import is reading in the background, and the loop waiting for them.
        self._reading: tuple[BackgroundWork, QEventLoop] | None = None
        self._importing = False
        remember_database(store.location)  # a plain launch reopens it

        self.setWindowTitle("Annotator")
        self.resize(1330, 820)
        self.setAcceptDrops(True)  # files and folders dropped on the window are imported

        self.documents_model = DocumentTableModel()
        self.documents_view = self._make_table(self.documents_model, "documentList")
        self.documents_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.documents_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )

        self.text_view = DocumentView()
        self.text_view.set_annotator(annotator)  # others' spans are drawn differently

        self.annotations_model = AnnotationTableModel()
        self.annotations_view = self._make_table(self.annotations_model, "annotationList")
        self._allow_bulk_selection()
        # Fixed widths from the font: measuring contents costs O(rows) on every change.
        header = self.annotations_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = self.annotations_view.fontMetrics()
        widest_label = max((metrics.horizontalAdvance(lb.name) for lb in self._labels), default=0)
        header.resizeSection(0, max(widest_label, metrics.horizontalAdvance("Label")) + 44)
        header.resizeSection(2, metrics.horizontalAdvance("0000000–0000000") + 16)
        # Names longer than this are elided; the column can be widened.
        header.resizeSection(3, metrics.horizontalAdvance("Annotator") + 26)

        self.find_bar = FindBar()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self.invitation = NameInvitation()
        centre_layout.addWidget(self.invitation)
        centre_layout.addWidget(self.find_bar)
        self.overview = OverviewStrip()
        text_row = QHBoxLayout()
        text_row.setSpacing(0)
        text_row.addWidget(self.text_view, 1)
        text_row.addWidget(self.overview)
        centre_layout.addLayout(text_row, 1)
        self._hits: list[tuple[int, int]] = []
        self._hit = -1

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.documents_view)
        splitter.addWidget(centre)
        self.details = DetailsPanel()
        self.label_filter = QComboBox()
        self.label_filter.setObjectName("labelFilter")
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setPlaceholderText("Filter by quote or note")
        self.text_filter.setClearButtonEnabled(True)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.label_filter)
        filters.addWidget(self.text_filter, 1)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.annotations_view, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(list_box)
        right.addWidget(self.details)
        right.setStretchFactor(0, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 640, 400])
        self.setCentralWidget(splitter)
        self.splitter, self.right_splitter = splitter, right
        self.setTabOrder(self.text_view, self.annotations_view)
        self.setTabOrder(self.annotations_view, self.documents_view)

        self._build_actions()
        self._build_menus_and_label_bar()

        self.counts_label = QLabel()
        self.counts_label.setToolTip(f"Database: {store.location}")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.import_progress = ProgressStrip()
        self.import_progress.cancelRequested.connect(self._cancel_import)
        self.statusBar().addPermanentWidget(self.import_progress)
        self._install_annotator_controls(invite)
        # What the parts beside the window (suggestions, curation) see of it.
        self.main_view = MainView(
            workspace=self.workspace,
            frame=self,
            text_view=self.text_view,
            annotations=self.annotations_model,
            annotations_view=self.annotations_view,
            status_bar=self.statusBar(),
            undo_actions=(self.undo_action, self.redo_action),
            document=lambda: self._document,
            labels=lambda: self._labels,
            loading=lambda: self.loading,
            older_version=lambda: self.showing_older_version,
            catch_up=self.refresh_from_store,
        )
        self.suggestions = SuggestionsController(self.main_view)  # menu, keys, outlines
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.suggestions.menu)

        self.statusBar().showMessage(HINT)
        self._restore_layout()
        self.documents_view.selectionModel().selectionChanged.connect(self._on_document_chosen)
        self.annotations_view.selectionModel().selectionChanged.connect(self._on_annotation_chosen)
        self.annotations_view.clicked.connect(lambda _index: self._on_annotation_chosen())
        self.text_view.caretMoved.connect(self._on_caret_moved)
        self.text_view.caretClicked.connect(self._on_caret_clicked)
        self.text_view.resizeRequested.connect(self.resize_to)
        self.label_filter.currentIndexChanged.connect(self.apply_list_filter)
        self.text_filter.textChanged.connect(self.apply_list_filter)
        for signal in (
            self.annotations_model.modelReset,
            self.annotations_model.rowsInserted,
            self.annotations_model.rowsRemoved,
        ):
            signal.connect(self.apply_list_filter)
        self._last_click: int | None = None
        self.text_view.selectionChanged.connect(self._update_delete_enabled)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._update_label_verbs)
        self.text_view.set_tooltip_source(self.describe_annotations)
        self.details.noteCommitted.connect(self.set_note)
        self.details.attributesCommitted.connect(self.set_attributes)
        self.details.finished.connect(self.text_view.setFocus)
        self.find_bar.queryChanged.connect(self.find)
        self.overview.jump.connect(self._jump_to_annotation)
        # A new row is drawn on top; a reset or a removal redraws the strip.
        self.annotations_model.modelReset.connect(self._refresh_overview)
        self.annotations_model.rowsRemoved.connect(self._refresh_overview)
        self.annotations_model.rowsInserted.connect(self._add_to_overview)
        self.find_bar.step.connect(self.step_hit)
        self.find_bar.closed.connect(self.close_find)
        self.reload_documents()
        self._catch_up_timer = QTimer(self)
        self._catch_up_timer.setInterval(CATCH_UP_MS)
        self._catch_up_timer.timeout.connect(self._catch_up)
        self._catch_up_timer.start()

    def _make_table(self, model: object, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        return view

    # -- actions and menus -----------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: object = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            "&Import…",
            self._ask_import,
            QKeySequence.StandardKey.Open,
            "Import documents (UTF-8 .txt, .md) and annotation sets (.json)",
        )
        self.import_folder_action = self._action(
            "Import &folder…",
            self._ask_import_folder,
            QKeySequence("Ctrl+Shift+O"),
            "Import every supported document in a folder and its subfolders",
        )
        self.done_action = self._action(
            "Mark document &done",
            self.toggle_done,
            QKeySequence("Ctrl+D"),
            "Mark this document as done (or not yet done)",
        )
        self.done_action.setCheckable(True)
        self.properties_action = self._action(
            "&Properties…",
            self.edit_properties,
            QKeySequence("Ctrl+Shift+P"),
            "Title, author, publication date, source and encoding of this document",
        )
        self.reread_action = self._action(
            "Re-read with &encoding…",
            self.reread_document,
            None,
            "Read this document again from its original bytes with another encoding",
        )
        self.export_action = self._action(
            "&Export…",
            self._ask_export,
            QKeySequence("Ctrl+E"),
            "Export annotations as a JSON annotation set, CSV or JSON Lines",
        )
        self.stats_action = self._action(
            "&Statistics…",
            self.show_statistics,
            QKeySequence("Ctrl+I"),
            "Annotations per document and label",
        )
        self.agreement_action = self._action(
            "&Agreement…",
            self.show_agreement,
            QKeySequence("Ctrl+Shift+K"),
            "Inter-annotator agreement: kappas, Krippendorff's alpha and span F1",
        )
        self.versions_action = self._action(
            "&Versions of this document…",
            self.show_versions,
            tip="Earlier versions of this document (its text before a changed file was "
            "imported): open one to read it",
        )
        self.orphans_action = self._action(
            "&Orphaned annotations…",
            self.show_orphans,
            tip="Annotations that could not be carried over to a newer version of this "
            "document: their quotes and notes",
        )
        self.curate_action = self._action(
            "&Curate document…",
            self.show_curation,
            QKeySequence("Ctrl+Shift+G"),
            "Compare the annotators' spans on this document and accept or reject each "
            "into a gold layer",
        )
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.open_database_action = self._action(
            "Open &database…",
            self._ask_open_database,
            tip="Switch to another Annotator database (an SQLite file)",
        )
        self.open_team_database_action = self._action(
            "Open &team database…",
            self._ask_open_team_database,
            tip="Switch to a shared PostgreSQL database by its URL (a password is asked "
            "for, or read from ~/.pgpass, and never kept)",
        )
        self.restore_action = self._action(
            "&Restore from backup…",
            self.ask_restore_backup,
            tip="Replace this database with one of its automatic backups (kept beside it)",
        )
        self.delete_action = self._action(
            "&Delete annotation",
            self.delete_current_annotation,
            [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
            "Delete the selected annotation",
        )
        self.delete_action.setEnabled(False)
        self.undo_action = self._action("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(
            "&Redo",
            self.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
        )
        self._update_undo_actions()
        self.copy_action = self._action(
            "&Copy", self.text_view.copy, QKeySequence.StandardKey.Copy, "Copy the selected text"
        )
        self.select_all_action = self._action(
            "Select &all",
            self.select_all,
            QKeySequence.StandardKey.SelectAll,
            "Select all the text; in the annotation list, every row it shows",
        )
        self.next_document_action = self._action(
            "&Next document", partial(self._step_document, 1), QKeySequence("Ctrl+PgDown")
        )
        self.previous_document_action = self._action(
            "&Previous document", partial(self._step_document, -1), QKeySequence("Ctrl+PgUp")
        )
        self.next_annotation_action = self._action(
            "Next &annotation", partial(self.step_annotation, 1), QKeySequence("F8")
        )
        self.previous_annotation_action = self._action(
            "Previous a&nnotation", partial(self.step_annotation, -1), QKeySequence("Shift+F8")
        )
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents
        )
        self.find_action = self._action(
            "&Find…", self.find_bar_open, QKeySequence.StandardKey.Find, "Find in the document"
        )
        self.find_next_action = self._action(
            "Find ne&xt", partial(self.step_hit, 1), QKeySequence.StandardKey.FindNext
        )
        self.find_previous_action = self._action(
            "Find pre&vious", partial(self.step_hit, -1), QKeySequence.StandardKey.FindPrevious
        )
        self.resize_actions = [
            self._action(text, partial(self.resize_current, edge, step), QKeySequence(keys))
            for text, edge, step, keys in (
                ("Extend end by a character", "end", 1, "Alt+Shift+Right"),
                ("Shrink end by a character", "end", -1, "Alt+Shift+Left"),
                ("Extend start by a character", "start", -1, "Ctrl+Alt+Left"),
                ("Shrink start by a character", "start", 1, "Ctrl+Alt+Right"),
            )
        ]
        for action in self.resize_actions:
            # Only where annotations are worked on: in text fields these keys edit text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.text_view.addAction(action)
            self.annotations_view.addAction(action)
            self.removeAction(action)
        self.edit_note_action = self._action(
            "Edit &note", self.details_edit_note, QKeySequence("F2"), "Edit the note"
        )
        self.focus_text_action = self._action(
            "Focus &text", self.text_view.setFocus, QKeySequence("Ctrl+L")
        )
        self.about_action = self._action("&About Annotator", self._about)
        self.snap_action = QAction("Snap selections to &words", self)
        self.snap_action.setCheckable(True)
        tip = (
            "Widen selections to whole words and numbers (2,000, 40.3%, HK$1.2) when "
            "selecting with the mouse, tagging and dragging an annotation's edge"
        )
        self.snap_action.setStatusTip(tip)
        self.snap_action.setToolTip(tip)
        self.snap_action.setChecked(window_settings().value(SNAP_SETTING, False, type=bool))
        self.text_view.set_snapping(self.snap_action.isChecked())
        self.snap_action.toggled.connect(self.set_snap_to_words)
        self.addAction(self.snap_action)
        self.label_actions: dict[str, QAction] = {}
        self.edit_labels_action = self._action(
            "&Edit labels…",
            self.edit_labels,
            QKeySequence("Ctrl+Shift+L"),
            "Add, rename, recolour, reorder labels; hotkeys, descriptions, attributes",
        )

    def _build_menus_and_label_bar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_database_action)
        file_menu.addAction(self.open_team_database_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.find_next_action)
        edit_menu.addAction(self.find_previous_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_action)
        edit_menu.addAction(self.select_all_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.edit_note_action)
        resize_menu = edit_menu.addMenu("Resi&ze annotation")
        for action in self.resize_actions:
            resize_menu.addAction(action)
        document_menu = bar.addMenu("&Document")
        document_menu.addAction(self.properties_action)
        document_menu.addAction(self.reread_action)
        document_menu.addAction(self.done_action)
        self.label_menu = bar.addMenu("&Label")
        view_menu = self.view_menu = bar.addMenu("&View")
        view_menu.addAction(self.stats_action)
        view_menu.addAction(self.agreement_action)
        view_menu.addAction(self.versions_action)
        view_menu.addAction(self.orphans_action)
        view_menu.addAction(self.curate_action)
        view_menu.addSeparator()
        view_menu.addAction(self.snap_action)
        self.annotator_menu = AnnotatorMenu(self, self._store.annotators)
        bar.addMenu(self.annotator_menu)
        go_menu = bar.addMenu("&Go")
        go_menu.addAction(self.next_document_action)
        go_menu.addAction(self.previous_document_action)
        go_menu.addSeparator()
        go_menu.addAction(self.next_annotation_action)
        go_menu.addAction(self.previous_annotation_action)
        go_menu.addSeparator()
        go_menu.addAction(self.focus_text_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        self.label_bar = QToolBar("Labels")
        self.label_bar.setObjectName("labelBar")
        self.label_bar.setMovable(False)
        self.label_bar.setIconSize(QSize(14, 14))  # the swatches' own size, at any scale
        self.label_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.label_bar)
        self._install_labels()

    def _install_labels(self, renames: Mapping[str, str] | None = None) -> None:
        """(Re)build everything that shows the labels: actions and their hotkeys, the
        Label menu, the label bar, the list filter, colours, the details panel."""
        for action in self.label_actions.values():
            self.removeAction(action)
            action.deleteLater()
        self.label_actions = {}
        for label in self._labels:
            tip = f"Tag the selection as {label.name}"
            if label.hotkey:
                tip += f" ({label.hotkey})"
            if label.description:
                tip += f": {label.description}"
            action = self._action(
                f"Tag as {label.name}",
                partial(self.tag_selection, label.name),
                QKeySequence(label.hotkey) if label.hotkey else None,
                tip,
            )
            action.setIcon(color_icon(label.color))
            action.setIconText(f"{label.name}  {label.hotkey}" if label.hotkey else label.name)
            self.label_actions[label.name] = action
        self.text_view.set_context_actions([*self.label_actions.values(), self.delete_action])
        self.label_menu.clear()
        for action in self.label_actions.values():
            self.label_menu.addAction(action)
        self.label_menu.addSeparator()
        self.label_menu.addAction(self.edit_labels_action)
        self.label_bar.clear()
        self.label_bar.addWidget(QLabel(" Tag selection: "))
        for action in self.label_actions.values():
            self.label_bar.addAction(action)
        colors = {label.name: label.color for label in self._labels}
        self.text_view.set_labels(self._labels)
        self.overview.set_colors(colors)
        self.annotations_model.set_labels(self._labels)
        self.details.set_labels(self._labels)
        chosen = self.label_filter.currentData()
        chosen = (renames or {}).get(chosen, chosen)  # the filter follows a renamed label
        self.label_filter.blockSignals(True)
        try:
            self.label_filter.clear()
            self.label_filter.addItem("All labels", None)
            for label in self._labels:
                self.label_filter.addItem(color_icon(label.color), label.name, label.name)
            self.label_filter.setCurrentIndex(max(self.label_filter.findData(chosen), 0))
        finally:
            self.label_filter.blockSignals(False)

    # -- documents -------------------------------------------------------------------

    def reload_documents(self) -> None:
        """Refresh the document list; keep the current document open if it still exists."""
        try:
            documents = self._store.documents(self._counted_annotator())
        except StoreError as exc:
            self._error("Could not read the document list", str(exc))
            return
        self._set_documents(documents)

    def _set_documents(self, documents: Sequence[DocumentSummary]) -> None:
        self._syncing = True
        try:
            self.documents_model.set_documents(documents)
        finally:
            self._syncing = False
        current = self._document
        if current is not None and self.documents_model.row_of(current.id) is not None:
            self._select_document_row(current.id)
        elif current is None or self._older_of is None or self._newest_of(current.id) is None:
            self._document, self._older_of = None, None

    def open_initial_document(self, preferred: str | None = None) -> None:
        """Open ``preferred``, else the document open last time, else the first one."""
        try:
            last = self._store.setting(CURRENT_DOCUMENT)
        except StoreError:
            last = None
        for candidate in (preferred, last):
            if candidate and self.documents_model.row_of(candidate) is None:
                candidate = self._newest_of(candidate)  # a version since replaced
            if candidate and self.documents_model.row_of(candidate) is not None:
                self.open_document(candidate)
                return
        if self.documents_model.rowCount():
            self.open_document(self.documents_model.document_id(0))
        else:
            self._show_nothing()

    def _show_nothing(self) -> None:
        self._document, self._older_of = None, None
        self.text_view.clear_text()
        self.annotations_model.set_annotations("", [])
        self.setWindowTitle("Annotator")
        self._update_status()
        self._update_delete_enabled()

    def open_document(self, document_id: str, *, whole: bool = False) -> bool:
        """Show a document with its annotations and give the text keyboard focus; a long
        one first screen first, unless ``whole``."""
        before = None
        if not whole and self.documents_model.annotation_count(document_id) > FIRST_SCREEN_FIRST:
            before = self.text_view.screenful()
        try:
            document = self._store.document(document_id)
            annotations = self._shown(self._store.annotations(document_id, before=before))
        except StoreError as exc:
            self._error("Could not open the document", str(exc))
            if self._document is not None:
                self._select_document_row(self._document.id)
            return False
        self._document = document
        self._older_of = None
        if self.documents_model.row_of(document_id) is None:
            newest = self._newest_version(document_id)
            if newest is not None and newest[0] != document_id:
                self._older_of = newest
        self.text_view.show_text(document.text, annotations)
        if before is None:
            self._loading = None
            self.annotations_model.set_annotations(document.text, annotations)
        else:
            self._loading = document_id
            self.annotations_model.set_annotations(document.text, [])
            QTimer.singleShot(0, self._finish_loading)
        if self.find_bar.isVisible():
            self.find(self.find_bar.field.text())
        self._select_document_row(document_id)
        if self._older_of is not None:
            self._syncing = True  # the list shows no row: clicking the newest opens it
            try:
                self.documents_view.selectionModel().clearSelection()
            finally:
                self._syncing = False
            self.statusBar().showMessage(
                f"Version {document.version} of {self._older_of[1]}, as it was imported. "
                "New annotations go on the newest version (View ▸ Versions…).",
                10000,
            )
        self.setWindowTitle(self._window_title())
        self.done_action.setChecked(self.documents_model.is_done(document_id))
        self._update_status()
        self._update_delete_enabled()
        self.text_view.setFocus()
        try:
            self._store.set_setting(CURRENT_DOCUMENT, document_id)
        except StoreError as exc:
            # Only the choice of document to reopen next time is lost.
            self.statusBar().showMessage(f"Could not remember the open document: {exc}", 8000)
        return True

    def _finish_loading(self) -> None:
        """Load all the annotations of a document shown first screen first."""
        document_id, self._loading = self._loading, None
        if document_id is None or self._document is None or self._document.id != document_id:
            return  # loaded already, or another document was opened meanwhile
        try:
            annotations = self._shown(self._store.annotations(document_id))
        except StoreError as exc:
            self._error("Could not load the annotations", str(exc))
            return
        selected = self.current_annotation()
        self.text_view.set_annotations(annotations)
        self.annotations_model.set_annotations(self._document.text, annotations)
        if selected is not None:
            self._select_annotation(selected, move_text=False)
        self._update_status()
        self._update_delete_enabled()

    def refresh_from_store(self) -> None:
        """Catch up with changes made elsewhere (another window or process) since the
        lists were loaded: labels, documents, counts, annotations and highlights. The
        selected rows stay selected, the list where it was scrolled."""
        self._store.changes_elsewhere()  # all read below: only later ones call again
        try:
            if self._store.labels() != self._labels:
                self._reload_labels()
                return
            documents = self._store.documents(self._counted_annotator())
            current = self._document
            annotations = self._shown(self._store.annotations(current.id)) if current else None
        except StoreError as exc:
            self.statusBar().showMessage(f"Could not refresh: {exc}", 8000)
            return
        if documents != self.documents_model.documents():
            self._set_documents(documents)
            if self._document is None:
                self.open_initial_document()
                return
        if current is None or annotations is None:
            return
        self._follow_in_curation()
        if annotations != self.annotations_model.annotations():
            chosen = self.current_annotation()
            selected = [ann.id for ann in self.selected_annotations()]
            scrollbar = self.annotations_view.verticalScrollBar()
            scrolled = scrollbar.value()
            self.text_view.set_annotations(annotations)
            self.annotations_model.set_annotations(current.text, annotations)
            self._select_ids(selected, chosen.id if chosen else None, move_text=False)
            scrollbar.setValue(scrolled)
            self._update_status()
            self._update_delete_enabled()

    def _catch_up(self) -> None:
        """On the timer: refresh if another window or process has committed a change.
        Not while a dialog is open (an import's progress dialog runs inside its
        transaction; others show what a refresh could change under them): the change
        waits for the first tick after it closes."""
        if QApplication.activeModalWidget() is None and self._store.changes_elsewhere():
            self.refresh_from_store()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh_from_store()

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def showing_older_version(self) -> bool:
        return self._older_of is not None

    @property
    def labels(self) -> list[Label]:
        """The label scheme, in order."""
        return list(self._labels)

    @property
    def loading(self) -> bool:
        """Whether the open document's annotations are still being loaded (the list holds
        those of its first screen only)."""
        return self._loading is not None

    @property
    def store(self) -> Store:
        return self._store

    def _window_title(self) -> str:
        document = self._document
        if document is None:
            return "Annotator"
        if self._older_of is not None:
            return (
                f"{document.title} (version {document.version} of {self._older_of[1]}) — Annotator"
            )
        if document.version > 1:
            return f"{document.title} (version {document.version}) — Annotator"
        return f"{document.title} — Annotator"

    def _newest_version(self, document_id: str) -> tuple[str, int] | None:
        """The id and number of the newest version of a document, if it exists."""
        try:
            versions = self._store.versions(document_id)
        except StoreError:
            return None
        return (versions[0].id, versions[0].version) if versions else None

    def _newest_of(self, document_id: str) -> str | None:
        newest = self._newest_version(document_id)
        return None if newest is None else newest[0]

    def open_version(self, document_id: str, annotation_id: str | None = None) -> bool:
        """Show a version of a document (an older one as it was imported), with one of its
        annotations selected if given."""
        if not self.open_document(document_id):
            return False
        self.activateWindow()  # from the versions or orphans window: keys work here at once
        if annotation_id is not None:
            row = self.annotations_model.row_of(annotation_id)
            if row is not None:
                self._select_annotation(self.annotations_model.annotation(row), move_text=True)
        return True

    def show_versions(self) -> VersionsDialog | None:
        """A window listing every version of the open document; Open shows one."""
        if self._document is None:
            return None
        try:
            versions = self._store.versions(self._document.id)
        except StoreError as exc:
            self._error("Could not list the versions", str(exc))
            return None
        if self._versions_dialog is not None:
            self._versions_dialog.close()
        dialog = self._versions_dialog = VersionsDialog(self, versions, self._document.id)
        dialog.openRequested.connect(self.open_version)
        dialog.show()
        return dialog

    def show_orphans(self) -> OrphansDialog | None:
        """A window listing the orphaned annotations of the open document's versions,
        with their quotes and notes; Show opens the version one stays on."""
        if self._document is None:
            return None
        try:
            orphans = self._store.orphans(self._document.id)
        except StoreError as exc:
            self._error("Could not list the orphaned annotations", str(exc))
            return None
        if self._orphans_dialog is not None:
            self._orphans_dialog.close()
        dialog = self._orphans_dialog = OrphansDialog(self, self._document.title, orphans)
        dialog.showRequested.connect(self.open_version)
        dialog.show()
        return dialog

    def show_curation(self) -> CurationDialog:
        """The curation window on the open document (it follows the document shown)."""
        dialog = self._curation_dialog
        if dialog is None:
            dialog = self._curation_dialog = CurationDialog(self.main_view)
        dialog.show()
        dialog.refresh()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def commit_step(self, step: Step, message: str) -> bool:
        """Make an annotation change built elsewhere (the curation window's) in one
        transaction, record it for undo and show it; False, with a message and nothing
        changed, if the database refuses it."""
        try:
            self.workspace.apply(step)
        except StoreError as exc:
            self.refresh_from_store()
            self._error("Could not save the change", str(exc))
            return False
        self.statusBar().showMessage(message, 5000)
        return True

    def _on_changes(self, changes: Changes, initiator: object | None) -> None:
        """Follow an operation of the workspace: the Edit menu always; the views too,
        unless the window made the change itself (it shows its own edits as it makes
        them, the fast way)."""
        self._update_undo_actions()
        if initiator is self:
            return
        if changes.listed:
            self.reload_documents()
            return
        step = changes.step
        if step.scheme is not None:
            self._reload_labels(dict(step.scheme.renames))
            return
        touched = changes.documents
        replayed = changes.kind != "do"
        if replayed:
            self._follow_in_curation()
        if self._loading is not None:
            self._finish_loading()  # the list must hold every row to show the change
        if self._document is not None and (self._document.id in touched or not replayed):
            self._swap_annotations(step.removed, step.added)
        self.reload_documents()  # counts as the database has them
        if replayed:
            if touched and (self._document is None or self._document.id not in touched):
                # The change was made in another document: show it there, list and all.
                self.open_document(next(iter(touched)), whole=True)
            if len(step.added) == 1:
                self._select_annotation(step.added[0], move_text=True)
            elif step.added:  # a bulk step: all of them selected again
                self._select_ids([a.id for a in step.added], step.added[0].id, move_text=True)
        self._update_status()
        self._update_delete_enabled()

    def _select_document_row(self, document_id: str) -> None:
        row = self.documents_model.row_of(document_id)
        if row is None:
            return
        self._syncing = True
        try:
            self.documents_view.selectRow(row)
        finally:
            self._syncing = False

    def _on_document_chosen(self) -> None:
        if self._syncing:
            return
        rows = self.documents_view.selectionModel().selectedRows()
        if rows:
            document_id = self.documents_model.document_id(rows[0].row())
            if self._document is None or document_id != self._document.id:
                self.open_document(document_id)

    def _step_document(self, step: int) -> None:
        count = self.documents_model.rowCount()
        if not count:
            return
        shown = self._older_of[0] if self._older_of else self._document and self._document.id
        row = self.documents_model.row_of(shown) if shown else None
        target = 0 if row is None else (row + step) % count
        self.open_document(self.documents_model.document_id(target))

    # -- annotations -----------------------------------------------------------------

    def tag_selection(self, label: str) -> Annotation | None:
        """Tag the selected text (trimmed of surrounding whitespace, then widened to whole
        words if snapping is on) with ``label``; with no text selected, or while the
        annotation list has the focus, relabel the selected annotation(s) instead."""
        if self._document is None:
            return None
        if self.suggestions.takes_label_key():  # a suggestion is current: accept it
            return self.suggestions.accept_current(label)
        if self._relabels():
            return self.relabel_current(label)
        if self._older_of is not None:
            self.statusBar().showMessage(
                f"This is version {self._document.version}, an older one: tag on the newest "
                f"(version {self._older_of[1]}), which View ▸ Versions… opens.",
                8000,
            )
            return None
        selected = self.text_view.selected_span()
        span = trim_span(self._document.text, *selected) if selected else None
        if span is not None and self.snap_action.isChecked():
            span = snap_to_words(self._document.text, *span)
        if span is None:
            self.statusBar().showMessage("Select some text first, then press a label key.", 5000)
            return None
        start, end = span
        existing = self.annotations_model.find(label, start, end, self._annotator)
        if existing is not None:
            self._select_annotation(existing, move_text=False)
            self.statusBar().showMessage(f"Already tagged as {label}.", 5000)
            return None
        try:
            annotation, created = self.workspace.tag(
                self._document.id, label, start, end, initiator=self
            )
        except StoreError as exc:
            self._error("Could not save the annotation", str(exc))
            return None
        if not created:
            # Made meanwhile in another window: show it rather than make a copy.
            self.refresh_from_store()
            self._select_annotation(annotation, move_text=False)
            self.statusBar().showMessage(f"Already tagged as {label}.", 5000)
            return None
        if not self._shows(annotation):
            self._follow_in_curation()
            self.statusBar().showMessage(
                f"Tagged {label} {start}–{end} as {self._annotator}; not shown: the view "
                f"shows {self._annotator_filter.describe(self._annotator)} annotations only "
                "(Annotator ▸ Show everyone's annotations).",
                10000,
            )
            return annotation
        self.text_view.add_annotation(annotation)
        self._syncing = True  # a row inserted above the current one moves it: not a choice
        try:
            self.annotations_model.insert(annotation)
            self.text_view.place_caret(end)
        finally:
            self._syncing = False
        self.documents_model.change_count(self._document.id, +1)
        self.statusBar().showMessage(f"Tagged {label} {start}–{end}.", 5000)
        self.text_view.setFocus()
        # The highlight is painted first; the list and details catch up on the next turn
        # of the event loop, or before any input or question about the selection that
        # comes sooner (see _show_tagged).
        if self._tagged is None:
            QApplication.instance().installEventFilter(self)  # only while it is pending
        self._tagged = annotation
        QTimer.singleShot(0, self._show_tagged)
        return annotation

    def _show_tagged(self) -> None:
        """Select the annotation just tagged in the list and show it in the details, if
        that is still to be done."""
        annotation, self._tagged = self._tagged, None
        if annotation is None:
            return
        QApplication.instance().removeEventFilter(self)
        if self.annotations_model.row_of_annotation(annotation) is None:
            return  # done already, or undone (or the document closed) meanwhile
        self._select_annotation(annotation, move_text=False)
        self._update_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._tagged is not None and event.type() in CATCH_UP_BEFORE:
            self._show_tagged()  # a key or click acts on what the tag selected
        return False

    def _refresh_overview(self, *_args: object) -> None:
        length = len(self._document.text) if self._document else 0
        self.overview.show_annotations(length, self.annotations_model.annotations())

    def _add_to_overview(self, _parent: object, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.overview.add(self.annotations_model.annotation(row))

    def _jump_to_annotation(self, annotation_id: str) -> None:
        row = self.annotations_model.row_of(annotation_id)
        if row is not None:
            self._select_annotation(self.annotations_model.annotation(row), move_text=True)
            self.text_view.setFocus()

    def apply_list_filter(self, *_args: object) -> int:
        """Show only the rows of the chosen label whose quote or note holds the filter
        text (case ignored); returns how many rows are shown."""
        label = self.label_filter.currentData()
        needle = self.text_filter.text().casefold()
        if label is None and not needle and not self._rows_hidden:
            return self.annotations_model.rowCount()  # nothing to hide, nothing hidden
        text = self._document.text if self._document else ""
        shown = 0
        for row, ann in enumerate(self.annotations_model.annotations()):
            visible = (label is None or ann.label == label) and (
                not needle
                or needle in text[ann.start : ann.end].casefold()
                or needle in (ann.note or "").casefold()
            )
            self.annotations_view.setRowHidden(row, not visible)
            shown += visible
        self._rows_hidden = shown < self.annotations_model.rowCount()
        # A hidden row must not stay selected: Delete would remove it unseen.
        self._deselect_hidden_rows()
        return shown

    def step_annotation(self, step: int) -> Annotation | None:
        """Select the next (or previous) annotation after the caret and show it."""
        rows = self.annotations_model.rowCount()
        if not rows:
            return None
        current = self.current_annotation()
        if current is not None:
            row = (self.annotations_model.row_of(current.id) or 0) + step
        else:
            caret = self.text_view.caret_offset()
            starts = [a.start for a in self.annotations_model.annotations()]
            row = bisect_right(starts, caret) if step > 0 else bisect_left(starts, caret) - 1
        for _ in range(rows):  # skip rows the list filter hides
            if not self.annotations_view.isRowHidden(row % rows):
                break
            row += 1 if step > 0 else -1
        else:
            return None
        annotation = self.annotations_model.annotation(row % rows)
        self._select_annotation(annotation, move_text=True)
        self.text_view.setFocus()
        return annotation

    def describe_annotations(self, ids: list[str]) -> str:
        """Tooltip text for the annotations under the mouse, innermost first."""
        lines = []
        for annotation_id in reversed(ids):
            row = self.annotations_model.row_of(annotation_id)
            if row is None:
                continue
            ann = self.annotations_model.annotation(row)
            line = f"{ann.label} {ann.start}–{ann.end} by {ann.annotator}"
            if ann.attributes:
                line += " · " + ", ".join(f"{k}: {format_value(v)}" for k, v in ann.attributes)
            if ann.note:
                line += f": {ann.note}"
            lines.append(line)
        return "\n".join(lines)

    def show_shortcuts(self) -> QDialog:
        """A window listing every action with its keyboard shortcut, then the mouse
        gestures."""
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(0, 2, dialog)
        table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The resize keys belong to the text and the list, not to the window.
        for action in [*self.actions(), *self.resize_actions]:
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            if not keys:
                continue
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(action.text().replace("&", "")))
            table.setItem(row, 1, QTableWidgetItem(keys))
        for gesture, how in MOUSE_GESTURES:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(gesture))
            table.setItem(row, 1, QTableWidgetItem(how))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel("Select text and press a label key to tag it; F1 shows this."))
        layout.addWidget(table)
        dialog.resize(520, 560)
        dialog.show()
        return dialog

    # -- find ------------------------------------------------------------------------

    def find_bar_open(self) -> None:
        self.find_bar.open()

    def find(self, query: str) -> int:
        """Mark every case-insensitive hit of ``query`` and go to the first after the
        caret; returns the number of hits."""
        self._hits, self._hit = [], -1
        if self._document is not None and query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self._hits = [m.span() for m in pattern.finditer(self._document.text)]
        self.text_view.mark_hits(self._hits)
        if self._hits:
            # From where the reader is: the start of the selection (the hit found so far
            # while typing), else the caret.
            selected = self.text_view.selected_span()
            caret = selected[0] if selected else self.text_view.caret_offset()
            starts = [start for start, _end in self._hits]
            self._go_to_hit(bisect_left(starts, caret) % len(self._hits))
        self.find_bar.show_count(self._hit + 1, len(self._hits), query)
        return len(self._hits)

    def step_hit(self, step: int) -> None:
        if not self._hits:
            if not self.find_bar.isVisible():
                self.find_bar.open()
            return
        self._go_to_hit((self._hit + step) % len(self._hits))
        self.find_bar.show_count(self._hit + 1, len(self._hits), self.find_bar.field.text())

    def _go_to_hit(self, index: int) -> None:
        self._hit = index
        start, end = self._hits[index]
        self.text_view.select_span(start, end)

    def close_find(self) -> None:
        self.find_bar.hide()
        self._hits, self._hit = [], -1
        self.text_view.mark_hits([])
        self.text_view.setFocus()

    def details_edit_note(self) -> None:
        if self.current_annotation() is not None:
            self.details.edit_note()

    def set_note(self, annotation_id: str, note: str) -> Annotation | None:
        """Save an annotation's note (blank clears it); one undoable step."""
        return self._edit_annotation(
            annotation_id,
            lambda old: self.workspace.set_note(old, note, initiator=self),
            "note",
            "Note saved.",
        )

    def set_attributes(
        self, annotation_id: str, name: str, values: dict[str, AttributeValue]
    ) -> Annotation | None:
        """Save an annotation's attribute values (``name`` is the one changed, for the
        Edit menu); one undoable step."""
        return self._edit_annotation(
            annotation_id,
            lambda old: self.workspace.set_attributes(old, values, name, initiator=self),
            name,
            f"{name} saved.",
        )

    def _edit_annotation(
        self,
        annotation_id: str,
        save: Callable[[Annotation], Annotation],
        what: str,
        message: str,
    ) -> Annotation | None:
        """Store ``save(annotation)`` for the listed annotation, as the undoable step
        "edit WHAT on 'label'"; a refusal is explained and the window catches up."""
        row = self.annotations_model.row_of(annotation_id)
        if row is None:
            return None
        old = self.annotations_model.annotation(row)
        try:
            new = save(old)
        except StoreError as exc:
            self._error(f"Could not save the {what}", str(exc))
            self.refresh_from_store()
            return None
        self._replaced(old, new)
        self.statusBar().showMessage(message, 5000)
        return new

    def resize_current(self, edge: str, step: int) -> Annotation | None:
        """Move the selected annotation's start or end by ``step`` characters (code
        points, so an emoji moves as one); one undoable step."""
        old = self.current_annotation()
        if old is None:
            return None
        if len(self.selected_annotations()) > 1:
            self.statusBar().showMessage("Select a single annotation to resize it.", 5000)
            return None
        start, end = old.start, old.end
        if edge == "start":
            start += step
        else:
            end += step
        return self._resize(old, start, end)

    def resize_to(self, annotation_id: str, start: int, end: int) -> Annotation | None:
        """Give an annotation of the open document the code point span ``[start, end)``
        (a dragged edge); one undoable step named like a keyboard resize. If it cannot be
        done, the text selection shows the span as it is."""
        row = self.annotations_model.row_of(annotation_id)
        if row is None:
            return None
        old = self.annotations_model.annotation(row)
        new = self._resize(old, start, end)
        if new is None:
            row = self.annotations_model.row_of(annotation_id)
            if row is not None:
                kept = self.annotations_model.annotation(row)
                self.text_view.select_span(kept.start, kept.end)
        return new

    def set_snap_to_words(self, on: bool) -> None:
        """Snap selections to words (mouse selections, tagging, dragged edges), or not;
        remembered for the next launch."""
        self.text_view.set_snapping(on)
        if self.snap_action.isChecked() != on:
            self.snap_action.setChecked(on)
        settings = window_settings()
        settings.setValue(SNAP_SETTING, on)
        settings.sync()
        self.statusBar().showMessage(
            "Selections snap to whole words." if on else "Selections are taken as made.", 4000
        )

    def _resize(self, old: Annotation, start: int, end: int) -> Annotation | None:
        """Save ``old`` with the span ``[start, end)`` as one undoable step; ``None`` if
        the span is unchanged, does not fit the text or the store refuses it."""
        if self._document is None or (start, end) == (old.start, old.end):
            return None
        if not 0 <= start < end <= len(self._document.text):
            return None
        try:
            new = self.workspace.resize(old, start, end, initiator=self)
        except StoreError as exc:
            self._error("Could not resize the annotation", str(exc))
            self.refresh_from_store()
            return None
        self._replaced(old, new)
        self.statusBar().showMessage(f"{new.label} now {new.start}–{new.end}.", 3000)
        return new

    def relabel_current(self, label: str) -> Annotation | None:
        """Give the selected annotation another label (one undoable step); with several
        selected, all of them (see :meth:`relabel_selected`)."""
        if len(self.selected_annotations()) > 1:
            changed = self.relabel_selected(label)
            return changed[0] if changed else None
        old = self.current_annotation()
        if old is None or old.label == label:
            return None
        try:
            new = self.workspace.relabel(old, label, initiator=self)
        except StoreError as exc:
            self._error("Could not change the label", str(exc))
            self.refresh_from_store()
            return None
        self._replaced(old, new)
        self.statusBar().showMessage(f"Relabelled {old.label} as {label}.", 5000)
        return new

    def _replaced(self, old: Annotation, new: Annotation) -> None:
        """Show the change of ``old`` into ``new`` (already saved and recorded); the
        selection stays where it was unless it was on ``old``."""
        selected = self.current_annotation()
        several = self.selected_annotations()
        self._syncing = True  # rows shifting in the list must not move the text selection
        try:
            self.annotations_model.remove(old.id)
            self.text_view.remove_annotation(old.id)
            self.text_view.add_annotation(new)
            self.annotations_model.insert(new)
        finally:
            self._syncing = False
        keep = selected if selected is not None and selected.id != old.id else new
        self._select_annotation(keep, move_text=False)
        if len(several) > 1:  # a note edited with several rows selected keeps them
            self._select_ids([a.id for a in several], keep.id, move_text=False)
        self._update_status()

    # -- labels ----------------------------------------------------------------------

    def edit_labels(self) -> bool:
        """Open the label-scheme editor; what it changes is one undoable step."""
        counts = self._label_usage()
        label_actions = set(self.label_actions.values())
        reserved = {
            key.toString(QKeySequence.SequenceFormat.PortableText): action.text().replace("&", "")
            for action in [*self.actions(), *self.resize_actions]
            if action not in label_actions
            for key in action.shortcuts()
        }
        dialog = LabelsDialog(
            self._labels, lambda name: counts.get(name, 0), self, reserved, self._scheme_problem
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()
        if not accepted:
            return False
        return self.apply_scheme(
            dialog.scheme(), dialog.renames(), dialog.removed(), step_name(self._labels, dialog)
        )

    def _label_usage(self) -> dict[str, int]:
        try:
            counts = self._store.label_counts()
        except StoreError:
            return {}
        usage: dict[str, int] = {}
        for (_doc, label), n in counts.items():
            usage[label] = usage.get(label, 0) + n
        return usage

    def apply_scheme(
        self,
        labels: Sequence[Label],
        renames: Sequence[tuple[str, str]] = (),
        removed: Sequence[str] = (),
        name: str = "edit labels",
    ) -> bool:
        """Make ``labels`` the scheme: ``renames`` (old, new) carry annotations along,
        the annotations of ``removed`` labels are deleted. One undoable step."""
        before, after = tuple(self._labels), tuple(labels)
        if before == after and not renames:
            return False
        try:
            step = self._scheme_step(labels, renames, removed, name)
            self.workspace.apply(step, initiator=self)
        except StoreError as exc:
            self._error("Could not change the labels", str(exc))
            self._reload_labels()
            return False
        self._reload_labels(dict(renames))
        self.statusBar().showMessage(f"Labels saved ({name}).", 5000)
        return True

    def _scheme_step(
        self,
        labels: Sequence[Label],
        renames: Sequence[tuple[str, str]],
        removed: Sequence[str],
        name: str = "edit labels",
    ) -> Step:
        return self.workspace.scheme_step(self._labels, labels, renames, removed, name)

    def _scheme_problem(
        self,
        labels: Sequence[Label],
        renames: Sequence[tuple[str, str]],
        removed: Sequence[str],
    ) -> str | None:
        """Why the database would refuse this scheme (tried, then rolled back), or None."""
        try:
            step = self._scheme_step(labels, renames, removed)
            self.workspace.check(step)
        except StoreError as exc:
            return str(exc)
        return None

    def _reload_labels(self, renames: Mapping[str, str] | None = None) -> None:
        """Show the stored labels, and the current document's annotations with them."""
        try:
            labels = self._store.labels()
        except StoreError as exc:
            self.statusBar().showMessage(f"Could not read the labels: {exc}", 8000)
            return
        if labels != self._labels:
            self._labels = labels
            self._install_labels(renames)
        current = self._document
        if current is not None:
            try:
                annotations = self._shown(self._store.annotations(current.id))
            except StoreError as exc:
                self.statusBar().showMessage(f"Could not refresh: {exc}", 8000)
                return
            selected = self.current_annotation()
            self.text_view.set_annotations(annotations)
            self.annotations_model.set_annotations(current.text, annotations)
            if selected is not None and self.annotations_model.row_of(selected.id) is not None:
                self._select_annotation(selected, move_text=False)
        self.reload_documents()
        self._update_status()
        self._update_delete_enabled()

    # -- undo and redo ---------------------------------------------------------------

    def undo(self) -> bool:
        """Undo the last annotation change (committed at once, like any change)."""
        return self._replay(self.workspace.undo_name(), self.workspace.undo, "Undid")

    def redo(self) -> bool:
        """Redo the last undone annotation change."""
        return self._replay(self.workspace.redo_name(), self.workspace.redo, "Redid")

    def _replay(self, name: str | None, replay: Callable[[], Changes | None], done: str) -> bool:
        if name is None:
            return False
        try:
            replay()  # the views follow in _on_changes
        except StoreError as exc:
            self._update_undo_actions()
            self.refresh_from_store()
            self._error("Could not undo or redo", str(exc))
            return False
        self.statusBar().showMessage(f"{done} {name}.", 5000)
        return True

    def _update_undo_actions(self) -> None:
        undo, redo = self.workspace.undo_name(), self.workspace.redo_name()
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")

    def current_annotation(self) -> Annotation | None:
        """The annotation the details panel shows: the list's current row if it is
        selected and shown, else the first selected row the list shows."""
        self._show_tagged()
        view, selection = self.annotations_view, self.annotations_view.selectionModel()
        row = selection.currentIndex().row()
        if row >= 0 and selection.isRowSelected(row) and not view.isRowHidden(row):
            return self.annotations_model.annotation(row)
        selected = self.selected_annotations()
        return selected[0] if selected else None

    def delete_current_annotation(self) -> None:
        if len(self.selected_annotations()) > 1:
            self.delete_selected_annotations()
            return
        annotation = self.current_annotation()
        if annotation is None or self._document is None:
            return
        try:
            # Checked: one changed or deleted elsewhere since it was shown is not deleted
            # (and an undo could not bring back the other person's version).
            self.workspace.delete([annotation], initiator=self)
        except StoreError as exc:
            self._error("Could not delete the annotation", str(exc))
            self.refresh_from_store()
            return
        row = self.annotations_model.row_of(annotation.id)
        self.annotations_model.remove(annotation.id)
        self.text_view.remove_annotation(annotation.id)
        self.documents_model.change_count(self._document.id, -1)
        if self._older_of is not None:
            self.reload_documents()  # an orphan gone: the newest version's count changes
        self._update_status()
        self._update_delete_enabled()
        self.statusBar().showMessage(
            f"Deleted {annotation.label} {annotation.start}–{annotation.end}.", 5000
        )
        if row is not None and self.annotations_view.hasFocus():
            # Keep working down the list from the keyboard.
            remaining = self.annotations_model.rowCount()
            visible = [r for r in range(remaining) if not self.annotations_view.isRowHidden(r)]
            if visible:
                following = next((r for r in visible if r >= row), visible[-1])
                self._select_annotation(
                    self.annotations_model.annotation(following), move_text=True
                )

    def _select_annotation(self, annotation: Annotation, *, move_text: bool) -> None:
        row = self.annotations_model.row_of_annotation(annotation)
        if row is None:  # changed since (e.g. resized): look it up by id
            row = self.annotations_model.row_of(annotation.id)
        if row is None:
            return
        self._syncing = True
        try:
            index = self.annotations_model.index(row, 0)
            self.annotations_view.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.annotations_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.annotations_view.scrollTo(index)
            if move_text:
                self.text_view.select_span(annotation.start, annotation.end)
        finally:
            self._syncing = False
        self._update_delete_enabled()

    def _on_annotation_chosen(self) -> None:
        if self._syncing:
            return  # whoever is syncing updates the details once it is done
        annotation = self.current_annotation()
        if annotation is not None:
            self._show_in_text(annotation)
        self._update_delete_enabled()

    def _on_caret_moved(self, offset: int) -> None:
        ids = self.text_view.annotation_ids_at(offset)
        if ids:
            row = self.annotations_model.row_of(ids[-1])
            if row is not None:
                self._select_annotation(self.annotations_model.annotation(row), move_text=False)
                return
        self._syncing = True
        try:
            self.annotations_view.selectionModel().clearSelection()
        finally:
            self._syncing = False
        self._update_delete_enabled()

    def _on_caret_clicked(self, offset: int) -> None:
        """Clicking again where annotations overlap selects the next one out (then
        back to the innermost)."""
        again, self._last_click = self._last_click == offset, offset
        ids = self.text_view.annotation_ids_at(offset)  # longest first, innermost last
        current = self.current_annotation()
        if not again or len(ids) < 2 or current is None or current.id not in ids:
            return
        following = ids[(ids.index(current.id) - 1) % len(ids)]
        row = self.annotations_model.row_of(following)
        if row is not None:
            chosen = self.annotations_model.annotation(row)
            self._select_annotation(chosen, move_text=False)
            self.statusBar().showMessage(
                f"{chosen.label} {chosen.start}–{chosen.end} "
                f"({ids.index(following) + 1} of {len(ids)} here; click again for the next)",
                4000,
            )

    def _update_delete_enabled(self) -> None:
        if self._syncing:
            return  # whoever is syncing calls this once it is done
        current = self.current_annotation()
        count = len(self.selected_annotations())
        # Its edges can be dragged; not with several selected (a resize is for one).
        self.text_view.set_grabbable(current if count == 1 else None)
        self.delete_action.setEnabled(current is not None)
        self.edit_note_action.setEnabled(current is not None)
        if current is not None and self._document is not None:
            self.details.set_annotation(current, self._document.text[current.start : current.end])
        else:
            self.details.set_annotation(None, "")
        self._update_label_verbs()
        self._show_selection_count(count)

    def _update_label_verbs(self, *_focus: object) -> None:
        verb = "Relabel as" if self._relabels() else "Tag as"
        for name, action in self.label_actions.items():
            text = f"{verb} {name}"
            if action.text() != text:  # a change repaints the label bar
                action.setText(text)

    def _relabels(self) -> bool:
        """Whether a label key relabels (rather than tags): an annotation is selected and
        either no text is, or the user is working in the annotation list."""
        if self.current_annotation() is None:
            return False
        return self.annotations_view.hasFocus() or not self._has_text_selection()

    def _has_text_selection(self) -> bool:
        return self.text_view.textCursor().hasSelection()

    # -- several annotations at once -------------------------------------------------

    def _allow_bulk_selection(self) -> None:
        """Let the annotation list select several rows (Shift/Ctrl+click, Shift+arrows,
        Ctrl+A); Delete and the label keys then act on all of them."""
        self.annotations_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def selected_annotations(self) -> list[Annotation]:
        """The selected annotations the list shows, in list order: a row the filter hides
        never counts, even if a range selection took it in."""
        self._show_tagged()
        view = self.annotations_view
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        return [self.annotations_model.annotation(r) for r in rows if not view.isRowHidden(r)]

    def select_all(self) -> None:
        """Ctrl+A: in the annotation list, every row it shows (never one the filter
        hides); anywhere else, all the text."""
        if not self.annotations_view.hasFocus():
            self.text_view.selectAll()
            return
        view = self.annotations_view
        shown = [
            ann.id
            for row, ann in enumerate(self.annotations_model.annotations())
            if not view.isRowHidden(row)
        ]
        current = self.current_annotation()
        self._select_ids(shown, current.id if current else None, move_text=True)

    @staticmethod
    def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
        """Sorted rows as (first, last) runs of consecutive rows."""
        runs: list[tuple[int, int]] = []
        for row in rows:
            if runs and runs[-1][1] == row - 1:
                runs[-1] = (runs[-1][0], row)
            else:
                runs.append((row, row))
        return runs

    def _row_selection(self, rows: Sequence[int]) -> QItemSelection:
        model = self.annotations_model
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        for first, last in self._runs(sorted(rows)):
            selection.select(model.index(first, 0), model.index(last, last_column))
        return selection

    def _select_ids(self, ids: Sequence[str], current_id: str | None, *, move_text: bool) -> None:
        """Select the rows the list shows of the annotations ``ids``, ``current_id`` (else
        the first) the current one, which the text and the details panel show."""
        view, model = self.annotations_view, self.annotations_model
        where = {ann.id: row for row, ann in enumerate(model.annotations())}
        rows = sorted(
            row for i in ids if (row := where.get(i)) is not None and not view.isRowHidden(row)
        )
        if not rows:
            return
        current = where.get(current_id) if current_id is not None else None
        index = model.index(current if current in rows else rows[0], 0)
        flags = QItemSelectionModel.SelectionFlag
        was, self._syncing = self._syncing, True
        try:
            view.selectionModel().select(
                self._row_selection(rows), flags.ClearAndSelect | flags.Rows
            )
            view.selectionModel().setCurrentIndex(index, flags.NoUpdate)
            view.scrollTo(index)
            if move_text:
                self._show_in_text(model.annotation(index.row()))
        finally:
            self._syncing = was
        self._update_delete_enabled()

    def _show_in_text(self, annotation: Annotation) -> None:
        """Show the current annotation in the text: select its span; with several rows
        selected, only put the caret at its start, so no text is selected and a label key
        relabels them all."""
        if len(self.selected_annotations()) > 1:
            self.text_view.place_caret(annotation.start)
            self.text_view.ensureCursorVisible()
        else:
            self.text_view.select_span(annotation.start, annotation.end)

    def _deselect_hidden_rows(self) -> None:
        """Deselect the rows the filter hides (the rows shown stay selected)."""
        view = self.annotations_view
        hidden = [
            i.row() for i in view.selectionModel().selectedRows() if view.isRowHidden(i.row())
        ]
        if not hidden:
            return
        flags = QItemSelectionModel.SelectionFlag
        was, self._syncing = self._syncing, True
        try:
            view.selectionModel().select(self._row_selection(hidden), flags.Deselect | flags.Rows)
        finally:
            self._syncing = was
        if not was:
            self._update_delete_enabled()

    def _show_selection_count(self, count: int) -> None:
        """Say in the Edit menu and the details panel how many rows Delete acts on."""
        several = count > 1
        self.delete_action.setText(
            f"&Delete {count} annotations" if several else "&Delete annotation"
        )
        self.delete_action.setStatusTip(
            f"Delete the {count} selected annotations (one undo step)"
            if several
            else "Delete the selected annotation"
        )
        self.details.set_selected_count(count)

    def _swap_annotations(self, removed: Sequence[Annotation], added: Sequence[Annotation]) -> None:
        """Show ``removed`` gone from and ``added`` come into the open document's text and
        list (already saved). One or two rows change in place; more in one reset of the
        list, since every row inserted or removed filters the whole list again."""
        document = self._document
        if document is None:
            return
        added = [ann for ann in added if ann.document_id == document.id and self._shows(ann)]
        was, self._syncing = self._syncing, True  # the text must not follow rows moving
        try:
            if len(removed) + len(added) <= 2:
                for ann in removed:
                    self.text_view.remove_annotation(ann.id)
                    self.annotations_model.remove(ann.id)
                for ann in added:
                    self.text_view.add_annotation(ann)
                    self.annotations_model.insert(ann)
                return
            gone = {ann.id for ann in removed}
            kept = [ann for ann in self.annotations_model.annotations() if ann.id not in gone]
            self.text_view.set_annotations([*kept, *added])  # highlighted again once
            scrolled = self.annotations_view.verticalScrollBar().value()
            self.annotations_model.set_annotations(document.text, [*kept, *added])
            self.annotations_view.verticalScrollBar().setValue(scrolled)  # not back to the top
        finally:
            self._syncing = was

    def delete_selected_annotations(self) -> list[Annotation]:
        """Delete every selected annotation the list shows, in one transaction and one
        undoable step; returns them. If any was changed or deleted elsewhere (another
        window), none is deleted and the window catches up."""
        selected = self.selected_annotations()
        if self._document is None or not selected:
            return []
        first_row = self.annotations_model.row_of(selected[0].id)
        try:
            self.workspace.delete(selected, initiator=self)
        except StoreError as exc:
            self._error("Could not delete the annotations", f"{exc}\n\nNothing was deleted.")
            self.refresh_from_store()
            return []
        count = len(selected)
        self._swap_annotations(selected, ())
        self.documents_model.change_count(self._document.id, -count)
        if self._older_of is not None:
            self.reload_documents()  # orphans gone: the newest version's count changes
        self._update_status()
        self._update_delete_enabled()
        self.statusBar().showMessage(
            f"Deleted {count} annotation(s); Ctrl+Z brings them back.", 5000
        )
        if first_row is not None and self.annotations_view.hasFocus():
            # Keep working down the list from the keyboard.
            view = self.annotations_view
            shown = [r for r in range(self.annotations_model.rowCount()) if not view.isRowHidden(r)]
            if shown:
                following = next((r for r in shown if r >= first_row), shown[-1])
                self._select_annotation(
                    self.annotations_model.annotation(following), move_text=True
                )
        return selected

    def relabel_selected(self, label: str) -> list[Annotation]:
        """Give every selected annotation the list shows ``label``, in one transaction and
        one undoable step; returns the ones changed, as they are now.

        Those that have ``label`` already are left alone. One that would become an exact
        twin of another (same label, span and annotator, which the store never holds
        twice) is skipped and the rest are relabelled: a dialog says how many were
        skipped, and they stay selected to be looked at. If any was changed or deleted
        elsewhere, no label changes and the window catches up."""
        selected = self.selected_annotations()
        if self._document is None or not selected:
            return []
        todo = [ann for ann in selected if ann.label != label]
        if not todo:
            self.statusBar().showMessage(f"The selected annotations are {label} already.", 5000)
            return []
        current = self.current_annotation()
        try:
            result = self.workspace.relabel_all(todo, label, initiator=self)
        except StoreError as exc:
            self._error("Could not change the labels", f"{exc}\n\nNo label was changed.")
            self.refresh_from_store()
            return []
        changed = list(result.changed)
        if changed:
            before = {ann.id: ann for ann in todo}
            old = tuple(before[ann.id] for ann in changed)
            self._swap_annotations(old, changed)
            current_id = current.id if current is not None else None
            self._select_ids([ann.id for ann in selected], current_id, move_text=False)
            self._update_status()
        message = f"Relabelled {len(changed)} annotation(s) as {label}."
        self.statusBar().showMessage(message, 5000)
        if result.twins:
            skipped = len(result.twins)
            QMessageBox.information(
                self,
                "Some annotations kept their label",
                f"{message}\n\n{skipped} annotation(s) kept their label: an identical "
                f"{label} annotation (same span, same annotator) exists already. Delete them "
                "if they are duplicates.",
            )
            self.activateWindow()
        return changed

    # -- status ----------------------------------------------------------------------

    def _update_status(self) -> None:
        if self._stats_dialog is not None and self._stats_dialog.isVisible():
            self.show_statistics()  # keep the open statistics window current
        self._update_counts_label()

    def _update_counts_label(self) -> None:
        if self._document is None:
            self.counts_label.setText(f"No document open · {self._store.location}")
            return
        if self._loading is not None:
            self.counts_label.setText(f"{self._document.title} · loading annotations…")
            return
        counts = self.annotations_model.label_counts()
        count = self.annotations_model.rowCount()
        per_label = " · ".join(f"{label.name} {counts[label.name]}" for label in self._labels)
        version = ""
        if self._older_of is not None:
            version = f"version {self._document.version} of {self._older_of[1]} · "
        elif self._document.version > 1:
            version = f"version {self._document.version} · "
        self.counts_label.setText(
            f"{self._document.title} · {version}{len(self._document.text):,} characters · "
            f"{count} annotation{'' if count == 1 else 's'} ({per_label})"
        )

    # -- import and export -----------------------------------------------------------

    def _ask_import(self) -> None:
        interchange = (fmt.suffix for fmt in registry.readable() if fmt.suffix)
        patterns = " ".join(f"*{suffix}" for suffix in (*SUFFIXES, *SET_SUFFIXES, *interchange))
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            "Import documents or annotation sets",
            "",
            f"Documents and annotation sets ({patterns});;All files (*)",
        )
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not
        if paths:
            self.import_files([Path(p) for p in paths])

    def _ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of documents")
        self.activateWindow()
        if folder:
            self.import_files([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._importing and _dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._importing and _dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_paths(event.mimeData())
        if not paths or self._importing:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)

    def toggle_done(self) -> bool:
        """Mark the open document done, or not done again; returns the new state."""
        if self._document is None:
            return False
        done = not self.documents_model.is_done(self._document.id)
        try:
            self.workspace.set_done(self._document.id, done, initiator=self)
        except StoreError as exc:
            self._error("Could not mark the document", str(exc))
            return not done
        self.reload_documents()
        self.done_action.setChecked(done)
        self.statusBar().showMessage("Marked done." if done else "Marked not done.", 4000)
        return done

    def edit_properties(self) -> bool:
        """Show the current document's properties; save title, author and date if asked."""
        if self._document is None:
            return False
        dialog = PropertiesDialog(self, self._document)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()
        if not accepted:
            return False
        title, author, published = dialog.values()
        try:
            self._document = self.workspace.update_document_metadata(
                self._document.id, title=title, author=author, published=published, initiator=self
            )
        except StoreError as exc:
            self._error("Could not save the properties", str(exc))
            return False
        self.reload_documents()
        self.setWindowTitle(self._window_title())
        self._update_status()
        return True

    def reread_document(self) -> bool:
        """Document ▸ Re-read with encoding…: a new version of the open document read
        from its original bytes with the encoding the user picks, annotations carried
        over as for a changed file; the status bar says how they were placed."""
        if self._document is None:
            return False
        try:
            data = original_bytes(self._store, self._document)
        except (CannotReread, StoreError) as exc:
            self._error("Cannot re-read this document", str(exc))
            return False
        dialog = RereadDialog(self, self._document, data)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()
        new = dialog.document()
        dialog.deleteLater()
        if not accepted or new is None:
            return False
        try:
            result = self.workspace.import_version(self._document.id, new, initiator=self)
        except StoreError as exc:
            self._error("Could not make the new version", str(exc))
            return False
        self.open_document(result.document.id)
        if result.carried is None:
            message = "That text is already stored: nothing was changed."
        else:
            carried = result.carried
            message = (
                f"Re-read as {new.encoding}: version {result.document.version}; annotations "
                "placed "
                + carried_counts(carried.exact, carried.quote, carried.fuzzy, carried.orphaned)
                + "."
            )
        self.statusBar().showMessage(message, 10000)
        return result.created

    def import_files(self, paths: Sequence[Path], *, replace: bool = False) -> bool:
        """Import documents, folders of them and annotation sets; returns whether the
        import was stored.

        The files are read in the background, the status bar showing progress and
        Cancel; the window stays usable meanwhile (another import and switching databases
        wait). Then, in the GUI thread: named files that cannot be read are listed with
        an offer to import the others, uncertain decodings are reviewed, and everything
        is stored in one transaction with a progress dialog. A dialog explains any
        failure in the command line's words; a conflict offers to replace. The first
        imported document is opened. Cancel, or closing the window, stores nothing.
        """
        if self._importing:
            self.statusBar().showMessage("An import is already running.", 5000)
            return False
        self._importing = True
        try:
            return self._import(paths, replace)
        finally:
            self._importing = False

    def _import(self, paths: Sequence[Path], replace: bool) -> bool:
        try:
            inputs = self._read_in_background(list(paths))
        except Cancelled:
            self.statusBar().showMessage("Import cancelled: nothing was changed.", 8000)
            return False
        except (DocumentReadError, SetFormatError, StoreError) as exc:
            self._error("Nothing was imported", str(exc))
            return False
        if inputs is None:  # the window was closed: nothing more to do or show
            return False
        listed = bool(inputs.refused)
        if listed and not self._offer_the_readable(inputs):
            self.statusBar().showMessage("Import cancelled: nothing was changed.", 8000)
            return False
        reviewed = self._review_decodings(inputs)
        if reviewed is None:
            self.statusBar().showMessage("Import cancelled: nothing was changed.", 8000)
            return False
        outcome = self._store_inputs(reviewed, replace)
        if outcome is None:
            return False
        self._reload_labels()  # a set may have brought labels; documents and counts too
        if outcome.documents:
            self.open_document(outcome.documents[0][1].document.id)
        else:
            self.refresh_from_store()
            if self._document is None:
                self.open_initial_document()
        self.statusBar().showMessage(outcome.summary(), 8000)
        if outcome.failures and not listed:  # listed already: the bad files in folders
            self._error("Some files were not imported", _listing(outcome.failures))
        versions = outcome.versions()
        if outcome.sets or versions:
            lines = outcome.lines()
            if any(carried.orphans for _path, carried in versions):
                lines.append(
                    "\nOrphaned annotations are kept on the version they were made on: "
                    "View ▸ Orphaned annotations… lists them."
                )
            QMessageBox.information(self, "Import finished", "\n".join(lines))
            self.activateWindow()
        return True

    @property
    def importing(self) -> bool:
        """Whether an import is under way (reading, asking or storing)."""
        return self._importing

    def _read_in_background(self, paths: list[Path]) -> ImportInputs | None:
        """Everything read from ``paths`` (bad files named directly in ``refused``), read
        in a worker thread while this window's events go on; None if the window was
        closed meanwhile. Raises :class:`Cancelled` if the user cancelled, else what
        reading raised."""
        reading = BackgroundWork(
            lambda progress: read_inputs(paths, progress, keep_good=True), self
        )
        loop = QEventLoop()
        self._reading = (reading, loop)
        reading.finished.connect(loop.quit)
        reading.progressed.connect(self.import_progress.advance)
        self.import_progress.start("Reading files")
        self._enable_import_conflicts(False)
        reading.start()
        loop.exec()
        if self._reading is None:  # closeEvent stopped the reading and tidied up
            return None
        if reading.isRunning():  # the application is quitting: stop at the next file
            reading.cancel()
            reading.wait()
        self._reading = None
        self.import_progress.finish()
        self._enable_import_conflicts(True)
        reading.deleteLater()
        if reading.cancelled or reading.cancel_requested:
            raise Cancelled
        if reading.error is not None:
            raise reading.error
        inputs = reading.result
        assert isinstance(inputs, ImportInputs)
        self._offer_the_rest(inputs)
        if inputs.refused and not inputs.readable():
            raise DocumentReadError(_listing(inputs.refused))
        return inputs

    def _cancel_import(self) -> None:
        if self._reading is not None:
            self._reading[0].cancel()

    def _enable_import_conflicts(self, enabled: bool) -> None:
        """Another import, or another database, must wait until this one is read."""
        for action in (
            self.import_action,
            self.import_folder_action,
            self.open_database_action,
            self.open_team_database_action,
            self.restore_action,
        ):
            action.setEnabled(enabled)

    def _offer_the_rest(self, inputs: ImportInputs) -> None:
        """For each project refused only for spans that fit no reading of their text,
        show the report and offer to import the rest; an accepted one is read again
        leaving those spans out (as ``annotator import --skip-unplaceable``)."""
        for path, refusal in list(inputs.unplaceable):
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Some selections cannot be placed")
            box.setText(refusal)
            box.setInformativeText(
                "Import the rest, leaving these out? Nothing is changed until you choose."
            )
            rest = box.addButton("Import the rest", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(rest)
            box.exec()
            self.activateWindow()
            if box.clickedButton() is not rest:
                continue
            try:
                again = read_inputs([path], skip_unplaceable=True)
            except (DocumentReadError, SetFormatError):
                continue  # stays refused, with its first reason
            inputs.sets.extend(again.sets)
            inputs.refused.remove(refusal)
            inputs.unplaceable.remove((path, refusal))

    def _offer_the_readable(self, inputs: ImportInputs) -> bool:
        """List the files that cannot be imported and offer to import the others;
        returns whether the user chose to."""
        bad = [*inputs.refused, *inputs.failures]
        count = inputs.readable()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Some files cannot be imported")
        box.setText(
            f"{len(bad)} file{'' if len(bad) == 1 else 's'} cannot be imported:\n\n" + _listing(bad)
        )
        other = "the other file" if count == 1 else f"the {count:,} others"
        box.setInformativeText(f"Import {other}? Nothing is changed until you choose.")
        accept = box.addButton(f"Import {other}", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(accept)
        box.exec()
        self.activateWindow()
        return box.clickedButton() is accept

    def _store_inputs(self, inputs: ImportInputs, replace: bool) -> ImportOutcome | None:
        """Store what was read in one transaction, with a progress dialog; a conflict
        with the database's annotations offers to replace them. None if nothing was
        stored (the user was told why)."""
        while True:
            try:
                return run_with_progress(self, "Importing…", self._storing(inputs, replace))
            except Cancelled:
                self.statusBar().showMessage("Import cancelled: nothing was changed.", 8000)
                return None
            except SetConflictError as exc:
                answer = QMessageBox.question(
                    self,
                    "Annotations conflict",
                    f"{exc}\n\nReplace the annotations in the database with the file's versions?",
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                replace = True
            except (DocumentReadError, SetFormatError, StoreError) as exc:
                self._error("Nothing was imported", str(exc))
                return None

    def _storing(
        self, inputs: ImportInputs, replace: bool
    ) -> Callable[[Callable[[int, int], None]], ImportOutcome]:
        return lambda progress: run_import(
            self.workspace, inputs, replace=replace, progress=progress, initiator=self
        )

    def _review_decodings(self, inputs: ImportInputs) -> ImportInputs | None:
        """The inputs to store once the user has confirmed the uncertain decodings
        (``NewDocument.confidence`` below ``UNCERTAIN``), or None if they cancelled."""
        reviewed = review_decodings(self, inputs)
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not
        return reviewed

    def _ask_export(self) -> None:
        dialog = ExportDialog(self, self._labels, self._document)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not
        if not accepted:
            return
        options = dialog.options()
        suffix = registry.get(options.format).suffix
        if not suffix:  # the format writes a folder
            path = QFileDialog.getExistingDirectory(self, "Export annotations into a folder")
        else:
            path, _filter = QFileDialog.getSaveFileName(
                self, "Export annotations", f"annotations{suffix}", f"*{suffix}"
            )
        self.activateWindow()
        if path:
            self.export_to(Path(path), options)

    def export_to(self, path: Path, options: ExportOptions = ExportOptions()) -> bool:  # noqa: B008
        """Export to ``path`` with a progress dialog; a dialog explains any failure."""
        try:
            result = run_with_progress(
                self, "Exporting…", lambda progress: export(self._store, options, progress=progress)
            )
            if isinstance(result.data, dict):
                write_folder(path, result.data)
            else:
                write_atomically(path, result.data)
        except Cancelled:
            self.statusBar().showMessage("Export cancelled: no file was written.", 8000)
            return False
        except (OSError, StoreError) as exc:
            self._error("Export failed", str(exc))
            return False
        self.statusBar().showMessage(
            f"Exported {result.annotations} annotation(s) in {result.documents} document(s) "
            f"to {path}.",
            8000,
        )
        return True

    def show_statistics(self) -> StatsDialog | None:
        """Open (or refresh) the statistics window: counts per document and label."""
        try:
            table = count_table(
                self._store.labels(), self._store.documents(), self._store.label_counts()
            )
        except StoreError as exc:
            self._error("Could not count annotations", str(exc))
            return None
        colors = {label.name: label.color for label in self._labels}
        current = self._document.id if self._document else None
        if self._stats_dialog is None:
            self._stats_dialog = StatsDialog(self, table, colors, current)
        else:
            self._stats_dialog.show_table(table, colors, current)
        if not self._stats_dialog.isVisible():
            self._stats_dialog.show()
            self._stats_dialog.raise_()
        return self._stats_dialog

    def show_agreement(self) -> AgreementDialog:
        """Open (or reread and raise) the agreement window, non-modal."""
        current = None
        if self._document is not None:  # an older version shown: agreement is on the newest
            newest = self._older_of[0] if self._older_of else self._document.id
            current = (newest, self._document.title)
        if self._agreement_dialog is None:
            self._agreement_dialog = AgreementDialog(self, self._store, current)
        else:
            self._agreement_dialog.refresh(current)
        self._agreement_dialog.show()
        self._agreement_dialog.raise_()
        self._agreement_dialog.activateWindow()
        return self._agreement_dialog

    # -- misc ------------------------------------------------------------------------

    def _error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Annotator",
            f"<b>Annotator {__version__}</b><p>Mark claims, refusals and statistics in "
            f"source documents.</p><p>Database: {self._store.location}</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # The work itself needs no saving (every action was committed when it was made);
        # the window's layout is kept for next time.
        self._save_layout()
        self._catch_up_timer.stop()
        self._loading = None  # nothing left to load into a closed window
        if self._reading is not None:  # stop reading, store nothing, leave no thread
            reading, loop = self._reading
            self._reading = None
            reading.cancel()
            reading.wait()
            loop.quit()
            self.import_progress.finish()
            self._enable_import_conflicts(True)
        if self._owns_store:
            self._store.close()
        event.accept()

    def _save_layout(self) -> None:
        settings = window_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/right_splitter", self.right_splitter.saveState())
        settings.sync()

    def _restore_layout(self) -> None:
        settings = window_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/right_splitter", self.right_splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    # -- switching databases ---------------------------------------------------------

    def _ask_open_team_database(self) -> None:
        url = ask_url(self)
        self.activateWindow()
        if url:
            self.open_database(url)

    def _ask_open_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            "Open database",
            str(Path(self._store.location).parent),
            "Annotator databases (*.db *.sqlite *.sqlite3);;All files (*)",
        )
        self.activateWindow()
        if path:
            self.open_database(path)

    def open_database(self, target: str) -> MainWindow | None:
        """Switch to the database at ``target`` (a path or URL): a new window on it takes
        this one's place and layout, then this window and its store are closed. A
        database that cannot be opened is explained in a dialog and nothing changes.
        Returns the window now showing ``target`` (this one if it already was), or None."""
        try:
            store = open_store(
                target,
                seed=True,
                ask_password=lambda q: ask_password(self, q),
                on_wait=self._say_waiting,
            )
        except StoreError as exc:
            self._error("Could not open the database", str(exc))
            return None
        if store.location == self._store.location:
            store.close()
            self.statusBar().showMessage(f"{store.location} is already open.", 5000)
            return self
        return self._replace_with(store)

    def ask_restore_backup(self) -> None:
        database = self._store.file
        if database is None:
            self._error("No backups", "Backups are made of SQLite database files only.")
            return
        dialog = RestoreDialog(database, self)
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        self.activateWindow()
        if chosen is not None:
            self.restore_backup(chosen)

    def restore_backup(self, backup: Path) -> MainWindow | None:
        """Replace this window's database with ``backup`` (the database as it was is kept
        in the backup folder); a new window on it takes this one's place."""
        database = self._store.file
        assert database is not None
        try:
            check_backup(backup, database)  # before this window lets go of its database
        except StoreError as exc:
            self._error("Could not restore the backup", str(exc))
            return None
        self._store.close()  # no connection of ours may go on writing to the old file
        gc.collect()  # nor one that is only waiting to be freed
        note = f"Restored {database.name} from {backup.name}."
        try:
            kept = restore(database, backup)
            if kept is not None:
                note += f" The database it replaced is kept as {kept}."
        except StoreError as exc:
            self._error("Could not restore the backup", str(exc))
            note = "Nothing was restored."  # the database is as it was: opened again
        try:
            store = open_store(str(database), seed=True, on_wait=self._say_waiting)
        except StoreError as exc:
            self._error("Could not open the database", str(exc))
            return None
        window = self._replace_with(store)
        window.statusBar().showMessage(note, 30000)
        return window

    def _say_waiting(self, message: str) -> None:
        """Show that opening a database waits (for a restore of it to finish)."""
        self.statusBar().showMessage(message[:1].upper() + message[1:])
        QApplication.processEvents()  # painted before the wait goes on

    def _replace_with(self, store: Store) -> MainWindow:
        """A new window on ``store`` takes this one's place and layout; this window and
        its store are closed."""
        self._save_layout()  # the new window restores it
        window = MainWindow(store, self._annotator)
        window._owns_store = True
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _replacement_windows.add(window)
        window.destroyed.connect(lambda: _replacement_windows.discard(window))
        window.setWindowIcon(self.windowIcon())
        window.open_initial_document()
        window.show()  # before this one closes, or closing the last window would quit
        window.activateWindow()
        if self._stats_dialog is not None:
            self._stats_dialog.close()
        if self._agreement_dialog is not None:
            self._agreement_dialog.close()
        self.close()
        self._store.close()
        return window

    # -- annotators ------------------------------------------------------------------

    @property
    def annotator(self) -> str:
        """The name new annotations record."""
        return self.workspace.annotator

    @property
    def _annotator(self) -> str:
        return self.workspace.annotator

    @property
    def annotator_filter(self) -> AnnotatorFilter:
        """Whose annotations the window shows."""
        return self._annotator_filter

    def _install_annotator_controls(self, invite: bool) -> None:
        """The status bar's button naming who annotates (it opens the Annotator menu),
        the menu's signals, and the first launch's invitation to change the name."""
        button = self.annotator_button = QToolButton()
        button.setObjectName("annotatorButton")
        button.setAutoRaise(True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(self.annotator_menu)
        button.setToolTip(
            "Who you are annotating as, and whose annotations are shown: click to change"
        )
        self.statusBar().addPermanentWidget(button)
        menu = self.annotator_menu
        menu.changeNameRequested.connect(self.ask_annotator_name)
        menu.workAsRequested.connect(self.set_annotator)
        menu.filterChosen.connect(self.set_annotator_filter)
        for signal in (
            self.annotations_model.modelReset,
            self.annotations_model.rowsInserted,
            self.annotations_model.rowsRemoved,
        ):
            signal.connect(self._update_annotator_column)
        self._update_annotator_column()
        self.invitation.changeRequested.connect(self.ask_annotator_name)
        self.invitation.dismissed.connect(self.text_view.setFocus)
        if invite:
            self.invitation.invite(self._annotator)
        self._show_annotator_state()

    def _update_annotator_column(self, *_args: object) -> None:
        """Show the list's Annotator column while it lists anyone else's annotations."""
        others = any(name != self._annotator for name in self.annotations_model.annotators())
        column = AnnotationTableModel.ANNOTATOR_COLUMN
        if self.annotations_view.isColumnHidden(column) == others:
            self.annotations_view.setColumnHidden(column, not others)

    def _show_annotator_state(self) -> None:
        self.annotator_button.setText(status_text(self._annotator, self._annotator_filter))
        self.annotator_menu.show_state(self._annotator, self._annotator_filter)

    def ask_annotator_name(self) -> bool:
        """Ask for the name to annotate under (a dialog); returns whether it changed."""
        try:
            known = self._store.annotators()
        except StoreError:
            known = []
        dialog = NameDialog(self, self._annotator, known)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not
        return accepted and self.set_annotator(dialog.name())

    def set_annotator(self, name: str) -> bool:
        """Annotate as ``name`` from now on: new annotations record it, "mine" means its
        annotations, and it is kept for the next launch (where ``$ANNOTATOR_USER`` still
        wins). A name that cannot be one is explained in a dialog and nothing changes.
        Returns whether the annotator changed."""
        name = name.strip()
        problem = name_problem(name)
        if problem is not None:
            self._error("Cannot annotate under this name", problem)
            return False
        self.invitation.hide()
        remember_name(name)
        if name == self._annotator:
            return False
        self.workspace.annotator = name
        self.text_view.set_annotator(name)
        self._refilter()
        self._update_annotator_column()
        self._show_annotator_state()
        message = f"Annotating as {name}: new annotations record this name."
        if chosen_by_environment():
            message += " ($ANNOTATOR_USER is set: the next launch uses it again.)"
        self.statusBar().showMessage(message, 8000)
        return True

    def set_annotator_filter(self, chosen: AnnotatorFilter) -> None:
        """Show everyone's annotations, mine, or one annotator's: in the text, the
        margin, the overview strip, the list and the counts. Kept for the next launch."""
        self._annotator_filter = chosen
        remember_filter(chosen)
        self._refilter()
        self._show_annotator_state()
        self.statusBar().showMessage(
            f"Showing {chosen.describe(self._annotator)} annotations.", 5000
        )

    def _follow_in_curation(self) -> None:
        """Annotations changed that the list may not show (the annotator filter): the
        curation window, which shows everyone's, catches up (it follows the list's own
        changes by itself)."""
        if self._curation_dialog is not None and not self._annotator_filter.shows_everyone:
            self._curation_dialog.schedule_refresh()

    def _counted_annotator(self) -> str | None:
        """The one annotator whose annotations are shown (and counted), or None."""
        return self._annotator_filter.annotator(self._annotator)

    def _shows(self, annotation: Annotation) -> bool:
        return self._annotator_filter.shows(annotation, self._annotator)

    def _shown(self, annotations: list[Annotation]) -> list[Annotation]:
        """Those of ``annotations`` the annotator filter shows (all: the same list)."""
        return self._annotator_filter.apply(annotations, self._annotator)

    def _refilter(self) -> None:
        """Show the open document's annotations (and the documents' counts) again, as
        the annotator filter and the current annotator have them now."""
        self.reload_documents()
        if self._loading is not None:
            self._finish_loading()
        elif self._document is not None:
            try:
                annotations = self._shown(self._store.annotations(self._document.id))
            except StoreError as exc:
                self._error("Could not show the annotations", str(exc))
                return
            chosen = self.current_annotation()
            selected = [ann.id for ann in self.selected_annotations()]
            self.text_view.set_annotations(annotations)
            self.annotations_model.set_annotations(self._document.text, annotations)
            self._select_ids(selected, chosen.id if chosen else None, move_text=False)
        self._update_status()
        self._update_delete_enabled()
