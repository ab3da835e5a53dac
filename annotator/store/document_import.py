"""Importing documents: a batch of new texts, each a new document or the next version
of a known source, its annotations carried over."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    bindparam,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from annotator.core.ids import document_id_for
from annotator.core.model import (
    Annotation,
    Document,
    NewDocument,
    Orphan,
)
from annotator.core.reanchor import EXACT, FUZZY, QUOTE, TextDiff, version_diff
from annotator.core.text import text_sha256
from annotator.store import memos
from annotator.store.annotation_reads import from_columns
from annotator.store.models import (
    ANNOTATION_COLUMNS,
    AnnotationRow,
    DocumentRow,
    OriginalRow,
)
from annotator.store.rows import document_of, now_utc


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """What importing a new version did with the annotations of the one it replaced:
    how many were placed exactly, by quote and fuzzily, and those left orphaned."""

    previous: Document
    exact: int = 0
    quote: int = 0
    fuzzy: int = 0
    orphans: tuple[Orphan, ...] = ()

    @property
    def orphaned(self) -> int:
        return len(self.orphans)


@dataclass(frozen=True, slots=True)
class ImportResult:
    document: Document
    created: bool
    # Set when the document is a new version of a known source (see known_source).
    carried: CarriedOver | None = None


class ImportBatch:
    """What the documents of one transaction share: the ids it created (never taken for
    an earlier version of another file), the next list position, and the newest versions
    by source and by title, read once, so matching a document scans no table."""

    def __init__(self, s: Session) -> None:
        self.made: set[str] = set()
        self._s = s
        self._heads: dict[str, dict[str, list[tuple[datetime, int, str]]]] | None = None
        self._position: int | None = None

    def heads(self, column: str, value: str) -> list[str]:
        """Ids of the newest versions whose ``column`` ("source" or "title") is
        ``value``, imported last first."""
        if self._heads is None:
            newer = aliased(DocumentRow)
            rows = self._s.execute(
                select(
                    DocumentRow.id,
                    DocumentRow.source,
                    DocumentRow.title,
                    DocumentRow.created_at,
                    DocumentRow.position,
                ).where(~exists().where(newer.previous_id == DocumentRow.id))
            )
            self._heads = {"source": {}, "title": {}}
            for row_id, source, title, created_at, position in rows:
                entry = (created_at, position, row_id)
                self._heads["source"].setdefault(source, []).append(entry)
                self._heads["title"].setdefault(title, []).append(entry)
        found = sorted(self._heads[column].get(value, ()), reverse=True)
        return [row_id for _created, _position, row_id in found]

    def replaced(self, row: DocumentRow) -> None:
        """``row`` has a newer version now: it is no longer one to match."""
        if self._heads is not None:
            for column, value in (("source", row.source), ("title", row.title)):
                entries = self._heads[column].get(value, [])
                entries[:] = [entry for entry in entries if entry[2] != row.id]

    def next_position(self) -> int:
        if self._position is None:
            self._position = self._s.scalar(
                select(func.coalesce(func.max(DocumentRow.position), -1))
            )
        self._position += 1
        return self._position


def import_one(
    s: Session, doc: NewDocument, batch: ImportBatch, *, of: DocumentRow | None = None
) -> ImportResult:
    """Import one document inside the caller's transaction, one of ``batch``.

    A text already stored is left as it is. A new text of a known source (see
    :func:`known_source`) becomes that document's next version: it takes its place in
    the list and its annotations, placed in the new text by
    :func:`annotator.core.reanchor.reanchor`; those that cannot be placed stay on the old
    version, flagged orphaned. With ``of``, the new text is a version of that document."""
    sha = text_sha256(doc.text)
    existing = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha))
    if existing is not None:
        return ImportResult(document_of(existing), created=False)
    if of is None:
        previous, diff = known_source(s, doc, batch)
    else:
        previous, diff = of, TextDiff(of.text, doc.text)
    if previous is None:
        position = batch.next_position()
    else:
        position = previous.position
        batch.replaced(previous)
    row = DocumentRow(
        id=document_id_for(sha),
        title=doc.title,
        source=doc.source,
        text=doc.text,
        sha256=sha,
        created_at=now_utc(),
        position=position,
        format=doc.format,
        encoding=doc.encoding,
        original_name=doc.original_name,
        # What the file does not say is kept from the version before (edited or not).
        author=doc.author or (previous.author if previous else None),
        published=doc.published or (previous.published if previous else None),
        version=previous.version + 1 if previous else 1,
        previous_id=previous.id if previous else None,
        confidence=None if doc.encoding_chosen else doc.confidence,
        encoding_chosen=doc.encoding_chosen,
    )
    s.add(row)
    s.flush()
    if doc.original is not None:
        s.add(OriginalRow(document_id=row.id, data=doc.original))
    batch.made.add(row.id)
    carried = None
    if previous is not None:
        memos.follow(s, previous.id, row.id)  # a memo is the document's, not the version's
    if previous is not None and diff is not None:
        carried = carry_over(s, previous, row.id, diff)
    return ImportResult(document_of(row), created=True, carried=carried)


# A title alone names a known source only if at least this share of the old text is
# still there: two unrelated files may well share a title ("Untitled", "Report").


def known_source(
    s: Session, doc: NewDocument, batch: ImportBatch
) -> tuple[DocumentRow | None, TextDiff | None]:
    """The newest version of the document ``doc`` is a new text of, with the diff of the
    two texts, or ``(None, None)``. Known is the same source path, else the same title
    with enough of the old text unchanged (:func:`version_diff`); among several,
    the one imported last. Documents this import created do not count."""
    for column, value in (("source", doc.source), ("title", doc.title)):
        for row_id in batch.heads(column, value):
            if row_id in batch.made:
                continue
            row = s.get(DocumentRow, row_id)
            if row is None:  # deleted by this transaction: not one to match
                continue
            diff = version_diff(row.text, doc.text, same_source=column == "source")
            if diff is None:
                break
            return row, diff
    return None, None


def carry_over(s: Session, previous: DocumentRow, new_id: str, diff: TextDiff) -> CarriedOver:
    """Move ``previous``'s annotations onto the new version ``new_id`` where they can be
    placed; flag the rest orphaned (they stay where they are). An annotation that would
    land exactly on another's label, span and annotator stays behind as an orphan too."""
    query = (
        select(*ANNOTATION_COLUMNS)
        .where(AnnotationRow.document_id == previous.id, ~AnnotationRow.orphaned)
        .order_by(AnnotationRow.start_offset, AnnotationRow.end_offset, AnnotationRow.id)
    )
    annotations = [from_columns(row) for row in s.execute(query)]
    placements = [diff.place(ann.start, ann.end) for ann in annotations]
    rank = {EXACT: 0, QUOTE: 1, FUZZY: 2}
    taken: set[tuple[str, int, int, str]] = set()
    moved: list[dict[str, object]] = []
    left: list[Annotation] = []
    counts = dict.fromkeys(rank, 0)
    for i in sorted(range(len(annotations)), key=lambda i: rank.get(placements[i].how, 3)):
        ann, placed = annotations[i], placements[i]
        key = (ann.label, placed.start, placed.end, ann.annotator)
        if not placed.placed or key in taken:
            left.append(ann)
            continue
        taken.add(key)
        counts[placed.how] += 1
        moved.append({"key": ann.id, "start": placed.start, "end": placed.end})
    moment = now_utc()
    table = AnnotationRow.__table__
    if moved:
        s.execute(
            update(table)
            .where(table.c.id == bindparam("key"))
            .values(
                document_id=new_id,
                start_offset=bindparam("start"),
                end_offset=bindparam("end"),
                updated_at=moment,
                version=table.c.version + 1,
            ),
            moved,
        )
    if left:
        s.execute(
            update(table)
            .where(table.c.id == bindparam("key"))
            .values(orphaned=True, updated_at=moment, version=table.c.version + 1),
            [{"key": ann.id} for ann in left],
        )
    left.sort(key=lambda ann: (ann.start, ann.end, ann.label, ann.id))
    orphans = tuple(
        Orphan(
            ann._replace(orphaned=True, updated_at=moment, version=ann.version + 1),
            previous.version,
            previous.text[ann.start : ann.end],
        )
        for ann in left
    )
    return CarriedOver(document_of(previous), counts[EXACT], counts[QUOTE], counts[FUZZY], orphans)


def version_chain(rows: Mapping[str, Any], document_id: str) -> list[str]:
    """The ids of every version of ``document_id``'s document, newest first; ``rows``
    maps ids to rows with ``previous_id``."""
    successor = {row.previous_id: doc_id for doc_id, row in rows.items() if row.previous_id}
    newest, seen = document_id, {document_id}
    while successor.get(newest) not in (None, *seen):
        newest = successor[newest]
        seen.add(newest)
    chain: list[str] = []
    at: str | None = newest
    while at is not None and at in rows and at not in chain:
        chain.append(at)
        at = rows[at].previous_id
    return chain
