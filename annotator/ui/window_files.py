"""The main window's files: import (dialogs, drag and drop, reading in the background),
export, statistics, cross-tabulation and agreement.

A part of :class:`annotator.ui.main_window.MainWindow` (a mixin: its methods use the
window's views and state)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEventLoop,
    QMimeData,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
)

from annotator.core.counts import count_table
from annotator.core.files import write_atomically, write_folder
from annotator.core.reading import DocumentReadError
from annotator.core.set_errors import SetConflictError, SetFormatError
from annotator.store import StoreError
from annotator.ui.background import BackgroundWork
from annotator.ui.file_places import existing_folder, open_file_names, save_file_name
from annotator.ui.i18n import tr, tr_said
from annotator.ui.progress import Cancelled, run_with_progress

if TYPE_CHECKING:
    from annotator.app.exports import ExportOptions
    from annotator.app.imports import ImportInputs, ImportOutcome
    from annotator.ui.agreement_dialog import AgreementDialog
    from annotator.ui.crosstab_view import CrosstabDialog
    from annotator.ui.stats_dialog import StatsDialog


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
    listed = "\n".join(tr_said(line) for line in lines[:most])
    if more <= 0:
        return listed
    return listed + "\n" + tr("… and {n} more").format(n=more)


class FilesMixin:
    # -- import and export -----------------------------------------------------------

    def _ask_import(self) -> None:
        from annotator.app.imports import SET_SUFFIXES
        from annotator.core.importers import SUFFIXES
        from annotator.formats import registry

        interchange = (fmt.suffix for fmt in registry.readable() if fmt.suffix)
        patterns = " ".join(f"*{suffix}" for suffix in (*SUFFIXES, *SET_SUFFIXES, *interchange))
        paths = open_file_names(
            self,
            tr("Import documents or annotation sets"),
            tr("Documents and annotation sets ({patterns});;All files (*)").format(
                patterns=patterns
            ),
        )
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not
        if paths:
            self.import_files([Path(p) for p in paths])

    def _ask_import_folder(self) -> None:
        folder = existing_folder(self, tr("Import a folder of documents"))
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
            self._error(tr("Could not mark the document"), tr_said(exc))
            return not done
        self.reload_documents()
        self.done_action.setChecked(done)
        self.statusBar().showMessage(tr("Marked done.") if done else tr("Marked not done."), 4000)
        return done

    def edit_properties(self) -> bool:
        """Show the current document's properties; save title, author and date if asked."""
        from annotator.ui.properties_dialog import PropertiesDialog

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
            self._error(tr("Could not save the properties"), tr_said(exc))
            return False
        self.reload_documents()
        self.setWindowTitle(self._window_title())
        self._update_status()
        return True

    def reread_document(self) -> bool:
        """Document ▸ Re-read with encoding…: a new version of the open document read
        from its original bytes with the encoding the user picks, annotations carried
        over as for a changed file; the status bar says how they were placed."""
        from annotator.app.imports import carried_counts
        from annotator.ui.reread_dialog import CannotReread, RereadDialog, original_bytes

        if self._document is None:
            return False
        try:
            data = original_bytes(self._store, self._document)
        except (CannotReread, StoreError) as exc:
            self._error(tr("Cannot re-read this document"), tr_said(exc))
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
            self._error(tr("Could not make the new version"), tr_said(exc))
            return False
        self.open_document(result.document.id)
        if result.carried is None:
            message = tr("That text is already stored: nothing was changed.")
        else:
            carried = result.carried
            message = tr(
                "Re-read as {encoding}: version {version}; annotations placed {counts}."
            ).format(
                encoding=new.encoding,
                version=result.document.version,
                counts=carried_counts(
                    carried.exact, carried.quote, carried.fuzzy, carried.orphaned
                ),
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
            self.statusBar().showMessage(tr("An import is already running."), 5000)
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
            self.statusBar().showMessage(tr("Import cancelled: nothing was changed."), 8000)
            return False
        except (DocumentReadError, SetFormatError, StoreError) as exc:
            self._error(tr("Nothing was imported"), tr_said(exc))
            return False
        if inputs is None:  # the window was closed: nothing more to do or show
            return False
        listed = bool(inputs.refused)
        if listed and not self._offer_the_readable(inputs):
            self.statusBar().showMessage(tr("Import cancelled: nothing was changed."), 8000)
            return False
        reviewed = self._review_decodings(inputs)
        if reviewed is None:
            self.statusBar().showMessage(tr("Import cancelled: nothing was changed."), 8000)
            return False
        outcome = self._store_inputs(reviewed, replace)
        if outcome is None:
            return False
        self._reload_labels()  # a set may have brought labels; documents and counts too
        first = outcome.documents[0][1].document.id if outcome.documents else None
        first = first or next((r.first_document for r in outcome.sets if r.first_document), None)
        if first is not None:
            self.open_document(first)
        else:
            self.refresh_from_store()
            if self._document is None:
                self.open_initial_document()
        self.statusBar().showMessage(tr_said(outcome.summary()), 8000)
        if outcome.failures and not listed:  # listed already: the bad files in folders
            self._error(tr("Some files were not imported"), _listing(outcome.failures))
        versions = outcome.versions()
        if outcome.sets or versions:
            lines = [tr_said(line) for line in outcome.lines()]

            if any(carried.orphans for _path, carried in versions):
                lines.append(
                    "\n"
                    + tr(
                        "Orphaned annotations are kept on the version they were made on: "
                        "View ▸ Orphaned annotations… lists them."
                    )
                )
            QMessageBox.information(self, tr("Import finished"), "\n".join(lines))
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
        from annotator.app.imports import ImportInputs, read_inputs

        # Annotation sets: only their headers now, their documents as they are stored
        # (a set of any size, in bounded memory; a bad document stops the whole import).
        reading = BackgroundWork(
            lambda progress: read_inputs(paths, progress, keep_good=True, streamed_sets=True),
            self,
        )
        loop = QEventLoop()
        self._reading = (reading, loop)
        reading.finished.connect(loop.quit)
        reading.progressed.connect(self.import_progress.advance)
        self.import_progress.start(tr("Reading files"))
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
        from annotator.app.imports import read_inputs

        for path, refusal in list(inputs.unplaceable):
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(tr("Some selections cannot be placed"))
            box.setText(tr_said(refusal))
            box.setInformativeText(
                tr("Import the rest, leaving these out? Nothing is changed until you choose.")
            )
            rest = box.addButton(tr("Import the rest"), QMessageBox.ButtonRole.AcceptRole)
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
        box.setWindowTitle(tr("Some files cannot be imported"))
        if len(bad) == 1:
            said = tr("1 file cannot be imported:")
        else:
            said = tr("{n} files cannot be imported:").format(n=len(bad))
        box.setText(said + "\n\n" + _listing(bad))
        if count == 1:
            question = tr("Import the other file? Nothing is changed until you choose.")
            button = tr("Import the other file")
        else:
            question = tr("Import the {n} others? Nothing is changed until you choose.")
            button = tr("Import the {n} others")
        box.setInformativeText(question.format(n=f"{count:,}"))
        accept = box.addButton(button.format(n=f"{count:,}"), QMessageBox.ButtonRole.AcceptRole)
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
                return run_with_progress(self, tr("Importing…"), self._storing(inputs, replace))
            except Cancelled:
                self.statusBar().showMessage(tr("Import cancelled: nothing was changed."), 8000)
                return None
            except SetConflictError as exc:
                answer = QMessageBox.question(
                    self,
                    tr("Annotations conflict"),
                    tr(
                        "{problem}\n\nReplace the annotations in the database with the file's "
                        "versions?"
                    ).format(problem=tr_said(exc)),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                replace = True
            except (DocumentReadError, SetFormatError, StoreError) as exc:
                self._error(tr("Nothing was imported"), tr_said(exc))
                return None

    def _storing(
        self, inputs: ImportInputs, replace: bool
    ) -> Callable[[Callable[[int, int], None]], ImportOutcome]:
        from annotator.app.imports import run_import

        return lambda progress: run_import(
            self.workspace, inputs, replace=replace, progress=progress, initiator=self
        )

    def _review_decodings(self, inputs: ImportInputs) -> ImportInputs | None:
        """The inputs to store once the user has confirmed the uncertain decodings
        (``NewDocument.confidence`` below ``UNCERTAIN``), or None if they cancelled."""
        from annotator.ui.encoding_review import review_decodings

        reviewed = review_decodings(self, inputs)
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not
        return reviewed

    def _ask_export(self) -> None:
        from annotator.formats import registry
        from annotator.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self, self._labels, self._document)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()  # keyboard shortcuts work at once, window manager or not
        if not accepted:
            return
        options = dialog.options()
        suffix = registry.get(options.format).suffix
        if not suffix:  # the format writes a folder
            path = existing_folder(self, tr("Export annotations into a folder"))
        else:
            path = save_file_name(
                self, tr("Export annotations"), f"annotations{suffix}", f"*{suffix}"
            )
        self.activateWindow()
        if path:
            self.export_to(Path(path), options)

    def export_to(self, path: Path, options: ExportOptions | None = None) -> bool:
        """Export to ``path`` with a progress dialog (``options``: the defaults if None); a
        dialog explains any failure."""
        from annotator.app.exports import ExportOptions, export

        options = options if options is not None else ExportOptions()
        try:
            result = run_with_progress(
                self,
                tr("Exporting…"),
                lambda progress: export(self._store, options, progress=progress),
            )
            if isinstance(result.data, dict):
                write_folder(path, result.data)
            else:
                write_atomically(path, result.data)
        except Cancelled:
            self.statusBar().showMessage(tr("Export cancelled: no file was written."), 8000)
            return False
        except (OSError, StoreError) as exc:
            self._error(tr("Export failed"), tr_said(exc))
            return False
        said = tr("Exported {annotations} annotation(s) in {documents} document(s) to {path}.")
        self.statusBar().showMessage(
            said.format(annotations=result.annotations, documents=result.documents, path=path),
            8000,
        )
        return True

    def show_statistics(self) -> StatsDialog | None:
        """Open (or refresh) the statistics window: counts per document and label."""
        from annotator.ui.stats_dialog import StatsDialog

        try:
            table = count_table(
                self._store.labels(), self._store.documents(), self._store.label_counts()
            )
        except StoreError as exc:
            self._error(tr("Could not count annotations"), tr_said(exc))
            return None
        colors = {label.name: label.color for label in self._labels}
        current = self._document.id if self._document else None
        if self._stats_dialog is None:
            self._stats_dialog = StatsDialog(self, table, colors, current)
            self._stats_dialog.crosstab_button.clicked.connect(self.show_crosstab)
        else:
            self._stats_dialog.show_table(table, colors, current)
        if not self._stats_dialog.isVisible():
            self._stats_dialog.show()
            self._stats_dialog.raise_()
        return self._stats_dialog

    def show_crosstab(self) -> CrosstabDialog:
        """Open (or reread and raise) the cross-tabulation window, non-modal."""
        from annotator.ui.crosstab_view import CrosstabDialog

        if self._crosstab_dialog is None:
            self._crosstab_dialog = CrosstabDialog(self, self.workspace, self.analysis_corpus())
        else:
            self._crosstab_dialog.refresh()
        self._crosstab_dialog.show()
        self._crosstab_dialog.raise_()
        self._crosstab_dialog.activateWindow()
        return self._crosstab_dialog

    def show_agreement(self) -> AgreementDialog:
        """Open (or reread and raise) the agreement window, non-modal."""
        from annotator.ui.agreement_dialog import AgreementDialog

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
