"""The selected annotation's details, with its note editable."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.core.model import Annotation
from annotator.core.timestamps import iso_utc
from annotator.ui.table_models import one_line


class DetailsPanel(QWidget):
    """Shows one annotation. ``noteCommitted(text)`` is emitted when the user finishes
    editing the note (Ctrl+Enter, or leaving the field) and the text has changed."""

    noteCommitted = Signal(str, str)  # annotation id, note
    finished = Signal()  # Ctrl+Enter or Escape: back to the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        self._annotation: Annotation | None = None
        self.summary = QLabel("No annotation selected.")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QPlainTextEdit()
        self.note.setObjectName("noteEditor")
        self.note.setPlaceholderText("Note (F2 to edit, Ctrl+Enter to save, Esc to cancel)")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.note.installEventFilter(self)
        form = QFormLayout()
        form.addRow(self.summary)
        form.addRow("Note:", self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        self.set_annotation(None, "")

    def set_annotation(self, annotation: Annotation | None, quote: str) -> None:
        same = (
            annotation is not None
            and self._annotation is not None
            and annotation.id == self._annotation.id
        )
        if not same:
            self._commit()  # a note being typed is saved before another is shown
        self._annotation = annotation
        self.note.setEnabled(annotation is not None)
        if annotation is None:
            self.summary.setText("No annotation selected.")
            self.note.setPlainText("")
            return
        self.summary.setText(
            f"<b>{escape(annotation.label)}</b> {annotation.start}–{annotation.end} · "
            f"{escape(annotation.annotator)} · changed {iso_utc(annotation.updated_at)}<br>"
            f"“{escape(one_line(quote, 200))}”"
        )
        self.note.setPlainText(annotation.note or "")

    def edit_note(self) -> None:
        if self._annotation is not None:
            self.note.setFocus()
            self.note.selectAll()

    def _commit(self) -> None:
        if self._annotation is None:
            return
        text = self.note.toPlainText()
        if text != (self._annotation.note or ""):
            # Taken as saved before the signal goes out: saving re-selects rows, and a
            # re-entrant commit must find nothing left to save.
            annotation_id = self._annotation.id
            self._annotation = replace(self._annotation, note=text or None)
            self.noteCommitted.emit(annotation_id, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note:
            if event.type() == QEvent.Type.FocusOut:
                self._commit()
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self._commit()
                    self.finished.emit()
                    return True
                if event.key() == Qt.Key.Key_Escape:
                    # Leave without saving: the note goes back to what it was.
                    self.note.setPlainText(self._annotation.note or "" if self._annotation else "")
                    self.finished.emit()
                    return True
        return super().eventFilter(watched, event)
