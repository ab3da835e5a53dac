"""Merging an annotation set into the database, inside the caller's transaction.

Documents are matched by SHA-256, annotations by id, labels by name. Any problem raises
:class:`SetFormatError` naming the file and JSON path; the caller rolls back.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime
from itertools import repeat
from operator import methodcaller
from typing import Any

from sqlalchemy import String, bindparam, func, insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from annotator.core.attributes import as_attributes, spec_from_dict, spec_to_dict, value_problem
from annotator.core.labels import ColourAllocator
from annotator.core.messages import FILE_PROBLEM, N_, joined, say
from annotator.core.model import (
    Annotation,
    AnnotationSet,
    AttributeSpec,
    SetDocument,
    StreamedSet,
)
from annotator.core.set_errors import SetConflictError, SetFormatError, member_path
from annotator.core.spans import check_context
from annotator.core.values import quoted
from annotator.store import memos
from annotator.store.column_limits import FIELD_PROBLEM, INTEGER_RANGE, column_problem
from annotator.store.models import ANNOTATION_COLUMNS, AnnotationRow, DocumentRow, LabelRow

CHUNK = 500
Progress = Callable[[int, int], None]


@dataclass
class SetImportReport:
    """What one set did to the database."""

    file: str
    documents_created: int = 0
    documents_matched: int = 0
    annotations_added: int = 0
    annotations_skipped: int = 0
    annotations_replaced: int = 0
    labels_created: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The database id of the set's first document that is in the database now (created
    # or matched): the one the window shows after the import.
    first_document: str | None = None

    def summary(self) -> str:
        parts = [
            say(
                N_("{created} document(s) created, {matched} matched"),
                created=self.documents_created,
                matched=self.documents_matched,
            ),
            say(
                N_("{added} annotation(s) added, {skipped} skipped, {replaced} replaced"),
                added=self.annotations_added,
                skipped=self.annotations_skipped,
                replaced=self.annotations_replaced,
            ),
        ]
        if self.labels_created:
            created = ", ".join(self.labels_created)
            parts.append(say(N_("label(s) created: {labels}"), labels=created))
        return say(FILE_PROBLEM, file=self.file, problem=joined("; ", parts))


def _content(ann: Annotation, document_id: str) -> tuple[object, ...]:
    return (
        document_id,
        ann.label,
        ann.start,
        ann.end,
        ann.note,
        ann.annotator,
        ann.created_at,
        ann.updated_at,
        ann.attributes,
        ann.orphaned,
        ann.source,
        ann.rule,
    )


def _same(old: tuple[object, ...], new: tuple[object, ...]) -> bool:
    """Equal content, attribute values equal in type too (``1``, ``1.0`` and ``true``
    are three values to a reader of the JSON)."""
    kinds = [[type(value) for _name, value in c[8]] for c in (old, new)]  # type: ignore[attr-defined]
    return old == new and kinds[0] == kinds[1]


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def merge_annotation_set(
    s: Session,
    aset: AnnotationSet | StreamedSet,
    *,
    file: str,
    replace: bool,
    now: datetime,
    progress: Progress | None = None,
) -> SetImportReport:
    """Merge ``aset`` into the session's database; see the module docstring.

    Documents are merged :data:`BATCH` at a time as they come (a :class:`StreamedSet` is
    read as it is merged), so that what is held grows with a batch, not with the set:
    documents are matched through the database, not a table of them all."""
    if isinstance(aset, StreamedSet):
        head, documents, tail = aset.head, aset.documents, aset.tail
    else:
        head, documents, tail = aset, aset.documents, lambda: aset
    _check_labels(file, head, set(s.scalars(select(LabelRow.name))))
    report = SetImportReport(file, notes=list(head.notes))
    _merge_labels(s, head, report)
    merge = _Merge(s, file, replace=replace, now=now, report=report)
    if progress is not None and isinstance(documents, tuple):  # else not known beforehand
        merge.total = sum(len(doc.annotations) for doc in documents)
    merge.progress = progress
    # No cyclic garbage collection while the documents go by: what is held is a batch,
    # but each pass over it costs more than the batch's own work.
    collecting = gc.isenabled()
    gc.disable()
    try:
        batch: list[tuple[int, SetDocument]] = []
        for item in enumerate(documents):
            batch.append(item)
            if len(batch) == BATCH:
                merge.batch(batch)
                batch = []
        merge.batch(batch)
    finally:
        if collecting:
            gc.enable()
    if merge.links:
        _link_versions(s, merge.links, report)
    memo = tail().memo
    wanted = [(None, memo, "the project memo")] if memo else []
    report.notes.extend(memos.merge(s, [*wanted, *merge.memos], replace=replace, now=now))
    if progress is not None:
        progress(merge.done, merge.total or merge.done)
    return report


BATCH = 200  # documents merged per round of statements


class _Merge:
    """The merge of one set's documents, a batch at a time, into ``report``."""

    def __init__(
        self, s: Session, file: str, *, replace: bool, now: datetime, report: SetImportReport
    ) -> None:
        self.s, self.file, self.replace, self.now, self.report = s, file, replace, now, report
        # Values must fit the definitions the database keeps, not only the file's own.
        self.defined = {
            name: {spec.name: spec for spec in map(spec_from_dict, attributes or ())}
            for name, attributes in s.execute(select(LabelRow.name, LabelRow.attributes))
        }
        top = s.scalar(select(func.coalesce(func.max(DocumentRow.position), -1)))
        self.position = top + 1
        # Annotations already here are looked up only if there were any before the set.
        self.anything = s.scalar(select(AnnotationRow.id).limit(1)) is not None
        self.sqlite = s.get_bind().dialect.name == "sqlite"
        self.links: list[tuple[str, str, str]] = []  # (title, new document id, previous id)
        # (document id, memo, what): taken once the versions are linked, as before.
        self.memos: list[tuple[str | None, str, str]] = []
        self.done = 0  # annotations
        self.total = 0  # annotations in the set, where known beforehand
        self.progress: Progress | None = None  # told every CHUNK annotations

    def batch(self, batch: list[tuple[int, SetDocument]]) -> None:
        """Merge ``batch`` ((index in the set, document)): its new documents, then its
        annotations, each kind in one statement."""
        if not batch:
            return
        s, file, report = self.s, self.file, self.report
        shas = [doc.sha256 for _i, doc in batch]
        query = select(DocumentRow.sha256, DocumentRow.id).where(DocumentRow.sha256.in_(shas))
        known = {sha: doc_id for sha, doc_id in s.execute(query)}
        for i, doc in batch:
            _check_document(file, i, doc, doc.sha256 in known)
        fresh = [doc.id for _i, doc in batch if doc.sha256 not in known and doc.text is not None]
        taken = set(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(fresh))))
        placed: list[tuple[int, str, SetDocument]] = []  # (index, database id, document)
        new_documents: list[dict[str, object]] = []
        for i, doc in batch:
            if doc.sha256 in known:
                placed.append((i, known[doc.sha256], doc))
                report.documents_matched += 1
                continue
            if doc.text is None:
                report.unplaced.append(f'"{doc.title}" (sha256 {doc.sha256[:12]}…)')
                continue
            if doc.id in taken:
                raise SetFormatError(
                    file,
                    f"documents[{i}].id",
                    say(N_("id {id} belongs to a different document here"), id=repr(doc.id)),
                )
            new_documents.append(
                {
                    "id": doc.id,
                    "title": doc.title,
                    "source": doc.source,
                    "text": doc.text,
                    "sha256": doc.sha256,
                    "created_at": doc.imported_at or self.now,
                    "position": self.position,
                    "format": doc.format,
                    "encoding": doc.encoding,
                    "original_name": doc.original_name,
                    "author": doc.author,
                    "published": doc.published,
                    "version": doc.version,
                }
            )
            if doc.previous_id is not None:
                self.links.append((doc.title, doc.id, doc.previous_id))
            self.position += 1
            known[doc.sha256] = doc.id  # (the JSON reader refuses a text or an id twice;
            taken.add(doc.id)  # other formats' readers may not)
            placed.append((i, doc.id, doc))
            report.documents_created += 1
        if report.first_document is None and placed:
            report.first_document = placed[0][1]
        if new_documents:
            s.execute(insert(DocumentRow.__table__), new_documents)
        self.memos.extend(
            (doc_id, doc.memo, f"the memo of {doc.title!r}")
            for _i, doc_id, doc in placed
            if doc.memo
        )
        self.annotations(placed)

    def annotations(self, placed: list[tuple[int, str, SetDocument]]) -> None:
        s, file, report, defined = self.s, self.file, self.report, self.defined
        existing: dict[str, tuple[object, ...]] = {}
        if self.anything:
            ids = [a.id for _i, _d, doc in placed for a in doc.annotations]
            for chunk in _chunks(ids):
                rows = s.execute(select(*ANNOTATION_COLUMNS).where(AnnotationRow.id.in_(chunk)))
                existing.update(
                    (
                        row[0],
                        (
                            *row[1:9],
                            as_attributes(row[9]) if row[9] else (),
                            bool(row[10]),
                            *row[12:14],
                        ),
                    )
                    for row in rows
                )
        sqlite, inserts, updates = self.sqlite, [], []
        ids, annotators, sources = _ID, _ANNOTATOR, _SOURCE
        low, high = INTEGER_RANGE
        iso, dumps = datetime.isoformat, json.dumps
        for i, doc_id, doc in placed:
            anns = doc.annotations
            text = None
            if doc.text is None and anns:
                text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == doc_id))
            rows = (
                None if existing or text is not None or not sqlite else _stored_rows(anns, doc_id)
            )
            if rows is not None:
                inserts.extend(rows)
                anns = ()
            # One pass, fields unpacked once: a set may hold a million annotations.
            for j, (
                ann_id,
                _doc,
                label,
                start,
                end,
                note,
                annotator,
                created,
                updated,
                values,
                orphaned,
                _version,
                source,
                rule,
            ) in enumerate(anns):
                if not (
                    len(ann_id) <= ids
                    and len(annotator) <= annotators
                    and (source is None or len(source) <= sources)
                    and low <= start <= high
                    and low <= end <= high
                ):
                    path, record = (
                        f"documents[{i}].annotations[{j}]",
                        f"annotation {quoted(ann_id)}",
                    )
                    _check_record(file, path, record, anns[j], ANNOTATION_FIELDS)
                if text is not None:
                    path = f"documents[{i}].annotations[{j}]"
                    _check_against_text(file, path, text, anns[j], doc.contexts[j])
                if values:
                    _check_values(file, f"documents[{i}].annotations[{j}]", anns[j], defined)
                if existing and ann_id in existing:
                    self.again(i, j, anns[j], doc_id, existing[ann_id], updates)
                elif sqlite:  # as SQLAlchemy's SQLite DateTime and JSON write them
                    stored = iso(created, " ", "microseconds")  # type: ignore[arg-type]
                    inserts.append(
                        (
                            ann_id,
                            doc_id,
                            label,
                            start,
                            end,
                            note,
                            annotator,
                            stored,
                            stored if updated == created else iso(updated, " ", "microseconds"),  # type: ignore[arg-type]
                            dumps(dict(values), ensure_ascii=False) if values else None,
                            orphaned,
                            source,
                            rule,
                        )
                    )
                else:
                    inserts.append(
                        (
                            ann_id,
                            doc_id,
                            label,
                            start,
                            end,
                            note,
                            annotator,
                            created,
                            updated,
                            values,
                            orphaned,
                            source,
                            rule,
                        )
                    )
            before, self.done = self.done, self.done + len(doc.annotations)
            if self.progress is not None and before // CHUNK != self.done // CHUNK:
                self.progress(self.done, self.total)
        report.annotations_added += len(inserts)
        _write_rows(s, inserts, updates, stored=sqlite)

    def again(
        self,
        i: int,
        j: int,
        ann: Annotation,
        doc_id: str,
        old: tuple[object, ...],
        updates: list[tuple[object, ...]],
    ) -> None:
        """An annotation already here: skipped if the same, else replaced with
        ``replace`` (onto ``updates``), else a conflict."""
        content = _content(ann, doc_id)
        if _same(old, content):
            self.report.annotations_skipped += 1
        elif self.replace:
            updates.append((ann.id, *content))
            self.report.annotations_replaced += 1
        else:
            raise SetConflictError(
                self.file,
                f"documents[{i}].annotations[{j}].id",
                say(
                    N_(
                        "conflict: annotation {id} is already in the database with "
                        "different content ({there} there, {here} here); import with "
                        "--replace to overwrite it"
                    ),
                    id=repr(ann.id),
                    there=_describe(old),
                    here=_describe(content),
                ),
            )


