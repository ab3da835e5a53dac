"""What the main window offers the parts that work beside it (the suggestions, the
curation window): the document it shows and that document's state, the views they draw
on, and its status bar. They get this and the :class:`Workspace`, never the window, and
make their edits through the workspace; the window follows what it announces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QStatusBar, QTableView, QWidget

from annotator.app.workspace import Workspace
from annotator.core.history import Step
from annotator.core.model import Annotation, Document, Label
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said
from annotator.ui.table_models import AnnotationTableModel
from annotator.ui.text_view import DocumentView


@dataclass(frozen=True)
class MainView:
    """The main window as the parts beside it see it."""

    workspace: Workspace
    frame: QWidget  # parent of their actions and messages; shortcuts work anywhere in it
    text_view: DocumentView
    annotations: AnnotationTableModel  # the list of the document shown
    annotations_view: QTableView
    status_bar: QStatusBar
    undo_actions: tuple[QAction, QAction]  # Edit ▸ Undo and Redo
    document: Callable[[], Document | None]  # the document shown (None: none)
    labels: Callable[[], list[Label]]  # the label scheme, in order
    loading: Callable[[], bool]  # shown first screen first: not every annotation listed yet
    older_version: Callable[[], bool]  # an older version of a document is shown
    catch_up: Callable[[], None]  # re-read what the database holds now
    select: Callable[[Annotation], None]  # select a listed annotation (the text stays put)

    def say(self, message: str, ms: int = 5000) -> None:
        """A message in the main window's status bar for ``ms`` milliseconds."""
        self.status_bar.showMessage(message, ms)

    def commit(self, step: Step, message: str, initiator: object) -> bool:
        """Make ``step`` through the workspace (one transaction, one undo step) and say
        ``message``; ``False``, with a dialog and the window caught up with the database,
        if the database refuses it (nothing changed)."""
        try:
            self.workspace.apply(step, initiator=initiator)
        except StoreError as exc:
            self.catch_up()
            QMessageBox.warning(self.frame, tr("Could not save the change"), tr_said(exc))
            self.frame.activateWindow()  # keyboard shortcuts work at once
            return False
        self.say(message)
        return True
