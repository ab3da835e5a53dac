"""The read-only document view: a caret and keyboard selection, highlights, a context menu,
and edges of the selected annotation that can be dragged with the mouse.

Everything it exchanges with the rest of the app is in code point offsets; the Qt
positions stay inside this widget and are converted by :class:`PositionMap` only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QCursor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.annotation_rows import AnnotationRows, owners_of, spans_of
from annotator.core.labels import FIND_HIGHLIGHT
from annotator.core.model import Annotation, Label
from annotator.core.offsets import PositionMap
from annotator.core.snapping import snap_to_words, word_end, word_start
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.i18n import tr
from annotator.ui.margin import LabelMargin
from annotator.ui.theme import highlight_color

DOCUMENT_MARGIN = 14  # pixels around the text
HIT_COLOR = QColor(FIND_HIGHLIGHT)  # find hits: yellow, blended over the palette's Base

EDGE_REACH = 4  # pixels either side of an annotation's edge that grab it
DRAG_THRESHOLD = 3  # pixels the mouse moves before a press on an edge becomes a drag


@dataclass(slots=True)
class _EdgeDrag:
    """An edge of ``annotation`` pressed with the left button, maybe being dragged."""

    annotation: Annotation
    edge: str  # "start" or "end"
    press: QPointF  # where the button went down, viewport coordinates
    global_press: QPointF
    modifiers: Qt.KeyboardModifier
    before: QTextCursor  # the text cursor to put back if nothing changes
    span: tuple[int, int]  # the span the annotation would get, code points
    moved: bool = False
    cancelled: bool = False


class DocumentView(QPlainTextEdit):
    """Shows one document's text with its annotations highlighted.

    ``caretMoved(offset)`` is emitted when the user moves the caret without selecting
    (the offset is in code points); programmatic moves made through this class are silent.

    The start and end edges of the annotation given to :meth:`set_grabbable` can be
    dragged with the left button: the pointer turns into a horizontal resize arrow within
    ``EDGE_REACH`` pixels of one, the prospective span is shown as the selection while
    dragging (never less than one character), Escape cancels, and releasing emits
    ``resizeRequested(annotation_id, start, end)`` in code points if the span changed. A
    press on an edge released without dragging is an ordinary click.

    With :meth:`set_snapping` on, a selection made with the mouse is widened to whole words
    when the button is released, and a dragged edge moves from word to word
    (:mod:`annotator.core.snapping`).
    """

    caretMoved = Signal(int)
    caretClicked = Signal(int)  # a left click that placed the caret (no selection)
    resizeRequested = Signal(str, int, int)  # annotation id, new start, new end

    def __init__(self, parent: QWidget | None = None) -> None:
        # Events arrive while the widget is being set up: this state comes first.
        self._grabbable: Annotation | None = None
        self._drag: _EdgeDrag | None = None
        self._normal_pointer: QCursor | None = None  # saved while the resize arrow shows
        self._snapping = False
        self._annotator: str | None = None  # whose spans are drawn as one's own
        # Painted over the text after it, in order (see add_overlay).
        self._overlays: list[Callable[[QPainter, QRect], None]] = []
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
        # How the text reads (see set_reading): the system font a point larger at first.
        self._system_font = QFont(self.font())
        self._line_spacing = 1.0
        self._line_width = 0
        font = QFont(self.font())
        font.setPointSizeF(default_reading_size(font))
        self.setFont(font)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.setCursorWidth(2)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._text = ""
        self._map = PositionMap("")
        self._painting = False
        self._highlighter = SpanHighlighter(self.document(), self._repaint_block)
        self._highlighter.set_palette(self.palette())
        self._hit_spans: list[tuple[int, int]] = []
        self._context_actions: list[QAction] = []
        self._describe: Callable[[list[str]], str] | None = None
        self._silent = 0
        self.viewport().setMouseTracking(True)  # the pointer changes over a grabbable edge
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.margin = LabelMargin(self)
        self._side = 0  # the space left and right of a line of the maximum width
        self._place_viewport()
        self.updateRequest.connect(self._update_margin)

    @property
    def highlighter(self) -> SpanHighlighter:
        return self._highlighter

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painting = True
        try:
            self.highlight_visible()
        finally:
            self._painting = False
        super().paintEvent(event)
        if self._overlays:
            painter = QPainter(self.viewport())
            try:
                for paint in self._overlays:
                    paint(painter, event.rect())
            finally:
                painter.end()

    def add_overlay(self, paint: Callable[[QPainter, QRect], None]) -> None:
        """Call ``paint(painter, area)`` after the text is painted, with a painter on the
        viewport (viewport coordinates), to draw over it (e.g. suggestions' outlines)."""
        self._overlays.append(paint)
        self.viewport().update()

    def remove_overlay(self, paint: Callable[[QPainter, QRect], None]) -> None:
        self._overlays.remove(paint)

    def _repaint_block(self, block: QTextBlock) -> None:
        """Schedule the repaint of a block that got new highlights (and of its margin)."""
        if self._painting:
            return  # about to be painted
        area = self.blockBoundingGeometry(block).translated(self.contentOffset())
        rect = area.toAlignedRect().intersected(self.viewport().rect())
        if not rect.isEmpty():
            self.viewport().update(rect)
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def highlight_visible(self) -> None:
        """Give the blocks on screen their formats if they are out of date (see the
        highlighter), and their lines the chosen spacing."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            self._highlighter.ensure_block(block)
            if self._line_spacing != 1.0:
                self._space_lines(block)
            block = block.next()

    def _space_lines(self, block: QTextBlock) -> None:
        """Move ``block``'s lines apart to the chosen spacing. The plain text layout has no
        line height of its own; it lays a block out again (unspaced) when its text,
        formats or width change, so the blocks on screen are spaced before each paint."""
        self.blockBoundingRect(block)  # laid out, if it was not
        layout = block.layout()
        count = layout.lineCount()
        if count == 0:
            return
        height = layout.lineAt(0).height()
        step = height * self._line_spacing
        extra = step - height  # above each line, so the block ends a full step down
        if abs(layout.lineAt(0).y() - extra) < 0.01:
            return  # spaced already
        for number in range(count):
            line = layout.lineAt(number)
            line.setPosition(QPointF(line.x(), extra + number * step))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_viewport()

    # -- how the text reads ------------------------------------------------------------

    def set_reading(
        self, family: str | None, size: float, spacing: int = 100, width: int = 0
    ) -> None:
        """Show the text in ``family`` (None: the system's font) at ``size`` points (0:
        the default reading size), lines ``spacing`` percent of the font's line height
        apart, and at most ``width`` average characters a line (0: the whole width), the
        text centred between equal margins. Only the blocks on screen are laid out again
        at once; the rest when they are scrolled to."""
        font = QFont(self._system_font)
        if family:
            font.setFamily(family)
        font.setPointSizeF(size if size > 0 else default_reading_size(self._system_font))
        self._line_spacing = max(1.0, spacing / 100)
        self._line_width = max(0, width)
        # Spaced lines make the last screen taller than the layout believes: let the
        # end scroll up to the middle so the last lines are always reachable.
        self.setCenterOnScroll(self._line_spacing > 1.0)
        if font != self.font():
            self.setFont(font)  # the margin follows (changeEvent)
        else:
            for block in self._visible_blocks():
                block.clearLayout()  # spaced again, or not, when painted
        self._place_viewport()
        self.viewport().update()

    def reading_size(self) -> float:
        """The reading font's size in points."""
        return self.font().pointSizeF()

    def _visible_blocks(self) -> list[QTextBlock]:
        blocks = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while (
            block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= bottom
        ):
            blocks.append(block)
            block = block.next()
        return blocks

    def _place_viewport(self) -> None:
        """The margin on the left, then the text: the whole width, or centred at most
        the chosen number of characters wide."""
        gutter = self.margin.sizeHint().width()
        side = 0
        if self._line_width:
            text_width = self._line_width * self.fontMetrics().averageCharWidth()
            available = self.contentsRect().width() - gutter - self.verticalScrollBar().width()
            side = max(0, (available - text_width - 2 * DOCUMENT_MARGIN) // 2)
        if side != self._side or self.viewportMargins().left() != gutter + side:
            self._side = side
            self.setViewportMargins(gutter + side, 0, side, 0)
        area = self.contentsRect()
        self.margin.setGeometry(QRect(area.left() + side, area.top(), gutter, area.height()))

    # -- content ---------------------------------------------------------------------

    def set_labels(self, labels: Sequence[Label]) -> None:
        """The labels' colours and markers; a shown text is highlighted again."""
        self._highlighter.set_colors({label.name: label.color for label in labels})
        self.margin.set_labels(labels)
        self.viewport().update()

    def show_text(self, text: str, annotations: Sequence[Annotation] | AnnotationRows) -> None:
        """Show ``text`` highlighted with ``annotations``; the caret goes to the start."""
        self._cancel_drag()
        self.set_grabbable(None)
        self._text = text
        self._map = PositionMap(text)
        self._hit_spans = []  # they were offsets into the previous text
        self._highlighter.reset(self._map, spans_of(annotations), self._owners(annotations))
        self._silent += 1
        try:
            self.setPlainText(text)
            self.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._silent -= 1

    def set_annotations(self, annotations: Sequence[Annotation] | AnnotationRows) -> None:
        """Replace the highlighted annotations; the text, caret and scroll stay."""
        self._highlighter.reset(self._map, spans_of(annotations), self._owners(annotations))
        self.viewport().update()
        self.margin.update()

    def clear_text(self) -> None:
        self.show_text("", [])

    @property
    def text(self) -> str:
        """The stored text being shown (never read back from the widget)."""
        return self._text

    def screenful(self) -> int:
        """More code points than the view can show at once, however the text wraps: its
        columns times its lines, twice over for narrow characters."""
        metrics = self.fontMetrics()
        columns = self.viewport().width() // max(1, metrics.averageCharWidth()) + 1
        lines = self.viewport().height() // max(1, metrics.lineSpacing()) + 1
        return max(4096, 2 * columns * lines)

    def qt_position(self, offset: int) -> int:
        """The widget's position of code point ``offset`` of the text."""
        return self._map.to_qt(offset)

    def set_annotator(self, name: str | None) -> None:
        """Draw ``name``'s spans as one's own and everyone else's as others' (see the
        highlighter) from the next :meth:`show_text` or :meth:`set_annotations` on;
        ``None`` draws every span as one's own."""
        self._annotator = name

    def _owners(self, annotations: Sequence[Annotation] | AnnotationRows) -> dict[str, str]:
        me = self._annotator
        return {} if me is None else owners_of(annotations, me)

    def add_annotation(self, annotation: Annotation) -> None:
        self._highlighter.add(
            annotation.id,
            annotation.label,
            annotation.start,
            annotation.end,
            self._owners([annotation]).get(annotation.id),
        )
        self.margin.update()

    def add_annotations(self, annotations: Iterable[Annotation]) -> None:
        for annotation in annotations:
            self.add_annotation(annotation)

    def remove_annotation(self, annotation_id: str) -> None:
        self._highlighter.remove(annotation_id)
        self.margin.update()

    # -- selection and caret, in code points -----------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as a code point span, or ``None`` when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def caret_offset(self) -> int:
        return self._map.to_codepoint(self.textCursor().position())

    def first_visible_offset(self) -> int:
        """The code point at the top left of what the view shows."""
        return self._map.to_codepoint(self.cursorForPosition(QPoint(0, 0)).position())

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
        return self._highlighter.keys_at(offset)

    def _set_cursor_silently(self, cursor: QTextCursor) -> None:
        self._silent += 1
        try:
            self.setTextCursor(cursor)
        finally:
            self._silent -= 1

    def _on_cursor_moved(self) -> None:
        self._describe_caret()
        if self._silent or self.textCursor().hasSelection():
            return
        self.caretMoved.emit(self.caret_offset())

    def _describe_caret(self) -> None:
        """Tell assistive technology which annotations the caret is in (the description
        of the text, read out as the caret moves)."""
        ids = self.annotation_ids_at(self.caret_offset()) if self._text else []
        told = self._describe(ids) if ids and self._describe is not None else ""
        self.setAccessibleDescription(
            tr("At the caret: {annotations}").format(annotations=told)
            if told
            else tr("No annotation at the caret")
        )

    # -- the mouse: clicks, selections, dragging an annotation's edges ------------------

    def set_snapping(self, on: bool) -> None:
        """Snap mouse selections and dragged edges to whole words, or not."""
        self._snapping = on

    def set_grabbable(self, annotation: Annotation | None) -> None:
        """Let the edges of ``annotation`` (or of none) be dragged; a drag of another
        annotation, or of an older version of this one, is cancelled."""
        if annotation == self._grabbable:
            return
        self._grabbable = annotation
        if self._drag is not None and self._drag.annotation != annotation:
            self._cancel_drag()
        if self._drag is None:
            self._show_resize_pointer(self._edge_under_mouse() is not None)

    def edge_at(self, pos: QPoint) -> str | None:
        """``"start"`` or ``"end"`` if viewport point ``pos`` is on that edge of the
        grabbable annotation (on its line, within ``EDGE_REACH`` pixels), else ``None``."""
        annotation = self._grabbable
        if annotation is None:
            return None
        found: tuple[float, str] | None = None
        for edge, offset in (("start", annotation.start), ("end", annotation.end)):
            box = self._edge_box(offset, edge)
            if box is None or not box.top() <= pos.y() < box.bottom():
                continue
            distance = abs(pos.x() - box.left())
            if distance <= EDGE_REACH and (found is None or distance < found[0]):
                found = (distance, edge)
        return found[1] if found else None

    def _edge_box(self, offset: int, edge: str) -> QRectF | None:
        """The edge at code point ``offset`` as a zero-width box in viewport coordinates,
        as tall as its line: a start edge is on the line of the character after it, an end
        edge on the line of the one before it (where a line wraps, they differ)."""
        if not 0 <= offset <= len(self._text):
            return None
        qt_edge = self._map.to_qt(offset)
        qt_char = self._map.to_qt(offset if edge == "start" else offset - 1)
        block = self.document().findBlock(qt_char)
        if edge == "end" and qt_char - block.position() == block.length() - 1:
            # The span ends with a paragraph break: its edge starts the next line.
            qt_char = qt_edge
            block = self.document().findBlock(qt_edge)
        if not block.isValid():
            return None
        # Asking for the block's geometry lays it out if a highlight change undid that.
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        layout = block.layout()
        line = layout.lineForTextPosition(qt_char - block.position())
        if not line.isValid():
            return None
        x, _position = line.cursorToX(qt_edge - block.position())
        origin += layout.position()
        return QRectF(origin.x() + x, origin.y() + line.y(), 0, line.height())

    def _edge_under_mouse(self) -> str | None:
        pos = self.viewport().mapFromGlobal(QCursor.pos())
        return self.edge_at(pos) if self.viewport().rect().contains(pos) else None

    def _show_resize_pointer(self, on: bool) -> None:
        if on and self._normal_pointer is None:
            self._normal_pointer = self.viewport().cursor()
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        elif not on and self._normal_pointer is not None:
            self.viewport().setCursor(self._normal_pointer)
            self._normal_pointer = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            if event.button() != Qt.MouseButton.LeftButton:
                event.accept()  # other buttons do nothing while an edge is held
                return
            self._drag = None  # a release that never came (the window lost the mouse)
        edge = None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            edge = self.edge_at(event.position().toPoint())
        if edge is None or self._grabbable is None:
            super().mousePressEvent(event)
            return
        annotation = self._grabbable
        self._drag = _EdgeDrag(
            annotation=annotation,
            edge=edge,
            press=QPointF(event.position()),
            global_press=QPointF(event.globalPosition()),
            modifiers=event.modifiers(),
            before=QTextCursor(self.textCursor()),
            span=(annotation.start, annotation.end),
        )
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._show_resize_pointer(True)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        pos = event.position().toPoint()
        if drag is None:
            if event.buttons() == Qt.MouseButton.NoButton:
                self._show_resize_pointer(self.edge_at(pos) is not None)
            super().mouseMoveEvent(event)
            return
        event.accept()
        if drag.cancelled:
            return
        if not drag.moved and (event.position() - drag.press).manhattanLength() < DRAG_THRESHOLD:
            return
        drag.moved = True
        bar = self.verticalScrollBar()
        if pos.y() < 0:
            bar.setValue(bar.value() - 1)
        elif pos.y() >= self.viewport().height():
            bar.setValue(bar.value() + 1)
        drag.span = self._dragged_span(drag, pos)
        start, end = drag.span
        # The moving edge is the caret, so the view follows it.
        anchor, moving = (end, start) if drag.edge == "start" else (start, end)
        self._select_silently(anchor, moving)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None and not self._drag.moved:
            self._drag = None  # the second press of a double click: not a drag
        super().mouseDoubleClickEvent(event)

    def _dragged_span(self, drag: _EdgeDrag, pos: QPoint) -> tuple[int, int]:
        """The span with the dragged edge at the character boundary nearest ``pos``,
        at least one character long, snapped to a word boundary if snapping is on."""
        offset = self._map.to_codepoint(self.cursorForPosition(pos).position())
        start, end = drag.annotation.start, drag.annotation.end
        if drag.edge == "start":
            start = min(offset, end - 1)
            return (word_start(self._text, start) if self._snapping else start), end
        end = max(offset, start + 1)
        return start, (word_end(self._text, end) if self._snapping else end)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        left = event.button() == Qt.MouseButton.LeftButton
        if drag is not None:
            event.accept()
            if not left:
                return
            self._drag = None
            if drag.moved or drag.cancelled:
                if not drag.cancelled:
                    self._finish_drag(drag)
                self._show_resize_pointer(self.edge_at(event.position().toPoint()) is not None)
                return
            # Pressed on an edge and let go without dragging: an ordinary click.
            super().mousePressEvent(
                QMouseEvent(
                    QEvent.Type.MouseButtonPress,
                    drag.press,
                    drag.global_press,
                    Qt.MouseButton.LeftButton,
                    Qt.MouseButton.LeftButton,
                    drag.modifiers,
                )
            )
        super().mouseReleaseEvent(event)
        if not left:
            return
        if not self.textCursor().hasSelection():
            self.caretClicked.emit(self.caret_offset())
        elif self._snapping:
            self._snap_selection()

    def _finish_drag(self, drag: _EdgeDrag) -> None:
        annotation = drag.annotation
        if drag.span == (annotation.start, annotation.end):
            self._set_cursor_silently(drag.before)
            return
        self.resizeRequested.emit(annotation.id, *drag.span)

    def _cancel_drag(self) -> bool:
        """Put the span back as it was before an edge was dragged; the rest of the drag
        (until the button is released) does nothing. False if no drag was going on."""
        drag = self._drag
        if drag is None or drag.cancelled:
            return False
        drag.cancelled = True
        if drag.moved:
            self._set_cursor_silently(drag.before)
        return True

    def _snap_selection(self) -> None:
        """Widen the selection to whole words, keeping the end the caret is at."""
        cursor = self.textCursor()
        span = self.selected_span()
        if span is None:
            return
        start, end = snap_to_words(self._text, *span)
        if (start, end) == span:
            return
        if cursor.position() < cursor.anchor():
            self._select_silently(end, start)
        else:
            self._select_silently(start, end)

    def _select_silently(self, anchor: int, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(anchor))
        cursor.setPosition(self._map.to_qt(position), QTextCursor.MoveMode.KeepAnchor)
        self._set_cursor_silently(cursor)

    def event(self, event: QEvent) -> bool:
        dragging = self._drag is not None and not self._drag.cancelled
        if event.type() == QEvent.Type.ShortcutOverride and dragging:
            event.accept()  # no shortcut fires while an edge is held: keys come here
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._drag is not None and not self._drag.cancelled:
            if event.key() == Qt.Key.Key_Escape:
                self._cancel_drag()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._cancel_drag():
            self._drag = None  # the release may go elsewhere now
            self._show_resize_pointer(False)
        super().focusOutEvent(event)

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
        if event.type() == QEvent.Type.FontChange and hasattr(self, "margin"):
            self.margin.follow(self.font())
            self._place_viewport()
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
        if self._drag is not None and not self._drag.cancelled:
            event.accept()  # not while an edge is held
            return
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


def default_reading_size(font: QFont) -> float:
    """The reading pane's size before any is chosen: a point over the system's, 12 at least."""
    return max(font.pointSizeF(), 11.0) + 1
