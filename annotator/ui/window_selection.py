"""The main window's selection of annotations (one or several at once), find in the text,
and the status bar's counts.

A part of :class:`annotator.ui.main_window.MainWindow` (a mixin: its methods use the
window's views and state)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMessageBox,
)

from annotator.app import preferences
from annotator.core.attributes import attribute_title
from annotator.core.model import Annotation, AttributeValue
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said


class SelectionMixin:
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
        """F2: edit the selected annotation's note; with none selected, say why not."""
        if self.current_annotation() is not None:
            self.details.edit_note()
            return
        self.statusBar().showMessage(
            tr(
                "No annotation selected: click one in the text or the list, then F2 edits its note."
            ),
            6000,
        )

    def set_note(self, annotation_id: str, note: str) -> Annotation | None:
        """Save an annotation's note (blank clears it); one undoable step."""
        return self._edit_annotation(
            annotation_id,
            lambda old: self.workspace.set_note(old, note, initiator=self),
            tr("Could not save the note"),
            tr("Note saved."),
        )

    def set_attributes(
        self, annotation_id: str, name: str, values: dict[str, AttributeValue]
    ) -> Annotation | None:
        """Save an annotation's attribute values (``name`` is the one changed, for the
        Edit menu); one undoable step."""
        return self._edit_annotation(
            annotation_id,
            lambda old: self.workspace.set_attributes(old, values, name, initiator=self),
            tr("Could not save {attribute}").format(attribute=attribute_title(name)),
            tr("{attribute} saved.").format(attribute=attribute_title(name)),
        )

    def _edit_annotation(
        self,
        annotation_id: str,
        save: Callable[[Annotation], Annotation],
        failed: str,
        message: str,
    ) -> Annotation | None:
        """Store ``save(annotation)`` for the listed annotation (one undoable step); the
        status bar says ``message``, a refusal is explained under the title ``failed`` and
        the window catches up."""
        row = self.annotations_model.row_of(annotation_id)
        if row is None:
            return None
        old = self.annotations_model.annotation(row)
        try:
            new = save(old)
        except StoreError as exc:
            self._error(failed, tr_said(exc))
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
            self.statusBar().showMessage(tr("Select a single annotation to resize it."), 5000)
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
        preferences.update(snap_to_words=on)
        self.statusBar().showMessage(
            tr("Selections snap to whole words.") if on else tr("Selections are taken as made."),
            4000,
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
            self._error(tr("Could not resize the annotation"), tr_said(exc))
            self.refresh_from_store()
            return None
        self._replaced(old, new)
        self.statusBar().showMessage(
            tr("{label} now {start}–{end}.").format(label=new.label, start=new.start, end=new.end),
            3000,
        )
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
            self._error(tr("Could not change the label"), tr_said(exc))
            self.refresh_from_store()
            return None
        self._replaced(old, new)
        self.statusBar().showMessage(
            tr("Relabelled {old} as {label}.").format(old=old.label, label=label), 5000
        )
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
        ids = self.annotations_model.rows().ids()
        shown = [ident for row, ident in enumerate(ids) if not view.isRowHidden(row)]
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
            tr("&Delete {n} annotations").format(n=count) if several else tr("&Delete annotation")
        )
        self.delete_action.setStatusTip(
            tr("Delete the {n} selected annotations (one undo step)").format(n=count)
            if several
            else tr("Delete the selected annotation")
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
            rows = self.annotations_model.rows()
            ids = rows.ids()
            kept = rows.take(r for r in range(len(rows)) if ids[r] not in gone)
            for ann in added:
                kept.append(ann)
            self.text_view.set_annotations(kept)  # highlighted again once
            scrolled = self.annotations_view.verticalScrollBar().value()
            self.annotations_model.set_annotations(document.text, kept)
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
            self._error(
                tr("Could not delete the annotations"),
                tr("{problem}\n\nNothing was deleted.").format(problem=tr_said(exc)),
            )
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
            tr("Deleted 1 annotation; Ctrl+Z brings it back.")
            if count == 1
            else tr("Deleted {n} annotations; Ctrl+Z brings them back.").format(n=count),
            5000,
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
            self.statusBar().showMessage(
                tr("The selected annotations are {label} already.").format(label=label), 5000
            )
            return []
        current = self.current_annotation()
        try:
            result = self.workspace.relabel_all(todo, label, initiator=self)
        except StoreError as exc:
            self._error(
                tr("Could not change the labels"),
                tr("{problem}\n\nNo label was changed.").format(problem=tr_said(exc)),
            )
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
        if len(changed) == 1:
            message = tr("Relabelled 1 annotation as {label}.").format(label=label)
        else:
            message = tr("Relabelled {n} annotations as {label}.").format(
                n=len(changed), label=label
            )
        self.statusBar().showMessage(message, 5000)
        if result.twins:
            skipped = len(result.twins)
            QMessageBox.information(
                self,
                tr("Some annotations kept their label"),
                message
                + "\n\n"
                + tr(
                    "{n} annotation(s) kept their label: an identical {label} annotation "
                    "(same span, same annotator) exists already. Delete them if they are "
                    "duplicates."
                ).format(n=skipped, label=label),
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
            self.counts_label.setText(
                tr("No document open · {database}").format(database=self._store.location)
            )
            return
        if self._loading is not None:
            self.counts_label.setText(
                tr("{title} · loading annotations…").format(title=self._document.title)
            )
            return
        counts = self.annotations_model.label_counts()
        count = self.annotations_model.rowCount()
        per_label = " · ".join(f"{label.name} {counts[label.name]}" for label in self._labels)
        version = ""
        if self._older_of is not None:
            version = tr("version {version} of {newest} · ").format(
                version=self._document.version, newest=self._older_of[1]
            )
        elif self._document.version > 1:
            version = tr("version {version} · ").format(version=self._document.version)
        annotations = (
            tr("1 annotation ({per_label})") if count == 1 else tr("{n} annotations ({per_label})")
        ).format(n=count, per_label=per_label)
        characters = tr("{n} characters").format(n=f"{len(self._document.text):,}")
        # The counts first: where the status bar is narrow, the title (in the window's
        # title anyway) is what the ellipsis takes.
        self.counts_label.setText(
            tr("{annotations} · {version}{characters} · {title}").format(
                annotations=annotations,
                version=version,
                characters=characters,
                title=self._document.title,
            )
        )