ROW_COLUMNS = (
    "id",
    "document_id",
    "label",
    "start_offset",
    "end_offset",
    "note",
    "annotator",
    "created_at",
    "updated_at",
    "attributes",
    "orphaned",
    "source",
    "rule",
)


def _write_rows(
    s: Session,
    inserts: list[tuple[object, ...]],
    updates: list[tuple[object, ...]],
    *,
    stored: bool = False,
) -> None:
    """Insert and update annotation rows given in ``ROW_COLUMNS`` order (attributes as
    :class:`Annotation` holds them; ``inserts`` as SQLite stores them if ``stored``)."""
    table = AnnotationRow.__table__
    if s.get_bind().dialect.name == "sqlite":
        # Plain DB-API executemany: SQLAlchemy's per-value processing would cost more than
        # the insert itself. Times go in as SQLAlchemy's SQLite DateTime writes them.
        def as_stored(row: tuple[object, ...]) -> tuple[object, ...]:
            created = _sqlite_time(row[7])
            updated = created if row[8] == row[7] else _sqlite_time(row[8])
            return (
                *row[:7],
                created,
                updated,
                _attributes_json(row[9]),
                bool(row[10]),
                *row[11:13],
            )

        if inserts:
            marks = ", ".join("?" * len(ROW_COLUMNS))
            s.connection().exec_driver_sql(
                f"INSERT INTO annotations ({', '.join(ROW_COLUMNS)}) VALUES ({marks})",
                inserts if stored else [as_stored(row) for row in inserts],
            )
        if updates:
            # The version moves on, as with every change (optimistic concurrency, 0008).
            assignments = ", ".join(
                [*(f"{c} = ?" for c in ROW_COLUMNS[1:]), "version = version + 1"]
            )
            s.connection().exec_driver_sql(
                f"UPDATE annotations SET {assignments}, version = version + 1 WHERE id = ?",
                [(*as_stored(row)[1:], row[0]) for row in updates],
            )
        return

    def values(row: tuple[object, ...]) -> dict[str, object]:
        out = dict(zip(ROW_COLUMNS[1:], row[1:], strict=True))
        out["attributes"] = dict(row[9]) or None  # type: ignore[call-overload]
        return out

    if inserts:
        s.execute(insert(table), [{"id": row[0], **values(row)} for row in inserts])
    if updates:
        s.execute(
            update(table).where(table.c.id == bindparam("key")).values(version=table.c.version + 1),
            [{"key": row[0], **values(row)} for row in updates],
        )


