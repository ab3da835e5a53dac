"""The read-only document view: a caret and keyboard selection, highlights, a context menu.

Everything it exchanges with the rest of the app is in code point offsets; the Qt
positions stay inside this widget and are converted by :class:`PositionMap` only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.model import Annotation
from annotator.core.offsets import PositionMap
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.theme import highlight_color

HIT_COLOR = QColor("#ffe066")  # find hits: yellow, blended over the palette's Base


class DocumentView(QPlainTextEdit):
    """Shows one document's text with its annotations highlighted.

    ``caretMoved(offset)`` is emitted when the user moves the caret without selecting
    (the offset is in code points); programmatic moves made through this class are silent.
    """

    caretMoved = Signal(int)
    caretClicked = Signal(int)  # a left click that placed the caret (no selection)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setReadOnly(True)
        # Read-only but still a caret and keyboard selection (arrows, Shift+..., Ctrl+A).
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.0) + 1)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.setCursorWidth(2)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._text = ""
        self._map = PositionMap("")
        self._highlighter = SpanHighlighter(self.document())
        self._highlighter.set_palette(self.palette())
        self._hit_spans: list[tuple[int, int]] = []
        self._context_actions: list[QAction] = []
        self._describe: Callable[[list[str]], str] | None = None
        self._silent = 0
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # -- content ---------------------------------------------------------------------

    def set_label_colors(self, colors: dict[str, str]) -> None:
        self._highlighter.set_colors(colors)

    def show_text(self, text: str, annotations: Sequence[Annotation]) -> None:
        """Show ``text`` highlighted with ``annotations``; the caret goes to the start."""
        self._text = text
        self._map = PositionMap(text)
        self._hit_spans = []  # they were offsets into the previous text
        self._highlighter.reset(self._qt_span(a) for a in annotations)
        self._silent += 1
        try:
            self.setPlainText(text)
            self.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._silent -= 1

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Replace the highlighted annotations; the text, caret and scroll stay."""
        self._highlighter.reset(self._qt_span(a) for a in annotations)
        self._highlighter.rehighlight()

    def clear_text(self) -> None:
        self.show_text("", [])

    @property
    def text(self) -> str:
        """The stored text being shown (never read back from the widget)."""
        return self._text

    def add_annotation(self, annotation: Annotation) -> None:
        self._highlighter.add(*self._qt_span(annotation))

    def add_annotations(self, annotations: Iterable[Annotation]) -> None:
        for annotation in annotations:
            self.add_annotation(annotation)

    def remove_annotation(self, annotation_id: str) -> None:
        self._highlighter.remove(annotation_id)

    def _qt_span(self, annotation: Annotation) -> tuple[str, str, int, int]:
        start, end = self._map.span_to_qt(annotation.start, annotation.end)
        return annotation.id, annotation.label, start, end

    # -- selection and caret, in code points -----------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as a code point span, or ``None`` when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def caret_offset(self) -> int:
        return self._map.to_codepoint(self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` and scroll them into view, silently."""
        qt_start, qt_end = self._map.span_to_qt(start, end)
        cursor = self.textCursor()
        cursor.setPosition(qt_start)
        self._set_cursor_silently(cursor)
        self.ensureCursorVisible()  # the start first, then as little more as the end needs
        # Anchor at the start, caret at the end: Shift+arrows extend it forwards.
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self._set_cursor_silently(cursor)
        self.ensureCursorVisible()

    def place_caret(self, offset: int) -> None:
        """Move the caret to code point ``offset`` without a selection, silently."""
        cursor = self.textCursor()
        cursor.setPosition(self._map.to_qt(offset))
        self._set_cursor_silently(cursor)

    def annotation_ids_at(self, offset: int) -> list[str]:
        """Ids of the annotations covering code point ``offset``, longest first.

        The last one is the innermost: the span whose colour is drawn there."""
        if not 0 <= offset < len(self._text):
            return []
        return self._highlighter.keys_at(self._map.to_qt(offset))

    def _set_cursor_silently(self, cursor: QTextCursor) -> None:
        self._silent += 1
        try:
            self.setTextCursor(cursor)
        finally:
            self._silent -= 1

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.caretClicked.emit(self.caret_offset())

    def _on_cursor_moved(self) -> None:
        if self._silent or self.textCursor().hasSelection():
            return
        self.caretMoved.emit(self.caret_offset())

    # -- context menu ----------------------------------------------------------------

    def mark_hits(self, spans: Sequence[tuple[int, int]], limit: int = 5000) -> None:
        """Mark code point spans (search hits) with a transient background that keeps
        the text legible in the current palette."""
        self._hit_spans = list(spans[:limit])
        selections = []
        highlight = highlight_color(HIT_COLOR, 1.0, self.palette())
        for start, end in self._hit_spans:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(highlight)
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_qt(start))
            cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Light to dark or back (the system's scheme changed): repaint what we colour.
            self._highlighter.set_palette(self.palette())
            self.mark_hits(self._hit_spans)

    def set_tooltip_source(self, describe: Callable[[list[str]], str]) -> None:
        """``describe(ids)`` gives the tooltip for the annotations under the mouse."""
        self._describe = describe

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._describe is not None:
            help_event = event  # a QHelpEvent
            cursor = self.cursorForPosition(help_event.pos())
            rect = self.cursorRect(cursor)
            ids = []
            if abs(rect.center().y() - help_event.pos().y()) <= rect.height():
                ids = self.annotation_ids_at(self._map.to_codepoint(cursor.position()))
            if ids:
                QToolTip.showText(help_event.globalPos(), self._describe(ids), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """Actions offered on top of the standard menu (tagging, deleting)."""
        self._context_actions = list(actions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textCursor().hasSelection():
            # Right-click acts on what is under the mouse: the caret goes there, so the
            # annotation under it becomes the current one.
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """The context menu for a right-click at viewport ``pos``."""
        menu = self.createStandardContextMenu(pos)
        first = menu.actions()[0] if menu.actions() else None
        for action in self._context_actions:
            menu.insertAction(first, action)
        if first is not None and self._context_actions:
            menu.insertSeparator(first)
        return menu
