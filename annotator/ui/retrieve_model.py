"""The rows of the Retrieve window: retrieved annotations as key word in context, and the
delegate that elides the left context on its left."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from annotator.core.colors import readable_blend
from annotator.core.retrieval import Hit
from annotator.ui.i18n import tr
from annotator.ui.theme import rgb

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TR_NOOP("Left"),
    QT_TR_NOOP("Quote"),
    QT_TR_NOOP("Right"),
    QT_TR_NOOP("Label"),
    QT_TR_NOOP("Document"),
    QT_TR_NOOP("Published"),
    QT_TR_NOOP("Annotator"),
    QT_TR_NOOP("Note"),
    QT_TR_NOOP("Attributes"),
)
LEFT, QUOTE, RIGHT = 0, 1, 2
RELEASE_MS = 200
ROW_PADDING = 8  # pixels added to a row's height: rows of a long list stay readable
QUOTE_STRENGTH = 0.35  # the quote's background: its label's colour faded into the base


def one_line(text: str) -> str:
    return " ".join(text.split())


def _attributes(hit: Hit) -> str:
    pairs = hit.annotation.attributes
    return ", ".join(f"{name}={json.dumps(value, ensure_ascii=False)}" for name, value in pairs)


# What each column shows and sorts by (the sort keys ignore case; ties keep corpus order).
_SHOWN: tuple[Callable[[Hit], str], ...] = (
    lambda h: one_line(h.left),
    lambda h: one_line(h.quote),
    lambda h: one_line(h.right),
    lambda h: h.annotation.label,
    lambda h: h.document.title,
    lambda h: h.document.published or "",
    lambda h: h.annotation.annotator,
    lambda h: one_line(h.annotation.note or ""),
    _attributes,
)
_SORTED: tuple[Callable[[Hit], Any], ...] = (
    lambda h: one_line(h.left)[::-1].casefold(),  # by the words nearest the quote
    lambda h: one_line(h.quote).casefold(),
    lambda h: one_line(h.right).casefold(),
    lambda h: h.annotation.label.casefold(),
    lambda h: (h.document.title.casefold(), h.annotation.start),
    lambda h: h.document.published or "",
    lambda h: h.annotation.annotator.casefold(),
    lambda h: (h.annotation.note or "").casefold(),
    _attributes,
)


class HitTableModel(QAbstractTableModel):
    """Hits in corpus order until a column is sorted. Cells are made when shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._colors: dict[str, QColor] = {}
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_hits(self, hits: list[Hit]) -> None:
        """Show ``hits`` (the list is kept, not copied)."""
        old = self._hits
        self.beginResetModel()
        self._hits = hits
        if self._sorted is not None:
            self._sort(*self._sorted)
        self.endResetModel()
        # Freeing a hundred thousand rows takes longer than showing the new ones: after.
        if old is not hits:
            QTimer.singleShot(RELEASE_MS, old.clear)

    def set_colors(self, colors: dict[str, str], base: QColor, text: QColor) -> None:
        """Label colours, faded into ``base`` for the quotes' backgrounds (no further than
        ``text`` stays readable on them)."""
        self._colors = {
            name: QColor(*readable_blend(rgb(QColor(color)), rgb(base), rgb(text), QUOTE_STRENGTH))
            for name, color in colors.items()
        }
        if self._hits:
            self.dataChanged.emit(self.index(0, QUOTE), self.index(len(self._hits) - 1, QUOTE))

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def row_of(self, annotation_id: str) -> int | None:
        return next(
            (row for row, h in enumerate(self._hits) if h.annotation.id == annotation_id), None
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit, column = self._hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _SHOWN[column](hit)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == QUOTE:
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._colors.get(hit.annotation.label)
        if role == Qt.ItemDataRole.ToolTipRole and column in (LEFT, QUOTE, RIGHT):
            note = (
                tr("Note: {note}").format(note=hit.annotation.note) if hit.annotation.note else ""
            )
            note = f"\n\n{note}" if note else ""
            return f"…{hit.left}[{hit.quote}]{hit.right}…{note}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sorted = (column, order)
        self._sort(column, order)
        self.layoutChanged.emit()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0:  # no column: corpus order, as retrieved
            return
        self._hits.sort(key=_SORTED[column], reverse=order == Qt.SortOrder.DescendingOrder)


class KwicDelegate(QStyledItemDelegate):
    """Cells of the left context elide on the left: the words next to the quote stay."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() == LEFT:
            option.textElideMode = Qt.TextElideMode.ElideLeft