def _stored_rows(anns: Sequence[Annotation], doc_id: str) -> list[tuple[object, ...]] | None:
    """The rows of a document's new annotations as SQLite stores them (``ROW_COLUMNS``),
    built a column at a time; None if one needs a closer look, one at a time: attribute
    values to check, or a value that may not fit its column."""
    if not anns:
        return []
    # Fields by column (Annotation's order): one pass in C for the whole document.
    ids, _doc, labels, starts, ends, notes, annotators, created, updated, values, *rest = zip(
        *anns, strict=True
    )
    orphaned, _version, sources, rules = rest
    low, high = INTEGER_RANGE
    if (
        any(values)
        or max(map(len, ids)) > _ID
        or max(map(len, annotators)) > _ANNOTATOR
        or (any(sources) and max(map(len, filter(None, sources))) > _SOURCE)
        or not (low <= min(starts) and max(starts) <= high)
        or not (low <= min(ends) and max(ends) <= high)
    ):
        return None
    stored = list(map(_STORED_TIME, created))  # as SQLAlchemy's SQLite DateTime writes them
    changed = stored if updated == created else list(map(_STORED_TIME, updated))
    return list(
        zip(
            ids,
            repeat(doc_id),
            labels,
            starts,
            ends,
            notes,
            annotators,
            stored,
            changed,
            repeat(None),
            orphaned,
            sources,
            rules,
        )
    )


