"""The main window's analysis: the Retrieve window, and opening a document at a passage
retrieved.

A part of :class:`annotator.ui.main_window.MainWindow` (a mixin: its methods use the
window's views and state)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.app.live_corpus import LiveCorpus
from annotator.core.retrieval import Query
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said

if TYPE_CHECKING:
    from annotator.ui.cooccurrence_view import CooccurrenceDialog
    from annotator.ui.retrieve_view import RetrieveDialog


class AnalysisMixin:
    def analysis_corpus(self) -> LiveCorpus:
        """The corpus the analysis windows share, following every change (read when
        first queried)."""
        if self._live_corpus is None:
            corpus = self._live_corpus = LiveCorpus(self._store)
            self.workspace.subscribe(lambda changes, _initiator: corpus.changed(changes))
        return self._live_corpus

    def _analysis_changed_elsewhere(self) -> None:
        if self._live_corpus is not None:
            self._live_corpus.changed(None)
        for dialog in (self._retrieve_dialog, self._cooccurrence_dialog, self._crosstab_dialog):
            if dialog is not None:
                dialog.changed_elsewhere()

    def _close_analysis(self) -> None:
        for dialog in (self._retrieve_dialog, self._cooccurrence_dialog, self._crosstab_dialog):
            if dialog is not None:
                dialog.close()

    def show_retrieve(self) -> RetrieveDialog:
        """Open (or raise) the Retrieve window, non-modal; it runs its query on opening."""
        from annotator.ui.retrieve_view import RetrieveDialog

        dialog = self._retrieve_dialog
        if dialog is None:
            dialog = self._retrieve_dialog = RetrieveDialog(
                self, self.workspace, self.analysis_corpus(), self.show_annotation, self.show_memo
            )
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.filters.match.setFocus()
        dialog.filters.match.selectAll()
        return dialog

    def show_cooccurrence(self) -> CooccurrenceDialog:
        """Open (or raise) the co-occurrence matrix, non-modal."""
        from annotator.ui.cooccurrence_view import CooccurrenceDialog

        dialog = self._cooccurrence_dialog
        if dialog is None:
            dialog = self._cooccurrence_dialog = CooccurrenceDialog(
                self, self.workspace, self.analysis_corpus(), self._retrieve_pairs
            )
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _retrieve_pairs(self, ids: frozenset[str], caption: str) -> None:
        self.show_retrieve().show_query(Query(ids=ids, regex=False), caption)

    def show_memo(self, document_id: str | None, start: int, end: int) -> bool:
        """Show a memo (a document's, opening the document; None: the project's) with
        code points ``start`` to ``end`` of it selected."""
        shown = self._document
        elsewhere = document_id is not None and (shown is None or shown.id != document_id)
        if elsewhere and not self.open_document(document_id, whole=True):
            return False
        self.activateWindow()
        self.raise_()
        self.memo_panel.show_place(document_id is None, start, end)
        return True

    def show_annotation(self, document_id: str, annotation_id: str) -> bool:
        """Open ``document_id`` (whole) with ``annotation_id`` selected in the list and
        shown in the text, and bring the window forward. An annotation the annotator
        filter hides is shown as a selection of its span."""
        shown = self._document
        fresh = shown is None or shown.id != document_id or self._loading is not None
        if fresh and not self.open_document(document_id, whole=True):
            return False
        self.activateWindow()
        self.raise_()
        row = self.annotations_model.row_of(annotation_id)
        if row is not None:
            self._jump_to_annotation(annotation_id)
            return True
        try:
            found = [a for a in self._store.annotations(document_id) if a.id == annotation_id]
        except StoreError as exc:
            self._error(tr("Could not show the annotation"), tr_said(exc))
            return False
        if not found:
            self.statusBar().showMessage(tr("That annotation is no longer there."), 8000)
            return False
        self.text_view.select_span(found[0].start, found[0].end)
        self.text_view.setFocus()
        hidden = tr("{annotator}'s {label}: the Annotator menu hides it here.")
        self.statusBar().showMessage(
            hidden.format(annotator=found[0].annotator, label=found[0].label), 8000
        )
        return True
