"""The main window's edits of annotations: tagging, notes, attributes, resizing,
relabelling, deleting, the label scheme, and undo and redo (all through the workspace).

A part of :class:`annotator.ui.main_window.MainWindow` (a mixin: its methods use the
window's views and state)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QT_TR_NOOP,
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator.app.workspace import Changes
from annotator.core.attributes import format_value
from annotator.core.history import Step
from annotator.core.model import Annotation, Label
from annotator.core.snapping import snap_to_words
from annotator.core.spans import trim_span
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said
from annotator.ui.menu_text import plain
from annotator.ui.window_annotators import whose

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

# Mouse gestures listed with the keyboard shortcuts (F1).
MOUSE_GESTURES = (
    (
        QT_TR_NOOP("Resize the selected annotation with the mouse"),
        QT_TR_NOOP("Drag its start or end edge (the pointer turns into ↔); Esc cancels"),
    ),
    (
        QT_TR_NOOP("Snap selections to words (View menu, on or off)"),
        QT_TR_NOOP("Mouse selections, tagging and dragged edges take whole words and numbers"),
    ),
    (
        QT_TR_NOOP("Select several annotations in the list"),
        QT_TR_NOOP(
            "Ctrl+click, Shift+click or Shift+arrows; Ctrl+A there takes every row shown. "
            "Delete and the label keys then act on all of them, as one undo step"
        ),
    ),
)


class EditingMixin:
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
                tr(
                    "This is version {version}, an older one: tag on the newest "
                    "(version {newest}), which View ▸ Versions… opens."
                ).format(version=self._document.version, newest=self._older_of[1]),
                8000,
            )
            return None
        selected = self.text_view.selected_span()
        span = trim_span(self._document.text, *selected) if selected else None
        if span is not None and self.snap_action.isChecked():
            span = snap_to_words(self._document.text, *span)
        if span is None:
            self.statusBar().showMessage(
                tr("Select some text first, then press a label key."), 5000
            )
            return None
        start, end = span
        existing = self.annotations_model.find(label, start, end, self._annotator)
        if existing is not None:
            self._select_annotation(existing, move_text=False)
            self.statusBar().showMessage(tr("Already tagged as {label}.").format(label=label), 5000)
            return None
        try:
            annotation, created = self.workspace.tag(
                self._document.id, label, start, end, initiator=self
            )
        except StoreError as exc:
            self._error(tr("Could not save the annotation"), tr_said(exc))
            return None
        if not created:
            # Made meanwhile in another window: show it rather than make a copy.
            self.refresh_from_store()
            self._select_annotation(annotation, move_text=False)
            self.statusBar().showMessage(tr("Already tagged as {label}.").format(label=label), 5000)
            return None
        if not self._shows(annotation):
            self._follow_in_curation()
            self.statusBar().showMessage(
                tr(
                    "Tagged {label} {start}–{end} as {annotator}; not shown: the view "
                    "shows {whose} annotations only (Annotator ▸ Show everyone's annotations)."
                ).format(
                    label=label,
                    start=start,
                    end=end,
                    annotator=self._annotator,
                    whose=whose(self._annotator_filter, self._annotator),
                ),
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
        self.statusBar().showMessage(
            tr("Tagged {label} {start}–{end}.").format(label=label, start=start, end=end), 5000
        )
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
        self.overview.show_annotations(length, self.annotations_model.rows())

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
        rows = self.annotations_model.rows()
        for row in range(len(rows)):
            visible = (label is None or rows.label(row) == label) and (
                not needle
                or needle in text[rows.start(row) : rows.end(row)].casefold()
                or needle in (rows.note(row) or "").casefold()
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
            starts = self.annotations_model.rows().starts()
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
            line = tr("{label} {start}–{end} by {annotator}").format(
                label=ann.label, start=ann.start, end=ann.end, annotator=ann.annotator
            )
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
        dialog.setWindowTitle(tr("Keyboard shortcuts"))
        table = QTableWidget(0, 2, dialog)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([tr("Action"), tr("Shortcut")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The resize keys belong to the text and the list, not to the window.
        labels = {action: name for name, action in self.label_actions.items()}
        for action in [*self.actions(), *self.resize_actions]:
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            if not keys:
                continue
            text = plain(action.text())
            if action in labels:  # its menu text says what it does right now; both here
                text = tr("Tag the selection as {label}, or relabel the chosen annotation").format(
                    label=labels[action]
                )
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(row, 1, QTableWidgetItem(keys))
        for gesture, how in MOUSE_GESTURES:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(tr(gesture)))
            table.setItem(row, 1, QTableWidgetItem(tr(how)))
        # Long entries wrap onto more lines rather than being cut off.
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, min(table.sizeHintForColumn(1), 360))
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(tr("Select text and press a label key to tag it; F1 shows this.")))
        layout.addWidget(table)
        screen = self.screen().availableGeometry()
        dialog.resize(min(820, screen.width() - 40), min(680, screen.height() - 60))
        dialog.show()
        return dialog

    # -- labels ----------------------------------------------------------------------

    def edit_labels(self) -> bool:
        """Open the label-scheme editor; what it changes is one undoable step."""
        from annotator.ui.labels_dialog import LabelsDialog, step_name

        counts = self._label_usage()
        label_actions = set(self.label_actions.values())
        reserved = {
            key.toString(QKeySequence.SequenceFormat.PortableText): plain(action.text())
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
            self._error(tr("Could not change the labels"), tr_said(exc))
            self._reload_labels()
            return False
        self._reload_labels(dict(renames))
        self.statusBar().showMessage(tr("Labels saved ({name}).").format(name=name), 5000)
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
            return tr_said(exc)
        return None

    def _reload_labels(self, renames: Mapping[str, str] | None = None) -> None:
        """Show the stored labels, and the current document's annotations with them."""
        try:
            labels = self._store.labels()
        except StoreError as exc:
            self.statusBar().showMessage(
                tr("Could not read the labels: {problem}").format(problem=tr_said(exc)), 8000
            )
            return
        if labels != self._labels:
            self._labels = labels
            self._install_labels(renames)
        current = self._document
        if current is not None:
            try:
                annotations = self._shown(self._store.annotation_rows(current.id))
            except StoreError as exc:
                self.statusBar().showMessage(
                    tr("Could not refresh: {problem}").format(problem=tr_said(exc)), 8000
                )
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
        return self._replay(self.workspace.undo_name(), self.workspace.undo, tr("Undid {action}."))

    def redo(self) -> bool:
        """Redo the last undone annotation change."""
        return self._replay(self.workspace.redo_name(), self.workspace.redo, tr("Redid {action}."))

    def _replay(self, name: str | None, replay: Callable[[], Changes | None], done: str) -> bool:
        """Undo or redo the step ``name`` (nothing if None); the status bar says ``done``
        with the step in ``{action}``."""
        if name is None:
            return False
        try:
            replay()  # the views follow in _on_changes
        except StoreError as exc:
            self._update_undo_actions()
            self.refresh_from_store()
            self._error(tr("Could not undo or redo"), tr_said(exc))
            return False
        self.statusBar().showMessage(done.format(action=tr_said(name)), 5000)
        return True

    def _update_undo_actions(self) -> None:
        undo, redo = self.workspace.undo_name(), self.workspace.redo_name()
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(
            tr("&Undo {action}").format(action=tr_said(undo)) if undo else tr("&Undo")
        )
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(
            tr("&Redo {action}").format(action=tr_said(redo)) if redo else tr("&Redo")
        )

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
            self._error(tr("Could not delete the annotation"), tr_said(exc))
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
            tr("Deleted {label} {start}–{end}.").format(
                label=annotation.label, start=annotation.start, end=annotation.end
            ),
            5000,
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
                tr(
                    "{label} {start}–{end} ({number} of {total} here; click again for the next)"
                ).format(
                    label=chosen.label,
                    start=chosen.start,
                    end=chosen.end,
                    number=ids.index(following) + 1,
                    total=len(ids),
                ),
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
        if current is not None and self._document is not None:
            self.details.set_annotation(current, self._document.text[current.start : current.end])
        else:
            self.details.set_annotation(None, "")
        self._update_label_verbs()
        self._show_selection_count(count)

    def _update_label_verbs(self, *_focus: object) -> None:
        verb = tr("Relabel as {label}") if self._relabels() else tr("Tag as {label}")
        for name, action in self.label_actions.items():
            text = verb.format(label=name)
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
