"""The main window's annotator: who annotates (the name new annotations record) and whose
annotations are shown.

A part of :class:`annotator.ui.main_window.MainWindow` (a mixin: its methods use the
window's views and state)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QToolButton,
)

from annotator.app import preferences
from annotator.core.annotation_rows import AnnotationRows
from annotator.core.annotators import CHOSEN, MINE, AnnotatorFilter, name_problem
from annotator.core.model import Annotation
from annotator.store import StoreError
from annotator.ui.annotators import (
    NameDialog,
    remember_filter,
    status_text,
)
from annotator.ui.i18n import tr, tr_said
from annotator.ui.table_models import AnnotationTableModel


def whose(chosen: AnnotatorFilter, me: str) -> str:
    """Whose annotations ``chosen`` shows, in words (as :meth:`AnnotatorFilter.describe`,
    translated): "everyone's", "mine (alice)", "bob's"."""
    if chosen.kind == MINE:
        return tr("mine ({me})").format(me=me)
    if chosen.kind == CHOSEN:
        return tr("{name}'s").format(name=chosen.name)
    return tr("everyone's")


class AnnotatorsMixin:
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
            tr("Who you are annotating as, and whose annotations are shown: click to change")
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
            self._error(tr("Cannot annotate under this name"), tr_said(problem))
            return False
        self.invitation.hide()
        preferences.update(annotator=name)
        if name == self._annotator:
            return False
        self.workspace.annotator = name
        self.text_view.set_annotator(name)
        self._refilter()
        self._update_annotator_column()
        self._show_annotator_state()
        if preferences.chosen_by_environment():
            message = tr(
                "Annotating as {name}: new annotations record this name. ($ANNOTATOR_USER "
                "is set: the next launch uses it again.)"
            )
        else:
            message = tr("Annotating as {name}: new annotations record this name.")
        message = message.format(name=name)
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
            tr("Showing {whose} annotations.").format(whose=whose(chosen, self._annotator)), 5000
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

    def _shown(self, annotations: AnnotationRows) -> AnnotationRows:
        """Those of ``annotations`` the annotator filter shows (all: the same rows)."""
        only = self._annotator_filter.annotator(self._annotator)
        if only is None:
            return annotations
        return annotations.where(lambda row: annotations.annotator(row) == only)

    def _refilter(self) -> None:
        """Show the open document's annotations (and the documents' counts) again, as
        the annotator filter and the current annotator have them now."""
        self.reload_documents()
        if self._loading is not None:
            self._finish_loading()
        elif self._document is not None:
            try:
                annotations = self._shown(self._store.annotation_rows(self._document.id))
            except StoreError as exc:
                self._error(tr("Could not show the annotations"), tr_said(exc))
                return
            chosen = self.current_annotation()
            selected = [ann.id for ann in self.selected_annotations()]
            self.text_view.set_annotations(annotations)
            self.annotations_model.set_annotations(self._document.text, annotations)
            self._select_ids(selected, chosen.id if chosen else None, move_text=False)
        self._update_status()
        self._update_delete_enabled()
