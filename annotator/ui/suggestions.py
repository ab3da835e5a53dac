"""Suggestions in the window: the rules' proposals for the open document drawn as dashed
outlines over the text, walked through, accepted and rejected from the keyboard.

Contracts:

* Nothing is written unless the user accepts (an annotation by the current annotator with
  source "suggested" and the rule, one undo step through the workspace: :meth:`MainView.commit`)
  or rejects (a rejection remembered in the database for the document, also one undo
  step).
* The engine runs in a helper process (a thread where none can start), started after the
  window's first paint and only when suggestions are shown; the window stays responsive
  and the status bar says "suggesting…". What is still open (not annotated, not
  rejected) is worked out again, without the engine, whenever the annotations change.
* Offsets are code points; the view converts them (:meth:`DocumentView.qt_position`).
* Phrases tagged by hand (in any document) are suggested wherever else they occur in the
  document shown (:mod:`annotator.core.suggest.learned`), matched in the helper process
  too: again whenever a hand tag adds or takes away a phrase, and when a document opens.
* A rule switched off (Suggestions menu, one undo step, remembered in the database) makes
  no suggestions; each suggestion's tooltip gives its rule's record in the database.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import BrokenExecutor, Future
from typing import Any

from PySide6.QtCore import QObject, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QMessageBox

from annotator.app import preferences
from annotator.app.suggestions import accepted
from annotator.app.workspace import Changes
from annotator.core.annotation_rows import RowSpan
from annotator.core.history import Step
from annotator.core.model import Annotation
from annotator.core.suggest import (
    SUGGESTED,
    Rejection,
    Suggestion,
    as_annotation,
    pending,
)
from annotator.core.suggest.pieces import Learning, Plan
from annotator.core.suggest.rows import SuggestionRows, combined
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said
from annotator.ui.main_view import MainView
from annotator.ui.suggestion_learning import LearningMixin
from annotator.ui.suggestion_outlines import OutlinesMixin
from annotator.ui.suggestion_pieces import PiecesMixin
from annotator.ui.suggestion_worker import forget_broken_worker
from annotator.ui.suggestions_menu import MenuMixin

POLL_MS = 20  # how often the window looks whether the worker has finished
TEACH_AFTER_MS = 300  # a tag's phrase is looked for elsewhere this long after the last tag
CACHED_DOCUMENTS = 8  # engine results kept, so going back to a document is instant


def accepted_spans(
    annotations: Iterable[Annotation | RowSpan],
) -> set[tuple[int, int, str | None]]:
    """(start, end, rule) of the annotations accepted from suggestions: a suggestion
    accepted as another label (a label key) is settled by them too, and comes back when
    such an annotation is undone or deleted."""
    return {(a.start, a.end, a.rule) for a in annotations if a.source == SUGGESTED}


def summary(suggestion: Suggestion, hotkey: str | None) -> str:
    """The status-bar line of a suggestion: shorter than its tooltip, the reason first."""
    values = {
        "label": suggestion.label,
        "reason": suggestion.reason,
        "confidence": f"{suggestion.confidence:.2f}",
        "key": hotkey,
    }
    if hotkey:
        return tr(
            "Suggested {label}: {reason} ({confidence}). Enter or {key} accepts, x rejects"
        ).format(**values)
    return tr("Suggested {label}: {reason} ({confidence}). Enter accepts, x rejects").format(
        **values
    )


class SuggestionsController(PiecesMixin, LearningMixin, MenuMixin, OutlinesMixin, QObject):
    """The suggestions of the document the main window shows (``main``): computed, drawn
    on its text view, navigated and acted on through the Suggestions menu and keys. Follows
    undo and redo of its steps through the workspace. ``drawn(count)``: how many it draws."""

    drawn = Signal(int)

    def __init__(self, main: MainView) -> None:
        super().__init__(main.frame)
        self._main = main
        self._view = main.text_view
        self._cache: OrderedDict[str, SuggestionRows] = OrderedDict()
        self._document_id: str | None = None  # whose suggestions _all holds (or will)
        self._all = SuggestionRows()  # the engine's, for the document shown
        self._job: tuple[str, Future[list[Suggestion]]] | None = None
        # The engine runs a piece of the text at a time (the piece on screen first): what
        # is left to run, the text, and each piece's suggestions so far.
        self._plan: Plan | None = None
        self._text = ""
        self._pieced: dict[int, SuggestionRows] = {}
        self._given: tuple[int, dict[str, list[tuple[int, int]]]] = (0, {})
        self._learned: list[Suggestion] = []  # the phrases tagged by hand, found in it
        self._learn_job: tuple[str, Future[Any]] | None = None
        self._learning: Learning | None = None  # the pieces the phrases are looked for in
        self._init_learning()
        self._off: set[str] = set()  # the rules switched off in the database
        self._records: dict[str, tuple[int, int]] | None = None  # read when first asked
        self._problem: str | None = None  # why there are no suggestions (a rule error)
        self._rejected: set[tuple[str, int, int]] = set()
        self._pending = SuggestionRows()  # the open ones, drawn
        self._current: Suggestion | None = None
        self._stale = False  # the open suggestions are to be worked out again (_flush)
        # Until the window's first paint nothing is computed, so the helper process starts
        # after it (and, with suggestions hidden, not at all); _awaiting is the document
        # whose suggestions are to be computed then.
        self._held = True
        self._awaiting: str | None = None
        # Tags are taught to the helper a moment after the last one, not on the key itself.
        self._teach_later: list[Annotation] = []
        self._teach_timer = QTimer(self)
        self._teach_timer.setSingleShot(True)
        self._teach_timer.setInterval(TEACH_AFTER_MS)
        self._teach_timer.timeout.connect(self._teach_now)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)

        self.status = QLabel()
        self.status.setObjectName("suggestionsStatus")
        self.status.setToolTip(tr("Open suggestions in this document (Suggestions menu)"))
        main.status_bar.insertPermanentWidget(0, self.status)
        self._build_actions()
        self.menu = self._build_menu()

        self._view.add_overlay(self.paint)
        self._view.add_overlay(self._after_first_paint)
        self._view.viewport().installEventFilter(self)  # before the view: tooltips
        self._view.caretMoved.connect(self._on_caret_moved)
        self._view.caretClicked.connect(self._on_caret_clicked)
        self._view.selectionChanged.connect(self._on_selection_changed)
        model = main.annotations
        model.modelReset.connect(self._on_annotations_reset)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._schedule)
        model.dataChanged.connect(self._schedule)
        self._on_annotations_reset()
        main.workspace.subscribe(self._on_changes)

    def _on_changes(self, changes: Changes, initiator: object | None) -> None:
        """Undone or redone: rejections and rules switched come back or go again."""
        step = changes.step
        if changes.listed or changes.scheme:
            self._corpus = None  # documents or labels changed: read every hand tag again
        else:
            self._corpus_stale |= changes.documents
        if changes.kind == "do":
            return  # its own steps are shown as they are made
        if step.rejected or step.unrejected:
            self.rejections_changed(step.unrejected)
        if step.rules_off or step.rules_on:
            self.rules_switched()

    # -- state -------------------------------------------------------------------------

    @property
    def shown(self) -> bool:
        return self.show_action.isChecked()

    @property
    def ready(self) -> bool:
        """Whether the open document's suggestions are computed (or there are none to)."""
        self._release()  # asked before the first paint: computed now
        self._flush()  # a hand tag may have new phrases to look for
        if self._teach_timer.isActive():  # asked now: taught now
            self._teach_timer.stop()
            self._teach_now()
        return self._job is None and self._learn_job is None

    @property
    def rules_off(self) -> set[str]:
        """The rules switched off in the database."""
        return set(self._off)

    @property
    def open_suggestions(self) -> list[Suggestion]:
        """The open suggestions of the document shown, in text order (none if hidden)."""
        self._flush()
        return list(self._pending)

    @property
    def current(self) -> Suggestion | None:
        """The suggestion the keys act on, if any."""
        self._flush()
        return self._current

    @property
    def painted(self) -> list[tuple[QRectF, Suggestion]]:
        """The outlines on screen: (viewport rectangle, suggestion), one per line."""
        return self._outlines()

    def set_shown(self, on: bool) -> None:
        """Show suggestions (computing them if needed) or hide them; kept in the preferences."""
        preferences.update(show_suggestions=on)
        if self.show_action.isChecked() != on:
            self.show_action.setChecked(on)  # calls back here
            return
        self._document_id = None  # shown again: start from the document as it is
        self._on_annotations_reset()
        self._flush()
        self._main.status_bar.showMessage(
            tr("Suggestions shown.") if on else tr("Suggestions hidden."), 4000
        )

    def _hotkey(self, label: str) -> str | None:
        return next((lb.hotkey for lb in self._main.labels() if lb.name == label), None)

    def _usable(self) -> bool:
        document = self._main.document()
        return (
            self.shown
            and not self._held
            and document is not None
            and document.id == self._document_id
            and not self._main.older_version()
        )

    # -- computing ---------------------------------------------------------------------

    def _on_annotations_reset(self) -> None:
        """A document was opened, or its annotations shown afresh (a refresh, an undo of
        many): compute for a new document, else read the rejections again."""
        document = self._main.document()
        wanted = None
        if self.shown and document is not None and not self._main.older_version():
            wanted = document.id
        if wanted != self._document_id:
            self._start(wanted)
            return
        if wanted is not None:
            self._read_rejections()
            self._learning_due = self._learning_again = True  # perhaps changed elsewhere
        self._schedule()

    def _start(self, document_id: str | None) -> None:
        self._set_current(None)
        self._document_id = document_id
        self._awaiting = None
        self._all, self._rejected, self._learned = SuggestionRows(), set(), []
        self._forget_taught()
        for job in (self._job, self._learn_job):
            if job is not None:
                job[1].cancel()  # if it has not started: a document no longer shown
        self._job = self._learn_job = None
        self._plan, self._text, self._pieced = None, "", {}
        self._learning = None
        self._teach_timer.stop()
        self._teach_later = []  # the other document's: its tags are read when needed
        document = self._main.document()
        if document_id is None or document is None:
            self._poll.stop()
            self._schedule()
            return
        self._read_rejections()
        self._learning_due = True  # read when first worked out, after the first paint
        cached = self._cache.get(document_id)
        if cached is not None:
            self._cache.move_to_end(document_id)
            self._all = cached
            self._schedule()
            return
        if self._held:
            self._awaiting = document_id
        else:
            self._compute(document.text)
        self._schedule()  # the status bar says "suggesting…" meanwhile

    def _after_first_paint(self, _painter: QPainter, _area: QRect) -> None:
        if self._held:
            QTimer.singleShot(0, self, self._release)

    def _release(self) -> None:
        """The window is painted (or suggestions are asked for): compute from now on."""
        if not self._held:
            return
        self._held = False
        document = self._main.document()
        if document is not None and self._awaiting == document.id == self._document_id:
            self._compute(document.text)
        self._awaiting = None
        self._schedule()

    def _collect(self) -> None:
        """On the poll timer: take the worker's results once they are there."""
        learn_job = self._learn_job
        if learn_job is not None and learn_job[1].done():
            self._learn_job = None
            self._take_learned_piece(*learn_job)
        job = self._job
        if job is not None and job[1].done():
            self._job = None
            self._take_piece(*job)
        if self._job is None and self._learn_job is None:
            self._poll.stop()

    def _take_learned(
        self, document_id: str, future: Future[Any], found: list[Suggestion] | None = None
    ) -> None:
        """The phrases tagged by hand found in ``document_id`` (``found``, or the error of
        ``future``): shown if it still is."""
        if future.cancelled() or document_id != self._document_id:
            return
        error = future.exception()
        if isinstance(error, BrokenExecutor):
            forget_broken_worker()
        if error is not None:
            self._main.status_bar.showMessage(
                tr("Could not look for tagged phrases: {problem}").format(problem=tr_said(error)),
                8000,
            )
            return
        assert found is not None
        self._learned = found
        self._recompute()

    def _take(
        self, document_id: str, future: Future[Any], found: SuggestionRows | None = None
    ) -> None:
        """The engine's result for ``document_id`` (``found``, or the error of
        ``future``): cached, and shown if it still is."""
        if future.cancelled():
            return
        error = future.exception()
        if isinstance(error, BrokenExecutor):
            forget_broken_worker()
        if error is not None:
            problem = tr("Suggestions are unavailable: {problem}").format(problem=tr_said(error))
            if problem != self._problem:  # said once, not again for every document
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    tr("Suggestion rules"),
                    problem,
                    parent=self._main.frame,
                )
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()  # not modal to the app: annotating goes on
            self._problem = problem
            self._main.status_bar.showMessage(problem, 10000)
            self._recompute()
            return
        self._problem = None
        assert found is not None
        self._cache[document_id] = found
        while len(self._cache) > CACHED_DOCUMENTS:
            self._cache.popitem(last=False)
        if document_id != self._document_id:
            return
        self._all = found
        self._recompute()  # the count shows in the status bar (no message: the
        # user's own messages are not to be replaced by a background job's)

    def _read_rejections(self) -> None:
        if self._document_id is None:
            return
        try:
            self._rejected = self._main.workspace.store.rejected_suggestions(self._document_id)
        except StoreError as exc:
            self._main.status_bar.showMessage(
                tr("Could not read rejections: {problem}").format(problem=tr_said(exc)), 8000
            )

    def _schedule(self, *_args: object) -> None:
        """Work out the open suggestions again on the next turn of the event loop (after
        the change is painted), or sooner when they are asked for."""
        self._records = None
        if not self._stale:
            self._stale = True
            QTimer.singleShot(0, self, self._flush)

    def _flush(self) -> None:
        if self._stale:
            self._recompute()

    def _on_rows_inserted(self, _parent: object, first: int, last: int) -> None:
        """Annotations came (a tag, an acceptance): the suggestions they settle go, at
        once and without working everything out again (a tag in a long document stays
        quick)."""
        if self._stale or last - first > 20:
            self._schedule()
            return
        model = self._main.annotations
        gone = set()
        added = []
        for row in range(first, last + 1):
            ann = model.annotation(row)
            added.append(ann)
            for row in self._pending.overlapping(ann.start, ann.end):
                s = self._pending[row]
                by_rule = ann.source == SUGGESTED and ann.rule == s.rule
                made = by_rule and (ann.start, ann.end) == (s.start, s.end)
                if s.label == ann.label or made:
                    gone.add(s.key)
        if gone:
            self._remove_pending(gone)
        self._records = None
        if not self._main.loading():
            # A new phrase: its other occurrences come when found, a moment later.
            self._teach_later.extend(added)
            self._teach_timer.start()

    def _remove_pending(self, gone: set[tuple[str, int, int]]) -> None:
        """Take ``gone`` out of the open suggestions, repainting only where they were."""
        for key in gone:
            row = self._pending.find(key)
            if row is not None:
                self._pending.delete(row)
        for key in gone:
            self._update_span(key[1], key[2])
        if self._current is not None and self._current.key in gone:
            self._set_current(None)
        self._update_status()
        self._update_actions()

    def _recompute(self, *_args: object) -> None:
        """Work out the open suggestions again (not the engine): after any change to the
        annotations shown, the rejections or the labels."""
        self._stale = False
        found: list[Suggestion] = []
        if self._usable() and not self._main.loading():
            if self._learning_due:
                self._read_learning(again=self._learning_again)
            self._teach()
            labels = {label.name for label in self._main.labels()}
            rows = self._main.annotations.rows()
            accepted = accepted_spans(rows.each_row_span())
            off = self._off
            offered = (s for s in combined(self._all, self._learned) if s.rule not in off)
            found = (
                s
                for s in pending(offered, rows.each_row_span(), self._rejected)
                if s.label in labels and (s.start, s.end, s.rule) not in accepted
            )
        self._set_pending(SuggestionRows(found, ordered=True))

    def _set_pending(self, found: SuggestionRows) -> None:
        self._pending = found
        if self._current is not None and found.find(self._current.key) is None:
            self._set_current(None)
        self._update_status()
        self._update_actions()
        self._view.viewport().update()

    def _update_status(self) -> None:
        if not self.shown or self._main.document() is None or self._main.older_version():
            text = ""
        elif self._job is not None or self._awaiting is not None:
            text = tr("suggesting…")
        elif self._problem is not None:
            text = tr("no suggestions (rule error)")
        else:
            count = len(self._pending)
            text = tr("1 suggestion") if count == 1 else tr("{n} suggestions").format(n=count)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.drawn.emit(len(self._pending) if text and self._job is None else 0)

    # -- the current suggestion --------------------------------------------------------

    def _set_current(self, suggestion: Suggestion | None) -> None:
        if suggestion == self._current:
            return
        self._current = suggestion
        self._update_actions()
        self._view.viewport().update()

    def takes_label_key(self) -> bool:
        """Whether a label key accepts the current suggestion (rather than tag or
        relabel): one is current, no text is selected, and the text has the focus."""
        self._flush()
        return (
            self._usable()
            and self._current is not None
            and not self._view.textCursor().hasSelection()
            and self._main.frame.focusWidget() in (None, self._view)
        )

    def step(self, direction: int) -> Suggestion | None:
        """Go to the next (1) or previous (-1) open suggestion after the current one, or
        after the caret; past the last, round to the first."""
        self._flush()
        if not self._usable():
            message = tr("Suggestions are hidden (Suggestions ▸ Show suggestions).")
            if self.shown:
                message = tr("No suggestions here.")
            self._main.status_bar.showMessage(message, 4000)
            return None
        if not self._pending:
            self._main.status_bar.showMessage(tr("No open suggestions in this document."), 4000)
            return None
        if self._current is not None:
            c = self._current
            if direction > 0:
                row = self._pending.position(c.start, c.end, c.label, after=True)
            else:
                row = self._pending.position(c.start, c.end, c.label) - 1
        else:
            row = self._pending.position(self._view.caret_offset(), -1, "")
            if direction < 0:
                row -= 1
        wrapped = not 0 <= row < len(self._pending)
        chosen = self._pending[row % len(self._pending)]
        self.go_to(chosen, tr("Back to the first.") if wrapped and direction > 0 else "")
        return chosen

    def go_to(self, suggestion: Suggestion, before: str = "", *, first: bool = False) -> None:
        """Make ``suggestion`` current: the caret at its start, scrolled into view, no
        annotation selected (keys act on the suggestion). The status bar says ``before``
        (a sentence: what was done), then which it is (``first``: back to the first)."""
        self._main.annotations_view.selectionModel().clearSelection()
        self._view.place_caret(suggestion.end)
        self._view.ensureCursorVisible()
        self._view.place_caret(suggestion.start)
        self._view.ensureCursorVisible()
        self._set_current(suggestion)
        self._announce(suggestion, before, first=first)

    def _announce(self, suggestion: Suggestion, before: str = "", *, first: bool = False) -> None:
        number = (self._pending.find(suggestion.key) or 0) + 1
        values = {
            "done": before,
            "number": number,
            "total": len(self._pending),
            "summary": summary(suggestion, self._hotkey(suggestion.label)),
        }
        if before and first:
            template = tr("{done} Back to the first, {number} of {total}: {summary}")
        elif before:
            template = tr("{done} Next, {number} of {total}: {summary}")
        else:
            template = tr("{number} of {total}: {summary}")
        self._main.status_bar.showMessage(template.format(**values), 10000)

    def _on_caret_moved(self, offset: int) -> None:
        current = self._current
        if current is not None and not current.start <= offset <= current.end:
            self._set_current(None)  # the user went elsewhere

    def _on_selection_changed(self) -> None:
        if self._current is not None and self._view.textCursor().hasSelection():
            self._set_current(None)  # selecting text to tag it: label keys tag again

    def _on_caret_clicked(self, offset: int) -> None:
        """A click inside a suggestion makes it current (the shortest where several are)."""
        self._flush()
        if not self._usable():
            return
        near = (self._pending[r] for r in self._pending.overlapping(max(0, offset - 1), offset + 1))
        here = [s for s in near if s.start <= offset <= s.end]
        if not here:
            return
        inside = [s for s in here if s.start <= offset < s.end] or here
        chosen = min(inside, key=lambda s: (s.end - s.start, s.start, s.label))
        self._set_current(chosen)
        self._announce(chosen)

    # -- acting on suggestions ---------------------------------------------------------

    def accept_current(self, label: str = "") -> Annotation | None:
        """Accept the current suggestion (as ``label`` if given: a label key) as an
        annotation by the current annotator, one undo step; then go to the next."""
        self._flush()
        suggestion, document = self._current, self._main.document()
        if suggestion is None or document is None or not self._usable():
            return None
        name = label or suggestion.label
        who = self._main.workspace.annotator
        if self._main.annotations.find(name, suggestion.start, suggestion.end, who):
            self._main.status_bar.showMessage(
                tr("Already tagged as {label}.").format(label=name), 5000
            )
            return None
        from annotator.store.rows import now_utc

        annotation = as_annotation(suggestion, document.id, who, now_utc(), name)
        values = {"label": name, "start": suggestion.start, "end": suggestion.end}
        if name != suggestion.label:
            message = tr(
                "Accepted {label} {start}–{end} (suggested as {suggested}, accepted as {label}) "
                "(F2: its note)."
            ).format(suggested=suggestion.label, **values)
        else:
            message = tr("Accepted {label} {start}–{end} (F2: its note).").format(**values)
        if not self._main.commit(
            Step(tr("accept suggested '{label}'").format(label=name), (annotation,)), "", self
        ):
            return None
        self._flush()  # the new row took the suggestion out already (_on_rows_inserted)
        self._after(suggestion, message)
        self._main.select(annotation)  # F2 writes its note; Enter acts on the next one
        return annotation

    def reject_current(self) -> Suggestion | None:
        """Reject the current suggestion, one undo step: remembered for the document (it
        is not offered again, here or after a relaunch); then go to the next."""
        self._flush()
        s = self._current
        if s is None or self._document_id is None or not self._usable():
            return None
        rejection = Rejection(self._document_id, *s.key, s.rule, self._main.workspace.annotator)
        if not self._main.commit(
            Step(tr("reject suggested '{label}'").format(label=s.label), rejected=(rejection,)),
            "",
            self,
        ):
            return None
        self._rejected.add(s.key)
        self._recompute()
        message = tr("Rejected {label} {start}–{end} (not offered again here).")
        self._after(s, message.format(label=s.label, start=s.start, end=s.end))
        return s

    def rejections_changed(self, offered_again: Sequence[Rejection] = ()) -> None:
        """The document's rejections changed (an undo or redo): read them again; where one
        suggestion is offered again, it becomes current."""
        self._read_rejections()
        self._recompute()
        if len(offered_again) == 1 and offered_again[0].document_id == self._document_id:
            back = self._pending.find(offered_again[0].key)
            if back is not None:
                self.go_to(self._pending[back])

    def _after(self, done: Suggestion, message: str) -> None:
        """Go on to the open suggestion after ``done`` (acted on), or say none is left."""
        row = self._pending.position(done.start, done.end, done.label, after=True)
        if row < len(self._pending):
            self.go_to(self._pending[row], message)
        elif self._pending:
            self.go_to(self._pending[0], message, first=True)
        else:
            self._set_current(None)
            left = tr("{done} No suggestions left.").format(done=message)
            self._main.status_bar.showMessage(left, 8000)

    def accept_all(self, label: str) -> list[Annotation]:
        """Accept every open suggestion of ``label`` (where two overlap, the more confident
        one) in one transaction and one undo step; returns the annotations made."""
        self._flush()
        document = self._main.document()
        if document is None or not self._usable():
            return []
        from annotator.store.rows import now_utc

        who = self._main.workspace.annotator
        made = accepted(document.id, (s for s in self._pending if s.label == label), who, now_utc())
        if not made:
            self._main.status_bar.showMessage(
                tr("No open {label} suggestions.").format(label=label), 5000
            )
            return []
        count = len(made)
        if count == 1:
            message = tr("Accepted 1 {label} suggestion (one undo step).").format(label=label)
        else:
            message = tr("Accepted {n} {label} suggestions (one undo step).").format(
                n=count, label=label
            )
        if not self._main.commit(
            Step(tr("accept {n} suggested '{label}'").format(n=count, label=label), made),
            message,
            self,
        ):
            return []
        self._flush()
        return list(made)

    def switch_off_current(self) -> str | None:
        """Switch the current suggestion's rule off in the database, one undo step:
        none of its suggestions are offered, in any document, until it is switched on."""
        self._flush()
        s = self._current
        if s is None or not self._usable():
            return None
        message = tr(
            "Stopped suggesting «{rule}» in this database (Suggestions ▸ Rules switched "
            "off brings it back)."
        ).format(rule=s.rule)
        if not self._main.commit(
            Step(tr("stop suggesting «{rule}»").format(rule=s.rule), rules_off=(s.rule,)),
            message,
            self,
        ):
            return None
        self.rules_switched()
        return s.rule

    def switch_on(self, rule: str) -> bool:
        """Switch ``rule`` on again in the database, one undo step."""
        message = tr("Suggesting «{rule}» again.").format(rule=rule)
        if not self._main.commit(
            Step(tr("suggest «{rule}» again").format(rule=rule), rules_on=(rule,)), message, self
        ):
            return False
        self.rules_switched()
        return True

    def rules_switched(self) -> None:
        """Rules were switched off or on (here, or by an undo or redo): read them again."""
        try:
            self._off = self._main.workspace.store.rules_off()
        except StoreError as exc:
            self._main.status_bar.showMessage(
                tr("Could not read the rules off: {problem}").format(problem=tr_said(exc)), 8000
            )
        self._recompute()

    def record(self, rule: str) -> tuple[int, int]:
        """The rule's record in the database: (accepted, rejected)."""
        if self._records is None:
            try:
                self._records = self._main.workspace.store.rule_records()
            except StoreError:
                return (0, 0)
        return self._records.get(rule, (0, 0))

    def restore_rejected(self) -> int:
        """Forget the rejections in the document shown, one undo step; returns how many."""
        self._flush()
        if self._document_id is None or not self._usable() or not self._rejected:
            return 0
        try:
            gone = tuple(self._main.workspace.store.rejections(self._document_id))
        except StoreError as exc:
            QMessageBox.warning(
                self._main.frame, tr("Could not bring the suggestions back"), tr_said(exc)
            )
            return 0
        count = len(gone)
        if count == 1:
            name = tr("bring back 1 rejected suggestion")
            message = tr("1 rejected suggestion offered again.")
        else:
            name = tr("bring back {n} rejected suggestions").format(n=count)
            message = tr("{n} rejected suggestions offered again.").format(n=count)
        step = Step(name, unrejected=gone)
        if not self._main.commit(step, message, self):
            return 0
        self._rejected = set()
        self._recompute()
        return count
