"""The main window: documents, the text, annotations, labels, menus and status."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TR_NOOP,
    QByteArray,
    QEventLoop,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.app import preferences
from annotator.app.live_corpus import LiveCorpus
from annotator.app.workspace import Workspace
from annotator.core.model import Annotation, Document, Label
from annotator.store import StoreError
from annotator.store.first_screen import CURRENT_DOCUMENT
from annotator.ui.accessibility import install_names
from annotator.ui.annotators import (
    AnnotatorMenu,
    NameInvitation,
    remembered_filter,
)
from annotator.ui.background import BackgroundWork
from annotator.ui.details_panel import DetailsPanel
from annotator.ui.elided_label import ElidedLabel
from annotator.ui.find_bar import FindBar
from annotator.ui.i18n import tr, tr_said
from annotator.ui.icons import color_icon
from annotator.ui.main_view import MainView
from annotator.ui.memo_panel import MemoPanel
from annotator.ui.menu_text import plain
from annotator.ui.overview import OverviewStrip
from annotator.ui.progress import ProgressStrip
from annotator.ui.settings import remember_database, window_settings
from annotator.ui.side_panels import SidePanels
from annotator.ui.suggestions import SuggestionsController
from annotator.ui.suggestions_bar import SuggestionsExplained
from annotator.ui.table_models import AnnotationTableModel, DocumentTableModel
from annotator.ui.text_view import DocumentView
from annotator.ui.window_analysis import AnalysisMixin
from annotator.ui.window_annotators import AnnotatorsMixin
from annotator.ui.window_documents import PROGRAM, DocumentsMixin
from annotator.ui.window_editing import EditingMixin
from annotator.ui.window_files import FilesMixin
from annotator.ui.window_reading import ReadingMixin
from annotator.ui.window_selection import SelectionMixin

HINT = QT_TR_NOOP("Select text with the mouse or Shift+arrows, then press a label key to tag it.")
# Resizing the selected annotation: plain brackets move its start, with Shift its end;
# "[" moves an edge left, "]" right. Window managers leave Ctrl+[ and Ctrl+] alone (Openbox,
# LXDE, Xfce and GNOME take Ctrl+Alt+arrows and Alt+Shift+arrows, the keys used before);
# Ctrl+Shift+arrows stay the text's select-by-word.
RESIZE_KEYS = (
    (QT_TR_NOOP("Extend end by a character"), "end", 1, "Ctrl+Shift+]"),
    (QT_TR_NOOP("Shrink end by a character"), "end", -1, "Ctrl+Shift+["),
    (QT_TR_NOOP("Extend start by a character"), "start", -1, "Ctrl+["),
    (QT_TR_NOOP("Shrink start by a character"), "start", 1, "Ctrl+]"),
)

if TYPE_CHECKING:
    from annotator.store import Store
    from annotator.store.first_screen import FirstScreen
    from annotator.ui.about_dialog import AboutDialog
    from annotator.ui.agreement_dialog import AgreementDialog
    from annotator.ui.cooccurrence_view import CooccurrenceDialog
    from annotator.ui.crosstab_view import CrosstabDialog
    from annotator.ui.curation_view import CurationDialog
    from annotator.ui.guide_view import GuideWindow
    from annotator.ui.retrieve_view import RetrieveDialog
    from annotator.ui.stats_dialog import StatsDialog
    from annotator.ui.versions_dialog import OrphansDialog, VersionsDialog
# How often (ms) the window asks the store whether another window or process changed the
# database; one pragma when nothing did.
CATCH_UP_MS = 500


class MainWindow(
    DocumentsMixin,
    EditingMixin,
    SelectionMixin,
    FilesMixin,
    AnnotatorsMixin,
    AnalysisMixin,
    ReadingMixin,
    QMainWindow,
):
    """One window on one store. Every user action is committed before it returns."""

    def __init__(
        self,
        store: Store | FirstScreen,
        annotator: str,
        parent: QWidget | None = None,
        *,
        invite: bool = False,
    ) -> None:
        """``invite``: show the bar inviting the user to change the annotator's name.

        Built on a :class:`FirstScreen` (what the first screen shows, read before the
        store is opened), the window shows it as it will on the store, and must be
        :meth:`attach`-ed to the store before it handles any input."""
        super().__init__(parent)
        install_names(QApplication.instance())
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
        self._retrieve_dialog: RetrieveDialog | None = None
        self._cooccurrence_dialog: CooccurrenceDialog | None = None
        self._live_corpus: LiveCorpus | None = None  # read for the analysis windows
        self._crosstab_dialog: CrosstabDialog | None = None
        self._guide: GuideWindow | None = None
        self._about_dialog: AboutDialog | None = None
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

        self.setWindowTitle(PROGRAM)
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
        header.resizeSection(0, max(widest_label, metrics.horizontalAdvance(tr("Label"))) + 44)
        header.resizeSection(2, metrics.horizontalAdvance("0000000–0000000") + 16)
        # Names longer than this are elided; the column can be widened.
        header.resizeSection(3, metrics.horizontalAdvance(tr("Annotator")) + 26)

        self.find_bar = FindBar()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self.invitation = NameInvitation()
        centre_layout.addWidget(self.invitation)
        self.suggestions_explained = SuggestionsExplained()  # first launch: what are these?
        centre_layout.addWidget(self.suggestions_explained)
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
        self.text_filter.setPlaceholderText(tr("Filter by quote or note"))
        self.text_filter.setClearButtonEnabled(True)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.label_filter)
        filters.addWidget(self.text_filter, 1)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.annotations_view, 1)
        self.memo_panel = MemoPanel(self.workspace)
        lower = QSplitter(Qt.Orientation.Vertical)
        # Scrolled, not clipped, when a long quote wraps onto more lines than fit.
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setWidget(self.details)
        lower.addWidget(self.details_scroll)
        lower.addWidget(self.memo_panel)
        lower.setStretchFactor(0, 2)  # the details first: the memo is written now and then
        lower.setSizes([300, 150])
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(list_box)
        right.addWidget(lower)
        right.setStretchFactor(0, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 640, 400])
        self.setCentralWidget(splitter)
        self.splitter, self.right_splitter, self.memo_splitter = splitter, right, lower
        self.side_panels = SidePanels(self, splitter, self.text_view)  # give way when narrow
        self.setTabOrder(self.text_view, self.annotations_view)
        self.setTabOrder(self.annotations_view, self.documents_view)

        self._build_actions()
        self._build_menus_and_label_bar()

        self.counts_label = ElidedLabel(40)  # the whole of it in its tooltip
        self.counts_label.set_tip(tr("Database: {database}").format(database=store.location))
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
            select=partial(self._select_annotation, move_text=False),
        )
        self.suggestions = SuggestionsController(self.main_view)  # menu, keys, outlines
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.suggestions.menu)
        self.suggestions.drawn.connect(self.suggestions_explained.offer)
        self.suggestions_explained.hideRequested.connect(
            lambda: self.suggestions.show_action.setChecked(False)
        )
        self.suggestions_explained.dismissed.connect(self.text_view.setFocus)

        self.statusBar().messageChanged.connect(self._make_room_for_message)
        self.statusBar().showMessage(tr(HINT))
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
        self.memo_panel.finished.connect(self.text_view.setFocus)
        self.find_bar.queryChanged.connect(self.find)
        self.overview.jump.connect(self._jump_to_annotation)
        # A new row is drawn on top; a reset or a removal redraws the strip.
        self.annotations_model.modelReset.connect(self._refresh_overview)
        self.annotations_model.rowsRemoved.connect(self._refresh_overview)
        self.annotations_model.rowsInserted.connect(self._add_to_overview)
        self.find_bar.step.connect(self.step_hit)
        self.find_bar.closed.connect(self.close_find)
        chosen = preferences.load()
        self.apply_reading(chosen)
        self.apply_shortcuts(chosen)  # the defaults noted first
        self.reload_documents()
        self._catch_up_timer = QTimer(self)
        self._catch_up_timer.setInterval(CATCH_UP_MS)
        self._catch_up_timer.timeout.connect(self._catch_up)
        self._catch_up_timer.start()

    def attach(self, store: Store) -> None:
        """Work on ``store`` from now on, in place of the first screen the window was
        built on (the same database): whatever the store holds beyond the first screen
        (or what changed since it was read) is shown as a change made elsewhere is."""
        self._store = store
        self.workspace.attach(store)
        if self.loading:
            self._finish_loading()  # the rest of a long document
        self.refresh_from_store()
        if self._document is not None and not self.showing_older_version:
            with suppress(StoreError):  # only the document to reopen next time is lost
                store.set_setting(CURRENT_DOCUMENT, self._document.id)

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
        action.setToolTip(tip or plain(text))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            tr("&Import…"),
            self._ask_import,
            QKeySequence.StandardKey.Open,
            tr("Import documents (UTF-8 .txt, .md) and annotation sets (.json)"),
        )
        self.import_folder_action = self._action(
            tr("Import &folder…"),
            self._ask_import_folder,
            QKeySequence("Ctrl+Shift+O"),
            tr("Import every supported document in a folder and its subfolders"),
        )
        self.done_action = self._action(
            tr("Mark document &done"),
            self.toggle_done,
            QKeySequence("Ctrl+D"),
            tr("Mark this document as done (or not yet done)"),
        )
        self.done_action.setCheckable(True)
        self.properties_action = self._action(
            tr("&Properties…"),
            self.edit_properties,
            QKeySequence("Ctrl+Shift+P"),
            tr("Title, author, publication date, source and encoding of this document"),
        )
        self.reread_action = self._action(
            tr("Re-read with &encoding…"),
            self.reread_document,
            None,
            tr("Read this document again from its original bytes with another encoding"),
        )
        self.export_action = self._action(
            tr("&Export…"),
            self._ask_export,
            QKeySequence("Ctrl+E"),
            tr("Export annotations as a JSON annotation set, CSV or JSON Lines"),
        )
        self.stats_action = self._action(
            tr("&Statistics…"),
            self.show_statistics,
            QKeySequence("Ctrl+I"),
            tr("Annotations per document and label"),
        )
        self.crosstab_action = self._action(
            tr("Cross-&tabulation…"),
            self.show_crosstab,
            QKeySequence("Ctrl+Shift+T"),
            tr(
                "A label's annotations per annotator, author, source, publication year or "
                "attribute value: table and bar chart"
            ),
        )
        self.agreement_action = self._action(
            tr("&Agreement…"),
            self.show_agreement,
            QKeySequence("Ctrl+Shift+K"),
            tr("Inter-annotator agreement: kappas, Krippendorff's alpha and span F1"),
        )
        self.retrieve_action = self._action(
            tr("&Retrieve…"),
            self.show_retrieve,
            QKeySequence("Ctrl+Shift+F"),
            tr("Coded passages across the corpus, in context: filter, sort, open, export"),
        )
        self.cooccurrence_action = self._action(
            tr("C&o-occurrence…"),
            self.show_cooccurrence,
            QKeySequence("Ctrl+Shift+C"),
            tr("Which labels occur together: overlapping, in one sentence or one paragraph"),
        )
        self.versions_action = self._action(
            tr("&Versions of this document…"),
            self.show_versions,
            tip=tr(
                "Earlier versions of this document (its text before a changed file was "
                "imported): open one to read it"
            ),
        )
        self.orphans_action = self._action(
            tr("&Orphaned annotations…"),
            self.show_orphans,
            tip=tr(
                "Annotations that could not be carried over to a newer version of this "
                "document: their quotes and notes"
            ),
        )
        self.curate_action = self._action(
            tr("&Curate document…"),
            self.show_curation,
            QKeySequence("Ctrl+Shift+G"),
            tr(
                "Compare the annotators' spans on this document and accept or reject each "
                "into a gold layer"
            ),
        )
        self.quit_action = self._action(tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.open_database_action = self._action(
            tr("Open &database…"),
            self._ask_open_database,
            tip=tr("Switch to another Annotator database (an SQLite file)"),
        )
        self.open_team_database_action = self._action(
            tr("Open &team database…"),
            self._ask_open_team_database,
            tip=tr(
                "Switch to a shared PostgreSQL database by its URL (a password is asked "
                "for, or read from ~/.pgpass, and never kept)"
            ),
        )
        self.restore_action = self._action(
            tr("&Restore from backup…"),
            self.ask_restore_backup,
            tip=tr("Replace this database with one of its automatic backups (kept beside it)"),
        )
        self.delete_action = self._action(
            tr("&Delete annotation"),
            self.delete_current_annotation,
            [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
            tr("Delete the selected annotation"),
        )
        self.delete_action.setEnabled(False)
        self.undo_action = self._action(tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(
            tr("&Redo"),
            self.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
        )
        self._update_undo_actions()
        self.copy_action = self._action(
            tr("&Copy"),
            self.text_view.copy,
            QKeySequence.StandardKey.Copy,
            tr("Copy the selected text"),
        )
        self.select_all_action = self._action(
            tr("Select &all"),
            self.select_all,
            QKeySequence.StandardKey.SelectAll,
            tr("Select all the text; in the annotation list, every row it shows"),
        )
        self.next_document_action = self._action(
            tr("&Next document"), partial(self._step_document, 1), QKeySequence("Ctrl+PgDown")
        )
        self.previous_document_action = self._action(
            tr("&Previous document"), partial(self._step_document, -1), QKeySequence("Ctrl+PgUp")
        )
        self.next_annotation_action = self._action(
            tr("Next &annotation"), partial(self.step_annotation, 1), QKeySequence("F8")
        )
        self.previous_annotation_action = self._action(
            tr("Previous a&nnotation"), partial(self.step_annotation, -1), QKeySequence("Shift+F8")
        )
        self.shortcuts_action = self._action(
            tr("&Keyboard shortcuts"), self.show_shortcuts, QKeySequence.StandardKey.HelpContents
        )
        self.find_action = self._action(
            tr("&Find…"),
            self.find_bar_open,
            QKeySequence.StandardKey.Find,
            tr("Find in the document"),
        )
        self.find_next_action = self._action(
            tr("Find ne&xt"), partial(self.step_hit, 1), QKeySequence.StandardKey.FindNext
        )
        self.find_previous_action = self._action(
            tr("Find pre&vious"), partial(self.step_hit, -1), QKeySequence.StandardKey.FindPrevious
        )
        self.resize_actions = [
            self._action(tr(text), partial(self.resize_current, edge, step), QKeySequence(keys))
            for text, edge, step, keys in RESIZE_KEYS
        ]
        for action in self.resize_actions:
            # Only where annotations are worked on: in text fields these keys edit text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.text_view.addAction(action)
            self.annotations_view.addAction(action)
            self.removeAction(action)
        self.edit_note_action = self._action(
            tr("Edit &note"), self.details_edit_note, QKeySequence("F2"), tr("Edit the note")
        )
        self.focus_text_action = self._action(
            tr("Focus &text"), self.text_view.setFocus, QKeySequence("Ctrl+L")
        )
        self.memo_action = self._action(
            tr("&Memo"),
            self.memo_panel.focus_document_memo,
            QKeySequence("Ctrl+Shift+M"),
            tr("Write your memo on this document (saved as you type; Esc goes back to the text)"),
        )
        self.project_memo_action = self._action(
            tr("&Project memo"),
            self.memo_panel.focus_project_memo,
            tip=tr("Write your memo on the whole project (saved as you type)"),
        )
        self.guide_action = self._action(
            tr("&User guide"),
            self.show_guide,
            QKeySequence("Shift+F1"),
            tr("Read the user guide: every action, the command line, formats and more"),
        )
        self.about_action = self._action(tr("&About Annotator"), self._about)
        self.preferences_action = self._action(
            tr("Pr&eferences…"),
            self.show_preferences,
            # Where the platform has no key of its own (Windows, most Linux desktops).
            QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
            or [QKeySequence("Ctrl+,")],
            tr("Theme, reading font, your name, backups, suggestions and keyboard shortcuts"),
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.zoom_in_action = self._action(
            tr("Zoom &in"),
            partial(self.zoom, 1),
            [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
            tr("Make the text larger (remembered)"),
        )
        self.zoom_out_action = self._action(
            tr("Zoom &out"),
            partial(self.zoom, -1),
            QKeySequence("Ctrl+-"),
            tr("Make the text smaller"),
        )
        self.zoom_reset_action = self._action(
            tr("&Normal size"),
            partial(self.zoom, 0),
            QKeySequence("Ctrl+0"),
            tr("The text at the size chosen in Preferences"),
        )
        self.snap_action = QAction(tr("Snap selections to &words"), self)
        self.snap_action.setCheckable(True)
        tip = tr(
            "Widen selections to whole words and numbers (2,000, 40.3%, HK$1.2) when "
            "selecting with the mouse, tagging and dragging an annotation's edge"
        )
        self.snap_action.setStatusTip(tip)
        self.snap_action.setToolTip(tip)
        self.snap_action.setChecked(preferences.load().snap_to_words)
        self.text_view.set_snapping(self.snap_action.isChecked())
        self.snap_action.toggled.connect(self.set_snap_to_words)
        self.addAction(self.snap_action)
        self.label_actions: dict[str, QAction] = {}
        self.edit_labels_action = self._action(
            tr("&Edit labels…"),
            self.edit_labels,
            QKeySequence("Ctrl+Shift+L"),
            tr("Add, rename, recolour, reorder labels; hotkeys, descriptions, attributes"),
        )

    def _build_menus_and_label_bar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addAction(self.open_database_action)
        file_menu.addAction(self.open_team_database_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(tr("&Edit"))
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
        resize_menu = edit_menu.addMenu(tr("Resi&ze annotation"))
        for action in self.resize_actions:
            resize_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        document_menu = bar.addMenu(tr("&Document"))
        document_menu.addAction(self.properties_action)
        document_menu.addAction(self.reread_action)
        document_menu.addAction(self.done_action)
        document_menu.addAction(self.memo_action)
        self.label_menu = bar.addMenu(tr("&Label"))
        view_menu = self.view_menu = bar.addMenu(tr("&View"))
        view_menu.addAction(self.retrieve_action)
        view_menu.addAction(self.cooccurrence_action)
        view_menu.addAction(self.stats_action)
        view_menu.addAction(self.crosstab_action)
        view_menu.addAction(self.agreement_action)
        view_menu.addAction(self.versions_action)
        view_menu.addAction(self.orphans_action)
        view_menu.addAction(self.curate_action)
        view_menu.addAction(self.project_memo_action)
        view_menu.addSeparator()
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        view_menu.addAction(self.zoom_reset_action)
        view_menu.addSeparator()
        for action in self.side_panels.actions.values():
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.snap_action)
        self.annotator_menu = AnnotatorMenu(self, lambda: self._store.annotators())
        bar.addMenu(self.annotator_menu)
        go_menu = bar.addMenu(tr("&Go"))
        go_menu.addAction(self.next_document_action)
        go_menu.addAction(self.previous_document_action)
        go_menu.addSeparator()
        go_menu.addAction(self.next_annotation_action)
        go_menu.addAction(self.previous_annotation_action)
        go_menu.addSeparator()
        go_menu.addAction(self.focus_text_action)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        self.label_bar = QToolBar(tr("Labels"))
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
            if label.hotkey:
                tip = tr("Tag the selection as {label} ({key})")
            else:
                tip = tr("Tag the selection as {label}")
            tip = tip.format(label=label.name, key=label.hotkey)
            if label.description:
                tip = tr("{action}: {description}").format(
                    action=tip, description=label.description
                )
            action = self._action(
                tr("Tag as {label}").format(label=label.name),
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
        self.label_bar.addWidget(QLabel(" " + tr("Tag selection:") + " "))
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
            self.label_filter.addItem(tr("All labels"), None)
            for label in self._labels:
                self.label_filter.addItem(color_icon(label.color), label.name, label.name)
            self.label_filter.setCurrentIndex(max(self.label_filter.findData(chosen), 0))
        finally:
            self.label_filter.blockSignals(False)

    # -- misc ------------------------------------------------------------------------

    def _make_room_for_message(self, message: str) -> None:
        """A status message the permanent fields would cover: the document's counts
        step aside while it shows (they are in the window's title and list anyway)."""
        bar = self.statusBar()
        others = sum(
            w.sizeHint().width() + 6
            for w in (self.annotator_button, self.suggestions.status, self.import_progress)
            if not w.isHidden()
        )
        needed = bar.fontMetrics().horizontalAdvance(message) + 24
        counts = self.counts_label.sizeHint().width() + 6
        self.counts_label.setVisible(not message or needed + counts + others <= bar.width())

    def _error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not

    def show_guide(self) -> GuideWindow | None:
        """Help ▸ User guide: one guide window, raised again when it is open."""
        from annotator.app.guide import guide_page
        from annotator.ui.guide_view import GuideWindow

        if self._guide is None:
            try:
                first = guide_page()
            except FileNotFoundError as error:
                QMessageBox.warning(
                    self,
                    tr("User guide"),
                    tr("The user guide cannot open: {problem}.").format(problem=tr_said(error)),
                )
                return None
            self._guide = GuideWindow(self)
            self._guide.open_page(first)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()
        return self._guide

    def _about(self) -> None:
        """Help ▸ About: one dialog, its facts read again each time it is shown."""
        from annotator.ui.about_dialog import AboutDialog
        from annotator.ui.about_facts import window_facts

        if self._about_dialog is None:
            self._about_dialog = AboutDialog(self)
        self._about_dialog.show_facts(window_facts(self._store.location))
        self._about_dialog.show()
        self._about_dialog.raise_()
        self._about_dialog.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The work itself needs no saving (every action was committed when it was made,
        # but for the last keys of a memo); the window's layout is kept for next time.
        self.memo_panel.save()
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
        settings.setValue("window/memo_splitter", self.memo_splitter.saveState())
        settings.setValue("window/folded", self.side_panels.folded_state())
        settings.setValue("window/width", self.width())
        settings.sync()

    def _restore_layout(self) -> None:
        settings = window_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/right_splitter", self.right_splitter),
            ("window/memo_splitter", self.memo_splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
                self.side_panels.adapt_on_show = False
        width = settings.value("window/width")
        self.side_panels.saved_width = int(width) if str(width).isdigit() else 0
        folded = settings.value("window/folded")
        self.side_panels.restore_folded(folded if isinstance(folded, str) else "")
        self.side_panels.sync_actions()  # a panel folded last time stays folded
