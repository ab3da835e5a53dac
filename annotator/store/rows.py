"""Rows to core types and back, and the small reads and writes that several store
operations share (inside their session)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import (
    delete,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from annotator.core.attributes import as_attributes, clashes, spec_from_dict, spec_to_dict
from annotator.core.messages import N_, say
from annotator.core.model import (
    Annotation,
    Document,
    Label,
)
from annotator.core.suggest.model import Rejection
from annotator.store.annotation_reads import from_columns
from annotator.store.errors import StoreError
from annotator.store.models import (
    ANNOTATION_COLUMNS,
    AnnotationRow,
    DocumentRow,
    LabelRow,
    RejectionRow,
)
from annotator.store.plain_reads import label_from

BATCH = 500  # ids per query: well under SQLite's limit on parameters


def now_utc() -> datetime:
    """Naive UTC now, cut to milliseconds so stored and exported times agree exactly."""
    moment = datetime.now(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def new_id() -> str:
    return str(uuid.uuid4())


def rejected_keys(s: Session, document_id: str) -> set[tuple[str, int, int]]:
    """The (label, start, end) of every rejection remembered in the document."""
    query = select(RejectionRow.label, RejectionRow.start_offset, RejectionRow.end_offset)
    rows = s.execute(query.where(RejectionRow.document_id == document_id))
    return {(label, start, end) for label, start, end in rows}


def remember_rejections(s: Session, rejected: Sequence[Rejection], moment: datetime) -> None:
    """Add rejection rows for ``rejected`` (one remembered already stays as it was)."""
    known: dict[str, set[tuple[str, int, int]]] = {}
    for r in rejected:
        if r.document_id not in known:
            known[r.document_id] = rejected_keys(s, r.document_id)
        if r.key in known[r.document_id]:
            continue
        known[r.document_id].add(r.key)
        s.add(
            RejectionRow(
                document_id=r.document_id,
                label=r.label,
                start_offset=r.start,
                end_offset=r.end,
                rule=r.rule,
                rejected_by=r.by,
                rejected_at=moment,
            )
        )
    s.flush()


def forget_rejections(s: Session, rejections: Sequence[Rejection]) -> None:
    """Delete the rejection rows of ``rejections`` (matched on document and key)."""
    for r in rejections:
        s.execute(
            delete(RejectionRow).where(
                RejectionRow.document_id == r.document_id,
                RejectionRow.label == r.label,
                RejectionRow.start_offset == r.start,
                RejectionRow.end_offset == r.end,
            )
        )


def present(s: Session, column: InstrumentedAttribute[str], values: Sequence[str]) -> set[str]:
    """Those of ``values`` found in ``column`` (a primary key), read in batches."""
    found: set[str] = set()
    for first in range(0, len(values), BATCH):
        found.update(s.scalars(select(column).where(column.in_(values[first : first + BATCH]))))
    return found


def refuse_clash(s: Session, label: str, rows: Sequence[AnnotationRow] | None) -> None:
    """Raise :class:`StoreError` if any of ``rows`` (``None``: every annotation with the
    label) holds an attribute value that does not fit ``label``'s definition of it."""
    spec_row = s.get(LabelRow, label)
    specs = [spec_from_dict(item) for item in (spec_row.attributes or ())] if spec_row else []
    if not specs:
        return
    if rows is None:
        query = select(AnnotationRow).where(
            AnnotationRow.label == label, AnnotationRow.attributes.is_not(None)
        )
        rows = s.scalars(query).all()
    found = [
        problem
        for row in rows
        if row.attributes
        for problem in clashes(specs, as_attributes(row.attributes))
    ]
    if found:
        raise StoreError(
            say(
                N_(
                    "{count} attribute value(s) would not fit label {label}'s definitions, "
                    "e.g. {found}; change or clear those values first"
                ),
                count=len(found),
                label=repr(label),
                found=found[0],
            )
        )


def twin_of(
    s: Session,
    document_id: str,
    label: str,
    start: int,
    end: int,
    annotator: str,
    other_than: str | None = None,
) -> Annotation | None:
    """The annotator's annotation with exactly this label and span, if there is one."""
    query = select(*ANNOTATION_COLUMNS).where(
        AnnotationRow.document_id == document_id,
        AnnotationRow.label == label,
        AnnotationRow.start_offset == start,
        AnnotationRow.end_offset == end,
        AnnotationRow.annotator == annotator,
    )
    if other_than is not None:
        query = query.where(AnnotationRow.id != other_than)
    row = s.execute(query).first()
    return None if row is None else from_columns(row)


def label_of(row: LabelRow) -> Label:
    return label_from(row.name, row.color, row.hotkey, row.description, row.attributes)


def specs_json(label: Label) -> list[dict[str, object]] | None:
    return [spec_to_dict(spec) for spec in label.attributes] or None


def document_of(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        title=row.title,
        source=row.source,
        text=row.text,
        sha256=row.sha256,
        created_at=row.created_at,
        format=row.format,
        encoding=row.encoding,
        original_name=row.original_name,
        author=row.author,
        published=row.published,
        version=row.version,
        previous_id=row.previous_id,
        confidence=row.confidence,
        encoding_chosen=row.encoding_chosen,
    )


def annotation_of(row: AnnotationRow) -> Annotation:
    return Annotation(
        id=row.id,
        document_id=row.document_id,
        label=row.label,
        start=row.start_offset,
        end=row.end_offset,
        note=row.note,
        annotator=row.annotator,
        created_at=row.created_at,
        updated_at=row.updated_at,
        attributes=as_attributes(row.attributes) if row.attributes else (),
        orphaned=bool(row.orphaned),
        version=row.version,
        source=row.source,
        rule=row.rule,
    )


def refuse_duplicate(s: Session, row: AnnotationRow) -> None:
    """:class:`StoreError` if another row has ``row``'s label, span and annotator."""
    twin = twin_of(
        s,
        row.document_id,
        row.label,
        row.start_offset,
        row.end_offset,
        row.annotator,
        other_than=row.id,
    )
    if twin is not None:
        raise StoreError(say(N_("an identical annotation (same label and span) already exists")))


def refuse_span(s: Session, document_id: str, start: int, end: int, length: int) -> None:
    """Raise the :class:`StoreError` that says the span does not fit the text."""
    title = s.scalar(select(DocumentRow.title).where(DocumentRow.id == document_id))
    raise StoreError(
        say(
            N_("span {start}-{end} does not fit the text of {title} (length {length})"),
            start=start,
            end=end,
            title=repr(title),
            length=length,
        )
    )
