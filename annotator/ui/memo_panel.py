"""The memos beside the document: the open document's and the project's, saved as typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from annotator.app.workspace import Changes, Workspace
from annotator.core.offsets import PositionMap
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said

SAVE_DELAY_MS = 500  # after the last key
DOCUMENT_TAB, PROJECT_TAB = 0, 1


class MemoPanel(QWidget):
    """Two multi-line editors in tabs, "This document" and "Project". What is typed is
    saved :data:`SAVE_DELAY_MS` after the last key, and at once when the editor loses
    the focus, another document is shown (:meth:`show_document`) or :meth:`save` is
    called (the window does on closing). Memos are not undo steps: Ctrl+Z in an editor
    undoes its typing. Follows memos saved elsewhere (another window: the workspace's
    :class:`Changes`, or :meth:`refresh`) unless its own are being typed.
    ``finished`` is emitted on Esc (saved first): back to the text."""

    finished = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoPanel")
        self._workspace = workspace
        self._document_id: str | None = None
        self._shown: dict[QPlainTextEdit, str | None] = {}  # whose memo each editor holds
        self.document_editor = self._editor(
            "documentMemo", tr("Your memo on this document: what it shows, what to check…")
        )
        self.project_editor = self._editor(
            "projectMemo", tr("Your memo on the whole project: themes, questions, decisions…")
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("memoTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.document_editor, tr("Memo: this document"))
        self.tabs.addTab(self.project_editor, tr("Memo: project"))
        self.status = QLabel()
        self.status.setObjectName("memoStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self._load(self.project_editor, None)
        self.show_document(None)
        workspace.subscribe(self._on_changes)

    def _editor(self, name: str, placeholder: str) -> QPlainTextEdit:
        editor = QPlainTextEdit()
        editor.setObjectName(name)
        editor.setPlaceholderText(placeholder)
        editor.setTabChangesFocus(True)
        editor.installEventFilter(self)
        editor.textChanged.connect(self._typed)
        return editor

    # -- what is shown -----------------------------------------------------------------

    def show_document(self, document_id: str | None) -> None:
        """Show the memo of ``document_id`` (None: no document open), after saving what
        was typed in the one shown so far."""
        self.save()
        self._document_id = document_id
        self.document_editor.setEnabled(document_id is not None)
        self._load(self.document_editor, document_id)

    def refresh(self) -> None:
        """Read both memos again (changed elsewhere?), but not over what is being typed."""
        for editor in (self.document_editor, self.project_editor):
            if not editor.document().isModified():
                self._load(editor, self._subject(editor))

    def focus_document_memo(self) -> None:
        self.tabs.setCurrentIndex(DOCUMENT_TAB)
        self.document_editor.setFocus()

    def focus_project_memo(self) -> None:
        self.tabs.setCurrentIndex(PROJECT_TAB)
        self.project_editor.setFocus()

    def show_place(self, project: bool, start: int, end: int) -> None:
        """Focus the project's memo (else the document's) with code points ``start`` to
        ``end`` of it selected."""
        editor = self.project_editor if project else self.document_editor
        (self.focus_project_memo if project else self.focus_document_memo)()
        positions = PositionMap(editor.toPlainText())
        if end > positions.length:
            return  # the memo changed since it was searched
        cursor = editor.textCursor()
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    def _subject(self, editor: QPlainTextEdit) -> str | None:
        return self._document_id if editor is self.document_editor else None

    def _load(self, editor: QPlainTextEdit, subject: str | None) -> None:
        if editor is self.document_editor and subject is None:
            text = ""
        else:
            try:
                text = self._workspace.memo(subject)
            except StoreError as exc:
                self._say(
                    tr("Could not read the memo: {problem}").format(problem=tr_said(exc)),
                    problem=True,
                )
                return
        if editor.toPlainText() != text:
            at = editor.textCursor().position()
            editor.blockSignals(True)
            try:
                editor.setPlainText(text)  # also forgets the editor's undo steps
            finally:
                editor.blockSignals(False)
            if subject == self._shown.get(editor, subject):  # the same memo, changed
                cursor = editor.textCursor()
                cursor.setPosition(min(at, len(editor.toPlainText())))
                editor.setTextCursor(cursor)
        self._shown[editor] = subject
        editor.document().setModified(False)

    # -- saving ------------------------------------------------------------------------

    def _typed(self) -> None:
        self._say(tr("Editing…"))
        self._timer.start()

    def save(self) -> bool:
        """Save whatever was typed and not yet saved; returns whether all of it was (a
        failure is shown under the editors, and retried on the next save)."""
        self._timer.stop()
        saved = True
        for editor in (self.document_editor, self.project_editor):
            if not editor.document().isModified():
                continue
            subject = self._subject(editor)
            if editor is self.document_editor and subject is None:
                continue
            try:
                self._workspace.set_memo(subject, editor.toPlainText(), initiator=self)
            except StoreError as exc:
                self._say(tr("Not saved: {problem}").format(problem=tr_said(exc)), problem=True)
                saved = False
                continue
            editor.document().setModified(False)
            self._say(tr("Saved"))
        return saved

    def _say(self, message: str, *, problem: bool = False) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #d55e00;" if problem else "")  # vermillion

    def _on_changes(self, changes: Changes, initiator: object | None) -> None:
        if changes.memos and initiator is not self:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.document_editor, self.project_editor):
            if event.type() == QEvent.Type.FocusOut:
                self.save()
            elif (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
            ):
                self.save()
                self.finished.emit()
                return True
        return super().eventFilter(watched, event)