_STORED_TIME = methodcaller("isoformat", " ", "microseconds")


def _link_versions(s: Session, links: list[tuple[str, str, str]], report: SetImportReport) -> None:
    """Link documents the set created to the versions they replaced, where those are
    here and not yet replaced by another; a new version takes its predecessor's place
    in the list. A link that cannot be made is reported and the document stands alone."""
    rows = s.execute(select(DocumentRow.id, DocumentRow.previous_id, DocumentRow.position))
    position = {}
    previous_of = {}
    for row in rows:
        position[row.id] = row.position
        if row.previous_id:
            previous_of[row.id] = row.previous_id
    replaced = set(previous_of.values())
    for title, doc_id, previous_id in links:
        at: str | None = previous_id
        while at is not None and at != doc_id:
            at = previous_of.get(at)
        if previous_id not in position or previous_id in replaced or at == doc_id:
            report.notes.append(
                f'"{title}" names an earlier version ({previous_id}) that is not here or '
                "already has a newer version; imported without that link"
            )
            continue
        s.execute(
            update(DocumentRow)
            .where(DocumentRow.id == doc_id)
            .values(previous_id=previous_id, position=position[previous_id])
        )
        memos.follow(s, previous_id, doc_id)
        position[doc_id] = position[previous_id]
        previous_of[doc_id] = previous_id
        replaced.add(previous_id)


