"""Table models for the document list and the annotation list."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Annotation, DocumentSummary, Label

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
QUOTE_WIDTH = 160


class DocumentTableModel(QAbstractTableModel):
    """Documents with their annotation counts, in import order."""

    HEADERS = ("Title", "Annotations")

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
                return f"Title ({done}/{len(self._rows)} done)"
            return self.HEADERS[section]
        return None

    def is_done(self, document_id: str) -> bool:
        row = self.row_of(document_id)
        return row is not None and self._rows[row].done

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        doc = self._rows[index.row()]
        if role == DISPLAY:
            if index.column() == 0:
                return f"✓ {doc.title}" if doc.done else doc.title
            return doc.annotation_count
        if role == Qt.ItemDataRole.ToolTipRole:
            return doc.title
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def one_line(quote: str, width: int = QUOTE_WIDTH) -> str:
    """The quote on one line for a table cell: line breaks shown as ⏎, long ones cut."""
    flat = quote.replace("\n", " ⏎ ").replace("\t", " ")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class AnnotationTableModel(QAbstractTableModel):
    """One document's annotations ordered by (start, end, label, id)."""

    HEADERS = ("Label", "Quote", "Span")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Annotation] = []
        self._keys: list[tuple[int, int, str, str]] = []  # sort keys of _rows, for bisect
        self._text = ""
        self._colors: dict[str, QColor] = {}
        self._counts: Counter[str] = Counter()  # annotations per label, kept as rows change

    @staticmethod
    def _key(ann: Annotation) -> tuple[int, int, str, str]:
        return (ann.start, ann.end, ann.label, ann.id)

    def set_labels(self, labels: Sequence[Label]) -> None:
        self._colors = {label.name: QColor(label.color) for label in labels}

    def set_annotations(self, text: str, annotations: Sequence[Annotation]) -> None:
        self.beginResetModel()
        self._text = text
        self._rows = sorted(annotations, key=self._key)
        self._keys = [self._key(a) for a in self._rows]
        self._counts = Counter(a.label for a in self._rows)
        self.endResetModel()

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def label_counts(self) -> Counter[str]:
        """How many rows each label has (a copy)."""
        return Counter(self._counts)

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int | None:
        for row, ann in enumerate(self._rows):
            if ann.id == annotation_id:
                return row
        return None

    def find(self, label: str, start: int, end: int) -> Annotation | None:
        """An annotation with exactly this label and span, if there is one."""
        row = bisect_left(self._keys, (start, end, label, ""))
        if row < len(self._rows) and self._keys[row][:3] == (start, end, label):
            return self._rows[row]
        return None

    def insert(self, annotation: Annotation) -> int:
        """Insert in order; returns the new row."""
        key = self._key(annotation)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, annotation)
        self._keys.insert(row, key)
        self._counts[annotation.label] += 1
        self.endInsertRows()
        return row

    def remove(self, annotation_id: str) -> Annotation | None:
        row = self.row_of(annotation_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.pop(row)
        del self._keys[row]
        self._counts[removed.label] -= 1
        self.endRemoveRows()
        return removed

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        ann = self._rows[index.row()]
        column = index.column()
        quote = self._text[ann.start : ann.end]
        if role == DISPLAY:
            if column == 0:
                return ann.label
            if column == 1:
                return one_line(quote)
            return f"{ann.start}–{ann.end}"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._colors.get(ann.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{ann.label} {ann.start}–{ann.end} by {ann.annotator}\n\n{quote}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
