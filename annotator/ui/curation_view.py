"""The curation view: adjudicate several annotators' spans on one document into a gold
layer.

One window beside the main window, following the document it shows. The candidate list
(:func:`annotator.core.curation.candidates`) says for each span who marked it, who
lacks it and how they differ; below it, one lane per annotator and one for the gold
layer show the passage around the chosen candidate with that annotator's spans.
Accepting copies a candidate into the gold layer, rejecting takes it out (and marks it
rejected for this session); both go through the workspace, so Edit ▸ Undo undoes
them like any other change, and "Accept all agreed" is one step.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from contextlib import suppress
from itertools import pairwise

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.curation import (
    ACCEPTED,
    AGREED,
    BOUNDARY,
    DISPUTED,
    GOLD,
    LABEL,
    MISSING,
    OPEN,
    REJECTED,
    STATUSES,
    Candidate,
    SpanKey,
    annotators_of,
    candidates,
    gold_annotation,
    layers,
    tally,
    to_accept,
)
from annotator.core.history import Step
from annotator.core.model import Annotation, Document, Label
from annotator.formats.annotation_set import gc_paused
from annotator.store import StoreError
from annotator.store.store import new_id, now_utc
from annotator.ui.highlighter import TINT, TINT_STEP, tint
from annotator.ui.i18n import tr, tr_said
from annotator.ui.main_view import MainView
from annotator.ui.table_models import one_line

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole

# Colours of the status cells (blended over the palette's Base, so both themes read).
STATUS_COLORS = {
    AGREED: "#009e73",
    DISPUTED: "#e69f00",
    OPEN: "#999999",
    ACCEPTED: "#0072b2",
    REJECTED: "#cc3311",
}
STATUS_TEXT = {
    AGREED: QT_TR_NOOP("agreed"),
    DISPUTED: QT_TR_NOOP("disputed"),
    OPEN: QT_TR_NOOP("open"),
    ACCEPTED: QT_TR_NOOP("accepted"),
    REJECTED: QT_TR_NOOP("rejected"),
}
STATUS_COUNTS = {  # the summary's count of each status
    AGREED: QT_TR_NOOP("{n} agreed"),
    DISPUTED: QT_TR_NOOP("{n} disputed"),
    OPEN: QT_TR_NOOP("{n} open"),
    ACCEPTED: QT_TR_NOOP("{n} accepted"),
    REJECTED: QT_TR_NOOP("{n} rejected"),
}
STATUS_TIPS = {
    AGREED: QT_TR_NOOP("Every annotator of the document marked it"),
    DISPUTED: QT_TR_NOOP("At least one annotator did not mark it (see Lacking)"),
    OPEN: QT_TR_NOOP("The only annotator of the document marked it: nobody to agree or disagree"),
    ACCEPTED: QT_TR_NOOP("The gold layer holds it"),
    REJECTED: QT_TR_NOOP("Rejected in this session: not in the gold layer"),
}
KIND_TEXT = {
    BOUNDARY: QT_TR_NOOP("other boundaries"),
    LABEL: QT_TR_NOOP("other label"),
    MISSING: QT_TR_NOOP("nothing here"),
}
KIND_LACKING = {  # the "Lacking" cell's entry of each kind
    BOUNDARY: QT_TR_NOOP("{annotator} (boundary)"),
    LABEL: QT_TR_NOOP("{annotator} (label)"),
    MISSING: QT_TR_NOOP("{annotator} (missing)"),
}
# The "Show" filter: its text and the statuses it shows.
FILTERS = (
    (QT_TR_NOOP("All candidates"), frozenset(STATUSES)),
    (QT_TR_NOOP("To decide"), frozenset({AGREED, DISPUTED, OPEN})),
    (QT_TR_NOOP("Disputed"), frozenset({DISPUTED})),
    (QT_TR_NOOP("Agreed"), frozenset({AGREED})),
    (QT_TR_NOOP("Accepted"), frozenset({ACCEPTED})),
    (QT_TR_NOOP("Rejected"), frozenset({REJECTED})),
)
CONTEXT = 90  # code points of text shown on each side of a candidate in the lanes
LONG = 700  # a candidate longer than this is shown by its two ends in the lanes


def lacking_text(candidate: Candidate) -> str:
    """The "Lacking" cell: who did not mark it and how they differ."""
    return ", ".join(
        tr(KIND_LACKING[d.kind]).format(annotator=d.annotator) for d in candidate.lacking
    )


class CandidateModel(QAbstractTableModel):
    """The candidates the filter shows, in text order, with their status."""

    HEADERS = (
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Label"),
        QT_TR_NOOP("Quote"),
        QT_TR_NOOP("Span"),
        QT_TR_NOOP("Marked by"),
        QT_TR_NOOP("Lacking"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[Candidate, str]] = []
        self._text = ""
        self._colors: dict[str, QColor] = {}
        self._status_backgrounds: dict[str, QColor] = {}

    def set_labels(self, labels: Sequence[Label], palette: QPalette) -> None:
        self._colors = {label.name: QColor(label.color) for label in labels}
        self._status_backgrounds = {
            status: tint(QColor(color), 0.35, palette) for status, color in STATUS_COLORS.items()
        }

    def set_rows(self, text: str, rows: Sequence[tuple[Candidate, str]]) -> None:
        self.beginResetModel()
        self._text = text
        self._rows = list(rows)
        self.endResetModel()

    def candidate(self, row: int) -> Candidate:
        return self._rows[row][0]

    def status(self, row: int) -> str:
        return self._rows[row][1]

    def row_of(self, key: SpanKey) -> int | None:
        for row, (cand, _status) in enumerate(self._rows):
            if cand.key == key:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        cand, status = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == 0:
                return tr(STATUS_TEXT[status])
            if column == 1:
                return cand.label
            if column == 2:
                return one_line(self._text[cand.start : cand.end])
            if column == 3:
                return f"{cand.start}–{cand.end}"
            if column == 4:
                return ", ".join(cand.annotators) or tr("(gold only)")
            return lacking_text(cand) or "—"
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._colors.get(cand.label)
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return self._status_backgrounds.get(status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return tr(STATUS_TIPS[status])
            quote = self._text[cand.start : cand.end]
            return f"{cand.label} {cand.start}–{cand.end}\n\n{quote}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class Lane(QFrame):
    """One annotator's (or the gold layer's) spans on the passage around a candidate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel()
        self.name.setObjectName("laneName")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.name.setFixedWidth(170)
        self.name.setWordWrap(True)
        self.passage = QLabel()
        self.passage.setObjectName("lanePassage")
        self.passage.setTextFormat(Qt.TextFormat.RichText)
        self.passage.setWordWrap(True)
        self.passage.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.passage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.name)
        layout.addWidget(self.passage, 1)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.annotator = ""
        self.verdict = ""  # what the lane says of the candidate: "marked", "boundary"...