def _attributes_json(pairs: object) -> str | None:
    assert isinstance(pairs, tuple)
    return json.dumps(dict(pairs), ensure_ascii=False) if pairs else None


def _sqlite_time(moment: object) -> str:
    assert isinstance(moment, datetime)
    return moment.isoformat(sep=" ", timespec="microseconds")


def _describe(content: tuple[object, ...]) -> str:
    _doc, label, start, end, note, annotator, _created, updated, attributes, orphaned = content[:10]
    text = f"{label} {start}–{end} by {annotator!r}, updated {updated}"
    if attributes:
        shown = ", ".join(f"{k}={v!r}" for k, v in attributes)  # type: ignore[attr-defined]
        text += f", attributes {shown if len(shown) <= 60 else shown[:59] + '…'}"
    if note:
        shown = note if len(str(note)) <= 60 else f"{str(note)[:59]}…"
        text += f", note {shown!r}"
    if orphaned:
        text += ", orphaned"
    return text


# What a set gives each column with a limit (String(N), Integer): the field of the core
# type, and its column. Annotation labels are the labels' names, checked there.
LABEL_FIELDS = {"name": LabelRow.name, "color": LabelRow.color, "hotkey": LabelRow.hotkey}
DOCUMENT_FIELDS = {
    "id": DocumentRow.id,
    "sha256": DocumentRow.sha256,
    "format": DocumentRow.format,
    "encoding": DocumentRow.encoding,
    "published": DocumentRow.published,
    "version": DocumentRow.version,
    "previous_id": DocumentRow.previous_id,
}
ANNOTATION_FIELDS = {
    "id": AnnotationRow.id,
    "start": AnnotationRow.start_offset,
    "end": AnnotationRow.end_offset,
    "annotator": AnnotationRow.annotator,
    "source": AnnotationRow.source,
}


def _check_labels(file: str, aset: AnnotationSet, labels_here: Set[str]) -> None:
    """Refuse ``aset`` (:class:`SetFormatError` naming the label, the field and the
    limit) if a label it would create does not fit its columns on every backend."""
    names, colours, hotkeys = (
        LABEL_FIELDS[name].type.length  # type: ignore[attr-defined]
        for name in ("name", "color", "hotkey")
    )
    for i, label in enumerate(aset.labels):
        if label.name not in labels_here:
            if (
                len(label.name) <= names
                and len(label.color) <= colours
                and (label.hotkey is None or len(label.hotkey) <= hotkeys)
            ):
                continue  # inline: a set may hold tens of thousands of labels
            record = f"label {quoted(label.name)}"
            _check_record(file, f"labels[{i}]", record, label, LABEL_FIELDS)


_ID, _ANNOTATOR, _SOURCE = (
    ANNOTATION_FIELDS[name].type.length  # type: ignore[attr-defined]
    for name in ("id", "annotator", "source")
)


def _check_document(file: str, i: int, doc: SetDocument, here: bool) -> None:
    """Refuse the set's document ``i`` (:class:`SetFormatError` naming the record, the
    field and the limit) if a value it would write does not fit its column on every
    backend. A document already ``here`` (by SHA-256) is not written, nor is one the set
    has no text of. (Its annotations' values are checked as they are merged.)"""
    if not here and doc.text is not None and not _fits(doc, _DOCUMENT_LIMITS):
        path = f"documents[{i}]"
        _check_record(file, path, f"document {quoted(doc.title)}", doc, DOCUMENT_FIELDS)


def _limits(fields: dict[str, InstrumentedAttribute[Any]]) -> tuple[tuple[str, int | None], ...]:
    """(field, its column's length) of ``fields``; None where there is no length (an
    ``Integer`` column's range is checked instead)."""
    return tuple(
        (name, column.type.length if isinstance(column.type, String) else None)
        for name, column in fields.items()
    )


