"""The main window's documents: the list, opening one (first screen first), versions,
orphans, catching up with other windows, and switching databases.

A part of :class:`annotator.ui.main_window.MainWindow` (a mixin: its methods use the
window's views and state)."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
)

from annotator.app.workspace import Changes
from annotator.core.model import Document, DocumentSummary, Label
from annotator.store import StoreError
from annotator.store.backups import check_backup, restore
from annotator.store.first_screen import CURRENT_DOCUMENT, FirstScreen
from annotator.ui.i18n import tr, tr_said

if TYPE_CHECKING:
    from annotator.store import Store
    from annotator.ui.curation_view import CurationDialog
    from annotator.ui.versions_dialog import OrphansDialog, VersionsDialog

# A document with more annotations than this shows its first screen (text, highlights)
# before the rest are loaded in the next turn of the event loop, into the list and strip.
FIRST_SCREEN_FIRST = 2000

# Windows opened by open_database: kept alive here until they are closed.
_replacement_windows: set[QMainWindow] = set()
PROGRAM = "Annotator"  # the program's name, the same in every language


class DocumentsMixin:
    # -- documents -------------------------------------------------------------------

    def reload_documents(self) -> None:
        """Refresh the document list; keep the current document open if it still exists."""
        try:
            documents = self._store.documents(self._counted_annotator())
        except StoreError as exc:
            self._error(tr("Could not read the document list"), tr_said(exc))
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
        self.memo_panel.show_document(None)
        self.text_view.clear_text()
        self.annotations_model.set_annotations("", [])
        self.setWindowTitle(self._window_title())
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
            annotations = self._shown(self._store.annotation_rows(document_id, before=before))
        except StoreError as exc:
            self._error(tr("Could not open the document"), tr_said(exc))
            if self._document is not None:
                self._select_document_row(self._document.id)
            return False
        self._document = document
        self._older_of = None
        self.memo_panel.show_document(document_id)
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
            if self.attached:  # else attaching the store loads them, after the first paint
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
                tr(
                    "Version {version} of {newest}, as it was imported. "
                    "New annotations go on the newest version (View ▸ Versions…)."
                ).format(version=document.version, newest=self._older_of[1]),
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
            self.statusBar().showMessage(
                tr("Could not remember the open document: {problem}").format(problem=tr_said(exc)),
                8000,
            )
        return True

    def _finish_loading(self) -> None:
        """Load all the annotations of a document shown first screen first."""
        document_id, self._loading = self._loading, None
        if document_id is None or self._document is None or self._document.id != document_id:
            return  # loaded already, or another document was opened meanwhile
        try:
            annotations = self._shown(self._store.annotation_rows(document_id))
        except StoreError as exc:
            self._error(tr("Could not load the annotations"), tr_said(exc))
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
        if not self.attached:
            return  # the first screen is as it was read: attaching the store catches up
        self._store.changes_elsewhere()  # all read below: only later ones call again
        self.suggestions.corpus_changed()  # hand tags elsewhere may have changed too
        self._analysis_changed_elsewhere()
        self.memo_panel.refresh()
        try:
            if self._store.labels() != self._labels:
                self._reload_labels()
                return
            documents = self._store.documents(self._counted_annotator())
            current = self._document
            annotations = self._shown(self._store.annotation_rows(current.id)) if current else None
        except StoreError as exc:
            self.statusBar().showMessage(
                tr("Could not refresh: {problem}").format(problem=tr_said(exc)), 8000
            )
            return
        if documents != self.documents_model.documents():
            self._set_documents(documents)
            if self._document is None:
                self.open_initial_document()
                return
        if current is None or annotations is None:
            return
        self._follow_in_curation()
        if annotations != self.annotations_model.rows():
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
        # Only what changed elsewhere: a window shown for the first time has just read
        # everything (a book's annotations are not read a second time).
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self._store.changes_elsewhere()
        ):
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

    @property
    def attached(self) -> bool:
        """Whether the window works on its store (not yet: on a first screen)."""
        return not isinstance(self._store, FirstScreen)

    def _window_title(self) -> str:
        document = self._document
        if document is None:
            return PROGRAM
        if self._older_of is not None:
            title = tr("{title} (version {version} of {newest})").format(
                title=document.title, version=document.version, newest=self._older_of[1]
            )
        elif document.version > 1:
            title = tr("{title} (version {version})").format(
                title=document.title, version=document.version
            )
        else:
            title = document.title
        return f"{title} — {PROGRAM}"

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
        from annotator.ui.versions_dialog import VersionsDialog

        if self._document is None:
            return None
        try:
            versions = self._store.versions(self._document.id)
        except StoreError as exc:
            self._error(tr("Could not list the versions"), tr_said(exc))
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
        from annotator.ui.versions_dialog import OrphansDialog

        if self._document is None:
            return None
        try:
            orphans = self._store.orphans(self._document.id)
        except StoreError as exc:
            self._error(tr("Could not list the orphaned annotations"), tr_said(exc))
            return None
        if self._orphans_dialog is not None:
            self._orphans_dialog.close()
        dialog = self._orphans_dialog = OrphansDialog(self, self._document.title, orphans)
        dialog.showRequested.connect(self.open_version)
        dialog.show()
        return dialog

    def show_curation(self) -> CurationDialog:
        """The curation window on the open document (it follows the document shown)."""
        from annotator.ui.curation_view import CurationDialog

        dialog = self._curation_dialog
        if dialog is None:
            dialog = self._curation_dialog = CurationDialog(self.main_view)
        dialog.show()
        dialog.refresh()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _on_changes(self, changes: Changes, initiator: object | None) -> None:
        """Follow an operation of the workspace: the Edit menu always; the views too,
        unless the window made the change itself (it shows its own edits as it makes
        them, the fast way)."""
        self._update_undo_actions()
        if initiator is self or changes.memos:  # the memo panel follows memos itself
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

    # -- switching databases ---------------------------------------------------------

    def _ask_open_team_database(self) -> None:
        from annotator.ui.team_database import ask_url

        url = ask_url(self)
        self.activateWindow()
        if url:
            self.open_database(url)

    def _ask_open_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            tr("Open database"),
            str(Path(self._store.location).parent),
            tr("Annotator databases (*.db *.sqlite *.sqlite3);;All files (*)"),
        )
        self.activateWindow()
        if path:
            self.open_database(path)

    def open_database(self, target: str) -> QMainWindow | None:
        """Switch to the database at ``target`` (a path or URL): a new window on it takes
        this one's place and layout, then this window and its store are closed. A
        database that cannot be opened is explained in a dialog and nothing changes.
        Returns the window now showing ``target`` (this one if it already was), or None."""
        from annotator.app.opening import open_store
        from annotator.ui.team_database import ask_password

        try:
            store = open_store(
                target,
                seed=True,
                ask_password=lambda q: ask_password(self, q),
                on_wait=self._say_waiting,
            )
        except StoreError as exc:
            self._error(tr("Could not open the database"), tr_said(exc))
            return None
        if store.location == self._store.location:
            store.close()
            self.statusBar().showMessage(
                tr("{database} is already open.").format(database=store.location), 5000
            )
            return self
        return self._replace_with(store)

    def ask_restore_backup(self) -> None:
        from annotator.ui.backup_dialog import RestoreDialog

        database = self._store.file
        if database is None:
            self._error(tr("No backups"), tr("Backups are made of SQLite database files only."))
            return
        dialog = RestoreDialog(database, self)
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        self.activateWindow()
        if chosen is not None:
            self.restore_backup(chosen)

    def restore_backup(self, backup: Path) -> QMainWindow | None:
        """Replace this window's database with ``backup`` (the database as it was is kept
        in the backup folder); a new window on it takes this one's place."""
        database = self._store.file
        assert database is not None
        try:
            check_backup(backup, database)  # before this window lets go of its database
        except StoreError as exc:
            self._error(tr("Could not restore the backup"), tr_said(exc))
            return None
        self._store.close()  # no connection of ours may go on writing to the old file
        gc.collect()  # nor one that is only waiting to be freed
        note = tr("Restored {database} from {backup}.").format(
            database=database.name, backup=backup.name
        )
        try:
            kept = restore(database, backup)
            if kept is not None:
                note = tr(
                    "Restored {database} from {backup}. The database it replaced is kept as {kept}."
                ).format(database=database.name, backup=backup.name, kept=kept)
        except StoreError as exc:
            self._error(tr("Could not restore the backup"), tr_said(exc))
            note = tr("Nothing was restored.")  # the database is as it was: opened again
        from annotator.app.opening import open_store

        try:
            store = open_store(str(database), seed=True, on_wait=self._say_waiting)
        except StoreError as exc:
            self._error(tr("Could not open the database"), tr_said(exc))
            return None
        window = self._replace_with(store)
        window.statusBar().showMessage(note, 30000)
        return window

    def _say_waiting(self, message: str) -> None:
        """Show that opening a database waits (for a restore of it to finish)."""
        self.statusBar().showMessage(message[:1].upper() + message[1:])
        QApplication.processEvents()  # painted before the wait goes on

    def _replace_with(self, store: Store) -> QMainWindow:
        """A new window on ``store`` takes this one's place and layout; this window and
        its store are closed."""
        self._save_layout()  # the new window restores it
        window = type(self)(store, self._annotator)  # a MainWindow, as this one
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
        self._close_analysis()
        self.close()
        self._store.close()
        return window