class CurationDialog(QDialog):
    """Adjudication of the main window's current document (see the module docstring)."""

    def __init__(self, main: MainView) -> None:
        super().__init__(main.frame)
        self.setObjectName("curationDialog")
        self.setWindowFlag(Qt.WindowType.Window)  # its own window: resizable, maximisable
        self._main = main
        self._store = main.workspace.store
        self._curator = curator = main.workspace.annotator
        self._document: Document | None = None
        self._annotations: list[Annotation] | None = None
        self._candidates: list[Candidate] = []
        self._annotators: tuple[str, ...] = ()
        # Keys rejected in this session, per document.
        self._rejected: dict[str, set[SpanKey]] = {}
        self._refresh_pending = False
        self._committing = False  # a change of its own is being made
        self._colors: dict[str, str] = {}

        self.document_label = QLabel()
        self.document_label.setObjectName("curationDocument")
        self.gold_combo = QComboBox()
        self.gold_combo.setObjectName("goldLayer")
        self.gold_combo.addItem(tr("{name} (shared gold layer)").format(name=GOLD), GOLD)
        if curator != GOLD:
            self.gold_combo.addItem(tr("{name} (my name)").format(name=curator), curator)
        self.gold_combo.setToolTip(
            tr(
                "The annotator whose annotations are the gold layer: accepted spans are "
                "stored under this name, and its own annotations are not an annotator's"
            )
        )
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("candidateFilter")
        for text, _statuses in FILTERS:
            self.filter_combo.addItem(tr(text))
        self.summary = QLabel()
        self.summary.setObjectName("curationSummary")
        self.summary.setWordWrap(True)

        self.model = CandidateModel()
        self.table = QTableView()
        self.table.setObjectName("candidateList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("disputed") + 24)
        header.resizeSection(1, metrics.horizontalAdvance("statistic") + 44)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(3, metrics.horizontalAdvance("0000000–0000000") + 16)
        header.resizeSection(4, metrics.horizontalAdvance("ana, ben, carla") + 16)
        header.resizeSection(5, metrics.horizontalAdvance("ben (boundary), carla (label)") + 16)

        self.lanes_box = QWidget()
        self.lanes_box.setObjectName("curationLanes")
        self.lanes_layout = QVBoxLayout(self.lanes_box)
        self.lanes_layout.setContentsMargins(0, 0, 0, 0)
        self.lanes_layout.setSpacing(4)
        self.lanes: list[Lane] = []
        self.lanes_hint = QLabel()
        self.lanes_hint.setObjectName("lanesHint")
        self.lanes_hint.setWordWrap(True)
        legend = QLabel(
            tr(
                "The passage around the chosen candidate (<b><u>bold, underlined</u></b>) "
                "with each annotator's spans in their labels' colours:"
            )
        )
        legend.setObjectName("lanesLegend")
        self.lanes_layout.addWidget(legend)
        self.lanes_layout.addWidget(self.lanes_hint)
        self.lanes_layout.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.lanes_box)
        scroller.setFrameShape(QFrame.Shape.NoFrame)

        self.accept_button = QPushButton(tr("&Accept"))
        self.accept_button.setObjectName("acceptButton")
        self.reject_button = QPushButton(tr("&Reject"))
        self.reject_button.setObjectName("rejectButton")
        self.accept_all_button = QPushButton(tr("Accept all a&greed"))
        self.accept_all_button.setObjectName("acceptAllButton")
        close_button = QPushButton(tr("Close"))
        close_button.setToolTip(tr("Close this window (Esc)"))
        for button in (
            self.accept_button,
            self.reject_button,
            self.accept_all_button,
            close_button,
        ):
            button.setAutoDefault(False)  # Enter accepts the chosen candidate
        self.accept_button.setToolTip(
            tr("Add the chosen candidate(s) to the gold layer (Enter, A)")
        )
        self.reject_button.setToolTip(
            tr(
                "Take the chosen candidate(s) out of the gold layer and mark them rejected "
                "(Delete, R)"
            )
        )
        self.accept_all_button.setToolTip(
            tr(
                "Add every candidate all annotators agree on (and not rejected) to the gold "
                "layer, as one undo step (Ctrl+Shift+A)"
            )
        )
        self.message = QLabel()
        self.message.setObjectName("curationMessage")

        top = QHBoxLayout()
        top.addWidget(self.document_label, 1)
        top.addWidget(QLabel(tr("Gold layer:")))
        top.addWidget(self.gold_combo)
        top.addSpacing(12)
        top.addWidget(QLabel(tr("Show:")))
        top.addWidget(self.filter_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.accept_all_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(close_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.accept_action = self._action(
            tr("Accept"), self.accept_chosen, ["Return", "Enter", "A"], self.accept_button
        )
        self.reject_action = self._action(
            tr("Reject"), self.reject_chosen, ["Delete", "Backspace", "R"], self.reject_button
        )
        self.accept_all_action = self._action(
            tr("Accept all agreed"),
            self.accept_all_agreed,
            ["Ctrl+Shift+A"],
            self.accept_all_button,
        )
        close_button.clicked.connect(self.close)
        # Undo and redo of the main window work here too (and undo these changes).
        self.addActions(list(main.undo_actions))

        self.gold_combo.currentIndexChanged.connect(self._on_gold_changed)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.table.selectionModel().selectionChanged.connect(self._on_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._on_chosen)
        self._watched: tuple[SignalInstance, ...] = ()  # connected while shown
        self.finished.connect(self._stop_watching)
        self.resize(1100, 760)  # filled when shown (see showEvent)
        self.table.setFocus()

    def _action(self, text: str, slot: object, keys: Sequence[str], button: QPushButton) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.addAction(action)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return action

    # -- reading ---------------------------------------------------------------------

    @property
    def gold_annotator(self) -> str:
        return str(self.gold_combo.currentData())

    def rejected(self) -> set[SpanKey]:
        """The keys rejected in this session on the current document."""
        if self._document is None:
            return set()
        return self._rejected.setdefault(self._document.id, set())

    def _doc_id(self) -> str | None:
        return None if self._document is None else self._document.id

    def _schedule_refresh(self, *_args: object) -> None:
        """The main window's list changed: catch up once, on the next turn (unless the
        change is this window's own, already shown)."""
        if not self._refresh_pending and not self._committing:
            self._refresh_pending = True
            QTimer.singleShot(0, self._refresh_later)

    def schedule_refresh(self) -> None:
        """The main window changed annotations its list may not show (its annotator
        filter hides them): catch up once, on the next turn."""
        self._schedule_refresh()

    def _refresh_later(self) -> None:
        self._refresh_pending = False
        if self.isVisible():
            self.refresh()

    def refresh(self) -> bool:
        """Read the main window's document and its annotations from the database and
        show them; returns whether anything changed. The chosen candidates stay chosen."""
        document = self._main.document()
        try:
            annotations = self._store.annotations(document.id) if document else None
            labels = self._store.labels()
        except StoreError as exc:
            self.message.setText(
                tr("Could not read the annotations: {problem}").format(problem=tr_said(exc))
            )
            return False
        colors = {label.name: label.color for label in labels}
        same = (document.id if document else None) == self._doc_id()
        if same and annotations == self._annotations and colors == self._colors:
            return False
        if not same:
            self._document = document
        self._annotations = annotations
        if colors != self._colors:
            self._colors = colors
            self.model.set_labels(labels, self.palette())
        self._recompute()
        return True

    def _recompute(self) -> None:
        document = self._document
        if document is None:
            self.setWindowTitle(tr("Curate"))
            self.document_label.setText(tr("<b>No document open</b>"))
            self._candidates, self._annotators = [], ()
            self._show_rows()
            return
        self.setWindowTitle(tr("Curate “{title}”").format(title=document.title))
        title = html.escape(document.title)
        self.document_label.setText(
            tr("<b>{title}</b> (version {version})").format(title=title, version=document.version)
            if document.version > 1
            else f"<b>{title}</b>"
        )
        others, gold = layers(self._annotations or (), self.gold_annotator)
        self._annotators = annotators_of(others)
        with gc_paused():  # thousands of small tuples, none of them cyclic
            self._candidates = candidates(others, gold)
        self._show_rows()

    def _show_rows(self) -> None:
        """Fill the list with what the filter shows, keeping the chosen candidates."""
        chosen = [c.key for c in self.chosen()]
        current = self._current_key()
        rejected = self.rejected()
        shown = FILTERS[max(self.filter_combo.currentIndex(), 0)][1]
        rows = [(c, c.status(rejected)) for c in self._candidates]
        text = self._document.text if self._document else ""
        self.model.set_rows(text, [(c, s) for c, s in rows if s in shown])
        self._update_summary()
        self._select_keys(chosen, current)

    def _update_summary(self) -> None:
        if self._document is None:
            self.summary.setText(tr("Open a document in the main window to curate it."))
            return
        counts = tally(self._candidates, self.rejected())
        people = len(self._annotators)
        who = ", ".join(self._annotators) or tr("nobody yet")
        annotators = (
            tr("1 annotator ({who})") if people == 1 else tr("{n} annotators ({who})")
        ).format(n=people, who=who)
        parts = " · ".join(tr(STATUS_COUNTS[s]).format(n=counts[s]) for s in STATUSES)
        found = len(self._candidates)
        listed = (
            tr("1 candidate: {counts}") if found == 1 else tr("{n} candidates: {counts}")
        ).format(n=found, counts=parts)
        gold = tr("gold layer: <b>{name}</b>").format(name=html.escape(self.gold_annotator))
        self.summary.setText(f"{annotators} · {listed} · {gold}")
        self.accept_all_action.setEnabled(bool(to_accept(self._candidates, self.rejected())))

    # -- choosing --------------------------------------------------------------------

    def chosen(self) -> list[Candidate]:
        """The selected candidates the list shows, in text order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.candidate(row) for row in rows]

    def _current_key(self) -> SpanKey | None:
        row = self.table.selectionModel().currentIndex().row()
        return self.model.candidate(row).key if 0 <= row < self.model.rowCount() else None

    def _select_keys(self, keys: Sequence[SpanKey], current: SpanKey | None) -> None:
        rows = [row for key in keys if (row := self.model.row_of(key)) is not None]
        current_row = self.model.row_of(current) if current is not None else None
        if not rows and self.model.rowCount():
            rows = [self._first_to_decide()]
        if current_row is None and rows:
            current_row = rows[0]
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if current_row is not None:
            model.setCurrentIndex(self.model.index(current_row, 0), flags.NoUpdate)
            self.table.scrollTo(self.model.index(current_row, 0))
        model.select(selection, flags.ClearAndSelect | flags.Rows)
        self._on_chosen()

    def _first_to_decide(self) -> int:
        for row in range(self.model.rowCount()):
            if self.model.status(row) in (AGREED, DISPUTED, OPEN):
                return row
        return 0

    def _on_chosen(self, *_args: object) -> None:
        chosen = self.chosen()
        row = self.table.selectionModel().currentIndex().row()
        focus = self.model.candidate(row) if 0 <= row < self.model.rowCount() else None
        if focus is None or focus not in chosen:
            focus = chosen[0] if chosen else None
        self._show_lanes(focus)
        self.accept_action.setEnabled(any(not c.accepted for c in chosen))
        self.reject_action.setEnabled(bool(chosen))
        document = self._main.document()
        if focus is not None and document is not None and document.id == self._doc_id():
            self._main.text_view.select_span(focus.start, focus.end)

    # -- lanes -----------------------------------------------------------------------

    def _lane(self, index: int) -> Lane:
        while len(self.lanes) <= index:
            lane = Lane(self.lanes_box)
            self.lanes_layout.insertWidget(self.lanes_layout.count() - 1, lane)
            self.lanes.append(lane)
        return self.lanes[index]

    def _show_lanes(self, focus: Candidate | None) -> None:
        document = self._document
        if document is None or focus is None:
            for lane in self.lanes:
                lane.hide()
            if document is None:
                self.lanes_hint.setText("")
            elif not self._candidates:
                self.lanes_hint.setText(tr("Nobody has annotated this document yet."))
            else:
                self.lanes_hint.setText(tr("Choose a candidate to see each annotator's spans."))
            self.lanes_hint.show()
            return
        self.lanes_hint.hide()
        others, gold = layers(self._annotations or (), self.gold_annotator)
        by_annotator: dict[str, list[Annotation]] = {name: [] for name in self._annotators}
        for ann in others:
            by_annotator[ann.annotator].append(ann)
        lacking = {d.annotator: d for d in focus.lacking}
        rows: list[tuple[str, str, str, list[Annotation]]] = []
        for name in self._annotators:
            if name in focus.annotators:
                verdict, note = "marked", tr("✓ marked it")
            else:
                kind = lacking[name].kind
                verdict, note = kind, tr("✗ {difference}").format(difference=tr(KIND_TEXT[kind]))
            rows.append((name, verdict, note, by_annotator[name]))
        gold_verdict = "accepted" if focus.accepted else "not in gold"
        gold_note = tr("✓ accepted") if focus.accepted else tr("— not in gold")
        if not focus.accepted and focus.key in self.rejected():
            gold_verdict, gold_note = "rejected", tr("✗ rejected")
        rows.append((self.gold_annotator, gold_verdict, gold_note, gold))
        start, end = _passage(document.text, focus, [a for *_r, anns in rows for a in anns])
        for i, (name, verdict, note, anns) in enumerate(rows):
            lane = self._lane(i)
            lane.annotator, lane.verdict = name, verdict
            here = [a for a in anns if a.start < end and a.end > start]
            spans = "<br>".join(
                f"<span style='color:{self._colors.get(a.label, '#888')}'>■</span> "
                f"{html.escape(a.label)} {a.start}–{a.end}"
                for a in sorted(here, key=lambda a: (a.start, a.end, a.label))[:6]
            )
            title = (
                name if i < len(self._annotators) else tr("Gold layer ({name})").format(name=name)
            )
            lane.name.setText(
                f"<b>{html.escape(title)}</b><br><small>{html.escape(note)}</small>"
                + (f"<br><small>{spans}</small>" if spans else "")
            )
            lane.passage.setText(self._passage_html(document.text, start, end, focus, here))
            lane.show()
        for lane in self.lanes[len(rows) :]:
            lane.hide()

    def _passage_html(
        self, text: str, start: int, end: int, focus: Candidate, spans: Sequence[Annotation]
    ) -> str:
        """The passage ``text[start:end]`` as rich text: each span tinted in its label's
        colour (nested ones stronger), the candidate's own range bold and underlined."""
        cuts = {start, end, focus.start, focus.end}
        for ann in spans:
            cuts.update((max(ann.start, start), min(ann.end, end)))
        elided = focus.end - focus.start > LONG
        if elided:  # only the ends of a long candidate
            cuts.update((focus.start + LONG // 2, focus.end - LONG // 2))
        points = sorted(c for c in cuts if start <= c <= end)
        palette = self.palette()
        parts = ["…" if start > 0 else ""]
        for a, b in pairwise(points):
            if a >= b:
                continue
            inside_focus = focus.start <= a and b <= focus.end
            if elided and focus.start + LONG // 2 <= a and b <= focus.end - LONG // 2:
                parts.append(" <i>[…]</i> ")
                continue
            covering = [s for s in spans if s.start <= a and b <= s.end]
            piece = html.escape(text[a:b]).replace("\n", "<br>")
            style = []
            if covering:
                inner = min(covering, key=lambda s: (s.end - s.start, s.label))
                strength = TINT + TINT_STEP * (len(covering) - 1)
                color = tint(QColor(self._colors.get(inner.label, "#888888")), strength, palette)
                style.append(f"background-color:{color.name()}")
            if inside_focus:
                style.append("font-weight:bold; text-decoration:underline")
            parts.append(f"<span style='{'; '.join(style)}'>{piece}</span>" if style else piece)
        parts.append("…" if end < len(text) else "")
        return "".join(parts)

    def lane_texts(self) -> list[tuple[str, str]]:
        """What the visible lanes say: (annotator, verdict), top to bottom."""
        return [(lane.annotator, lane.verdict) for lane in self.lanes if lane.isVisibleTo(self)]

    # -- deciding --------------------------------------------------------------------

    def _still_chosen(self) -> list[Candidate]:
        """The chosen candidates as the database has them now (another window may have
        changed the gold layer or the annotations); says so when none is left."""
        keys = [c.key for c in self.chosen()]
        if not keys:
            self.message.setText(tr("Choose a candidate in the list first."))
            return []
        self.refresh()
        found = {c.key: c for c in self._candidates}
        chosen = [found[k] for k in keys if k in found]
        if not chosen:
            self.message.setText(
                tr(
                    "The chosen candidate is gone: its annotations were changed or deleted "
                    "elsewhere (another window?). The list shows them as they are now."
                )
            )
        return chosen

    def accept_chosen(self) -> int:
        """Add the chosen candidates the gold layer lacks to it, as one undo step;
        returns how many were added."""
        chosen = self._still_chosen()
        new = [c for c in chosen if not c.accepted]
        if not chosen:
            return 0
        if not new:
            self.message.setText(tr("Already in the gold layer."))
            return 0
        for cand in new:
            self.rejected().discard(cand.key)
        name = (
            tr("accept '{label}'").format(label=new[0].label)
            if len(new) == 1
            else tr("accept {n} spans").format(n=len(new))
        )
        if not self._commit(new, name):
            return 0
        what = _describe(new[0]) if len(new) == 1 else tr("{n} candidates").format(n=len(new))
        self.message.setText(
            tr("Accepted {what} into {gold}.").format(what=what, gold=self.gold_annotator)
        )
        self._advance(chosen[-1].key)
        return len(new)

    def reject_chosen(self) -> int:
        """Mark the chosen candidates rejected and take those the gold layer holds out of
        it (one undo step); returns how many gold annotations were removed."""
        chosen = self._still_chosen()
        if not chosen:
            return 0
        self.rejected().update(c.key for c in chosen)
        removed = tuple(a for c in chosen for a in c.gold)
        if removed:
            name = (
                tr("reject '{label}'").format(label=removed[0].label)
                if len(removed) == 1
                else tr("reject {n} spans").format(n=len(removed))
            )
            step = Step(name, removed=removed)
            done = tr("Removed {n} from the gold layer.").format(n=len(removed))
            if not self._change(step, done):
                return 0
        else:
            self._show_rows()
        what = (
            _describe(chosen[0]) if len(chosen) == 1 else tr("{n} candidates").format(n=len(chosen))
        )
        self.message.setText(tr("Rejected {what}.").format(what=what))
        self._advance(chosen[-1].key)
        return len(removed)

    def accept_all_agreed(self) -> int:
        """Add every agreed candidate not yet in the gold layer (and not rejected in
        this session) to it, as one undo step; returns how many."""
        self.refresh()  # another window may have changed the gold layer meanwhile
        if self._document is None:
            return 0
        new = to_accept(self._candidates, self.rejected())
        if not new:
            self.message.setText(tr("No agreed candidate is left to accept."))
            return 0
        count = len(new)
        step = tr("accept 1 agreed span") if count == 1 else tr("accept {n} agreed spans")
        if not self._commit(new, step.format(n=count)):
            return 0
        self.message.setText(
            (
                tr("Accepted 1 agreed candidate into {gold}.")
                if count == 1
                else tr("Accepted {n} agreed candidates into {gold}.")
            ).format(n=count, gold=self.gold_annotator)
        )
        return count

    def _commit(self, new: Sequence[Candidate], name: str) -> bool:
        document = self._document
        assert document is not None
        moment = now_utc()
        added = tuple(
            gold_annotation(c, document.id, self.gold_annotator, new_id(), moment) for c in new
        )
        count = len(added)
        return self._change(
            Step(name, added=added),
            (
                tr("Added 1 annotation to the gold layer ({gold}).")
                if count == 1
                else tr("Added {n} annotations to the gold layer ({gold}).")
            ).format(n=count, gold=self.gold_annotator),
        )

    def _change(self, step: Step, message: str) -> bool:
        """Have the main window make ``step`` (one undo step) and show it here; on
        failure (the window says why) catch up with the database."""
        self._committing = True
        try:
            done = self._main.commit(step, message, self)
        finally:
            self._committing = False
        if not done:
            self.refresh()
            return False
        gone = {ann.id for ann in step.removed}
        kept = [ann for ann in self._annotations or () if ann.id not in gone]
        self._annotations = [*kept, *step.added]
        self._recompute()
        return True

    def _advance(self, after: SpanKey) -> None:
        """Choose the first candidate the list shows after ``after`` in text order, or
        the last one: working down the list from the keyboard."""
        order = (after.start, after.end, after.label)
        for row in range(self.model.rowCount()):
            key = self.model.candidate(row).key
            if (key.start, key.end, key.label) > order:
                self._select_keys([key], key)
                return
        if self.model.rowCount():
            key = self.model.candidate(self.model.rowCount() - 1).key
            self._select_keys([key], key)

    def _on_gold_changed(self, _index: int) -> None:
        self._recompute()

    def _stop_watching(self, *_args: object) -> None:
        """Closed (Close, Esc, the title bar): the main window's list is no longer
        followed."""
        for signal in self._watched:
            with suppress(RuntimeError, TypeError):  # already gone with the window
                signal.disconnect(self._schedule_refresh)
        self._watched = ()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: follow the main window's list once more, from where it is."""
        if not self._watched:
            model = self._main.annotations
            self._watched = (
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
                model.dataChanged,
            )
            for signal in self._watched:
                signal.connect(self._schedule_refresh)
            self.refresh()
        super().showEvent(event)


def _describe(candidate: Candidate) -> str:
    return f"{candidate.label} {candidate.start}–{candidate.end}"


def _passage(text: str, focus: Candidate, spans: Sequence[Annotation]) -> tuple[int, int]:
    """Where the lanes' passage runs: the candidate, the spans overlapping it, and
    :data:`CONTEXT` code points either side, widened to whole words."""
    start, end = focus.start, focus.end
    for ann in spans:
        if ann.start < focus.end and ann.end > focus.start:
            start, end = min(start, ann.start), max(end, ann.end)
    start, end = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    while 0 < start < focus.start and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and end > focus.end and not text[end].isspace():
        end += 1
    return start, end