def _fits(item: object, limits: tuple[tuple[str, int | None], ...]) -> bool:
    """Whether every field of ``item`` fits its column, as :func:`column_problem` finds
    (without asking the model's columns for their types, record after record)."""
    low, high = INTEGER_RANGE
    for name, length in limits:
        value = getattr(item, name)
        if value is None:
            continue
        if length is not None:
            if type(value) is str and len(value) > length:
                return False
        elif type(value) is int and not low <= value <= high:
            return False
    return True


_DOCUMENT_LIMITS = _limits(DOCUMENT_FIELDS)


def _check_record(
    file: str, path: str, record: str, item: object, fields: dict[str, InstrumentedAttribute[Any]]
) -> None:
    for name, column in fields.items():
        problem = column_problem(column, getattr(item, name))
        if problem is not None:
            problem = say(FIELD_PROBLEM, file=record, field=name, problem=problem)
            raise SetFormatError(file, f"{path}.{name}", problem)


def _check_values(
    file: str, path: str, ann: Annotation, defined: dict[str, dict[str, AttributeSpec]]
) -> None:
    specs = defined.get(ann.label, {})
    for name, value in ann.attributes:
        spec = specs.get(name)
        problem = None if spec is None else value_problem(spec, value)
        if problem is not None:
            raise SetFormatError(
                file,
                member_path(f"{path}.attributes", name),
                say(
                    N_("{problem} (as this database defines {label}'s {name})"),
                    problem=problem,
                    label=repr(ann.label),
                    name=repr(name),
                ),
            )


def _check_against_text(
    file: str, path: str, text: str, ann: Annotation, found: tuple[str, str, str]
) -> None:
    """A set without texts still carries quotes and context: check them against ours."""

    def fail(where: str, problem: str) -> SetFormatError:
        return SetFormatError(file, where, problem)

    if ann.end > len(text):
        raise fail(
            f"{path}.end",
            say(N_("end {end} is beyond the text's length {count}"), end=ann.end, count=len(text)),
        )
    check_context(fail, path, text, ann.start, ann.end, *found)


def _merge_labels(s: Session, aset: AnnotationSet, report: SetImportReport) -> None:
    rows = {row.name: row for row in s.scalars(select(LabelRow))}
    hotkeys = {row.hotkey for row in rows.values() if row.hotkey}
    position = max((row.position for row in rows.values()), default=-1) + 1
    # A label the file only names takes the first colour no label here has yet.
    palette = ColourAllocator(
        [row.color for row in rows.values()]
        + [label.color for label in aset.labels if label.name not in aset.undefined_labels]
    )
    created: list[dict[str, object]] = []
    for label in aset.labels:
        if label.name in aset.undefined_labels and label.name in rows:
            continue  # the file says nothing of it that could differ
        if label.name in rows:
            row = rows[label.name]
            ours = {spec["name"]: spec for spec in row.attributes or ()}
            theirs = [spec_to_dict(spec) for spec in label.attributes]
            missing = [spec for spec in theirs if spec["name"] not in ours]
            if missing:
                row.attributes = [*ours.values(), *missing]
                report.notes.append(
                    f"label {label.name!r} gained attribute(s) "
                    + ", ".join(str(spec["name"]) for spec in missing)
                )
            differs = any(ours.get(spec["name"], spec) != spec for spec in theirs)
            if differs or (row.color, row.hotkey, row.description) != (
                label.color,
                label.hotkey,
                label.description,
            ):
                report.notes.append(
                    f"label {label.name!r} is defined differently in the file; "
                    "the database's definition is kept"
                )
            continue
        hotkey = label.hotkey
        if hotkey and hotkey in hotkeys:
            report.notes.append(
                f"label {label.name!r} created without hotkey {hotkey!r}, which "
                "another label already uses"
            )
            hotkey = None
        created.append(
            {
                "name": label.name,
                "color": palette.next() if label.name in aset.undefined_labels else label.color,
                "hotkey": hotkey,
                "description": label.description,
                "position": position,
                "attributes": [spec_to_dict(spec) for spec in label.attributes] or None,
            }
        )
        if hotkey:
            hotkeys.add(hotkey)
        position += 1
        report.labels_created.append(label.name)
    s.flush()
    if created:  # one executemany: tens of thousands of ORM objects took seconds
        s.execute(insert(LabelRow), created)
