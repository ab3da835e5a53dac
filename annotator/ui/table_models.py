"""Table models for the document list and the annotation list."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.core.annotation_rows import AnnotationRows, as_rows
from annotator.core.annotators import annotator_color
from annotator.core.model import Annotation, DocumentSummary, Label
from annotator.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
DECORATION = Qt.ItemDataRole.DecorationRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ANNOTATION_ROLES = frozenset({DISPLAY, DECORATION, TOOLTIP, Qt.ItemDataRole.TextAlignmentRole})
QUOTE_WIDTH = 160


class DocumentTableModel(QAbstractTableModel):
    """Documents with their annotation counts, in import order."""

    HEADERS = (QT_TR_NOOP("Title"), QT_TR_NOOP("Annotations"))

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DocumentSummary] = []

    def set_documents(self, documents: Sequence[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(documents)
        self.endResetModel()

    def documents(self) -> list[DocumentSummary]:
        return list(self._rows)

    def document_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, document_id: str) -> int | None:
        for row, doc in enumerate(self._rows):
            if doc.id == document_id:
                return row
        return None

    def change_count(self, document_id: str, delta: int) -> None:
        row = self.row_of(document_id)
        if row is None:
            return
        doc = self._rows[row]
        self._rows[row] = replace(doc, annotation_count=doc.annotation_count + delta)
        self.dataChanged.emit(self.index(row, 1), self.index(row, 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            if section == 0 and self._rows:
                done = sum(doc.done for doc in self._rows)
                return tr("Title ({done}/{n} done)").format(done=done, n=len(self._rows))
            return tr(self.HEADERS[section])
        return None

    def annotation_count(self, document_id: str) -> int:
        """How many annotations the list says the document has (0 if it is not listed)."""
        row = self.row_of(document_id)
        return 0 if row is None else self._rows[row].annotation_count

    def is_done(self, document_id: str) -> bool:
        row = self.row_of(document_id)
        return row is not None and self._rows[row].done

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        doc = self._rows[index.row()]
        if role == DISPLAY:
            if index.column() == 0:
                title = f"✓ {doc.title}" if doc.done else doc.title
                if doc.version > 1:
                    title += f"  · v{doc.version}"
                if doc.orphans:
                    title += " · " + tr("{n} orphaned").format(n=doc.orphans)
                return title
            return doc.annotation_count
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = doc.title
            if doc.version > 1:
                tip += "\n" + tr("Version {n}: earlier versions in View ▸ Versions…").format(
                    n=doc.version
                )
            if doc.orphans:
                tip += "\n" + (
                    tr(
                        "1 annotation of earlier versions could not be carried over: "
                        "View ▸ Orphaned annotations…"
                    )
                    if doc.orphans == 1
                    else tr(
                        "{n} annotations of earlier versions could not be carried over: "
                        "View ▸ Orphaned annotations…"
                    ).format(n=doc.orphans)
                )
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def one_line(quote: str, width: int = QUOTE_WIDTH) -> str:
    """The quote on one line for a table cell: line breaks shown as ⏎, long ones cut."""
    flat = quote.replace("\n", " ⏎ ").replace("\t", " ")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class AnnotationTableModel(QAbstractTableModel):
    """One document's annotations ordered by (start, end, label, id), held as compact
    rows (:class:`AnnotationRows`): an :class:`Annotation` is built when one is asked for."""

    HEADERS = (
        QT_TR_NOOP("Label"),
        QT_TR_NOOP("Quote"),
        QT_TR_NOOP("Span"),
        QT_TR_NOOP("Annotator"),
    )
    ANNOTATOR_COLUMN = 3

    def __init__(self) -> None:
        super().__init__()
        self._rows = AnnotationRows()
        self._text = ""
        self._colors: dict[str, QColor] = {}
        self._counts: Counter[str] = Counter()  # annotations per label, kept as rows change
        self._annotator_colors: dict[str, QColor] = {}  # each annotator's swatch
        self._annotators: Counter[str] = Counter()  # annotations per annotator, likewise

    @staticmethod
    def _key(ann: Annotation) -> tuple[int, int, str, str]:
        return (ann.start, ann.end, ann.label, ann.id)

    def set_labels(self, labels: Sequence[Label]) -> None:
        self._colors = {label.name: QColor(label.color) for label in labels}

    def set_annotations(
        self, text: str, annotations: Sequence[Annotation] | AnnotationRows
    ) -> None:
        self.beginResetModel()
        self._text = text
        self._rows = as_rows(annotations).sorted()
        self._counts = Counter(self._rows.label_names())
        self._annotators = Counter(self._rows.annotator_names())
        self.endResetModel()

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def rows(self) -> AnnotationRows:
        """The rows as held (not to be changed)."""
        return self._rows

    def label_counts(self) -> Counter[str]:
        """How many rows each label has (a copy)."""
        return Counter(self._counts)

    def annotators(self) -> set[str]:
        """The names of those who made the rows."""
        return {name for name, n in self._annotators.items() if n > 0}

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int | None:
        return self._rows.row_of(annotation_id)

    def _place(self, key: tuple[int, int, str, str]) -> int:
        rows = self._rows
        return bisect_left(range(len(rows)), key, key=rows.key)

    def row_of_annotation(self, annotation: Annotation) -> int | None:
        """The row of ``annotation`` (found by its place in the order: no scan)."""
        row = self._place(self._key(annotation))
        if row < len(self._rows) and self._rows.id(row) == annotation.id:
            return row
        return None

    def find(
        self, label: str, start: int, end: int, annotator: str | None = None
    ) -> Annotation | None:
        """An annotation with exactly this label and span (and ``annotator``, if given),
        if there is one."""
        rows = self._rows
        row = self._place((start, end, label, ""))
        while row < len(rows) and rows.key(row)[:3] == (start, end, label):
            if annotator is None or rows.annotator(row) == annotator:
                return rows[row]
            row += 1
        return None

    def insert(self, annotation: Annotation) -> int:
        """Insert in order; returns the new row."""
        row = self._place(self._key(annotation))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, annotation)
        self._counts[annotation.label] += 1
        self._annotators[annotation.annotator] += 1
        self.endInsertRows()
        return row

    def remove(self, annotation_id: str) -> Annotation | None:
        row = self.row_of(annotation_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.delete(row)
        self._counts[removed.label] -= 1
        self._annotators[removed.annotator] -= 1
        self.endRemoveRows()
        return removed

    def _annotator_color(self, name: str) -> QColor:
        color = self._annotator_colors.get(name)
        if color is None:
            color = self._annotator_colors[name] = QColor(annotator_color(name))
        return color

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        # The view asks for many roles per cell on every paint: unused ones return first.
        if role not in _ANNOTATION_ROLES:
            return None
        return self._cell(index.row(), index.column(), role)

    def multiData(self, index: QModelIndex, roles: QModelRoleDataSpan) -> None:
        """Every role a cell is painted with, in one call: the view asks for seven at a
        time, and one Python call per cell instead of seven keeps a repaint cheap."""
        if not index.isValid():
            return
        row = index.row()
        column = index.column()
        for i in range(roles.size()):
            slot = roles[i]
            role = slot.role()
            value = self._cell(row, column, role) if role in _ANNOTATION_ROLES else None
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

    def _cell(self, row: int, column: int, role: int) -> object:
        rows = self._rows
        if role == DISPLAY:
            if column == 0:
                return rows.label(row)
            if column == 1:
                quote = one_line(self._text[rows.start(row) : rows.end(row)])
                if rows.orphaned(row):
                    return tr("[orphaned] {quote}").format(quote=quote)
                return quote
            if column == 2:
                return f"{rows.start(row)}–{rows.end(row)}"
            return rows.annotator(row)
        if role == DECORATION:
            if column == 0:
                return self._colors.get(rows.label(row))
            if column == 3:
                return self._annotator_color(rows.annotator(row))
            return None
        if role == TOOLTIP:
            start, end = rows.start(row), rows.end(row)
            quote = self._text[start:end]
            tip = tr("{label} {start}–{end} by {annotator}").format(
                label=rows.label(row), start=start, end=end, annotator=rows.annotator(row)
            )
            tip += f"\n\n{quote}"
            if rows.orphaned(row):
                tip += "\n\n" + tr("Orphaned: it could not be placed in the newer version's text.")
            return tip
        return RIGHT if column == 2 else None  # the text alignment
