"""One document's annotations as columns: what the window's list and highlights hold.

A book's 100,000 annotations as :class:`~annotator.core.model.Annotation` tuples are
100,000 tuples, 200,000 datetimes and a string for every label and annotator name; as
:class:`AnnotationRows` they are a few arrays, the ids, and the notes and attribute
values that exist. An :class:`Annotation` is built again, equal to the one stored, when
one row is asked for.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

from annotator.core.interning import number_of
from annotator.core.model import Annotation, AttributeValue

EPOCH = datetime(1970, 1, 1)
MICROSECOND = timedelta(microseconds=1)

Attributes = tuple[tuple[str, AttributeValue], ...]


class RowSpan(NamedTuple):
    """What the suggestions read of an annotation, made quickly from the columns."""

    label: str
    start: int
    end: int
    source: str | None
    rule: str | None
    orphaned: bool


def micros(moment: datetime) -> int:
    """A naive time as microseconds since 1970 (exact both ways, see :func:`moment`)."""
    return (moment - EPOCH) // MICROSECOND


def moment(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


class AnnotationRows:
    """Annotations in columns, in the order given (the window keeps them in
    (start, end, label, id) order: see :meth:`sorted`).

    Labels, annotators, document ids, sources and rules are numbers into one table of
    names; times are microseconds; notes and attribute values are kept by id for the
    rows that have them. A row with a time zone on its times (never read from a store)
    is kept whole.
    """

    __slots__ = (
        "_annotators",
        "_attributes",
        "_created",
        "_documents",
        "_ends",
        "_ids",
        "_labels",
        "_names",
        "_notes",
        "_number",
        "_orphaned",
        "_rules",
        "_sources",
        "_starts",
        "_updated",
        "_versions",
        "_whole",
    )

    def __init__(self, annotations: Iterable[Annotation] = ()) -> None:
        self._ids: list[str] = []
        self._starts = array("i")
        self._ends = array("i")
        self._labels = array("I")
        self._annotators = array("I")
        self._documents = array("I")
        self._sources = array("I")
        self._rules = array("I")
        self._created = array("q")
        self._updated = array("q")
        self._versions = array("i")
        self._orphaned = bytearray()
        self._notes: dict[str, str] = {}
        self._attributes: dict[str, Attributes] = {}
        self._whole: dict[str, Annotation] = {}  # rows with zoned times
        self._names: list[str | None] = [None]
        self._number: dict[str | None, int] = {None: 0}
        for annotation in annotations:
            self.append(annotation)

    # -- building ------------------------------------------------------------------

    def _name(self, name: str | None) -> int:
        return number_of(name, self._names, self._number)

    def append_values(
        self,
        id: str,
        document_id: str,
        label: str,
        start: int,
        end: int,
        note: str | None,
        annotator: str,
        created: int,
        updated: int,
        attributes: Attributes,
        orphaned: bool,
        version: int,
        source: str | None,
        rule: str | None,
    ) -> None:
        """Add a row from its values (times in :func:`micros`), as a store reads them."""
        name = self._name
        self._ids.append(id)
        self._starts.append(start)
        self._ends.append(end)
        self._labels.append(name(label))
        self._annotators.append(name(annotator))
        self._documents.append(name(document_id))
        self._sources.append(name(source))
        self._rules.append(name(rule))
        self._created.append(created)
        self._updated.append(updated)
        self._versions.append(version)
        self._orphaned.append(orphaned)
        if note is not None:
            self._notes[id] = note
        if attributes:
            self._attributes[id] = attributes

    def extend_columns(
        self,
        ids: Sequence[str],
        document_id: str,
        labels: Iterable[str],
        starts: Iterable[int],
        ends: Iterable[int],
        notes: Iterable[str | None],
        annotators: Iterable[str],
        created: Iterable[int],
        updated: Iterable[int],
        attributes: Iterable[Attributes],
        orphaned: Iterable[object],
        versions: Iterable[int],
        sources: Iterable[str | None],
        rules: Iterable[str | None],
    ) -> None:
        """Add rows of one document given column by column (as a store reads them a
        chunk at a time; times in :func:`micros`, ``orphaned`` true or false)."""
        labels, annotators, sources, rules = (
            tuple(labels),
            tuple(annotators),
            tuple(sources),
            tuple(rules),
        )
        for name in {*labels, *annotators, *sources, *rules, document_id}:
            self._name(name)
        number = self._number.__getitem__
        self._ids.extend(ids)
        self._starts.extend(starts)
        self._ends.extend(ends)
        self._labels.extend(map(number, labels))
        self._annotators.extend(map(number, annotators))
        self._documents.extend(repeat(number(document_id), len(ids)))
        self._sources.extend(map(number, sources))
        self._rules.extend(map(number, rules))
        self._created.extend(created)
        self._updated.extend(updated)
        self._versions.extend(versions)
        self._orphaned.extend(map(bool, orphaned))
        for ident, note in zip(ids, notes, strict=True):
            if note is not None:
                self._notes[ident] = note
        for ident, values in zip(ids, attributes, strict=True):
            if values:
                self._attributes[ident] = values

    def append(self, annotation: Annotation) -> None:
        self.insert(len(self._ids), annotation)

    def insert(self, row: int, a: Annotation) -> None:
        """Put ``a`` at ``row`` (the rows after it move down)."""
        if row == len(self._ids):
            zoned = a.created_at.tzinfo is not None or a.updated_at.tzinfo is not None
            self.append_values(
                a.id,
                a.document_id,
                a.label,
                a.start,
                a.end,
                a.note,
                a.annotator,
                0 if zoned else micros(a.created_at),
                0 if zoned else micros(a.updated_at),
                a.attributes,
                a.orphaned,
                a.version,
                a.source,
                a.rule,
            )
            if zoned:
                self._whole[a.id] = a
            return
        self.append(a)
        for column in self._columns():
            value = column.pop()
            column.insert(row, value)

    def delete(self, row: int) -> Annotation:
        """Take out the row and return its annotation."""
        annotation = self[row]
        for column in self._columns():
            del column[row]
        self._notes.pop(annotation.id, None)
        self._attributes.pop(annotation.id, None)
        self._whole.pop(annotation.id, None)
        return annotation

    def _columns(self) -> tuple[list[str] | array[int] | bytearray, ...]:
        return (
            self._ids,
            self._starts,
            self._ends,
            self._labels,
            self._annotators,
            self._documents,
            self._sources,
            self._rules,
            self._created,
            self._updated,
            self._versions,
            self._orphaned,
        )

    def take(self, rows: Iterable[int]) -> AnnotationRows:
        """The given rows, in that order, as new rows (sharing the names)."""
        taken = AnnotationRows()
        taken._names, taken._number = list(self._names), dict(self._number)
        order = list(rows)
        pick = itemgetter(*order) if len(order) > 1 else None  # C speed, a tuple out
        for mine, theirs in zip(self._columns(), taken._columns(), strict=True):
            if pick is not None:
                theirs.extend(pick(mine))  # type: ignore[arg-type]
            elif order:
                theirs.append(mine[order[0]])  # type: ignore[arg-type]
        for ident in taken._ids:
            if ident in self._notes:
                taken._notes[ident] = self._notes[ident]
            if ident in self._attributes:
                taken._attributes[ident] = self._attributes[ident]
            if ident in self._whole:
                taken._whole[ident] = self._whole[ident]
        return taken

    def sorted(self) -> AnnotationRows:
        """These rows in (start, end, label, id) order: themselves if they are already."""
        keys = self.key
        n = len(self._ids)
        if all(keys(r) <= keys(r + 1) for r in range(n - 1)):
            return self
        return self.take(sorted(range(n), key=keys))

    def where(self, keep: Callable[[int], bool]) -> AnnotationRows:
        """The rows for which ``keep(row)`` holds (themselves if that is all of them)."""
        rows = [r for r in range(len(self._ids)) if keep(r)]
        return self if len(rows) == len(self._ids) else self.take(rows)

    # -- reading -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, row: int) -> Annotation:
        """The annotation of ``row``, equal to the one given or stored."""
        ident = self._ids[row]
        whole = self._whole.get(ident) if self._whole else None
        if whole is not None:
            return whole
        names = self._names
        created = self._created[row]
        updated = self._updated[row]
        at = moment(created)
        return Annotation(
            ident,
            names[self._documents[row]],  # type: ignore[arg-type]
            names[self._labels[row]],  # type: ignore[arg-type]
            self._starts[row],
            self._ends[row],
            self._notes.get(ident),
            names[self._annotators[row]],  # type: ignore[arg-type]
            at,
            at if updated == created else moment(updated),
            self._attributes.get(ident, ()),
            bool(self._orphaned[row]),
            self._versions[row],
            names[self._sources[row]],
            names[self._rules[row]],
        )

    def __iter__(self) -> Iterator[Annotation]:
        if self._whole:
            yield from (self[r] for r in range(len(self._ids)))
            return
        names, notes, attributes = self._names, self._notes, self._attributes
        times: dict[int, datetime] = {}  # times repeat (a bulk import): each made once

        def at(value: int) -> datetime:
            made = times.get(value)
            if made is None:
                made = times[value] = moment(value)
            return made

        make = tuple.__new__
        for (
            ident,
            doc,
            label,
            start,
            end,
            who,
            created,
            updated,
            orphaned,
            version,
            src,
            rule,
        ) in zip(
            self._ids,
            self._documents,
            self._labels,
            self._starts,
            self._ends,
            self._annotators,
            self._created,
            self._updated,
            self._orphaned,
            self._versions,
            self._sources,
            self._rules,
            strict=True,
        ):
            yield make(
                Annotation,
                (
                    ident,
                    names[doc],
                    names[label],
                    start,
                    end,
                    notes.get(ident),
                    names[who],
                    at(created),
                    at(updated),
                    attributes.get(ident, ()),
                    orphaned == 1,
                    version,
                    names[src],
                    names[rule],
                ),
            )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AnnotationRows):
            return NotImplemented
        if (
            self._ids != other._ids
            or self._starts != other._starts
            or self._ends != other._ends
            or self._created != other._created
            or self._updated != other._updated
            or self._versions != other._versions
            or self._orphaned != other._orphaned
            or self._notes != other._notes
            or self._attributes != other._attributes
            or self._whole != other._whole
        ):
            return False
        return all(
            self._named(column) == other._named(column)
            for column in ("_labels", "_annotators", "_documents", "_sources", "_rules")
        )

    __hash__ = None  # type: ignore[assignment]

    def _named(self, column: str) -> list[str | None]:
        names = self._names
        return [names[n] for n in getattr(self, column)]

    def id(self, row: int) -> str:
        return self._ids[row]

    def start(self, row: int) -> int:
        return self._starts[row]

    def end(self, row: int) -> int:
        return self._ends[row]

    def label(self, row: int) -> str:
        return self._names[self._labels[row]]  # type: ignore[return-value]

    def annotator(self, row: int) -> str:
        return self._names[self._annotators[row]]  # type: ignore[return-value]

    def note(self, row: int) -> str | None:
        whole = self._whole.get(self._ids[row]) if self._whole else None
        return whole.note if whole is not None else self._notes.get(self._ids[row])

    def orphaned(self, row: int) -> bool:
        return bool(self._orphaned[row])

    def key(self, row: int) -> tuple[int, int, str, str]:
        """The row's place in the window's order: (start, end, label, id)."""
        return (self._starts[row], self._ends[row], self.label(row), self._ids[row])

    def ids(self) -> Sequence[str]:
        """The ids in row order (not to be changed)."""
        return self._ids

    def starts(self) -> Sequence[int]:
        """The starts in row order (not to be changed)."""
        return self._starts

    def row_of(self, annotation_id: str) -> int | None:
        try:
            return self._ids.index(annotation_id)
        except ValueError:
            return None

    def spans(self) -> Iterator[tuple[str, str, int, int]]:
        """(id, label, start, end) of each row."""
        names, labels, starts, ends = self._names, self._labels, self._starts, self._ends
        for r, ident in enumerate(self._ids):
            yield ident, names[labels[r]], starts[r], ends[r]  # type: ignore[misc]

    def row_spans(self) -> list[RowSpan]:
        """A :class:`RowSpan` for each row (no :class:`Annotation` built)."""
        return list(self.each_row_span())

    def each_row_span(self) -> Iterator[RowSpan]:
        """:meth:`row_spans` made one at a time, as they are read (none held)."""
        names = self._names
        return map(
            tuple.__new__,
            repeat(RowSpan),
            zip(
                map(names.__getitem__, self._labels),
                self._starts,
                self._ends,
                map(names.__getitem__, self._sources),
                map(names.__getitem__, self._rules),
                map(bool, self._orphaned),
                strict=True,
            ),
        )

    def label_names(self) -> Iterator[str]:
        """The label of each row."""
        names = self._names
        return (names[n] for n in self._labels)  # type: ignore[misc]

    def annotator_names(self) -> Iterator[str]:
        """The annotator of each row."""
        names = self._names
        return (names[n] for n in self._annotators)  # type: ignore[misc]


def as_rows(annotations: Iterable[Annotation] | AnnotationRows) -> AnnotationRows:
    """``annotations`` as rows (rows as they are)."""
    return annotations if isinstance(annotations, AnnotationRows) else AnnotationRows(annotations)


def spans_of(
    annotations: Iterable[Annotation] | AnnotationRows,
) -> Iterable[tuple[str, str, int, int]]:
    """(id, label, start, end) of each annotation, or of each row."""
    if isinstance(annotations, AnnotationRows):
        return annotations.spans()
    return ((a.id, a.label, a.start, a.end) for a in annotations)


def owners_of(annotations: Iterable[Annotation] | AnnotationRows, me: str) -> dict[str, str]:
    """The annotator of each annotation (or row) someone other than ``me`` made, by id."""
    if isinstance(annotations, AnnotationRows):
        names = annotations.annotator_names()
        return {i: name for i, name in zip(annotations.ids(), names, strict=True) if name != me}
    return {a.id: a.annotator for a in annotations if a.annotator != me}
