"""Side panels that give way to the text: when the window narrows so far that the reading
pane would hold fewer than :data:`READING_CHARS` characters a line, the panels beside it
shrink to their readable width, then fold away (the document list first); when it widens
again, what was folded comes back. The user's own dragging of the splitter is left alone,
and View ▸ Document list / Annotation panel show or fold either panel by hand.
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QWidget

from annotator.ui.i18n import tr

# The fewest average characters a line of the reading pane keeps while panels can give way.
READING_CHARS = 60
# Narrower than this, a panel is folded away rather than squeezed (its text unreadable).
FOLD_BELOW = {0: 170, 2: 260}  # the document list; the annotation list and details


def characters_per_line(view: QPlainTextEdit) -> float:
    """How many average characters of its font a line of ``view`` holds."""
    width = view.viewport().width() - 2 * view.document().documentMargin()
    return width / max(1, view.fontMetrics().averageCharWidth())


def reading_width(view: QPlainTextEdit, chars: int = READING_CHARS) -> int:
    """The width ``view`` needs (frame, margin and scroll bar included) for ``chars``
    average characters a line."""
    text = chars * view.fontMetrics().averageCharWidth() + 2 * view.document().documentMargin()
    return ceil(text) + max(0, view.width() - view.viewport().width())


class SidePanels(QObject):
    """Keeps the reading pane (the middle of ``splitter``, holding ``view``) readable as
    ``window`` is resized, by shrinking and folding the splitter's first and last panes."""

    def __init__(self, window: QWidget, splitter: QSplitter, view: QPlainTextEdit) -> None:
        super().__init__(window)
        self._window, self._splitter, self._view = window, splitter, view
        self._widths: dict[int, int] = {}  # pane → its width before it was folded
        self._folded: set[int] = set()  # panes the window folded (not the user)
        self._width = 0  # the window's width at the last resize
        self.adapt_on_show = True  # False once a layout the user left is restored
        self.saved_width = 0  # the window's width when that layout was left
        self.actions = {
            0: self._toggle_action(tr("&Document list"), 0),
            2: self._toggle_action(tr("&Annotation panel"), 2),
        }
        splitter.splitterMoved.connect(self._moved_by_hand)
        window.installEventFilter(self)

    def _toggle_action(self, text: str, pane: int) -> QAction:
        action = QAction(text, self._window)
        action.setCheckable(True)
        action.setChecked(True)
        action.setStatusTip(tr("Show or fold this panel (it folds by itself in a narrow window)"))
        action.toggled.connect(lambda on, pane=pane: self.show_pane(pane, on))
        return action

    def show_pane(self, pane: int, shown: bool) -> None:
        """Show (at its earlier width) or fold ``pane`` (0: the document list, 2: the
        annotation panel); the reading pane takes or gives the difference."""
        sizes = self._splitter.sizes()
        if (sizes[pane] > 0) == shown:
            return
        if shown:
            self._folded.discard(pane)
            width = self._widths.pop(pane, 0) or max(FOLD_BELOW[pane], 240)
            width = min(width, max(0, sizes[1] - 80))
            sizes[1] -= width - sizes[pane]
            sizes[pane] = width
        else:
            self._widths[pane] = sizes[pane]
            self._folded.discard(pane)  # folded by hand: it stays folded
            sizes[1] += sizes[pane]
            sizes[pane] = 0
        self._splitter.setSizes(sizes)
        self.sync_actions()

    def folded_state(self) -> str:
        """What the window (not the user) folded, and the widths to bring back: kept
        with the layout, so a wider window next launch brings those panels back."""
        return ",".join(f"{pane}:{self._widths.get(pane, 0)}" for pane in sorted(self._folded))

    def restore_folded(self, state: str) -> None:
        """Take back :meth:`folded_state` (anything unreadable is ignored)."""
        sizes = self._splitter.sizes()
        for part in state.split(","):
            pane, _colon, width = part.partition(":")
            if pane in ("0", "2") and width.isdigit() and sizes[int(pane)] == 0:
                self._folded.add(int(pane))
                self._widths[int(pane)] = int(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            width = self._window.width()
            if self._width and width != self._width:
                # The window's layout has given the splitter its new width already.
                self.adapt(narrower=width < self._width)
            self._width = width
        elif watched is self._window and event.type() == QEvent.Type.Show:
            # Opened narrow with no layout of the user's (a first launch on a small
            # screen): once laid out, adapt. A layout the user left is theirs to keep at
            # the width they left it; narrower (a smaller screen) or wider, it adapts.
            width = self._window.width()
            if self.adapt_on_show:
                QTimer.singleShot(0, self.adapt)
            elif self.saved_width and width != self.saved_width:
                narrower = width < self.saved_width
                QTimer.singleShot(0, lambda: self.adapt(narrower=narrower))
            self.adapt_on_show = False
            self.saved_width = 0
        return super().eventFilter(watched, event)

    def adapt(self, *, narrower: bool = True) -> None:
        """Narrower: the reading pane keeps :data:`READING_CHARS` characters a line and
        each side panel at least its readable width; where all three cannot, the document
        list folds, then the annotation panel. Wider: what was folded comes back, as far
        as the reading pane keeps its width."""
        sizes = self._splitter.sizes()
        total = sum(sizes)
        if len(sizes) != 3 or total <= 0:
            return
        centre = self._splitter.widget(1)
        needed = reading_width(self._view) + max(0, centre.width() - self._view.width())
        if narrower:
            shown = [pane for pane in (0, 2) if sizes[pane] > 0]
            for folding in ((), (0,), (0, 2)):
                kept = [pane for pane in shown if pane not in folding]
                if total >= needed + sum(FOLD_BELOW[pane] for pane in kept):
                    break
            for pane in shown:
                if pane not in kept:
                    self._widths.setdefault(pane, sizes[pane])
                    self._folded.add(pane)
                    sizes[pane] = 0
                else:
                    sizes[pane] = max(sizes[pane], FOLD_BELOW[pane])
            sizes[1] = total - sizes[0] - sizes[2]
            for pane in sorted(kept, key=lambda pane: -sizes[pane]):  # the widest gives first
                give = min(max(0, needed - sizes[1]), sizes[pane] - FOLD_BELOW[pane])
                sizes[pane] -= give
                sizes[1] += give
            sizes[1] = total - sizes[0] - sizes[2]
        else:
            for pane in (2, 0):
                width = self._widths.get(pane, 0)
                if pane in self._folded and sizes[pane] == 0 and sizes[1] - width >= needed:
                    self._folded.discard(pane)
                    del self._widths[pane]
                    sizes[1] -= width
                    sizes[pane] = width
        if sizes != self._splitter.sizes():
            self._splitter.setSizes(sizes)
        self.sync_actions()

    def _moved_by_hand(self, *_args: object) -> None:
        sizes = self._splitter.sizes()
        for pane in (0, 2):
            if sizes[pane] > 0:
                self._folded.discard(pane)  # shown by hand: not the window's to bring back
        self.sync_actions()

    def sync_actions(self) -> None:
        sizes = self._splitter.sizes()
        for pane, action in self.actions.items():
            if action.isChecked() != (sizes[pane] > 0):
                action.blockSignals(True)
                action.setChecked(sizes[pane] > 0)
                action.blockSignals(False)
